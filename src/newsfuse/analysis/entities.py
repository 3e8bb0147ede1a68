"""People, organisations and places named in a cluster, merged across its sources.

spaCy finds the names in each sentence; this module decides which names are the
same entity:

- spellings that normalise alike are one name: case, accents, hyphens and dots
  ("Kim Yong-chol" / "Kim Yong Chol", "U.S." / "US"), honorifics ("Mr."/"Mr"),
  titles spaCy took into the name ("President Trump", two-word ones such as "First
  Lady" and "Prime Minister"), possessives, a leading "the", company suffixes;
- a full name and a longer one with the same first and last parts are one person
  ("Donald Trump" / "Donald J. Trump");
- a one-word name ("Pompeo", "Mr Kim", "Hillary") joins the one full name it can
  be the first or last part of; when several full names fit ("Kim" with both
  "Kim Jong Un" and "Kim Yong Chol"), a title decides ("Senator Doe" is the one
  of them written with a title, if only one is), else the nearest full name before
  it in the same article, else the nearest after it; else the name stays on its
  own. Distinct full names are never merged with each other;
- a "person" only ever written right after "the" ("the Harbour Gazette") is an
  organisation: people's names take no article;
- acronyms join the names they abbreviate ("DPRK"), and a few countries have
  fixed aliases ("USA", "America", "United States");
- a full name seen in one article only, once or twice, that differs from a name
  other sources use more by a small edit in one part ("Kon Yong-chol" for "Kim
  Yong-chol") is kept as a *suspect variant* of that entity: probably a typo.

spaCy's small model misses some mentions of a name it found elsewhere (a bare
"Pompeo" before "told"), so once the people are known their full names and last
names are also looked up among each sentence's proper-noun tokens.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from newsfuse.prepare import PreparedCluster

TYPES = ("PERSON", "ORG", "GPE")
_SPACY_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE"}

HONORIFICS = frozenset("mr mrs ms miss mx dr sir dame madam mme mssrs messrs".split())
# Titles spaCy sometimes takes into a PERSON span ("President Trump"): dropped from the name.
TITLES = frozenset(
    """
    president vice secretary sen senator rep representative gov governor mayor gen general
    col colonel lt lieutenant capt captain sgt sergeant adm admiral prof professor rev
    reverend judge justice chairman chairwoman chair director minister premier chancellor
    king queen prince princess pope father sister brother saint st ambassador commissioner
    attorney officer detective chief deputy speaker leader former late candidate coach
    spokesman spokeswoman spokesperson lord lady sheriff president-elect councilman
    councilwoman councillor councilor alderman congressman congresswoman assemblyman
    assemblywoman delegate supervisor superintendent principal sheikh emir ayatollah
    rabbi imam bishop cardinal archbishop pastor dean chef agent inspector constable
    trooper marshal magistrate comptroller treasurer mp mep actor actress singer rapper
    pilot pilots writer author producer comedian host anchor reporter journalist designer
    guitarist drummer player star model artist poet novelist
    """.split()
)
# Words that make a title with the title after them ("First Lady", "Prime Minister").
_TITLE_MODIFIERS = frozenset("first prime supreme acting interim".split())
_NAME_SUFFIXES = frozenset("jr sr ii iii iv".split())
_PARTICLES = frozenset("de del della der di da dos du la le van von bin ibn al el ben st".split())
_ORG_WORDS = frozenset(
    """
    organization organisation university college school foundation institute inc corp company
    group party committee department ministry council agency association union bank club
    league team fund trust society center centre office bureau board commission court times
    news post press network studios records church hospital airlines airways
    """.split()
)
_ORG_SUFFIXES = frozenset("inc corp corporation co ltd llc plc ag sa".split())
_ACRONYM_SKIP = frozenset("of the and for de du la le".split())
_GPE_ALIASES = {
    ("us",): ("united", "states"),
    ("usa",): ("united", "states"),
    ("america",): ("united", "states"),
    ("united", "states", "of", "america"): ("united", "states"),
    ("uk",): ("united", "kingdom"),
    ("britain",): ("united", "kingdom"),
    ("great", "britain"): ("united", "kingdom"),
}
_POSSESSIVE_ENDINGS = ("'s", "’s", "'S", "’S")
_MAX_NAME_TOKENS = 6
# An inverted attribution ("Added Doe: ...", "Adds Doe: ...") that spaCy read as part of
# the name: a speech verb, capitalised at the start of its sentence. ("Said" is left out:
# it is a given name too.)
_INVERTED_VERBS = frozenset(
    """
    added adds offered offers continued continues explained explains noted notes recalled
    recalls replied replies quipped quips wrote writes says asked asks countered counters
    concluded concludes insisted insists
    """.split()
)
# A full name used once or twice in a single article is a typo suspect if it
# differs from a better-attested name in one part by at most this edit distance.
SUSPECT_MAX_MENTIONS = 2
SUSPECT_EDIT_DISTANCE = 2
_SUSPECT_MIN_PART = 3
_SUSPECT_SINGLE_MIN_CHARS = 5
# A one-word name refers to a full name written this many sentences before it or fewer.
_NEAR_SENTENCES = 1


@dataclass(frozen=True)
class EntityMention:
    """One place a name is written: ``document.text[start:end] == text``."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, with every way the cluster writes it."""

    name: str
    type: str
    variants: tuple[str, ...]
    suspect_variants: tuple[str, ...]
    doc_ids: tuple[str, ...]
    mentions: tuple[EntityMention, ...]


