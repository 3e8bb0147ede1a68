"""How well quotes, speakers and merged names match hand labels on real clusters.

The labels (``tests/data/quote_labels.jsonl``, ``tests/data/entity_labels.jsonl``)
were made by reading Multi-News validation clusters; they hold offsets, a hash of
the quoted text and names, never article text. Three measures:

- quote speakers: of the labelled quotations, how many the analysis found (a
  mention covering at least half of the labelled span) and, of those, how many
  have the right speaker: the same normalised name, or the labelled person's last
  name when the analysis gives a last name alone; for a description ("the
  statement") the same head noun. A quotation's speaker is the one its own
  source gives (sources can disagree), else the Quote's majority speaker;
- quote merging: labelled pairs of mentions in different sources that are, or
  are not, the same quotation; a pair is right when both are in one Quote, or
  (for different quotations) when they are not;
- entity merging: for each labelled cluster, the people and every surface form
  each is written as; precision and recall over pairs of surface forms put in one
  person entity.

Label format. ``quote_labels.jsonl``: ``{"kind": "quote", "split", "cluster",
"doc", "start", "end", "sha1", "speaker", "speaker_kind", "aliases"?}`` (offsets
into the document's text, the first 12 hex digits of the quoted text's SHA-1 to
notice drift, the true speaker's name or the description standing for it, and
other names the same person goes by in the cluster) and ``{"kind": "pair",
"split", "cluster", "a": {doc, start, end, sha1}, "b": {...}, "same": bool}``.
``split`` is "dev" (the clusters the rules were developed on), "heldout"
(labelled afterwards; measured once, then some rules were fixed on it), "fresh"
(labelled later; some rules were then fixed on it) or "fresh2" (labelled before
a round of rule changes, measured untouched first, then rules were fixed on it too).
``quote_labels_fresh3.jsonl`` (same format, split "fresh3"; pass it as ``labels``)
was labelled later, measured untouched once at 0.688, then used to fix rules.
``quote_labels_fresh4.jsonl`` (split "fresh4") was labelled while those fixes were
made and measured once after them, untouched: the honest estimate on unseen clusters.
``entity_labels.jsonl``:
``{"cluster", "people": [[surface, ...], ...]}``, each inner list the ways one
person is written; a bare surname two people share is left out.

Every function returns a frozen report; nothing here prints.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from newsfuse.analysis.entities import Entity, _same_person, extract_entities, name_parts
from newsfuse.analysis.nlp import parse_sentences
from newsfuse.analysis.quotes import Quote, extract_quotes
from newsfuse.prepare import PreparedCluster, prepare
from newsfuse.reading import read_clusters

REPO = Path(__file__).resolve().parents[3]
QUOTE_LABELS = REPO / "tests" / "data" / "quote_labels.jsonl"
ENTITY_LABELS = REPO / "tests" / "data" / "entity_labels.jsonl"
DATA = REPO.parent / "shared" / "data" / "multinews-val250.jsonl.gz"
_MIN_OVERLAP = 0.5
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "one"})
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(frozen=True)
class SpeakerError:
    """A labelled quotation whose speaker was missed or wrong."""

    cluster: str
    doc: int
    start: int
    end: int
    expected: str
    found: str | None  # None: no speaker; "<not found>": the quotation was not found


@dataclass(frozen=True)
class QuoteSpeakerReport:
    labelled: int
    found: int
    correct: int
    drifted: int  # labels whose text hash no longer matches the data: skipped
    errors: tuple[SpeakerError, ...]
    person_found: int = 0  # found quotations whose labelled speaker is a named person
    person_correct: int = 0

    @property
    def person_accuracy(self) -> float:
        """Speaker accuracy on quotations said by a named person (not "the statement")."""
        return self.person_correct / self.person_found if self.person_found else 0.0

    @property
    def accuracy(self) -> float:
        """Share of the found labelled quotations whose speaker is right."""
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        """Share of the labelled quotations found at all."""
        return self.found / self.labelled if self.labelled else 0.0


@dataclass(frozen=True)
class QuoteMergeReport:
    pairs: int
    same_pairs: int
    merged: int  # same-quotation pairs in one Quote
    apart: int  # different-quotation pairs kept in different Quotes
    missing: int  # pairs with a mention the analysis did not find
    drifted: int

    @property
    def accuracy(self) -> float:
        return (self.merged + self.apart) / self.pairs if self.pairs else 0.0

    @property
    def merge_recall(self) -> float:
        return self.merged / self.same_pairs if self.same_pairs else 0.0

    @property
    def apart_rate(self) -> float:
        different = self.pairs - self.same_pairs
        return self.apart / different if different else 0.0


@dataclass(frozen=True)
class EntityMergeReport:
    clusters: int
    people: int
    surfaces: int
    surfaces_found: int
    true_pairs: int
    false_pairs: tuple[tuple[str, str, str], ...]  # (cluster, surface, surface) merged wrongly
    missed_pairs: tuple[tuple[str, str, str], ...]  # labelled the same, not merged

    @property
    def precision(self) -> float:
        merged = self.true_pairs + len(self.false_pairs)
        return self.true_pairs / merged if merged else 0.0

    @property
    def recall(self) -> float:
        labelled = self.true_pairs + len(self.missed_pairs)
        return self.true_pairs / labelled if labelled else 0.0


@dataclass(frozen=True)
class Analysed:
    cluster: PreparedCluster
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def text_hash(text: str) -> str:
    """The label's check on the quoted text: first 12 hex digits of its SHA-1."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=2)
