"""The HTML report in a real headless Chromium: it loads cleanly and citations lead to their sentences."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsfuse.analysis.html import to_html

from .conftest import REPO

playwright = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
)

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).exists()),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium at /usr/bin/chromium (make test installs it: apt-get install -y chromium)",
)
# Chromium quietly, offline and without a sandbox (tests run as root in a container).
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def page(example_analysis, tmp_path_factory):
    report = tmp_path_factory.mktemp("report") / "report.html"
    report.write_text(to_html(example_analysis), encoding="utf-8")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=FLAGS,
            headless=True,
            viewport={"width": 1360, "height": 900},
        )
        tab = browser.new_page()
        problems: list[str] = []
        tab.on(
            "console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None
        )
        tab.on("pageerror", lambda e: problems.append(str(e)))
        requests: list[str] = []
        tab.on("request", lambda r: requests.append(r.url))
        tab.goto(report.as_uri())
        tab.wait_for_load_state("load")
        yield tab, problems, requests, report.parent
        browser.close()


def test_page_loads_without_errors_or_outside_requests(page):
    tab, problems, requests, _ = page
    assert problems == []
    assert all(url.startswith("file://") for url in requests)
    assert tab.locator("h1").inner_text().startswith("What 4 sources say")


def test_clicking_a_chip_marks_its_sentence_in_the_article(page):
    tab, problems, _, folder = page
    chip = tab.locator("#summary .chip").first
    doc, start = chip.get_attribute("data-doc"), chip.get_attribute("data-start")
    chip.click()
    mark = tab.locator("mark.cited")
    mark.wait_for(state="visible")
    assert mark.count() == 1
    assert mark.locator(".s").get_attribute("data-start") == start
    article = tab.locator(f'.article[data-doc="{doc}"]')
    assert article.is_visible()
    assert tab.locator(".article:visible").count() == 1
    # The marked sentence is scrolled into the reader's view.
    tab.wait_for_function(
        """() => { const m = document.querySelector('mark.cited').getBoundingClientRect();
                   const a = document.querySelector('.article:not([hidden])').getBoundingClientRect();
                   return m.top >= a.top && m.bottom <= a.bottom; }"""
    )
    summary_text = tab.locator("#summary p").first.inner_text()
    assert mark.inner_text().split()[0] in summary_text
    shot = tab.screenshot(full_page=False)
    (folder / "analysis-screenshot.png").write_bytes(shot)
    reports = REPO / "reports"
    reports.mkdir(exist_ok=True)
    (reports / "analysis-screenshot.png").write_bytes(shot)
    assert problems == []


def test_a_conflict_chip_moves_the_mark_to_another_article(page):
    tab, problems, _, _ = page
    chip = tab.locator("#differ .chip").nth(1)
    chip.click()
    assert tab.locator("mark.cited").count() == 1
    assert tab.locator(f'.article[data-doc="{chip.get_attribute("data-doc")}"]').is_visible()
    sentence = tab.locator("mark.cited .s")
    cited = int(chip.get_attribute("data-start"))
    assert (
        int(sentence.get_attribute("data-start")) <= cited < int(sentence.get_attribute("data-end"))
    )
    assert problems == []


def test_removed_noise_is_folded_away(page):
    tab, _, _, _ = page
    details = tab.locator("#sources details").first
    assert details.get_attribute("open") is None
    assert not details.locator(".noise").is_visible()
    details.locator("summary").click()
    assert details.locator(".noise").is_visible()