@dataclass
class _Raw:
    """A name found in one sentence, before merging."""

    sentence: int
    doc_index: int
    doc_id: str
    start: int
    end: int
    text: str
    key: tuple[str, ...]
    label: str
    dep: str = ""
    after_the: bool = False  # written right after "the", as a noun phrase's head
    titled: bool = False  # written after a title: "Sen. Jane Doe", "Senator Doe"


@dataclass
class _Group:
    keys: set[tuple[str, ...]] = field(default_factory=set)
    raws: list[_Raw] = field(default_factory=list)
    suspects: list[_Raw] = field(default_factory=list)


def _fold(text: str) -> str:
    """Lowercase, accents removed, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def name_parts(text: str, type_: str = "PERSON") -> tuple[str, ...]:
    """The normalised words of a name: ``"Mr. Kim Yong-chol's"`` -> ``("kim", "yong", "chol")``."""
    text = _fold(text)
    text = text.removesuffix("'s")
    # Dots: "U.S." -> "us", "J." -> "j"; hyphens and other punctuation separate words.
    text = text.replace(".", "")
    words = "".join(c if c.isalnum() or c == "'" else " " for c in text).split()
    words = [w.strip("'") for w in words if w.strip("'")]
    if words and words[0] == "the":
        words = words[1:]
    if type_ == "PERSON":
        while words and (words[0] in HONORIFICS or _is_title(*words[:2])):
            words = words[1:]
    elif type_ == "ORG":
        while len(words) > 1 and words[-1] in _ORG_SUFFIXES:
            words = words[:-1]
    key = tuple(words)
    if type_ == "GPE":
        key = _GPE_ALIASES.get(key, key)
    return key


def _is_title(word: str, following: str = "") -> bool:
    """``word`` starts a title: "senator", or "first" before "lady", "prime" before "minister"."""
    return word in TITLES or (word in _TITLE_MODIFIERS and following in TITLES)


def _starts_with_title(tokens: Sequence) -> bool:
    first, second = (t.lower_.rstrip(".") for t in tokens[:2])
    return first in HONORIFICS or _is_title(first, second)


def _trim_span(span: Span, label: str) -> tuple[int, int] | None:
    """Token bounds of the name in ``span``: no leading "the"/title, no possessive, no edge punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s", "'", "’")):
        end -= 1
    if label == "PERSON":
        # Titles and descriptions spaCy took in: "President Trump", "Actress Lili Bernard".
        while start < end - 1 and (
            _is_title(doc[start].lower_.rstrip("."), doc[start + 1].lower_.rstrip("."))
            or doc[start].pos_ in ("NOUN", "ADJ", "VERB")
            or (doc[start].lower_ in _INVERTED_VERBS and _opens_clause(doc, start))
        ):
            start += 1
        # A name stops at a lowercase word: "Stephen kicks off" -> "Stephen".
        for i in range(start + 1, end):
            attached = doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_
            if (
                doc[i].is_alpha
                and doc[i].is_lower
                and doc[i].lower_ not in _PARTICLES
                and not attached
            ):
                end = i
                break
        # Keep an honorific written just before the name: "Mr Kim", "Mr. Kim".
        if start > 0 and doc[start - 1].lower_.rstrip(".") in HONORIFICS:
            start -= 1
    # spaCy splits some hyphenated given names: "Moon Jae" + "-" + "in".
    while (
        end + 1 < len(doc)
        and doc[end].text in ("-", "‐")
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end + 1].is_lower
    ):
        end += 2
    if start >= end or end - start > _MAX_NAME_TOKENS:
        return None
    # "State" in "Secretary of State", "Defense" in "Minister of Defense": part of a title.
    if (
        label == "ORG"
        and end - start == 1
        and start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in TITLES
    ):
        return None
    return start, end