def _records(data: str) -> dict:
    return {r.id: r for r in read_clusters(data)}


@lru_cache(maxsize=256)
def analyse(data: str, cluster_id: str) -> Analysed:
    """Quotes and entities of one cluster of ``data`` (cached: the measures share clusters)."""
    record = _records(data)[cluster_id]
    cluster = prepare(record.documents)
    parsed = parse_sentences(cluster)
    entities = extract_entities(cluster, parsed)
    return Analysed(cluster, entities, extract_quotes(cluster, parsed, entities))


def _mention_at(analysed: Analysed, doc: int, start: int, end: int) -> tuple[Quote, int] | None:
    """The Quote with a mention covering most of ``[start, end)`` in document ``doc``."""
    doc_id = analysed.cluster.documents[doc].id
    best, best_overlap = None, 0
    for quote in analysed.quotes:
        for number, mention in enumerate(quote.mentions):
            if mention.doc_id != doc_id:
                continue
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap > best_overlap:
                best, best_overlap = (quote, number), overlap
    if best is None or best_overlap < _MIN_OVERLAP * (end - start):
        return None
    return best


def _drifted(analysed: Analysed, label: dict) -> bool:
    text = analysed.cluster.documents[label["doc"]].text
    return text_hash(text[label["start"] : label["end"]]) != label["sha1"]


def _plain(name: str) -> tuple[str, ...]:
    words = name_parts(name) or name_parts(name, "")  # "the producer": a description
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    while len(words) > 1 and words[-1] in _GENERATIONS:
        words = words[:-1]
    return words


def speaker_matches(expected: str, found: str | None) -> bool:
    """Whether a found speaker is the labelled one.

    The same normalised name ("Mr. Kim Yong-chol" = "Kim Yong Chol"), with or
    without middle names ("William W. Taylor III" = "William Taylor"); or the
    labelled person's last name alone ("Camp" for "Dave Camp"); or, for a
    description, the same head noun ("the statement" = "statement").
    """
    if not found:
        return False
    want, got = _plain(expected), _plain(found)
    if not want or not got:
        return False
    if want == got or _same_person(want, got) or _same_person(got, want):
        return True
    return want[-1] == got[-1] and (len(got) == 1 or len(want) == 1)


def _speaker_error(row: dict, found: str | None) -> SpeakerError:
    return SpeakerError(row["cluster"], row["doc"], row["start"], row["end"], row["speaker"], found)


