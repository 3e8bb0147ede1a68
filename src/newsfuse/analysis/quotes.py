"""Direct quotations, who said them, and the same quotation across sources.

Finding quotations. Within each sentence, text between double quotes (straight
or curly, and wire-style ``...''), or between single quotes used as quotation
marks ('People are going to ..., ' Pompeo said) — an apostrophe inside a word
is never a quote mark. A quotation left open runs to the end of its sentence
(a quote that goes on into the next paragraph).

Who said it. The sentence's parse gives the attribution outside the quotation:
the subject of a speech verb (`"...," X said`, `X said: "..."`, `said X`,
`X told reporters "..."`, `"...," X added`, `..., saying "..."`, `a producer
who told them "..."`, `X was recorded saying "..."`), the agent of an
addressed verb (`X was asked "..." by Y`: Y, not X), or the object of
"according to X" (a speech verb in the same sentence wins over it: "according
to court documents" names where the words were found). With no cue at all, a
quotation after a colon, or of at least four words, is the sentence subject's
if that subject is a person ("Cosby tried to bully the reporter: "...""). The
speaker becomes a name as follows:
- a name the entity step found: the entity's full name ("Pompeo" -> "Mike Pompeo",
  "Mr Kim" -> the Kim meant where the article makes it clear);
- "he"/"she": the person the article was last talking about — the speaker of a
  recent quotation or the subject of a recent sentence, else the last person named
  a few sentences back — skipping people whose pronouns or honorific ("Mr",
  "Ms") show the other gender;
- a description of a person: the person the article named with that role ("his
  lawyer, John Doe" or "Nevada rancher Cliven Bundy", then "the lawyer said"); else,
  for "the" and a person noun ("the 67-year-old", "the Kentucky Republican"), the
  person the article is talking about, unless it introduced an unnamed one ("A
  neighbor said ... the neighbor added");
- any other description ("the statement", "a source"): kept as written, so a
  speaker is ``None`` only when nothing was found.
Gender comes from honorifics, the article's pronouns and a list of common first names.
A sentence that is only a quotation takes its speaker from the context: a short
attribution right after it in the paragraph ("...?" Dunn asked.), else the
previous sentence's quotation, else a "X said:" before it, else the person the
previous sentence was about. Each mention keeps the speaker its source gives
(``Quote.speakers`` lists them when sources disagree); a Quote carried by several
mentions takes the speaker most of them give, named people counting more than
descriptions.

Short quotations. A quotation of fewer than ``MIN_QUOTE_WORDS`` (4) words is a
fragment ("regrettable", "gangster-like", "slept just fine"): scare quotes and
quoted phrases far outnumber real short statements, so a fragment is not a Quote
on its own. It is kept as a mention of a longer quotation that contains it word
for word, from any source (one outlet quotes "slept just fine", another the whole
"Director Kim I slept just fine").

Same quotation, several sources. Two quotations are one when, on lowercased
words, at least ``MERGE_CONTAINMENT`` (80%) of the shorter one's words are in
the longer one and their best-aligned stretches are at least
``MERGE_ALIGNMENT`` similar (rapidfuzz ``partial_ratio``), so outlets that
punctuate or trim a quote differently still agree, while two quotations that
merely share words do not.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from newsfuse.analysis.entities import TITLES, Entity, entity_index, name_parts, resolve_person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsfuse.models import Sentence
    from newsfuse.prepare import PreparedCluster

MIN_QUOTE_WORDS = 4
# A one-word fragment ("productive") is in too many quotations to say which one it is from.
MIN_FRAGMENT_WORDS = 2
MERGE_CONTAINMENT = 0.8
MERGE_ALIGNMENT = 75.0
# How many sentences back "he"/"she" may look for the person meant.
PRONOUN_WINDOW = 5
# A sentence of at most this many words besides its quotation is an attribution ("he said").
_SHORT_ATTRIBUTION = 6

SPEECH_VERBS = frozenset(
    """
    say tell add state note explain continue insist write tweet post warn declare announce
    claim argue ask reply respond recall acknowledge admit agree confirm deny complain
    concede predict suggest urge assert observe remark comment caution stress emphasize
    emphasise reiterate testify quip joke muse boast vow promise pledge conclude maintain
    contend report recount describe shout yell scream whisper exclaim counter retort
    lament concur disclose reveal tout mention plead demand order call read
    """.split()
)
_PERSON_PRONOUNS = frozenset({"he", "she"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_RELATIVE = frozenset({"who", "that", "which"})
# "X was asked/told ...": X is the one spoken to.
_ADDRESSED = frozenset({"ask", "tell", "urge", "order", "warn", "promise"})
_MALE_HONORIFICS = frozenset({"mr", "sir"})
_FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "dame", "madam", "mme"})
# Common English first names, for the gender of people the articles give no pronoun or
# honorific for (names used for both, such as "Kim" or "Jordan", are in neither list).
_MALE_NAMES = frozenset(
    """
    aaron adam alan albert alex alexander andrew anthony arthur barack ben benjamin bernie
    bill billy bob bobby brad brandon brian bruce carl charles charlie chris christopher
    colin craig dan daniel dave david dean dennis dick don donald doug douglas ed
    edward eric frank fred gary george gerald greg gregory harold harry henry howard ian
    jack jacob jake james jason jeff jeffrey jerry jim jimmy joe john johnny jon jonathan
    joseph josh joshua justin keith ken kenneth kevin larry lawrence mark martin matt
    matthew michael mike mitch mitt nathan nicholas nick patrick paul peter phil phillip
    raymond richard rick rob robert roger ron ronald roy russell ryan sam
    samuel scott sean stephen steve steven ted terry thomas tim timothy todd tom tony
    troy vladimir walter wayne william
    """.split()
)
_FEMALE_NAMES = frozenset(
    """
    alice alison amanda amy angela angelina ann anna anne arianna barbara betsy betty
    billie brenda carol caroline catherine cathy cheryl christina christine cindy claire
    connie crystal cynthia deborah debbie debra diana diane donna dorothy elaine elizabeth
    ellen emily emma eva evelyn geraldine gloria grace hannah heather helen hillary
    jacqueline jane janet janice jennifer jessica jill joan joyce judith judy julia julie
    karen kate katherine kathleen kathy kelly kirsten laura lauren linda lisa lori maria
    marie marilyn martha mary megan melania melissa michelle monica nancy natalie nicole
    olivia pamela patricia paula rachel rebecca rosa ruth sandra sara sarah sharon
    sheryl shirley sophia stephanie susan tina ursula victoria virginia wendy
    """.split()
)
_SUBJECTS = ("nsubj", "nsubjpass")
# Nouns for a person's role or relation besides the titles: "the rancher said" means a
# person the article has been talking about, "the statement said" does not.
_PERSON_NOUNS = TITLES | frozenset(
    """
    lawyer attorney rancher farmer republican democrat conservative liberal mother mom father
    dad wife husband son daughter brother sister uncle aunt grandmother grandfather man woman
    boy girl official lawmaker legislator politician strategist activist owner founder ceo
    executive victim suspect defendant witness neighbor neighbour friend teacher student
    doctor nurse firefighter officer matron driver
    """.split()
)
_AGE = re.compile(r"\d+-year-old$")
_CLIMB = frozenset({"advcl", "conj", "xcomp", "ccomp", "pcomp", "acl", "relcl"})

_DOUBLE = re.compile(r"``|''|[\"“”„]")
_SINGLE = re.compile(r"[‘’']")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class QuoteMention:
    """One place a quotation is written: ``start``/``end`` are the quoted words, without marks."""

    doc_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    # Who this source says spoke; sources can disagree, so each mention keeps its own.
    speaker: str | None = None


@dataclass(frozen=True)
class Quote:
    """A quotation as one or more sources carry it, and who said it (by majority)."""

    text: str
    speaker: str | None
    doc_ids: tuple[str, ...]
    mentions: tuple[QuoteMention, ...]

    @property
    def speakers(self) -> tuple[str, ...]:
        """The different speakers the sources give, in order: more than one is a disagreement."""
        return tuple(dict.fromkeys(m.speaker for m in self.mentions if m.speaker))


@dataclass
class _Found:
    """A quotation in one sentence, before merging."""

    sentence: int
    start: int  # offsets in the sentence text
    end: int
    text: str
    words: tuple[str, ...]
    speaker: str | None = None
    kind: str = "none"  # "person", "name" (an organisation, a place), "description", "none"


# --- finding quotations -------------------------------------------------------------


def _is_open(char: str) -> bool:
    return char in ("“", "``", "„")


def _is_close(char: str) -> bool:
    return char in ("”", "''")


def double_quote_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` inside each double-quoted stretch of ``text`` (marks excluded)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _DOUBLE.finditer(text):
        mark = match.group()
        if opened is None:
            if not _is_close(mark):
                opened = match.end()
        elif _is_open(mark):
            opened = match.end()  # a new opening mark: the previous one was stray
        else:
            spans.append((opened, match.start()))
            opened = None
    if opened is not None and opened < len(text):
        spans.append((opened, len(text)))
    return spans


def single_quote_spans(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Stretches between single quotes used as quotation marks, outside ``skip``.

    An opening mark follows a space, an opening bracket or the start and comes
    before a letter; a closing mark is not followed by a letter or digit. An
    apostrophe between two letters ("I'd") is neither.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _SINGLE.finditer(text):
        at = match.start()
        if any(a - 1 <= at <= b for a, b in skip):
            continue
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        opener = (before.isspace() or before in "([{—–-") and (after.isalnum() or after in '“"')
        closer = not after.isalnum()
        if match.group() == "‘":
            opener, closer = after.strip() != "", False
        if opened is None:
            if opener:
                opened = match.end()
        elif closer and not (before.isalnum() and after.isalnum()):
            spans.append((opened, at))
            opened = None
        elif opener and match.group() == "‘":
            opened = match.end()
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Every quotation in a sentence, trimmed, in order."""
    double = double_quote_spans(text)
    spans = double + single_quote_spans(text, double)
    trimmed = [_trim(text, a, b) for a, b in sorted(spans)]
    return [(a, b) for a, b in trimmed if b > a and any(c.isalpha() for c in text[a:b])]


