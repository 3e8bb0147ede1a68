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
- ``account``: two parties give opposing accounts of one matter, found in
  either of two ways.
  A source reports a dispute between them: one party disputes, rejects,
  denies or contradicts the other's account ("The union disputes that
  account"), says it has "no record" of it, or "X blamed A, but Y said B",
  and at least two sources report a dispute between the same two sides. Each
  side's version then gathers what that party says on the same matter in
  every source.
  Or they judge the same matter oppositely: one approves ("productive",
  "progress", "good faith", "praised") and the other condemns ("regrettable",
  "gangster-like", "lashed out"), a negation reversing a word ("not
  productive", "failed to make progress"). A judgement is a named party's: the
  subject of the verb saying it, or the speaker of the quotation it is in;
  the reporter's own words, and words a party only hopes, supposes, or is said
  not to say, judge nothing. What is judged is the nouns of the judging
  clause that are in at least half the sources. Two sides are opposed when
  each is clear (all it says of the matter goes one way), each side's
  judgement is in two sources, and one source sets the two against each
  other. Each side's version is its judgements.

Every conflict involves at least two sources: an article contradicting itself
is not a disagreement between sources.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from rapidfuzz.distance import OSA

from newsfuse._text import content_stems, stem
from newsfuse.analysis.entities import name_parts
from newsfuse.analysis.model import Conflict, ConflictVersion, Passage
from newsfuse.analysis.quotes import MIN_QUOTE_WORDS, Quote
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
    # Words a party's name shares with unrelated ones: "state" media and "Secretary of State".
    + "news state country".split()
)
_ANAPHORS = frozenset("that this such these those".split())
_OBJECTS = frozenset({"dobj", "prep", "pobj", "attr", "relcl"})
_CLAUSE_EDGES = frozenset({",", ";", ":", "-", "–", "—"})
_NAME_PARTS = frozenset({"compound", "nmod", "poss", "amod", "flat", "appos", "case"})
# How a party judges what happened: approves (1) or condemns (-1). Lemmas; a phrase as its
# words, hyphens dropped. Only words that judge, not ones that describe: "failed" is as often
# an outcome ("failed to win") or a broken part as a verdict.
_JUDGING = {
    **dict.fromkeys(
        "productive constructive fruitful successful progress breakthrough encouraging "
        "praise hail applaud commend laud welcome".split(),
        1,
    ),
    "good faith": 1,
    **dict.fromkeys(
        "unproductive counterproductive fruitless regrettable regret troubling disappointing "
        "disappointed rapacious unacceptable outrageous deplorable disgraceful shameful slam bash "
        "blast balk condemn denounce criticize criticise decry deplore".split(),
        -1,
    ),
    "gangster like": -1,
    "lash out": -1,
    # Phrases that only look like judgements.
    "in progress": 0,
}
# The phrases by their first word, so that each token is looked up once.
_JUDGING_BY_FIRST = {
    first: [(p.split(), v) for p, v in _JUDGING.items() if p.split()[0] == first]
    for first in {p.split()[0] for p in _JUDGING}
}
# Judging only as verbs, not as nouns: "hail" is also weather, a "bash" a party, "the gay-bashing".
_JUDGING_VERBS = frozenset(
    "praise hail applaud commend laud welcome slam bash blast balk condemn denounce criticize "
    "criticise decry deplore lash".split()
)
# Verbs by which a party says or shows what it thinks; their subject is who judges.
_ATTRIBUTING = (
    _REPORTING
    | _JUDGING_VERBS
    | frozenset("call brand describe label term express suggest warn complain regret".split())
)
# "failed to make progress", "a lack of progress", "without progress": the opposite of the word.
_REVERSING = frozenset("fail lack absence refuse without".split())
_UNREAL_AUX = frozenset("would could should might may will can 'd 'll wo ca".split())
_UNREAL_MARKS = frozenset("if unless whether".split())
_UNREAL_VERBS = frozenset("hope expect want wish urge seek need ask aim try plan".split())
# Nouns carrying another party's words inside a statement: "rejected claims that the talks failed".
_REPORTED = frozenset(
    "claim accusation allegation assertion charge criticism suggestion statement report remark "
    "comment view description".split()
)
_FIRST_PERSON = frozenset({"i", "we"})
# Sources that must report a dispute between the same two sides, or each side's judgement,
# before it is shown.
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


def _party(words: Iterable[str]) -> frozenset[str]:
    """The words naming a party, without roles ("U.S." -> "us")."""
    return frozenset(w.lower().replace(".", "") for w in words) - _NOT_PARTY - {""}