def _opens_clause(doc: Doc, i: int) -> bool:
    """Token ``i`` starts its sentence, or follows a quotation mark, comma or dash."""
    return (
        i == 0
        or doc[i].is_sent_start
        or doc[i - 1].text in (",", ";", ":", "—", "–", "--", '"', "“", "”", "'", "’", "''")
    )


def _after_title(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].lower_.rstrip(".") in TITLES


def _char_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    first, last = doc[start], doc[end - 1]
    text = doc.text
    stop = last.idx + len(last.text)
    # A possessive glued to the last token ("Pompeo’s" as one token).
    for ending in _POSSESSIVE_ENDINGS:
        if text[first.idx : stop].endswith(ending) and stop - first.idx > len(ending):
            stop -= len(ending)
            break
    return first.idx, stop


def _is_name_like(key: tuple[str, ...], text: str) -> bool:
    return bool(key) and any(c.isupper() for c in text) and any(c.isalpha() for c in "".join(key))


def _looks_like_person(tokens: Sequence) -> bool:
    return 2 <= len(tokens) <= 3 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in _ORG_WORDS for t in tokens
    )


def _spans(doc: Doc) -> list[tuple[Span, str]]:
    """spaCy's names with our types; "Tina Fey and Eva Longoria" split into two people."""
    out = []
    for span in doc.ents:
        label = _SPACY_TYPES.get(span.label_)
        if label is None:
            continue
        commas = [t.i for t in span if t.text == ","]
        parts = [doc[a + 1 : b] for a, b in zip([span.start - 1, *commas], [*commas, span.end])]
        if commas and (
            label == "PERSON"
            or (
                label == "ORG"
                and all(0 < len(p) <= 3 and all(t.pos_ == "PROPN" for t in p) for p in parts)
            )
        ):
            # "McCabe, Chaffetz": a list spaCy read as one name.
            part_start = span.start
            for t in [*[t for t in span if t.text == ","], None]:
                part_end = t.i if t is not None else span.end
                if part_end > part_start:
                    out.append((doc[part_start:part_end], "PERSON" if label == "PERSON" else label))
                part_start = part_end + 1
            continue
        joins = [t.i for t in span if t.lower_ in ("and", "&")]
        if label in ("PERSON", "ORG") and len(joins) == 1:
            left, right = doc[span.start : joins[0]], doc[joins[0] + 1 : span.end]
            if _looks_like_person(left) and _looks_like_person(right):
                out.extend([(left, "PERSON"), (right, "PERSON")])
                continue
        out.append((span, label))
    return out


def _raw_mentions(cluster: PreparedCluster, parsed: Sequence[Doc]) -> list[_Raw]:
    raws: list[_Raw] = []
    for index, (sentence, doc) in enumerate(zip(cluster.sentences, parsed)):
        for span, label in _spans(doc):
            bounds = _trim_span(span, label)
            if bounds is None:
                continue
            start, end = _char_bounds(doc, *bounds)
            text = doc.text[start:end]
            key = name_parts(text, label)
            if not _is_name_like(key, text):
                continue
            raws.append(
                _Raw(
                    index,
                    sentence.doc_index,
                    sentence.doc_id,
                    sentence.start + start,
                    sentence.start + end,
                    text,
                    key,
                    label,
                    doc[bounds[1] - 1].dep_,
                    # "the Harbour Gazette", but not "the Doe administration": a modifier
                    bounds[0] > 0
                    and doc[bounds[0] - 1].lower_ == "the"
                    and doc[bounds[1] - 1].dep_ != "compound",
                    _after_title(doc, bounds[0]),
                )
            )
    return raws