def normalised_words(text: str) -> tuple[str, ...]:
    """Lowercased words, curly apostrophes straightened: what quotation matching compares."""
    return tuple(_WORD.findall(text.lower().replace("’", "'").replace("'", "")))


# --- attribution --------------------------------------------------------------------


def _inside(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in spans)


def _is_quote_mark(token: Token) -> bool:
    return token.text in ('"', "“", "”", "'", "‘", "’", "``", "''")


def _subject_of(verb: Token, spans: Sequence[tuple[int, int]]) -> Token | None:
    """The subject of ``verb``, or of the verb it hangs from ("..., saying" -> the main subject)."""
    current = verb
    for _ in range(3):
        child = _nearest_subject(current, spans, _SUBJECTS)
        if child is not None:
            if child.dep_ == "nsubjpass" and current is verb and verb.lemma_.lower() in _ADDRESSED:
                # "X was asked": X is spoken to; the speaker is the agent, if named.
                return _agent(current)
            if child.lower_ in _RELATIVE and current.dep_ == "relcl":
                return current.head  # "a producer who told them"
            return child
        if current.dep_ in _CLIMB and current.head is not current:
            current = current.head
        else:
            break
    # "..., said Daniel Russel" parsed without a subject: the noun right after the verb.
    following = verb.doc[verb.i + 1 : verb.i + 4]
    for token in following:
        if token.pos_ in ("PROPN", "NOUN", "PRON") and not _inside(token, spans):
            return _phrase_head(token)
        if token.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "PUNCT"):
            break
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _phrase_head(token: Token) -> Token:
    """The last token of a run of proper nouns ("Daniel" -> "Russel")."""
    while (
        token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].pos_ == "PROPN"
        and token.doc[token.i + 1].head.i in (token.i, token.i + 1)
    ):
        token = token.doc[token.i + 1]
    return token