def _statement(
    cluster: PreparedCluster, index: int, speaker: Sequence[Token], tokens: Sequence[Token]
) -> _Statement | None:
    """What ``speaker`` says in the stretch ``tokens`` of sentence ``index``; ``None`` for an unnamed speaker."""
    party = _party(t.lemma_ for t in speaker if t.pos_ in ("PROPN", "NOUN"))
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


# Two sides, each all the words of its parties' names (see ``_sides``).
_Sides = tuple[frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class _Judgement:
    """What a party thinks of something in one sentence: approves (1), condemns (-1) or both (0)."""

    statement: _Statement
    polarity: int
    matter: frozenset[str]


def _judging_words(doc: Doc) -> list[tuple[Token, int, list[Token]]]:
    """Each judging word or phrase of ``doc`` used to judge: its head token, polarity and tokens."""
    tokens = [t for t in doc if t.text != "-"]  # "gangster-like" and "gangster like" alike
    found = []
    for n, token in enumerate(tokens):
        for form in {token.lower_, token.lemma_.lower()}:
            for words, polarity in _JUDGING_BY_FIRST.get(form, ()):
                span = tokens[n : n + len(words)]
                if len(span) == len(words) and all(
                    w in (t.lower_, t.lemma_.lower()) for w, t in zip(words, span)
                ):
                    inside = {t.i for t in span}
                    head = next(t for t in span if t.head.i not in inside or t.head.i == t.i)
                    found.append((head, polarity, span))
    idioms = {t.i for _, polarity, span in found if not polarity for t in span}
    return [
        (head, polarity, span)
        for head, polarity, span in found
        if polarity and not idioms & {t.i for t in span} and _judges(head)
    ]


def _judges(word: Token) -> bool:
    """Whether a judging word judges where it stands."""
    if word.lemma_.lower() in _JUDGING_VERBS:
        # A verb with what it judges: not a noun ("the gay-bashing"), a passive ("was criticized",
        # "criticized for ..."), or a greeting ("Welcome to ...").
        return word.pos_ == "VERB" and any(
            c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "at") for c in word.children
        )
    # "disappointing those who ...", "the talks progressed": an action, not a verdict.
    return word.pos_ != "VERB" or word.tag_ == "VBN" or word.lemma_ in _ATTRIBUTING


def _subject_token(verb: Token) -> Token | None:
    """The verb's subject, a pronoun too, or the one it shares ("X visited and declared", "X
    balked, calling")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        return _subject_token(verb.head)
    return subject


def _negated(token: Token) -> bool:
    """ "not productive", "did not make progress", "no progress"."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _UNREAL_MARKS for c in token.children)


def _unreal(token: Token) -> bool:
    """Wished, foreseen or supposed rather than found: "hoped for progress", "would be productive",
    "if this is true, it is troubling", "I'm going to be disappointed"."""
    return (
        token.lemma_ in _UNREAL_VERBS
        or _conditional(token)
        or (token.lemma_ == "go" and any(c.dep_ == "xcomp" for c in token.children))
        or any(
            (c.dep_ == "aux" and c.lower_ in _UNREAL_AUX) or (c.dep_ == "advcl" and _conditional(c))
            for c in token.children
        )
    )


def _someone_elses(token: Token) -> bool:
    """Words carried inside another's: "rejected claims that ...", "denied the talks failed"."""
    return (token.pos_ == "NOUN" and token.lemma_ in _REPORTED) or (
        token.pos_ == "VERB" and token.lemma_ in _DISPUTING
    )


def _voice(term: Token, polarity: int, quote: tuple[int, int] | None) -> tuple[int, Token | None]:
    """Whose judgement ``term`` is and which way it goes for them (0: nobody's, or not a judgement).

    The judge is the subject of the verb returned, or with ``None`` the speaker of ``quote``,
    the quotation (offsets in the sentence) the term is in.
    """
    token, verb = term, None
    # Out of the quotation, the rest says who said it.
    while quote is None or quote[0] <= token.idx < quote[1]:
        if token.i != term.i and _someone_elses(token):
            return 0, None
        if token.pos_ == "VERB" and token.lemma_ in _ATTRIBUTING:
            subject = _subject_token(token)
            if _negated(token) or _unreal(token):
                return 0, None  # "did not call the talks productive" judges nothing
            # Who the judge is, not what they say: "X, known for successful ads, said ...".
            if subject is not None and any(t.i == term.i for t in subject.subtree):
                return 0, None
            if subject is not None and subject.pos_ != "PRON":
                verb = token
                break
            if subject is not None:
                if quote and subject.lower_ in _FIRST_PERSON:
                    break
                # "what it called 'gangster-like' demands": "it" is who the sentence is about.
                if not any(c.lower_ == "what" for c in token.children):
                    return 0, None
        elif _unreal(token):
            return 0, None
        elif _negated(token) or (token.i != term.i and token.lemma_ in _REVERSING):
            polarity = -polarity
        if token.head.i == token.i:
            if not quote:
                return 0, None  # the reporter's own words
            break
        token = token.head
    # The judge must be said to judge: not "Democrats want Gore to criticize", "claims X praised".
    if any(_negated(t) or _unreal(t) or _someone_elses(t) for t in (token, *token.ancestors)):
        return 0, None
    return polarity, verb


