// Citation chips: show the cited sentence highlighted in its article.
(function () {
  "use strict";
  const reader = document.querySelector("aside.reader");
  function showArticle(doc) {
    reader.querySelectorAll(".article").forEach(a => { a.hidden = a.dataset.doc !== doc; });
    reader.querySelectorAll(".tab").forEach(t => t.setAttribute("aria-selected", String(t.dataset.doc === doc)));
    return reader.querySelector('.article[data-doc="' + doc + '"]');
  }
  function unmark() {
    document.querySelectorAll("mark.cited").forEach(m => m.replaceWith(...m.childNodes));
    document.querySelectorAll(".chip.active").forEach(c => c.classList.remove("active"));
  }
  function sentenceAt(article, offset) {
    // The sentence holding the cited offset: a cited clause starts inside its sentence.
    for (const s of article.querySelectorAll(".s")) {
      if (Number(s.dataset.start) <= offset && offset < Number(s.dataset.end)) return s;
    }
    return null;
  }
  function cite(chip) {
    const article = showArticle(chip.dataset.doc);
    const sentence = article && sentenceAt(article, Number(chip.dataset.start));
    unmark();
    chip.classList.add("active");
    if (!sentence) return;
    const mark = document.createElement("mark");
    mark.className = "cited";
    sentence.replaceWith(mark);
    mark.appendChild(sentence);
    mark.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  document.addEventListener("click", event => {
    const chip = event.target.closest(".chip");
    if (chip) { cite(chip); return; }
    const tab = event.target.closest(".tab");
    if (tab) { unmark(); showArticle(tab.dataset.doc); }
  });
})();