def _attributions(doc: Doc, spans: Sequence[tuple[int, int]]) -> list[tuple[Token, Token]]:
    """``(cue, speaker token)`` for each attribution outside the quotations."""
    found = []
    for token in doc:
        if _inside(token, spans):
            continue
        if (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                found.append((token, objects[0]))
            continue
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS:
            speaker = _subject_of(token, spans)
            if speaker is not None:
                found.append((token, speaker))
    return found


def _distance(cue: Token, span: tuple[int, int]) -> int:
    a, b = span
    if cue.idx >= b:
        return cue.idx - b
    if cue.idx < a:
        return a - cue.idx
    return 0


class _Resolver:
    """Turns a speaker token into a name, with the cluster's entities and the article so far."""

    def __init__(self, cluster: PreparedCluster, parsed: Sequence[Doc], entities: Sequence[Entity]):
        self.cluster = cluster
        self.parsed = parsed
        self.entities = entities
        self.index = entity_index(entities)
        self.by_sentence: dict[int, list[tuple[int, int, Entity]]] = {}
        starts = {}
        for number, sentence in enumerate(cluster.sentences):
            starts.setdefault(sentence.doc_id, []).append((sentence.start, sentence.end, number))
        for entity in entities:
            for mention in entity.mentions:
                for s, e, number in starts.get(mention.doc_id, ()):
                    if s <= mention.start < e:
                        self.by_sentence.setdefault(number, []).append(
                            (mention.start, mention.end, entity)
                        )
                        break
        for mentions in self.by_sentence.values():
            mentions.sort(key=lambda m: m[0])
        # The person each sentence is about (speaker of its quote, else its subject).
        self.topic: dict[int, str] = {}
        self.gender = self._genders()
        self.roles = self._roles()

    def _roles(self) -> dict[int, list[tuple[str, str]]]:
        """``(role noun, person)`` for each sentence that names a person with a role.

        "Nevada rancher Cliven Bundy" (a compound), "his lawyer, John Doe" and
        "John Doe, his lawyer" (appositions): so a later "the lawyer said" is Doe.
        """
        roles: dict[int, list[tuple[str, str]]] = {}
        for number, doc in enumerate(self.parsed):
            for token in doc:
                entity = self.entity_at(number, token)
                if entity is None or entity.type != "PERSON":
                    continue
                linked = [c for c in token.children if c.dep_ in ("compound", "appos")]
                if token.dep_ == "appos":
                    linked.append(token.head)
                for noun in linked:
                    if noun.pos_ == "NOUN" and self.entity_at(number, noun) is None:
                        roles.setdefault(number, []).append((noun.lemma_.lower(), entity.name))
        return roles

    def role_holder(self, number: int, token: Token) -> str | None:
        """The person a description in sentence ``number`` stands for: "the lawyer", "his father".

        The person the article last named with that role; failing that, for "the"
        and a noun that can only be a person ("the 67-year-old", "the mom of two"),
        the person the article is talking about, as for "he" or "she".
        """
        role = token.lemma_.lower()
        doc_id = self.cluster.sentences[number].doc_id
        for back in range(number, -1, -1):
            if self.cluster.sentences[back].doc_id != doc_id:
                break
            named = [name for noun, name in self.roles.get(back, ()) if noun == role]
            if named:
                return named[-1]
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if not definite or not (role in _PERSON_NOUNS or _AGE.search(_description(token))):
            return None
        # "A neighbor said ... "...," the neighbor added": an unnamed person, kept as written.
        for back in range(number, -1, -1):
            if self.cluster.sentences[back].doc_id != doc_id:
                break
            if any(
                t.lemma_.lower() == role
                and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in t.children)
                for t in self.parsed[back]
            ):
                return None
        return self.antecedent(number, pronoun="they")

    def _genders(self) -> dict[str, str]:
        """ "m" or "f" for the people whose honorific or pronouns tell.

        A pronoun counts for a person who is the subject of a sentence and the
        only person it names: the first "he/his/she/her..." after the name in that
        sentence, or else the subject pronoun of the next sentence, if that one
        names no one.
        """
        votes: dict[str, Counter[str]] = {}
        for entity in self.entities:
            if entity.type != "PERSON":
                continue
            for variant in entity.variants:
                first = variant.split()[0].lower().rstrip(".")
                if first in _MALE_HONORIFICS:
                    votes.setdefault(entity.name, Counter())["m"] += 2
                elif first in _FEMALE_HONORIFICS:
                    votes.setdefault(entity.name, Counter())["f"] += 2
            # A common first name: one vote, so the article's own pronouns can outvote it.
            given = name_parts(entity.name)[:1]
            if given and given[0] in _MALE_NAMES:
                votes.setdefault(entity.name, Counter())["m"] += 1
            elif given and given[0] in _FEMALE_NAMES:
                votes.setdefault(entity.name, Counter())["f"] += 1
        sentences = self.cluster.sentences
        for number, doc in enumerate(self.parsed):
            people = [
                (a, b, e) for a, b, e in self.by_sentence.get(number, ()) if e.type == "PERSON"
            ]
            if len({e.name for _, _, e in people}) != 1:
                continue
            name = people[0][2].name
            subject = _root_subject(doc, ())
            if subject is None or self.entity_at(number, subject) is not people[0][2]:
                continue
            if any(
                t.lower_ in _PERSON_PRONOUNS and t.dep_ in _SUBJECTS for t in subject.head.children
            ):
                continue  # a misparse: "With his fiancee, Rhonda Rouer, he complained"
            after = people[0][1] - sentences[number].start
            pronoun = _first_pronoun(doc, after)
            following = number + 1
            if (
                pronoun is None
                and following < len(sentences)
                and sentences[following].doc_id == sentences[number].doc_id
                and not any(e.type == "PERSON" for _, _, e in self.by_sentence.get(following, ()))
            ):
                next_subject = _root_subject(self.parsed[following], ())
                if next_subject is not None and next_subject.lower_ in _PERSON_PRONOUNS:
                    pronoun = "m" if next_subject.lower_ == "he" else "f"
            if pronoun:
                votes.setdefault(name, Counter())[pronoun] += 1
        return {
            name: ("m" if count["m"] > count["f"] else "f")
            for name, count in votes.items()
            if count["m"] != count["f"]
        }

    def fits(self, name: str, pronoun: str) -> bool:
        if pronoun not in _PERSON_PRONOUNS:  # "they": a person of either gender
            return True
        return self.gender.get(name) in (None, "m" if pronoun == "he" else "f")

    def entity_at(self, number: int, token: Token) -> Entity | None:
        start = self.cluster.sentences[number].start + token.idx
        for a, b, entity in self.by_sentence.get(number, ()):
            if a <= start < b:
                return entity
        return None

    def people_in(self, number: int) -> list[str]:
        return [e.name for _, _, e in self.by_sentence.get(number, ()) if e.type == "PERSON"]

    def speaker(self, number: int, token: Token) -> tuple[str | None, str]:
        """``(speaker, kind)`` for the speaker token of sentence ``number``."""
        entity = self.entity_at(number, token)
        if entity is None:
            for child in token.children:
                if child.dep_ == "appos":
                    entity = self.entity_at(number, child)
                    if entity is not None and entity.type == "PERSON":
                        break
                    entity = None
        if entity is not None:
            return entity.name, "person" if entity.type == "PERSON" else "name"
        lower = token.lower_
        if lower in _PERSON_PRONOUNS:
            name = self.antecedent(number, token)
            return (name, "person") if name else (None, "none")
        if token.pos_ == "PRON":
            return None, "none"
        if token.pos_ == "PROPN":
            surface = _compound_text(token)
            name = resolve_person(self.entities, surface)
            if name:
                return name, "person"
            return surface, "name"
        if token.pos_ == "NOUN":
            name = self.role_holder(number, token)
            if name:
                return name, "person"
        return _description(token), "description"

    def antecedent(
        self, number: int, token: Token | None = None, pronoun: str = "he"
    ) -> str | None:
        """The person "he"/"she" in sentence ``number`` most likely means."""
        sentences = self.cluster.sentences
        doc_id = sentences[number].doc_id
        if token is not None:
            pronoun = token.lower_
            here = sentences[number].start + token.idx
            before = [
                e.name
                for a, _, e in self.by_sentence.get(number, ())
                if a < here and e.type == "PERSON"
            ]
            subject = _root_subject_person(self, number) if before else None
            if subject and subject in before and self.fits(subject, pronoun):
                return subject
        fallback = None
        for back in range(1, PRONOUN_WINDOW + 1):
            previous = number - back
            if previous < 0 or sentences[previous].doc_id != doc_id:
                break
            topic = self.topic.get(previous)
            if topic and self.fits(topic, pronoun):
                return topic
            if fallback is None:
                people = [p for p in self.people_in(previous) if self.fits(p, pronoun)]
                if people:
                    fallback = people[-1]
        return fallback