def _key_stems(cluster: PreparedCluster, parsed: Sequence[Doc]) -> set[str]:
    """Stems of the things the story is about: nouns in at least half its sources."""
    sources: dict[str, set[str]] = defaultdict(set)
    for index, doc in enumerate(parsed):
        for token in doc:
            if token.pos_ == "NOUN" and token.lemma_.lower() not in _NOT_COUNTED:
                sources[stem(token.lemma_.lower())].add(cluster.sentences[index].doc_id)
    needed = max(_MIN_DISPUTE_SOURCES, (len(cluster.documents) + 1) // 2)
    return {s for s, docs in sources.items() if len(docs) >= needed}


def _judged_matter(term: Token, skip: set[int]) -> set[str]:
    """Stems of what ``term`` judges: the nouns of its clause ("the talks were productive")."""
    clause = next((t for t in (term, *term.ancestors) if t.pos_ in ("VERB", "AUX")), term)
    if term.dep_ == "pobj" and term.head.lower_ == "of":
        skip = skip | {term.head.head.i}  # "a great deal of progress": how much, not of what
    return {stem(t.lemma_.lower()) for t in clause.subtree if t.pos_ == "NOUN" and t.i not in skip}


def _judgements(
    cluster: PreparedCluster,
    parsed: Sequence[Doc],
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
) -> list[_Judgement]:
    """Every sentence in which a named party approves or condemns something, with what it judges."""
    names = {e.name for e in entities}
    index_of = {(s.doc_id, s.start): n for n, s in enumerate(cluster.sentences)}
    quoted: dict[int, list[tuple[int, int, str | None]]] = defaultdict(list)
    for quote in quotes:
        for m in quote.mentions:
            index = index_of[m.doc_id, m.sentence_start]
            start, end = m.start - m.sentence_start, m.end - m.sentence_start
            # A quoted word or two ("productive" talks) is the reporter's sentence: the parse
            # says whose word it is.
            if len(cluster.sentences[index].text[start:end].split()) >= MIN_QUOTE_WORDS:
                quoted[index].append((start, end, m.speaker))
    # Each party's judgements in each sentence.
    found: dict[tuple[int, frozenset[str]], list[tuple[_Statement, int, set[str]]]]
    found = defaultdict(list)
    for index, doc in enumerate(parsed):
        if doc.text.rstrip(" \"'”’").endswith("?"):
            continue  # a question asks, it does not judge
        terms = _judging_words(doc)
        judging = {t.i for _, _, span in terms for t in span}
        for term, polarity, _ in terms:
            quote = next((q for q in quoted[index] if q[0] <= term.idx < q[1]), None)
            polarity, verb = _voice(term, polarity, quote and quote[:2])
            if not polarity:
                continue
            judge: list[Token] = []
            statement = None
            if verb is not None:
                judge = _name_tokens(_subject_token(verb))
                # Named parties only: "the meeting", "an airbag" or "one parent" take no side.
                if any(t.pos_ == "PROPN" for t in judge):
                    statement = _statement(cluster, index, judge, doc)
            elif quote and quote[2] in names and (party := _party(name_parts(quote[2]))):
                passage = Passage.of(cluster.sentences[index])
                statement = _Statement(index, quote[2], party, passage)
            if statement:
                matter = _judged_matter(term, judging | {t.i for t in judge})
                found[index, statement.party].append((statement, polarity, matter))
    return [
        _Judgement(
            items[0][0],
            polarities.pop() if len(polarities := {p for _, p, _ in items}) == 1 else 0,
            frozenset().union(*(m for _, _, m in items)),
        )
        for items in found.values()
    ]


def _opposed(
    judgements: Sequence[_Judgement],
    side_of: Callable[[frozenset[str]], frozenset[str]],
    key: set[str],
) -> list[tuple[_Sides, list[_Statement], set[str]]]:
    """Pairs of sides judging the same things oppositely, with their judgements and those things.

    A side is clear on a matter when all it says of it goes one way; two sides are opposed
    when each is clear, and the other way, on every matter both judge. Each side's account
    is its judgements of those matters and, the same way, of the other things they involve
    ("rapacious demands" after "troubling talks").
    """
    by_side: dict[frozenset[str], list[_Judgement]] = defaultdict(list)
    for judgement in judgements:
        by_side[side_of(judgement.statement.party)].append(judgement)
    found = []
    for a, b in combinations(by_side, 2):
        if a & b:
            continue
        names = {s for side in (a, b) for word in side for s in content_stems(word)}
        stances = {
            m: tuple({j.polarity for j in by_side[side] if m in j.matter} for side in (a, b))
            for m in key - names
        }
        shared = {m: (x, y) for m, (x, y) in stances.items() if x and y}
        ways = {(*x, *y) for x, y in shared.values()}
        if len(ways) != 1 or (way := ways.pop()) not in ((1, -1), (-1, 1)):
            continue
        first = [[j for j in by_side[side] if j.matter & shared.keys()] for side in (a, b)]
        sources = [{j.statement.passage.doc_id for j in js} for js in first]
        # Who said what is read from the wording, so each side's judgement must be in two
        # sources; and one source must set the two against each other, or they may judge
        # different sides of the matter ("interest rates" and "powerful interests").
        if min(map(len, sources)) < _MIN_DISPUTE_SOURCES or not sources[0] & sources[1]:
            continue
        # The judgements of what both sides judge most come first: they show the account best.
        weight = Counter(m for js in first for j in js for m in j.matter & shared.keys())
        core = []
        for side, polarity, js in zip((a, b), way, first):
            involved = key & frozenset().union(*(j.matter for j in js))
            ranked = sorted(js, key=lambda j: -sum(weight[m] for m in j.matter & shared.keys()))
            core += [j.statement for j in ranked]
            core += [
                j.statement
                for j in by_side[side]
                if j not in js and j.polarity == polarity and j.matter & involved
            ]
        found.append(((a, b), core, set(shared)))
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


def _account_conflicts(
    cluster: PreparedCluster,
    parsed: Sequence[Doc],
    entities: Sequence[Entity],
    quotes: Sequence[Quote],
) -> list[Conflict]:
    statements = _statements(cluster, parsed)
    disputes = _disputes(cluster, parsed, statements)
    judgements = _judgements(cluster, parsed, entities, quotes)
    words = _sides(
        statements
        + [d.disputer for d in disputes]
        + [d.disputed for d in disputes if d.disputed]
        + [j.statement for j in judgements]
    )

    def side_of(party: frozenset[str]) -> frozenset[str]:
        return frozenset().union(*(words.get(w, frozenset({w})) for w in party))

    # One conflict per pair of sides, however many sources report their dispute.
    by_sides: dict[_Sides, list[_Statement]] = {}
    # What opposed judgements are about, to name the matter by.
    judged: dict[_Sides, set[str]] = {}

    def add(first: frozenset[str], second: frozenset[str], core: Iterable[_Statement]) -> _Sides:
        key = next((k for k in by_sides if set(k) == {first, second}), (first, second))
        by_sides.setdefault(key, []).extend(core)
        return key

    for sides, core, matter in _opposed(judgements, side_of, _key_stems(cluster, parsed)):
        judged[add(*sides, core)] = matter
    for dispute in disputes:
        first, second = side_of(dispute.disputer.party), side_of(dispute.disputed_party)
        if not first & second:
            add(first, second, (s for s in (dispute.disputer, dispute.disputed) if s))
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
            # What the same side says on the matter elsewhere, in any source; a judgement
            # stands on its own: the side's other words on the matter need not judge it.
            own += [
                s
                for s in statements
                if sides not in judged
                and side_of(s.party) == side
                and s.index not in {o.index for o in own}
                and len(set(content_stems(s.passage.text)) & matter) >= _MIN_SHARED_MATTER
            ]
            if own:
                speaker = _side_name(own)
                versions.append(_version(own[0].passage.text, [s.passage for s in own], speaker))
        if len(versions) == 2:
            label = _matter_label(versions, judged.get(sides, matter))
            conflicts.append(Conflict(kind="account", matter=label, versions=tuple(versions)))
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
    quotes: Sequence[Quote],
) -> tuple[Conflict, ...]:
    """Every disagreement between sources, by kind: counts, dates, names, then accounts."""
    found = (
        *_number_conflicts(cluster, parsed),
        *_date_conflicts(cluster, dated),
        *_name_conflicts(cluster, entities),
        *_account_conflicts(cluster, parsed, entities, quotes),
    )
    return tuple(c for c in found if len(c.doc_ids) > 1)
