"""Conflicts: where the sources disagree on one matter, with each side's sentences.

Precision comes first: a reader shown a made-up disagreement stops trusting
the report, so each kind below needs strong, specific evidence.

- ``number``: two sources give different exact counts of the same thing
  ("212 passengers" / "214 passengers") in sentences about the same matter.
  Approximate counts ("more than 200", "up to 350") never conflict, nor does a
  number the other source also states somewhere (it may count something else),
  a rounding ("9" / "9.27"), counts far apart (of different things), or counts
  in reports of different days.
- ``date``: sentences saying the same thing (one same-content group) put the
  event on days that cannot be the same (see ``timeline.dates_agree``).
- ``name``: one person or place spelt differently, as the entity merging
  flagged (a suspect variant used by a minority of sources).
- ``account``: a source reports a dispute between two parties: one party
  disputes, rejects, denies or contradicts the other's account ("The union
  disputes that account"), says it has "no record" of it, or "X blamed A,
  but Y said B", and at least two sources report a dispute between the same
  two sides. Each side's version then gathers what that party says on the same
  matter in every source.

Every conflict involves at least two sources: an article contradicting itself
is not a disagreement between sources.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from newsfuse._text import content_stems
from newsfuse.analysis.entities import name_parts
from newsfuse.analysis.model import Conflict, ConflictVersion, Passage
from newsfuse.analysis.timeline import Dated, dates_agree, same_event
from newsfuse.models import Sentence
from newsfuse.prepare import PreparedCluster

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsfuse.analysis.entities import Entity

# Number conflicts need sentences on the same matter; below this TF-IDF cosine they rarely are.
NUMBER_SIMILARITY = 0.2
# A misspelt person's name differs from the usual one by at most this many letter edits ("Okafur",
# "Kon"); a place's by one ("Domincan"), since "America" and "Africa" are two edits apart.
_MAX_SPELLING_EDITS = 2
# Counts of one thing that sources get wrong differ by a little: 212 and 214, not 42 and 194.
NUMBER_CLOSENESS = 0.25
# A word in more than this share of sentences is the story itself, not a matter within it.
MATTER_MAX_SHARE = 0.25

_SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    word: 10 * n
    for n, word in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Words that make a count a bound or an estimate rather than a figure.
_APPROXIMATE = frozenset(
    "about around approximately nearly almost roughly some over under more less fewer than least most "
    "up to upwards estimated est several dozens hundreds thousands".split()
)
# Units of time and proportion: counts of these are durations and shares, not facts to compare.
_NOT_COUNTED = frozenset("day week month year hour minute second time percent per cent %".split())
# Outcomes a count is of: "12 killed" and "30 injured" are different matters, not a conflict.
_OUTCOMES = frozenset(
    "kill die dead death injure injury wound hurt arrest detain miss missing rescue evacuate hospitalize "
    "treat charge convict".split()
)
_NUMBER_ENTITIES = frozenset({"CARDINAL", "QUANTITY", "MONEY", ""})

_REPORTING = frozenset(
    "say tell add claim insist state argue blame reject dispute deny contradict accuse call declare "
    "announce note stress downplay dismiss maintain acknowledge admit counter respond reply".split()
)
_DISPUTING = frozenset("dispute reject deny contradict refute rebut dismiss downplay".split())
_CONTRAST = frozenset({"but", "while", "whereas"})
# Verbs of the two clauses of "X blamed A, but Y said B": claims, not "did not respond".
_CLAIMING = frozenset("say blame claim insist argue maintain accuse deny counter".split())
_DENIALS = (
    re.compile(r"\bno (record|evidence|knowledge) of\b", re.IGNORECASE),
    re.compile(r"\bfurther from the truth\b", re.IGNORECASE),
)
# Words naming a role or an utterance, not a party: they must not make two speakers one party.
_NOT_PARTY = frozenset(
    "spokesman spokeswoman spokesperson official executive chief statement source president secretary "
    "minister director chairman chair head leader member representative mr mrs ms dr the a an 's "
    # People named by a role alone stand on either side of a dispute.
    "lawyer attorney expert analyst critic witness resident people person man woman officer police "
    "government authority group side report media agency newspaper observer diplomat".split()
)
_ANAPHORS = frozenset("that this such these those".split())
_OBJECTS = frozenset({"dobj", "prep", "pobj", "attr", "relcl"})
_CLAUSE_EDGES = frozenset({",", ";", ":", "-", "–", "—"})
_NAME_PARTS = frozenset({"compound", "nmod", "poss", "amod", "flat", "appos", "case"})
# Sources that must report a dispute between the same two sides before it is shown.
_MIN_DISPUTE_SOURCES = 2
# Words of the matter (beyond the parties' names) a statement must share to join a side's version.
_MIN_SHARED_MATTER = 2


@dataclass(frozen=True)
class _Count:
    """An exact count of something in one sentence: "212 passengers"."""

    index: int
    doc_id: str
    noun: str
    value: float
    written: str
    outcomes: frozenset[str]


def _number_value(words: Sequence[str]) -> float | None:
    """The value of a number written in digits or words ("1,400", "two hundred", "4.2 million")."""
    total = current = 0.0
    seen = False
    for word in words:
        word = word.lower()
        if re.fullmatch(r"\d[\d,]*(\.\d+)?", word):
            current += float(word.replace(",", ""))
        elif word in _SMALL_NUMBERS or word in _TENS:
            current += _SMALL_NUMBERS.get(word, _TENS.get(word, 0))
        elif word in _SCALES:
            current = max(current, 1.0) * _SCALES[word]
            if _SCALES[word] >= 1_000:
                total, current = total + current, 0.0
        elif word in ("and", "-"):
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


def _counts(
    cluster: PreparedCluster, parsed: Sequence[Doc]
) -> tuple[list[_Count], dict[str, set[float]]]:
    """Exact counts attached to a noun, and every number value each document states."""
    counts: list[_Count] = []
    stated: dict[str, set[float]] = defaultdict(set)
    for index, doc in enumerate(parsed):
        doc_id = cluster.sentences[index].doc_id
        for token in doc:
            if token.like_num and (value := _number_value([token.text])) is not None:
                stated[doc_id].add(value)
            if (
                token.dep_ != "nummod"
                or token.head.pos_ != "NOUN"
                or token.ent_type_ not in _NUMBER_ENTITIES
            ):
                continue
            noun = token.head
            number = sorted(token.subtree, key=lambda t: t.i)
            before = doc[number[0].i - 1].lower_ if number[0].i else ""
            words = [t.text for t in number]
            value = _number_value(words)
            if value is None or before in _APPROXIMATE or noun.lemma_.lower() in _NOT_COUNTED:
                continue
            stated[doc_id].add(value)
            context = {noun, *noun.ancestors, *noun.children}
            counts.append(
                _Count(
                    index=index,
                    doc_id=doc_id,
                    noun=noun.lemma_.lower(),
                    value=value,
                    written=f"{doc[number[0].i : number[-1].i + 1].text} {noun.text}",
                    outcomes=frozenset(t.lemma_.lower() for t in context) & _OUTCOMES,
                )
            )
    return counts, stated


def _rounds_to(a: float, b: float) -> bool:
    """One value is the other rounded or cut to a whole number ("9 degrees" for "9.27 degrees")."""
    whole, exact = (a, b) if a.is_integer() else (b, a)
    return whole.is_integer() and not exact.is_integer() and whole in (int(exact), round(exact))


def _disagree(
    cluster: PreparedCluster, a: _Count, b: _Count, stated: dict[str, set[float]]
) -> bool:
    dates = (
        cluster.documents[cluster.sentences[a.index].doc_index].date,
        cluster.documents[cluster.sentences[b.index].doc_index].date,
    )
    return (
        a.doc_id != b.doc_id
        and a.noun == b.noun
        and a.value != b.value
        and not _rounds_to(a.value, b.value)
        # Far apart, two counts are of different things ("two men" accused, a jury of "10 men").
        and abs(a.value - b.value) <= NUMBER_CLOSENESS * max(a.value, b.value)
        # Reports of different days may count at different times (a toll rises, a balloon slows).
        and (None in dates or dates[0] == dates[1])
        and a.outcomes == b.outcomes
        and b.value not in stated[a.doc_id]
        and a.value not in stated[b.doc_id]
        and cluster.similarity[a.index, b.index] >= NUMBER_SIMILARITY
    )


def _components(count: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected groups of items linked by ``pairs``, each in item order."""
    parent = list(range(count))

    def find(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for item in sorted({i for pair in pairs for i in pair}):
        groups[find(item)].append(item)
    return list(groups.values())


def _version(
    value: str, passages: Sequence[Passage], speaker: str | None = None
) -> ConflictVersion:
    unique = tuple(dict.fromkeys(passages))
    return ConflictVersion(
        value=value,
        doc_ids=tuple(dict.fromkeys(p.doc_id for p in unique)),
        passages=unique,
        speaker=speaker,
    )


def _number_conflicts(cluster: PreparedCluster, parsed: Sequence[Doc]) -> list[Conflict]:
    counts, stated = _counts(cluster, parsed)
    pairs = [
        (i, j)
        for i in range(len(counts))
        for j in range(i + 1, len(counts))
        if _disagree(cluster, counts[i], counts[j], stated)
    ]
    conflicts = []
    for component in _components(len(counts), pairs):
        by_value: dict[float, list[_Count]] = defaultdict(list)
        for item in component:
            by_value[counts[item].value].append(counts[item])
        versions = tuple(
            _version(found[0].written, [Passage.of(cluster.sentences[c.index]) for c in found])
            for found in sorted(
                by_value.values(), key=lambda found: -len({c.doc_id for c in found})
            )
        )
        conflicts.append(
            Conflict(
                kind="number", matter=counts[component[0]].written.split()[-1], versions=versions
            )
        )
    return conflicts


def _date_conflicts(cluster: PreparedCluster, dated: Sequence[Dated]) -> list[Conflict]:
    # Only sentences with a single date: with several, which one dates the shared statement is unclear.
    per_sentence = Counter(d.index for d in dated)
    single = [
        d
        for d in dated
        if per_sentence[d.index] == 1 and d.form.kind in ("full", "month_day", "weekday")
    ]
    conflicts = []
    for n, a in enumerate(single):
        for b in single[n + 1 :]:
            if (
                cluster.group_of[a.index] == cluster.group_of[b.index]
                and same_event(cluster, a, b)
                and not dates_agree(a, b)
            ):
                conflicts.append(
                    Conflict(
                        kind="date",
                        matter="when: " + cluster.sentences[a.index].text,
                        versions=tuple(
                            _version(d.mention.date_text, [d.mention.passage]) for d in (a, b)
                        ),
                    )
                )
    return conflicts


def _sentence_at(cluster: PreparedCluster, doc_id: str, offset: int) -> Sentence | None:
    sentences = [s for s in cluster.sentences if s.doc_id == doc_id]
    position = bisect.bisect_right([s.start for s in sentences], offset) - 1
    if position >= 0 and sentences[position].start <= offset < sentences[position].end:
        return sentences[position]
    return None


def _name_conflicts(cluster: PreparedCluster, entities: Sequence[Entity]) -> list[Conflict]:
    conflicts = []
    for entity in entities:
        if not entity.suspect_variants:
            continue
        # The words only the suspect spellings use ("Kon" of "Kon Yong-chol"), compared as the entity folds them.
        sound = {
            w
            for v in entity.variants
            if v not in entity.suspect_variants
            for w in name_parts(v, entity.type)
        }
        versions = []
        for spelling in (entity.name, *entity.suspect_variants):
            odd = set(name_parts(spelling, entity.type)) - sound
            edits = _MAX_SPELLING_EDITS if entity.type == "PERSON" else 1
            if odd and not all(min(OSA.distance(w, x) for x in sound) <= edits for w in odd):
                continue  # "North America" for "North Africa" is another place, not a misspelling
            passages = [
                Passage.of(sentence)
                for m in entity.mentions
                if len(parts := name_parts(m.text, entity.type))
                > 1  # full names only: "Kim" alone is ambiguous
                and (set(parts) & odd if odd else not set(parts) - sound)
                and (sentence := _sentence_at(cluster, m.doc_id, m.start))
            ]
            if passages:
                versions.append(_version(spelling, passages))
        if len(versions) > 1:
            conflicts.append(Conflict(kind="name", matter=entity.name, versions=tuple(versions)))
    return conflicts


# --- accounts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Statement:
    """Something a named party says in one sentence (or one clause of it)."""

    index: int
    speaker: str
    party: frozenset[str]
    passage: Passage


@dataclass(frozen=True)
class _Dispute:
    """A source reporting that one party contests another's account (``None``: not quoted here)."""

    disputer: _Statement
    disputed: _Statement | None
    disputed_party: frozenset[str]


def _name_tokens(head: Token) -> list[Token]:
    """A speaker's name: the subject with its modifiers and apposition, without clauses or asides."""
    keep, stack = [head], [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if (
                child.dep_ in _NAME_PARTS
                or (child.dep_ == "prep" and child.lower_ == "by")
                or (child.dep_ == "pobj" and token.dep_ == "prep")
            ):
                keep.append(child)
                stack.append(child)
    return sorted(keep, key=lambda t: t.i)


def _subject(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
    if subjects:
        return _name_tokens(subjects[0])
    if verb.pos_ == "NOUN" and verb.dep_ == "ROOT":
        # The small model reads "The union disputes that account" as a noun phrase "union disputes".
        return [
            t for c in verb.lefts if c.dep_ in _NAME_PARTS for t in c.subtree if t.dep_ != "case"
        ]
    return []


def _statement(
    cluster: PreparedCluster, index: int, speaker: Sequence[Token], tokens: Sequence[Token]
) -> _Statement | None:
    """What ``speaker`` says in the stretch ``tokens`` of sentence ``index``; ``None`` for an unnamed speaker."""
    party = frozenset(
        t.lemma_.lower().strip(".")
        for t in speaker
        if t.pos_ in ("PROPN", "NOUN") and t.lemma_.lower().strip(".") not in _NOT_PARTY
    )
    if not party:
        return None
    # A clause ends where its words do: no comma or dash left from the cut.
    words = list(tokens)
    while words and words[-1].is_punct and words[-1].text in _CLAUSE_EDGES:
        words.pop()
    sentence = cluster.sentences[index]
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    doc = speaker[0].doc
    name = doc[speaker[0].i : speaker[-1].i + 1].text.strip(" ,")
    passage = Passage(
        sentence.doc_id, sentence.start + start, sentence.start + end, sentence.text[start:end]
    )
    return _Statement(index, name, party, passage)


def _statements(cluster: PreparedCluster, parsed: Sequence[Doc]) -> list[_Statement]:
    """Every sentence in which a named party says something."""
    found = []
    for index, doc in enumerate(parsed):
        for verb in doc:
            if verb.pos_ == "VERB" and verb.lemma_ in _REPORTING and (speaker := _subject(verb)):
                statement = _statement(cluster, index, speaker, doc)
                if statement:
                    found.append(statement)
    return found


def _antecedent(
    statements: Sequence[_Statement], cluster: PreparedCluster, own: _Statement
) -> _Statement | None:
    """Another party's statement in the sentence just before ``own`` in the same article."""
    previous = own.index - 1
    if previous < 0 or cluster.sentences[previous].doc_id != cluster.sentences[own.index].doc_id:
        return None
    return next((s for s in statements if s.index == previous and not s.party & own.party), None)


def _contrast(cluster: PreparedCluster, index: int, verb: Token) -> _Dispute | None:
    """ "X blamed A, but Y said B": each party with its own clause."""
    split = next((c for c in verb.children if c.dep_ == "cc" and c.lower_ in _CONTRAST), None)
    reply = next((c for c in verb.children if c.dep_ == "conj" and c.lemma_ in _CLAIMING), None)
    if (
        verb.lemma_ not in _CLAIMING
        or split is None
        or reply is None
        or not (first := _subject(verb))
        or not (second := _subject(reply))
    ):
        return None
    doc = verb.doc
    a = _statement(cluster, index, first, doc[: split.i])
    b = _statement(cluster, index, second, doc[split.i + 1 :])
    if a is None or b is None or a.party & b.party:
        return None
    return _Dispute(a, b, b.party)


def _disputes(
    cluster: PreparedCluster, parsed: Sequence[Doc], statements: Sequence[_Statement]
) -> list[_Dispute]:
    found = []
    for index, doc in enumerate(parsed):
        denial = any(p.search(doc.text) for p in _DENIALS)
        for verb in doc:
            if (
                verb.pos_ == "VERB"
                and verb.lemma_ in _REPORTING
                and (contrast := _contrast(cluster, index, verb))
            ):
                found.append(contrast)
                continue
            reporting = verb.pos_ == "VERB" and verb.lemma_ in _REPORTING
            if verb.lemma_ not in _DISPUTING and not (denial and reporting):
                continue
            speaker = _subject(verb)
            own = _statement(cluster, index, speaker, doc) if speaker else None
            if own is None:
                continue
            # What is disputed: the object phrase only, not a clause further on ("..., asserting that ...").
            objects = [t for c in verb.rights if c.dep_ in _OBJECTS for t in c.subtree]
            named = [t for t in objects if t.dep_ == "poss" and t.pos_ in ("PROPN", "NOUN")] or [
                t for t in objects if t.pos_ == "PROPN"
            ]
            target = (
                _statement(cluster, index, named, doc)
                if named and verb.lemma_ in _DISPUTING
                else None
            )
            if target and not target.party & own.party:
                found.append(_Dispute(own, None, target.party))
            elif denial or any(t.lower_ in _ANAPHORS for t in objects):
                earlier = _antecedent(statements, cluster, own)
                if earlier:
                    found.append(_Dispute(own, earlier, earlier.party))
    return found


def _sides(statements: Sequence[_Statement]) -> dict[str, frozenset[str]]:
    """Every party word mapped to all the words of its side: speakers sharing a word are one side.

    "Bluewater Lines chief executive Martin Havel" joins "Bluewater Lines" and "Martin Havel".
    """
    side: dict[str, frozenset[str]] = {}
    for statement in statements:
        merged = frozenset(statement.party).union(
            *(side.get(w, frozenset()) for w in statement.party)
        )
        for word in merged:
            side[word] = merged
    return side


def _matter_stems(cluster: PreparedCluster) -> set[str]:
    frequency = Counter(stem for stems in cluster.stems for stem in set(stems))
    limit = MATTER_MAX_SHARE * len(cluster.stems)
    return {stem for stem, count in frequency.items() if count <= limit}


def _account_conflicts(cluster: PreparedCluster, parsed: Sequence[Doc]) -> list[Conflict]:
    statements = _statements(cluster, parsed)
    disputes = _disputes(cluster, parsed, statements)
    if not disputes:
        return []
    words = _sides(
        statements + [d.disputer for d in disputes] + [d.disputed for d in disputes if d.disputed]
    )

    def side_of(party: frozenset[str]) -> frozenset[str]:
        return frozenset().union(*(words.get(w, frozenset({w})) for w in party))

    # One conflict per pair of sides, however many sources report their dispute.
    by_sides: dict[tuple[frozenset[str], frozenset[str]], list[_Statement]] = {}
    for dispute in disputes:
        first, second = side_of(dispute.disputer.party), side_of(dispute.disputed_party)
        if first & second:
            continue
        key = next((k for k in by_sides if set(k) == {first, second}), (first, second))
        by_sides.setdefault(key, []).extend(s for s in (dispute.disputer, dispute.disputed) if s)
    specific = _matter_stems(cluster)
    conflicts = []
    for sides, core in by_sides.items():
        # Who stands on which side is read from the wording; a dispute only one source reports may be misread.
        if len({cluster.sentences[s.index].doc_id for s in core}) < _MIN_DISPUTE_SOURCES:
            continue
        names = {stem for side in sides for word in side for stem in content_stems(word)}
        names |= {stem for s in core for stem in content_stems(s.speaker)}
        matter = {stem for s in core for stem in content_stems(s.passage.text)} & specific - names
        versions = []
        for side in sorted(
            sides,
            key=lambda s: min(
                (c.index for c in core if side_of(c.party) == s), default=len(parsed)
            ),
        ):
            own = [s for s in core if side_of(s.party) == side]
            # What the same side says on the matter elsewhere, in any source.
            own += [
                s
                for s in statements
                if side_of(s.party) == side
                and s.index not in {o.index for o in own}
                and len(set(content_stems(s.passage.text)) & matter) >= _MIN_SHARED_MATTER
            ]
            if own:
                speaker = _side_name(own)
                versions.append(_version(own[0].passage.text, [s.passage for s in own], speaker))
        if len(versions) == 2:
            conflicts.append(
                Conflict(
                    kind="account", matter=_matter_label(versions, matter), versions=tuple(versions)
                )
            )
    return conflicts


def _side_name(statements: Sequence[_Statement]) -> str:
    """The name a side goes by most often: "Bluewater Lines" rather than one of its officers."""
    names = [re.sub(r"^the\s+", "", s.speaker, flags=re.IGNORECASE) for s in statements]
    counts = Counter(n.lower() for n in names)
    best = max(names, key=lambda n: counts[n.lower()])
    return best[0].upper() + best[1:]


def _matter_label(versions: Sequence[ConflictVersion], matter: set[str]) -> str:
    """The matter word the sides use most, as written; a lowercase one, since names are the parties."""
    words = Counter(
        w
        for v in versions
        for p in v.passages
        for w in re.findall(r"[a-z][\w'-]+", p.text)
        if content_stems(w) and content_stems(w)[0] in matter
    )
    return words.most_common(1)[0][0] if words else "account"


def find_conflicts(
    cluster: PreparedCluster,
    parsed: Sequence[Doc],
    entities: Sequence[Entity],
    dated: Sequence[Dated],
) -> tuple[Conflict, ...]:
    """Every disagreement between sources, by kind: counts, dates, names, then accounts."""
    found = (
        *_number_conflicts(cluster, parsed),
        *_date_conflicts(cluster, dated),
        *_name_conflicts(cluster, entities),
        *_account_conflicts(cluster, parsed),
    )
    return tuple(c for c in found if len(c.doc_ids) > 1)