def _first_pronoun(doc: Doc, after: int) -> str | None:
    """ "m" or "f" for the first gendered pronoun at or after character ``after``, outside quotations."""
    spans = quote_spans(doc.text)
    for token in doc:
        if token.idx < after or _inside(token, spans):
            continue
        if token.lower_ in _MALE:
            return "m"
        if token.lower_ in _FEMALE:
            return "f"
    return None


def _compound_text(token: Token) -> str:
    left = token.i
    while (
        left > 0
        and token.doc[left - 1].dep_ in ("compound", "flat")
        and token.doc[left - 1].head.i == token.i
    ):
        left -= 1
    return token.doc[left : token.i + 1].text


def _description(token: Token) -> str:
    """A noun phrase as written, without relative clauses: "the statement", "a senior official"."""
    keep = [t for t in token.subtree if t.i <= token.i]
    left = token.i
    for t in sorted(keep, key=lambda t: -t.i):
        if (
            t.i == left - 1
            and t.dep_
            in ("det", "amod", "compound", "poss", "nummod", "case", "nmod", "advmod", "punct")
            and t.text not in (",", '"', "“", "”")
        ):
            left = t.i
    end = token.i + 1
    doc = token.doc
    # "a spokesman for the ministry": keep one short prepositional phrase.
    if (
        end < len(doc)
        and doc[end].dep_ == "prep"
        and doc[end].lower_ in ("for", "of", "at", "from", "with")
    ):
        sub = list(doc[end].subtree)
        if len(sub) <= 5:
            end = sub[-1].i + 1
    return doc[left:end].text