def _retype(raws: list[_Raw]) -> None:
    """Give every mention of a name the type most of its mentions have (people win ties)."""
    labels: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for raw in raws:
        labels[name_parts(raw.text, "")][raw.label] += 1
    person_parts = {
        part
        for key, count in labels.items()
        if len(key) > 1 and count["PERSON"]
        for part in (key[0], key[-1])
    }
    chosen: dict[tuple[str, ...], str] = {
        key: max(TYPES, key=lambda t: (count[t], t == "PERSON", t == "ORG"))
        for key, count in labels.items()
    }
    person_singles = {k[0] for k, t in chosen.items() if t == "PERSON" and len(k) == 1}
    person_last = {k[-1] for k, t in chosen.items() if t == "PERSON" and len(k) > 1}
    # "Kris Humphries", "Meredith Kercher" as organisations, while "Kris" or the
    # Kercher family are people: two or three plain name words are a person.
    for key, label in chosen.items():
        if (
            label == "ORG"
            and 2 <= len(key) <= 3
            and not set(key) & _ORG_WORDS
            and (key[0] in person_singles or key[-1] in person_singles | person_last)
        ):
            chosen[key] = "PERSON"
    person_parts |= {
        part
        for key, t in chosen.items()
        if t == "PERSON" and len(key) > 1
        for part in (key[0], key[-1])
    }
    for key, label in chosen.items():
        # A one-word name that is part of a person's full name and that spaCy
        # called an organisation ("Pompeo" as ORG) is the person.
        if label == "ORG" and len(key) == 1 and key[0] in person_parts:
            chosen[key] = "PERSON"
    surnames_in: dict[str, set[str]] = defaultdict(set)
    for raw in raws:
        if raw.label == "PERSON" and len(raw.key) > 1:
            surnames_in[raw.doc_id].add(raw.key[-1])
    for raw in raws:
        label = chosen[name_parts(raw.text, "")]
        # "Vecchio said", with "Karen Vecchio" earlier in the article: a person, not a place.
        if (
            label == "GPE"
            and len(raw.key) == 1
            and raw.dep in ("nsubj", "nsubjpass", "poss")
            and raw.key[0] in surnames_in[raw.doc_id]
        ):
            label = "PERSON"
        if raw.label != label:
            raw.key = name_parts(raw.text, label)
            raw.label = label


def _retype_things(raws: list[_Raw]) -> None:
    """A "person" only ever written after "the" ("the Harbour Gazette", a book "Off the
    Harbour") is not one: people's names take no article. Such a name becomes an
    organisation."""
    always_after_the: dict[tuple[str, ...], bool] = {}
    for raw in raws:
        if raw.label == "PERSON":
            always_after_the[raw.key] = always_after_the.get(raw.key, True) and raw.after_the
    for raw in raws:
        if raw.label == "PERSON" and always_after_the[raw.key]:
            raw.label, raw.key = "ORG", name_parts(raw.text, "ORG")