def measure_quotes(
    labels: str | Path = QUOTE_LABELS, data: str | Path = DATA, split: str | None = None
) -> tuple[QuoteSpeakerReport, QuoteMergeReport]:
    """Speaker accuracy and cross-source merging on the labelled quotations.

    ``split``: only the labels of that part ("dev": the clusters the rules were
    developed on; "heldout", "fresh", "fresh2": clusters labelled afterwards, see above).
    """
    rows = [r for r in read_jsonl(labels) if split is None or r.get("split") == split]
    data = str(data)
    labelled = found = correct = drifted = person_found = person_correct = 0
    errors: list[SpeakerError] = []
    pairs = same_pairs = merged = apart = missing = pair_drift = 0
    for row in rows:
        analysed = analyse(data, row["cluster"])
        if row["kind"] == "quote":
            if _drifted(analysed, row):
                drifted += 1
                continue
            labelled += 1
            hit = _mention_at(analysed, row["doc"], row["start"], row["end"])
            if hit is None:
                errors.append(_speaker_error(row, "<not found>"))
                continue
            found += 1
            person = row.get("speaker_kind", "person") == "person"
            person_found += person
            # The speaker this source gives (sources can disagree), else the Quote's.
            quote, number = hit
            speaker = quote.mentions[number].speaker or quote.speaker
            names = [row["speaker"], *row.get("aliases", ())]
            if any(speaker_matches(name, speaker) for name in names):
                correct += 1
                person_correct += person
            else:
                errors.append(_speaker_error(row, speaker))
        elif row["kind"] == "pair":
            a, b = row["a"], row["b"]
            if _drifted(analysed, a) or _drifted(analysed, b):
                pair_drift += 1
                continue
            pairs += 1
            same_pairs += row["same"]
            hit_a = _mention_at(analysed, a["doc"], a["start"], a["end"])
            hit_b = _mention_at(analysed, b["doc"], b["start"], b["end"])
            if hit_a is None or hit_b is None:
                missing += 1
                apart += not row["same"]
                continue
            together = hit_a[0] is hit_b[0]
            if row["same"] and together:
                merged += 1
            elif not row["same"] and not together:
                apart += 1
    return (
        QuoteSpeakerReport(
            labelled, found, correct, drifted, tuple(errors), person_found, person_correct
        ),
        QuoteMergeReport(pairs, same_pairs, merged, apart, missing, pair_drift),
    )


def surface_key(surface: str) -> str:
    """A surface form as compared: spacing collapsed, apostrophes straightened, no possessive."""
    text = " ".join(surface.replace("’", "'").split())
    return text.removesuffix("'s")


def _pairs(groups: Iterable[Iterable[str]], keep: set[str]) -> set[tuple[str, str]]:
    out = set()
    for group in groups:
        members = sorted({surface_key(s) for s in group} & keep)
        out.update(combinations(members, 2))
    return out


def measure_entities(
    labels: str | Path = ENTITY_LABELS, data: str | Path = DATA
) -> EntityMergeReport:
    """Pairwise precision and recall of person merging on the labelled clusters."""
    rows = read_jsonl(labels)
    data = str(data)
    people = surfaces = surfaces_found = true_pairs = 0
    false_pairs: list[tuple[str, str, str]] = []
    missed_pairs: list[tuple[str, str, str]] = []
    for row in rows:
        analysed = analyse(data, row["cluster"])
        labelled_groups: Sequence[Sequence[str]] = row["people"]
        labelled = {surface_key(s) for group in labelled_groups for s in group}
        system_groups = [
            [*e.variants, *e.suspect_variants] for e in analysed.entities if e.type == "PERSON"
        ]
        system_surfaces = {surface_key(s) for group in system_groups for s in group}
        people += len(labelled_groups)
        surfaces += len(labelled)
        surfaces_found += len(labelled & system_surfaces)
        expected = _pairs(labelled_groups, labelled)
        got = _pairs(system_groups, labelled)
        true_pairs += len(expected & got)
        false_pairs.extend((row["cluster"], *p) for p in sorted(got - expected))
        missed_pairs.extend((row["cluster"], *p) for p in sorted(expected - got))
    return EntityMergeReport(
        len(rows),
        people,
        surfaces,
        surfaces_found,
        true_pairs,
        tuple(false_pairs),
        tuple(missed_pairs),
    )