def _nearest_subject(
    verb: Token, spans: Sequence[tuple[int, int]], kinds=("nsubj",)
) -> Token | None:
    """The subject of ``verb`` outside quotations; with two (a misparse), the nearer one."""
    subjects = [
        c
        for c in verb.children
        if c.dep_ in kinds and not _inside(c, spans) and not _is_quote_mark(c)
    ]
    return min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None


def _root_subject(
    doc: Doc, spans: Sequence[tuple[int, int]], kinds: Sequence[str] = _SUBJECTS
) -> Token | None:
    """The main verb's subject; a passive one too, unless ``kinds`` says otherwise."""
    for token in doc:
        if token.dep_ == "ROOT" and not _inside(token, spans):
            return _nearest_subject(token, spans, kinds)
    return None


def _root_subject_person(
    resolver: _Resolver, number: int, kinds: Sequence[str] = _SUBJECTS
) -> str | None:
    """The person sentence ``number`` is about: "Bundy was asked to elaborate" is about Bundy."""
    subject = _root_subject(resolver.parsed[number], (), kinds)
    if subject is None:
        return None
    # "Bundy's cattle have fed off government land": the sentence is about Bundy.
    for token in (subject, *(c for c in subject.children if c.dep_ == "poss")):
        entity = resolver.entity_at(number, token)
        if entity is not None and entity.type == "PERSON":
            return entity.name
        if token.lower_ in _PERSON_PRONOUNS:
            return resolver.antecedent(number, pronoun=token.lower_)
    return None