def _missed_person_mentions(
    cluster: PreparedCluster, parsed: Sequence[Doc], raws: list[_Raw]
) -> list[_Raw]:
    """Mentions of known people that spaCy did not tag: full names and last names as PROPN tokens."""
    full = {r.key for r in raws if r.label == "PERSON" and len(r.key) > 1}
    last_names = {k[-1] for k in full} | {k[0] for k in full}
    singles = {r.key[0] for r in raws if r.label == "PERSON" and len(r.key) == 1}
    lookup = last_names | singles
    surnames = {k[-1] for k in full} | singles
    if not full and not lookup:
        return []
    max_len = max((len(k) for k in full), default=1)
    covered: dict[int, list[_Raw]] = defaultdict(list)
    for raw in raws:
        covered[raw.sentence].append(raw)
    found: list[_Raw] = []
    for index, (sentence, doc) in enumerate(zip(cluster.sentences, parsed)):
        taken = covered.get(index, [])
        i = 0
        while i < len(doc):
            token = doc[i]
            if not token.text[:1].isupper() or token.pos_ not in (
                "PROPN",
                "NOUN",
                "ADJ",
                "X",
                "VERB",
            ):
                i += 1
                continue
            match = None
            for length in range(min(max(max_len, 3), len(doc) - i), 0, -1):
                start, end = _char_bounds(doc, i, i + length)
                key = name_parts(doc.text[start:end])
                run = doc[i : i + length]
                if run[-1].is_punct or run[-1].is_space or (length > 1 and _starts_with_title(run)):
                    continue
                known = length > 1 and key in full
                if (
                    known
                    or (
                        # "Lili Bernard" untagged, with "Bernard" a person elsewhere.
                        length > 1
                        and len(key) == length
                        and key[-1] in surnames
                        and _looks_like_person(run)
                        and run[0].lower_ not in TITLES
                        and not (run[0].lower_ in _INVERTED_VERBS and _opens_clause(doc, i))
                    )
                    or (
                        # A capitalised word inside a sentence, or a proper noun anywhere.
                        length == 1
                        and len(key) == 1
                        and key[0] in lookup
                        and (
                            token.pos_ == "PROPN"
                            or token.dep_ in ("nsubj", "nsubjpass")
                            or (
                                i > 0
                                and not token.is_sent_start
                                and doc[i - 1].text not in ('"', "“", "'", "‘")
                            )
                        )
                    )
                ):
                    match = (i, i + length, known)
                    break
            if match is None:
                i += 1
                continue
            s, e, known = match
            if s > 0 and doc[s - 1].lower_.rstrip(".") in HONORIFICS:
                s -= 1
            start, end = _char_bounds(doc, s, e)
            absolute = (sentence.start + start, sentence.start + end)
            overlapping = [r for r in taken if r.start < absolute[1] and absolute[0] < r.end]
            # A known full name spaCy cut short ("Lee Sung" + "Min"): the full name wins.
            if (
                known
                and overlapping
                and all(
                    r.label == "PERSON"
                    and absolute[0] <= r.start
                    and r.end <= absolute[1]
                    and len(r.key) < e - s
                    for r in overlapping
                )
            ):
                for r in overlapping:
                    raws.remove(r)
                    taken.remove(r)
                overlapping = []
            if not overlapping:
                text = doc.text[start:end]
                found.append(
                    _Raw(
                        index,
                        sentence.doc_index,
                        sentence.doc_id,
                        *absolute,
                        text,
                        name_parts(text),
                        "PERSON",
                        titled=_after_title(doc, s),
                    )
                )
            i = match[1]
    return found