def _find_in_sentence(
    number: int, sentence: Sentence, doc: Doc, resolver: _Resolver
) -> list[_Found]:
    spans = quote_spans(sentence.text)
    if not spans:
        return []
    cues = _attributions(doc, spans)
    found = []
    for start, end in spans:
        text = sentence.text[start:end]
        item = _Found(number, start, end, text, normalised_words(text))
        if cues:
            # A speech verb beats "according to" (the document the words were found in).
            _, speaker = min(
                cues, key=lambda c: (c[0].lower_ == "according", _distance(c[0], (start, end)))
            )
            item.speaker, item.kind = resolver.speaker(number, speaker)
        elif sentence.text[:start].rstrip(" \"“‘'").endswith(":"):
            # "X did something: "..."": the quotation is X's.
            subject = _root_subject(doc, spans)
            if subject is not None:
                item.speaker, item.kind = resolver.speaker(number, subject)
        found.append(item)
    return found


def _is_only_quotes(sentence: Sentence, spans: Sequence[tuple[int, int]]) -> bool:
    outside = sentence.text
    for a, b in sorted(spans, reverse=True):
        outside = outside[:a] + outside[b:]
    return len(normalised_words(outside)) == 0


def _colon_speaker(number: int, resolver: _Resolver) -> tuple[str | None, str] | None:
    """``X said:`` ending the previous sentence: X."""
    sentence = resolver.cluster.sentences[number]
    if not sentence.text.rstrip().endswith(":"):
        return None
    cues = _attributions(resolver.parsed[number], ())
    if cues:
        return resolver.speaker(number, cues[-1][1])
    # "Vasiliades' lawyer released the following statement:"
    subject = _root_subject(resolver.parsed[number], ())
    return resolver.speaker(number, subject) if subject is not None else None


def _same_paragraph(cluster: PreparedCluster, a: int, b: int) -> bool:
    sentences = cluster.sentences
    return (
        0 <= a < len(sentences)
        and 0 <= b < len(sentences)
        and sentences[a].doc_id == sentences[b].doc_id
        and sentences[a].paragraph == sentences[b].paragraph
    )


def _inherited(
    number: int, items: list[_Found], resolver: _Resolver, by_sentence: dict[int, list[_Found]]
) -> tuple[str | None, str] | None:
    """A speaker for quotations their own sentence does not attribute, from the context."""
    cluster, parsed = resolver.cluster, resolver.parsed
    sentence = cluster.sentences[number]
    only_quotes = _is_only_quotes(sentence, [(i.start, i.end) for i in items])
    following = number + 1
    if only_quotes and _same_paragraph(cluster, number, following):
        # "...?" Michael Dunn asked.  /  "...". "...," he said.
        spans = quote_spans(cluster.sentences[following].text)
        cues = _attributions(parsed[following], spans)
        if cues and (
            not spans or _words_outside(cluster.sentences[following], spans) <= _SHORT_ATTRIBUTION
        ):
            return resolver.speaker(following, cues[0][1])
    previous = number - 1
    same_doc = previous >= 0 and cluster.sentences[previous].doc_id == sentence.doc_id
    if not same_doc:
        return None
    earlier = [i for i in by_sentence.get(previous, ()) if i.speaker is not None]
    if earlier and only_quotes:
        return earlier[-1].speaker, earlier[-1].kind
    colon = _colon_speaker(previous, resolver)
    if colon is not None:
        return colon
    if only_quotes and previous in resolver.topic:
        # A paragraph that is only a quotation, after one about a person: theirs.
        return resolver.topic[previous], "person"
    return None


def _words_outside(sentence: Sentence, spans: Sequence[tuple[int, int]]) -> int:
    outside = sentence.text
    for a, b in sorted(spans, reverse=True):
        outside = outside[:a] + outside[b:]
    return len(normalised_words(outside))


def _collect(
    cluster: PreparedCluster, parsed: Sequence[Doc], entities: Sequence[Entity]
) -> list[_Found]:
    resolver = _Resolver(cluster, parsed, entities)
    found: list[_Found] = []
    by_sentence: dict[int, list[_Found]] = {}
    for number, (sentence, doc) in enumerate(zip(cluster.sentences, parsed)):
        items = _find_in_sentence(number, sentence, doc, resolver)
        unattributed = [i for i in items if i.speaker is None]
        if unattributed:
            inherited = _inherited(number, items, resolver, by_sentence)
            if inherited is not None:
                for item in unattributed:
                    item.speaker, item.kind = inherited
            elif any(len(i.words) >= MIN_QUOTE_WORDS for i in unattributed):
                # "Dunn made efforts to distance himself, "...": the subject, if a person
                # (not for a quoted phrase: "he accused them of "gangster-like" demands").
                # Active subjects only: "Cosby was asked, "..."" is someone else's question.
                subject = _root_subject_person(resolver, number, ("nsubj",))
                for item in unattributed:
                    if subject is not None and len(item.words) >= MIN_QUOTE_WORDS:
                        item.speaker, item.kind = subject, "person"
        by_sentence[number] = items
        found.extend(items)
        people = [i.speaker for i in items if i.kind == "person" and i.speaker]
        topic = people[-1] if people else _root_subject_person(resolver, number)
        if topic:
            resolver.topic[number] = topic
    return found