def _union_find(items: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    return {item: item for item in items}


def _find(parent: dict, item):
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def _same_person(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` is ``long`` with fewer parts: no middle name or initial ("donald trump" /
    "donald j trump"), no first name ("jing xu" / "alison jing xu", "trump jr" /
    "donald trump jr"), or no surname after a double given name ("mona lisa" /
    "mona lisa harding")."""
    if len(short) < 2 or len(long) <= len(short):
        return False
    if short[0] == long[0] and short[-1] == long[-1] and set(short) <= set(long):
        return True
    if long[-len(short) :] == short:
        return True
    return (
        len(long) == len(short) + 1
        and long[: len(short)] == short
        and long[-1] not in _NAME_SUFFIXES
    )


def _person_groups(raws: list[_Raw]) -> list[_Group]:
    full_keys = Counter(r.key for r in raws if len(r.key) > 1)
    parent = _union_find(full_keys)
    ordered = sorted(full_keys, key=len)
    for i, short in enumerate(ordered):
        for long in ordered[i + 1 :]:
            if _same_person(short, long):
                parent[_find(parent, long)] = _find(parent, short)
    groups: dict[tuple[str, ...], _Group] = {}
    for key in full_keys:
        groups.setdefault(_find(parent, key), _Group()).keys.add(key)
    for raw in raws:
        if len(raw.key) > 1:
            groups[_find(parent, raw.key)].raws.append(raw)
    person_groups = list(groups.values())
    _attach_single_names(raws, person_groups)
    return person_groups


def _position(raw: _Raw) -> tuple[int, int]:
    return (raw.sentence, raw.start)


def _attach_single_names(raws: list[_Raw], groups: list[_Group]) -> None:
    """Attach each one-word mention to the full name it stands for, or group it by itself."""
    by_last: dict[str, list[int]] = defaultdict(list)
    by_first: dict[str, list[int]] = defaultdict(list)
    for number, group in enumerate(groups):
        for key in group.keys:
            if number not in by_last[key[-1]]:
                by_last[key[-1]].append(number)
            if number not in by_first[key[0]]:
                by_first[key[0]].append(number)
    alone: dict[str, _Group] = {}
    full_by_doc: dict[str, list[tuple[tuple[int, int], int]]] = defaultdict(list)
    for number, group in enumerate(groups):
        for raw in group.raws:
            full_by_doc[raw.doc_id].append((_position(raw), number))
    weight = {n: (len(_docs(g)), len(g.raws)) for n, g in enumerate(groups)}
    for raw in raws:
        if len(raw.key) != 1:
            continue
        token = raw.key[0]
        candidates = by_last.get(token) or by_first.get(token) or []
        # "Senator Doe": of the people sharing the surname, the one written with a title.
        titled = [n for n in candidates if any(r.titled for r in groups[n].raws)]
        if raw.titled and len(titled) == 1:
            candidates = titled
        chosen = None
        if len(candidates) == 1:
            chosen = candidates[0]
        elif candidates:
            chosen = _by_context(raw, candidates, full_by_doc[raw.doc_id], weight)
        if chosen is None:
            alone.setdefault(token, _Group(keys={raw.key})).raws.append(raw)
        else:
            groups[chosen].raws.append(raw)
    groups.extend(alone.values())


def _by_context(
    raw: _Raw, candidates: list[int], in_document: list, weight: dict[int, tuple]
) -> int | None:
    """Which of several full names a one-word name stands for.

    A full name in the same sentence or the one before wins; else the candidate
    the article (then the cluster) names most often in full, if one leads; else
    the nearest full name before it in the article, else after it.
    """
    here = _position(raw)
    before = [(p, n) for p, n in in_document if n in candidates and p < here]
    near = [(p, n) for p, n in before if here[0] - p[0] <= _NEAR_SENTENCES]
    if near:
        return max(near)[1]
    in_article = Counter(n for _, n in in_document if n in candidates)
    for score in (in_article.__getitem__, weight.__getitem__):
        ranked = sorted(candidates, key=score, reverse=True)
        if score(ranked[0]) > score(ranked[1]):
            return ranked[0]
    if before:
        return max(before)[1]
    after = [(p, n) for p, n in in_document if n in candidates and p > here]
    return min(after)[1] if after else None


def _acronym(key: tuple[str, ...]) -> str:
    return "".join(w[0] for w in key if w not in _ACRONYM_SKIP)


def _other_groups(raws: list[_Raw]) -> list[_Group]:
    keys = Counter(r.key for r in raws)
    parent = _union_find(keys)
    long_keys = {}
    for key in keys:
        if len(key) > 1:
            long_keys.setdefault(_acronym(key), []).append(key)
    for key in keys:
        if len(key) == 1 and len(key[0]) >= 2:
            for long in long_keys.get(key[0], ()):
                parent[_find(parent, long)] = _find(parent, key)
    groups: dict[tuple[str, ...], _Group] = {}
    for key in keys:
        groups.setdefault(_find(parent, key), _Group()).keys.add(key)
    for raw in raws:
        groups[_find(parent, raw.key)].raws.append(raw)
    return list(groups.values())


def _docs(group: _Group) -> set[str]:
    return {r.doc_id for r in group.raws}


def _one_part_apart(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    if min(len(x), len(y)) < _SUSPECT_MIN_PART:
        return False
    if len(a) == 1:
        return min(len(x), len(y)) >= _SUSPECT_SINGLE_MIN_CHARS and OSA.distance(x, y) <= 1
    return OSA.distance(x, y) <= SUSPECT_EDIT_DISTANCE


def _fold_suspects(groups: list[_Group], raws: list[_Raw]) -> list[_Group]:
    """Move a rare one-article spelling into the better-attested entity it is a typo of."""
    words_by_doc: dict[str, Counter[str]] = defaultdict(Counter)
    for raw in raws:
        for word in raw.key:
            words_by_doc[raw.doc_id][word] += 1
    kept: list[_Group] = []
    absorbed: set[int] = set()
    order = sorted(range(len(groups)), key=lambda n: (len(_docs(groups[n])), len(groups[n].raws)))
    for n in order:
        group = groups[n]
        docs = _docs(group)
        if len(docs) != 1 or len(group.raws) > SUSPECT_MAX_MENTIONS or len(group.keys) != 1:
            continue
        (key,) = group.keys
        (doc_id,) = docs
        target = None
        for m, other in enumerate(groups):
            if m == n or m in absorbed:
                continue
            other_docs = _docs(other)
            if not (len(other_docs) >= 2 or len(other.raws) > len(group.raws)):
                continue
            if any(_one_part_apart(key, k) for k in other.keys):
                # A spelling the article uses again on its own is a name, not a typo.
                unique = [w for w in key if not any(w in k for k in other.keys)]
                if any(words_by_doc[doc_id][w] > len(group.raws) for w in unique):
                    continue
                if target is None or (len(other_docs), len(other.raws)) > (
                    len(_docs(groups[target])),
                    len(groups[target].raws),
                ):
                    target = m
        if target is not None:
            groups[target].suspects.extend(group.raws)
            absorbed.add(n)
    kept = [g for n, g in enumerate(groups) if n not in absorbed]
    return kept


def _entity(group: _Group, type_: str, doc_order: dict[str, int]) -> Entity:
    raws = sorted(group.raws, key=lambda r: (doc_order[r.doc_id], r.start))
    texts = Counter(r.text for r in raws)
    sources = defaultdict(set)
    for raw in raws:
        sources[raw.key].add(raw.doc_id)
    key_count = Counter(r.key for r in raws)
    best_key = max(
        key_count,
        key=lambda k: (
            len(k) > 1 if type_ == "PERSON" else True,
            len(sources[k]),
            key_count[k],
            len(k),
        ),
    )
    surfaces = Counter(
        _strip_honorific(r.text) if type_ == "PERSON" else r.text for r in raws if r.key == best_key
    )
    name = max(
        surfaces, key=lambda s: (all(c.isalnum() or c in " .'’-" for c in s), surfaces[s], len(s))
    )
    variants = tuple(sorted(texts, key=lambda t: (-texts[t], t)))
    suspects = tuple(dict.fromkeys(r.text for r in group.suspects if r.text not in texts))
    every = sorted([*raws, *group.suspects], key=lambda r: (doc_order[r.doc_id], r.start))
    mentions = tuple(dict.fromkeys(EntityMention(r.doc_id, r.start, r.end, r.text) for r in every))
    doc_ids = tuple(sorted({m.doc_id for m in mentions}, key=doc_order.__getitem__))
    return Entity(name, type_, variants, suspects, doc_ids, mentions)


def _strip_honorific(text: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def extract_entities(cluster: PreparedCluster, parsed: Sequence[Doc]) -> tuple[Entity, ...]:
    """People, organisations and places, merged across sources; most widely reported first."""
    raws = _raw_mentions(cluster, parsed)
    _retype(raws)
    _retype_things(raws)
    raws.extend(_missed_person_mentions(cluster, parsed, raws))
    doc_order = {d.id: n for n, d in enumerate(cluster.documents)}
    entities: list[Entity] = []
    for type_ in TYPES:
        typed = [r for r in raws if r.label == type_]
        if not typed:
            continue
        groups = _person_groups(typed) if type_ == "PERSON" else _other_groups(typed)
        groups = _fold_suspects([g for g in groups if g.raws], typed)
        entities.extend(_entity(g, type_, doc_order) for g in groups)
    first_seen = {id(e): min((doc_order[m.doc_id], m.start) for m in e.mentions) for e in entities}
    entities.sort(key=lambda e: (-len(e.doc_ids), -len(e.mentions), first_seen[id(e)]))
    return tuple(entities)


def _surface_candidates(surface: str) -> tuple[str, ...]:
    return name_parts(surface, "PERSON")


def resolve_person(entities: Sequence[Entity], surface: str) -> str | None:
    """The full name of the person ``surface`` names ("Pompeo", "Mr. Kim", "Kim Yong Chol").

    An exact spelling of a known person wins; else a person whose full name has
    ``surface`` as its first or last part, the most widely reported if several.
    """
    key = _surface_candidates(surface)
    if not key:
        return None
    people = [e for e in entities if e.type == "PERSON"]
    for entity in people:
        spellings = (entity.name, *entity.variants, *entity.suspect_variants)
        if any(name_parts(s) == key for s in spellings):
            return entity.name
    if len(key) > 1:
        for entity in people:
            parts = name_parts(entity.name)
            if _same_person(key, parts) or _same_person(parts, key):
                return entity.name
        return None
    word = key[0]
    for position in (-1, 0):
        matches = [
            e
            for e in people
            if len(name_parts(e.name)) > 1 and name_parts(e.name)[position] == word
        ]
        if matches:
            best = max(matches, key=lambda e: (len(e.doc_ids), len(e.mentions)))
            return best.name
    return None


def entity_index(entities: Sequence[Entity]) -> dict[tuple[str, int], Entity]:
    """Each mention's ``(doc_id, start)``, mapped to its entity."""
    return {(m.doc_id, m.start): e for e in entities for m in e.mentions}