# --- merging --------------------------------------------------------------------------


def same_quote(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two quotations (as ``normalised_words``) are one, worded a little differently."""
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < MIN_QUOTE_WORDS:
        return False
    common = sum((Counter(shorter) & Counter(longer)).values())
    if common / len(shorter) < MERGE_CONTAINMENT:
        return False
    return fuzz.partial_ratio(" ".join(shorter), " ".join(longer)) >= MERGE_ALIGNMENT


def _contains(longer: Sequence[str], fragment: Sequence[str]) -> bool:
    n = len(fragment)
    return any(tuple(longer[i : i + n]) == tuple(fragment) for i in range(len(longer) - n + 1))


_KIND_WEIGHT = {"person": 3.0, "name": 2.0, "description": 1.0, "none": 0.0}


def _speaker_of(items: Sequence[_Found]) -> str | None:
    votes: Counter[str] = Counter()
    for item in items:
        if item.speaker:
            votes[item.speaker] += _KIND_WEIGHT[item.kind]
    if not votes:
        return None
    best = max(votes.values())
    for item in items:  # ties: the first to appear
        if item.speaker and votes[item.speaker] == best:
            return item.speaker
    return None


def extract_quotes(
    cluster: PreparedCluster, parsed: Sequence[Doc], entities: Sequence[Entity]
) -> tuple[Quote, ...]:
    """Every quotation of at least ``MIN_QUOTE_WORDS`` words, merged across sources.

    Sorted by the number of sources carrying it, then by first appearance.
    """
    found = _collect(cluster, parsed, entities)
    full = [f for f in found if len(f.words) >= MIN_QUOTE_WORDS]
    fragments = [f for f in found if MIN_FRAGMENT_WORDS <= len(f.words) < MIN_QUOTE_WORDS]
    parent = list(range(len(full)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(full)):
        for j in range(i + 1, len(full)):
            if root(i) != root(j) and same_quote(full[i].words, full[j].words):
                parent[root(j)] = root(i)
    groups: dict[int, list[_Found]] = {}
    for i, item in enumerate(full):
        groups.setdefault(root(i), []).append(item)
    sentences = cluster.sentences
    for fragment in fragments:
        homes = [
            g
            for g, items in groups.items()
            if any(_contains(i.words, fragment.words) for i in items)
            and not any(i.sentence == fragment.sentence for i in items)
        ]
        if homes:
            best = max(
                homes, key=lambda g: (len({sentences[i.sentence].doc_id for i in groups[g]}), -g)
            )
            groups[best].append(fragment)
    doc_order = {d.id: n for n, d in enumerate(cluster.documents)}
    quotes = []
    for items in groups.values():
        items.sort(key=lambda f: (sentences[f.sentence].doc_index, f.sentence, f.start))
        mentions = tuple(
            QuoteMention(
                doc_id=sentences[f.sentence].doc_id,
                start=sentences[f.sentence].start + f.start,
                end=sentences[f.sentence].start + f.end,
                sentence_start=sentences[f.sentence].start,
                sentence_end=sentences[f.sentence].end,
                speaker=f.speaker,
            )
            for f in items
        )
        text = next(f.text for f in items if len(f.words) >= MIN_QUOTE_WORDS)
        doc_ids = tuple(sorted({m.doc_id for m in mentions}, key=doc_order.__getitem__))
        quotes.append(Quote(text, _speaker_of(items), doc_ids, mentions))
    quotes.sort(
        key=lambda q: (-len(q.doc_ids), doc_order[q.mentions[0].doc_id], q.mentions[0].start)
    )
    return tuple(quotes)
