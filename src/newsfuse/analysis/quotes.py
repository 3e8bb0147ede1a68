"""Direct quotations, who said them, and the same quotation across sources.

Finding quotations. Within each sentence, text between double quotes (straight
or curly, and wire-style ``...''), or between single quotes used as quotation
marks ('People are going to ..., ' Pompeo said) — an apostrophe inside a word
is never a quote mark. A quotation left open runs to the end of its sentence, or,
when the next paragraph opens with a quotation mark (news style for a quotation
over several paragraphs), on through the sentences of its paragraph as one
quotation.

Who said it. A quotation making up its sentence and followed by a dash names its
source there (a blurb: `"..."—Jane Doe, author of ...`). Otherwise the sentence's
parse gives the attribution outside the quotation: the subject of a speech verb
(`"...," X said`, `X said: "..."`, `said X`, `said one visibly tired X`, `X told
reporters "..."`, `"...," X added`, `..., saying "..."`, `a producer who told
them "..."`, `X was recorded saying "..."`), the agent of an addressed verb (`X was
asked "..." by Y`: Y, not X), or the object of "according to X" (a speech verb in
the same sentence wins over it: "according to court documents" names where the
words were found). Of two speech verbs, one inside the other's clause, the inner
one's subject spoke (`she recalls him saying "..."`: him); a speech verb with a
modal is no attribution (`X added that Y must declare "..."`: X). With no cue at
all, a quotation after a colon is the person's named right before it (`Jane Doe:
"..."`), else the sentence subject's; one of at least four words is the sentence
subject's if that subject is a person ("Doe tried to calm the crowd: "...""). The
speaker becomes a name as follows:
- a name the entity step found: the entity's full name ("Pompeo" -> "Mike Pompeo",
  "Mr Kim" -> the Kim meant where the article makes it clear);
- "he"/"she" (or "him"/"her" speaking): within its sentence, the person a
  relative clause around it describes ("Doe, who defended what he called "...""),
  else the person the article was last talking about — the speaker of a recent
  quotation or the subject of a recent sentence, else the last person named or
  brought in unnamed ("an old fisherman who ...") a few sentences back — skipping
  people whose pronouns, honorific ("Mr", "Ms") or noun ("a congressman") show the
  other gender;
- a description of a person: "a spokesman" is someone new, kept as written; else
  the person the article named with that role ("his lawyer, John Doe" or "Nevada
  rancher Jane Doe", then "the lawyer said") or as the author of it ("the
  statement from John Doe", then "the statement said"); else, for "the" and a
  person noun ("the 67-year-old", "the Ohio Republican"), the person the article
  is talking about, unless it introduced an unnamed one ("A neighbor said ... the
  neighbor added") or the noun is someone speaking for others ("the spokesman");
- any other description ("the statement", "a source"): kept as written, so a
  speaker is ``None`` only when nothing was found.
Not attributions: "continue" with a complement ("continued "well into the year"",
"continues to have"), "the alleged affair", "the solutions offered"; the object of
"accused X of"; the subject of a clause after the verb ("claiming the website was
"...""); a following sentence's cue that introduces its own quotation ("Adds Doe:
"...""); a present-tense "that" clause under a past speech verb ("X said that Doe
denies "..."": X). A lawsuit, complaint or filing speaks for itself, not for its filer.
Gender comes from honorifics, the article's pronouns and a list of common first names.
A sentence that is only a quotation (or starts with one ending in a full stop and
glued to the next sentence by a lost space) takes its speaker from the context: a
short attribution right after it in the paragraph ("...?" Doe asked.), else the
previous sentence's quotation, else a longer sentence with a speech verb after it
(unless the quotation goes on from the previous one in the paragraph), else a "X
said:" before it, else the person the previous sentence was about. Each mention
keeps the speaker its source gives
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
from itertools import pairwise
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
    lament concur disclose reveal tout mention plead demand order call read determine
    allege gloat hint accuse offer
    """.split()
)
# Speech verbs only with a clause of what was said: "the suit charges that ...", "X pointed
# out, "..."" (not "charged with", "pointed at").
_CLAUSE_SPEECH_VERBS = frozenset({"charge", "point"})
# Words that are not a continuation of speech after "continue": "continues to have",
# "continued into the year".
_NOT_SPOKEN = frozenset({"xcomp", "prep", "dobj", "acomp", "attr", "oprd", "agent"})
# A speech verb read as a noun at the end of an attribution: "..." the email read.
_VERB_FORMS = frozenset({"read", "reads", "said", "says", "wrote", "writes"})
# Forms of speech verbs written before a quotation (plural "s" stripped).
_SAY_FORMS = frozenset("say said tell told add added write wrote ask asked".split())
# Documents that speak for themselves: "the lawsuit alleges" is the lawsuit, not its filer.
_SELF_SPEAKING = frozenset({"lawsuit", "suit", "complaint", "filing", "indictment", "ruling"})
# People who speak for someone else: "the spokesman said" after a paragraph about the
# president is not the president, so these are resolved only where the article names them.
_MOUTHPIECES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "aide", "official", "source"}
)
_PERSON_PRONOUNS = frozenset({"he", "she"})
# "she recalls him saying": the object form is the speaker too.
_NOMINATIVE = {"he": "he", "him": "he", "she": "she", "her": "she"}
# "the council must declare "..."": words someone should say, not words said.
_MODALS = frozenset({"must", "should", "ought", "could", "might", "may", "can", "would"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_INDEFINITE = frozenset({"a", "an", "one", "another"})
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
_MALE_NOUNS = frozenset(
    """
    male man boy father dad son brother husband uncle grandfather congressman spokesman
    chairman councilman assemblyman king prince
    """.split()
)
_FEMALE_NOUNS = frozenset(
    """
    female woman girl mother mom daughter sister wife aunt grandmother congresswoman
    spokeswoman chairwoman councilwoman assemblywoman queen princess actress
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
# What a person writes or says: "the statement from Doe", later "the statement said".
_STATEMENT_NOUNS = frozenset(
    """
    statement letter post tweet message email note response reply answer remark comment
    word memo report complaint filing lawsuit affidavit testimony speech interview blog
    essay book memoir column editorial
    """.split()
)
# "a leather chair" is furniture far more often than a chairwoman.
_UNNAMED_NOUNS = _PERSON_NOUNS - {"chair"}
_AGE = re.compile(r"\d+-year-old$")
# What a description keeps before its noun ("the 67-year-old", "a senior official").
_MODIFIER_DEPS = frozenset("det amod compound poss nummod npadvmod case nmod advmod punct".split())
# How a name hangs from a noun that describes its bearer ("an angry Mayor Jane Doe").
_NAME_LINKS = frozenset({"compound", "appos", "flat", "npadvmod"})
_CLIMB = frozenset({"advcl", "conj", "xcomp", "ccomp", "pcomp", "acl", "relcl"})

# "“...”—Jane Doe, author of ...": a blurb's source, up to a comma or the sentence's end.
_BYLINE = re.compile(r"[\"”’'\s]*(?:—|–|--)\s*(?P<name>[A-Z][^,;()]*?)\s*(?:,|$)")
_MAX_BYLINE_WORDS = 8
_MARKS = "\"“”‘’'`"
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
    """A quotation found in a sentence (and maybe running on through its paragraph), before
    merging."""

    sentence: int
    start: int  # offsets in the sentence text
    end: int
    text: str
    words: tuple[str, ...]
    speaker: str | None = None
    kind: str = "none"  # "person", "name" (an organisation, a place), "description", "none"
    last_sentence: int | None = None  # where a quotation running on through its paragraph ends


# --- finding quotations -------------------------------------------------------------


def _is_open(char: str) -> bool:
    return char in ("“", "``", "„")


def _is_close(char: str) -> bool:
    return char in ("”", "''")


def double_quote_spans(text: str, continued: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` inside each double-quoted stretch of ``text`` (marks excluded).

    ``continued``: ``text`` starts inside a quotation opened in an earlier sentence.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = 0 if continued else None
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


def quote_spans(text: str, continued: bool = False) -> list[tuple[int, int]]:
    """Every quotation in a sentence, trimmed, in order (``continued``: as for
    ``double_quote_spans``)."""
    double = double_quote_spans(text, continued)
    spans = double + single_quote_spans(text, double)
    trimmed = [_trim(text, a, b) for a, b in sorted(spans)]
    return [(a, b) for a, b in trimmed if b > a and any(c.isalpha() for c in text[a:b])]


def paragraph_quote_spans(
    sentences: Sequence[Sentence],
) -> tuple[list[list[tuple[int, int]]], set[int]]:
    """``quote_spans`` of each sentence, and which sentences start inside a quotation.

    A quotation still open at the end of a sentence runs on through the next
    sentences of its paragraph when the next paragraph opens with a quotation
    mark: news style for a quotation over several paragraphs (the splitter keeps
    such sentences apart). Otherwise the closing mark was left out, and the
    quotation stops at the end of its sentence.
    """
    reopened = _reopened(sentences)
    spans: list[list[tuple[int, int]]] = []
    continued: set[int] = set()
    for number, sentence in enumerate(sentences):
        previous = sentences[number - 1] if number else None
        paragraph = (sentence.doc_id, sentence.paragraph)
        if (
            previous is not None
            and (previous.doc_id, previous.paragraph) == paragraph
            and paragraph in reopened
            and _runs_on(previous.text, number - 1 in continued)
        ):
            continued.add(number)
        spans.append(quote_spans(sentence.text, number in continued))
    return spans, continued


def _reopened(sentences: Sequence[Sentence]) -> set[tuple[str, int]]:
    """``(doc_id, paragraph)`` of each paragraph whose next one opens with a quotation mark."""
    firsts: dict[tuple[str, int], str] = {}
    for sentence in sentences:
        firsts.setdefault((sentence.doc_id, sentence.paragraph), sentence.text)
    return {
        key
        for key, following in pairwise(firsts)
        if key[0] == following[0] and firsts[following].lstrip().startswith(('"', "“", "``"))
    }


def _runs_on(text: str, continued: bool) -> bool:
    double = double_quote_spans(text, continued)
    return bool(double) and double[-1][1] == len(text)


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
        # "Doe kept to his view that taxes had risen -- stating ...": a participle the
        # parser hangs inside a "that" clause belongs with the clause above it.
        misattached = current is not verb and verb.tag_ == "VBG" and _is_that_clause(current)
        child = None if misattached else _nearest_subject(current, spans, _SUBJECTS)
        if child is not None:
            if child.dep_ == "nsubjpass" and current is verb and verb.lemma_.lower() in _ADDRESSED:
                # "X was asked": X is spoken to; the speaker is the agent, if named.
                return _agent(current)
            if child.lower_ in _RELATIVE and current.dep_ == "relcl":
                return _antecedent_noun(current.head, child)  # "a producer who told them"
            return child
        if current.dep_ in _CLIMB and current.head is not current:
            current = current.head
        elif current.dep_ == "pcomp" and current.head.dep_ == "prep":
            current = current.head.head  # "X justified it by claiming ...": X
        else:
            break
    # "..., said Jane Doe" or "said one visibly shaken volunteer" parsed without a
    # subject: the noun right after the verb ("said last week" names no one).
    following = verb.doc[verb.i + 1 : verb.i + 6]
    for token in following:
        if token.ent_type_ in ("DATE", "TIME") or _inside(token, spans):
            break
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            if token.dep_ == "dobj" and verb.lemma_.lower() in _ADDRESSED | {"accuse"}:
                return None  # "accused the site of ...": the one accused
            if token.dep_ in _SUBJECTS and token.head is not verb and token.head.i > token.i:
                return None  # "claiming the website was "..."": the website is not speaking
            return _phrase_head(token)
        if token.pos_ not in ("DET", "ADJ", "NUM", "ADV", "PUNCT") and token.tag_ != "VBN":
            break
    return None


def _is_that_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _antecedent_noun(head: Token, relative: Token) -> Token:
    """The noun a "who"/"that" stands for: of "A and B that says", B, the nearer."""
    nouns = [head, *(t for t in head.subtree if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN"))]
    return max((t for t in nouns if t.i < relative.i), key=lambda t: t.i, default=head)


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
        if _is_speech(token):
            speaker = _subject_of(token, spans)
            if speaker is not None:
                found.append((token, speaker))
        elif (
            token.lower_ in _VERB_FORMS
            and token.pos_ in ("NOUN", "PROPN")
            and token.dep_ == "ROOT"
            and token.i >= 2
            and _is_quote_mark(doc[token.i - 3 if doc[token.i - 2].dep_ == "det" else token.i - 2])
        ):
            # '"...," the email read.' with "read" taken for a noun: "email" is the speaker.
            nouns = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
            if nouns:
                found.append((token, nouns[-1]))
    # "she recalls him saying": the words are the one reported speaking, not the one reporting.
    # Not "X said that Doe denies "..."": what Doe holds now, in X's words.
    held = {
        cue.i
        for cue, _ in found
        if cue.dep_ == "ccomp"
        and cue.tag_ in ("VBZ", "VBP")
        and _is_that_clause(cue)
        and cue.head.tag_ == "VBD"
        and any(c.head.i == cue.head.i or c.i == cue.head.i for c, _ in found if c is not cue)
    }
    inner = {cue.head.i for cue, _ in found if cue.dep_ in ("ccomp", "xcomp") and cue.i not in held}
    return [(cue, speaker) for cue, speaker in found if cue.i not in inner | held]


def _is_speech(token: Token) -> bool:
    """A speech verb that reports words said, not ones that must or might be ("must declare").

    "continue" only as speech going on ("..., he continued"), not "continues to have" or
    "continued into the year"; "charge" and "point" only with what was said ("charges
    that ...", "pointed out, "..."").
    """
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or token.dep_ == "amod":  # "the alleged affair"
        return False
    if token.dep_ == "acl" and token.tag_ == "VBN":  # "the solutions offered include"
        return False
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in token.children):
        return False
    if lemma == "continue":
        return not any(c.dep_ in _NOT_SPOKEN for c in token.children)
    if lemma == "charge":
        return any(c.dep_ == "ccomp" for c in token.children)
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    return lemma in SPEECH_VERBS


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
        self.people = {e.name for e in entities if e.type == "PERSON"}
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
        self.spans, self.continued = paragraph_quote_spans(cluster.sentences)
        self.gender = self._genders()
        self.roles = self._roles()
        self.unnamed = self._unnamed()

    def _roles(self) -> dict[int, list[tuple[str, str]]]:
        """``(role noun, person)`` for each sentence that names a person with a role.

        "Nevada rancher Cliven Bundy" (a compound), "his lawyer, John Doe" and
        "John Doe, his lawyer" (appositions): so a later "the lawyer said" is Doe.
        Likewise for what a person wrote or issued, "the statement from John Doe"
        or "Doe's statement": a later "the statement said" is Doe.
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
                linked.extend(_authored(token))
                for noun in linked:
                    if noun.pos_ == "NOUN" and self.entity_at(number, noun) is None:
                        roles.setdefault(number, []).append((noun.lemma_.lower(), entity.name))
        return roles

    def _unnamed(self) -> dict[int, list[tuple[int, str]]]:
        """``(offset, description)`` of the people a sentence brings in without a name.

        "an old fisherman who ...", "a union leader advised her": so a "he said"
        after them can mean them. Gender comes from the noun or "male"/"female".
        """
        unnamed: dict[int, list[tuple[int, str]]] = {}
        for number, doc in enumerate(self.parsed):
            base = self.cluster.sentences[number].start
            for token in doc:
                if not self._is_unnamed_person(number, token):
                    continue
                description = _description(token)
                unnamed.setdefault(number, []).append((base + token.idx, description))
                gender = _noun_gender(token)
                if gender:
                    self.gender[description] = gender
        return unnamed

    def _is_unnamed_person(self, number: int, token: Token) -> bool:
        return (
            token.pos_ in ("NOUN", "PROPN")
            and (token.lemma_.lower() in _UNNAMED_NOUNS or _who_clause(token))
            and _indefinite(token)
            # Someone taking part: not "Doe, a lawyer," or "Doe is a lawyer" (someone
            # already named) nor "a doctor's appointment".
            and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj")
            and self.entity_at(number, token) is None
            # "an angry Mayor Jane Doe", "John Doe, a neighbor": named after all.
            and not any(c.pos_ == "PROPN" and c.dep_ in _NAME_LINKS for c in token.children)
            and not _inside(token, self.spans[number])
        )

    def role_holder(self, number: int, token: Token) -> str | None:
        """The person a description in sentence ``number`` stands for: "the lawyer", "his father".

        The person the article last named with that role; failing that, for "the"
        and a noun that can only be a person ("the 67-year-old", "the mom of two"),
        the person the article is talking about, as for "he" or "she".
        """
        if _indefinite(token):
            return None  # "a spokesman said": someone new, not the spokesman named before
        role = token.lemma_.lower()
        if role in _SELF_SPEAKING:
            return None  # "Doe's lawsuit alleges": the lawsuit speaks, not Doe
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
        if role in _MOUTHPIECES:
            return None
        # "A neighbor said ... "...," the neighbor added": an unnamed person, kept as written.
        for back in range(number, -1, -1):
            if self.cluster.sentences[back].doc_id != doc_id:
                break
            if any(t.lemma_.lower() == role and _indefinite(t) for t in self.parsed[back]):
                return None
        return self.antecedent(number, pronoun="they")

    def _in_sentence(self, number: int, pronoun_token: Token, pronoun: str) -> str | None:
        """The person a pronoun means within its own sentence: the one a relative clause
        around it is about ("Doe, who defended what he called"), else the sentence's
        subject if named before it."""
        owner = _relative_owner(pronoun_token)
        entity = self.entity_at(number, owner) if owner is not None else None
        if entity is not None and entity.type == "PERSON" and self.fits(entity.name, pronoun):
            return entity.name
        here = self.cluster.sentences[number].start + pronoun_token.idx
        before = [
            e.name
            for a, _, e in self.by_sentence.get(number, ())
            if a < here and e.type == "PERSON"
        ]
        subject = _root_subject_person(self, number) if before else None
        if subject and subject in before and self.fits(subject, pronoun):
            return subject
        return None

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
            pronoun = _first_pronoun(doc, after, self.spans[number])
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

    def entity_ending(self, number: int, end: int) -> Entity | None:
        """The entity whose name ends at character ``end`` of sentence ``number``."""
        end += self.cluster.sentences[number].start
        return next((e for _, b, e in self.by_sentence.get(number, ()) if b == end), None)

    def entity_in(self, number: int, start: int, end: int) -> Entity | None:
        """The first entity named from character ``start`` to ``end`` of sentence ``number``."""
        base = self.cluster.sentences[number].start
        for a, _, entity in self.by_sentence.get(number, ()):
            if base + start <= a < base + end:
                return entity
        return None

    def people_in(self, number: int) -> list[str]:
        """The people sentence ``number`` names or brings in unnamed, in order."""
        named = [(a, e.name) for a, _, e in self.by_sentence.get(number, ()) if e.type == "PERSON"]
        return [name for _, name in sorted(named + self.unnamed.get(number, []))]

    def as_speaker(self, name: str | None) -> tuple[str | None, str]:
        """``(name, kind)`` for a person found from the context; someone unnamed is a
        description."""
        if name is None:
            return None, "none"
        return name, "person" if name in self.people else "description"

    def speaker(self, number: int, token: Token) -> tuple[str | None, str]:
        """``(speaker, kind)`` for the speaker token of sentence ``number``."""
        word = _hyphenated(token) if not any(c.isalpha() for c in token.text) else token.text
        if word != token.text:  # "Counter-signal said", split into "Counter", "-", "signal"
            named = resolve_person(self.entities, word)
            if named:
                return named, "person"
            if not any(c.isalpha() for c in word):
                return None, "none"
            return word, "name" if word[:1].isupper() else "description"
        entity = self.entity_at(number, token) or self._apposed_person(number, token)
        if entity is not None:
            return entity.name, "person" if entity.type == "PERSON" else "name"
        if token.lower_ in _NOMINATIVE:
            return self.as_speaker(self.antecedent(number, token))
        if token.pos_ == "PRON":
            return None, "none"
        # "the Ohio Republican" is a description, though a proper noun.
        role = token.pos_ in ("NOUN", "ADJ") or token.lemma_.lower() in _PERSON_NOUNS
        if token.pos_ == "PROPN":
            surface = _compound_text(token)
            name = resolve_person(self.entities, surface)
            if name:
                return name, "person"
            if not role:
                return surface, "name"
        if role:  # "the lawyer", "the 67-year-old"
            name = self.role_holder(number, token)
            if name:
                return self.as_speaker(name)
        return _description(token), "description"

    def _apposed_person(self, number: int, token: Token) -> Entity | None:
        """The person a description is set beside: "the lawyer, John Doe" or "Doe, a lawyer"."""
        apposed = [c for c in token.children if c.dep_ == "appos"]
        if token.dep_ == "appos":
            apposed.append(token.head)
        people = (self.entity_at(number, t) for t in apposed)
        return next((e for e in people if e is not None and e.type == "PERSON"), None)

    def antecedent(
        self, number: int, token: Token | None = None, pronoun: str = "he"
    ) -> str | None:
        """The person "he"/"she" in sentence ``number`` most likely means."""
        sentences = self.cluster.sentences
        doc_id = sentences[number].doc_id
        if token is not None:
            pronoun = _NOMINATIVE.get(token.lower_, token.lower_)
            here = self._in_sentence(number, token, pronoun)
            if here is not None:
                return here
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


def _first_pronoun(doc: Doc, after: int, spans: Sequence[tuple[int, int]]) -> str | None:
    """ "m" or "f" for the first gendered pronoun at or after character ``after``, outside quotations."""
    for token in doc:
        if token.idx < after or _inside(token, spans):
            continue
        if token.lower_ in _MALE:
            return "m"
        if token.lower_ in _FEMALE:
            return "f"
    return None


def _indefinite(noun: Token) -> bool:
    """ "a neighbor", "an official", "one firefighter": a person not named before."""
    return any(c.dep_ in ("det", "nummod") and c.lower_ in _INDEFINITE for c in noun.children)


def _authored(person: Token) -> list[Token]:
    """What ``person`` wrote or said: "the statement from Doe", "Doe's letter"."""
    if person.dep_ == "pobj" and person.head.lower_ in ("from", "by"):
        thing = person.head.head
    elif person.dep_ == "poss":
        thing = person.head
    else:
        return []
    return [thing] if thing.lemma_.lower() in _STATEMENT_NOUNS else []


def _who_clause(noun: Token) -> bool:
    """ "a fisherman who pulled her ashore": "who" says the noun is a person."""
    return any(
        c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children) for c in noun.children
    )


def _relative_owner(token: Token) -> Token | None:
    """The noun a relative clause holding ``token`` is about: "Doe, who defended what he called"."""
    current = token.head
    while current.dep_ in _CLIMB and current.dep_ != "relcl" and current.head is not current:
        current = current.head
    return current.head if current.dep_ == "relcl" else None


def _noun_gender(noun: Token) -> str | None:
    """ "m" or "f" for "a congressman", "one male senator", "a woman"; else None."""
    words = {noun.lemma_.lower(), *(c.lower_ for c in noun.children if c.dep_ == "amod")}
    if words & _MALE_NOUNS:
        return "m"
    if words & _FEMALE_NOUNS:
        return "f"
    return None


def _hyphenated(token: Token) -> str:
    """The word a token is part of when hyphens split it: "-" of "Counter-signal" gives
    "Counter-signal"; a token with no hyphen next to it, its own text."""
    doc = token.doc
    left = right = token.i
    while (
        left > 0 and not doc[left - 1].whitespace_ and "-" in (doc[left - 1].text, doc[left].text)
    ):
        left -= 1
    while (
        right + 1 < len(doc)
        and not doc[right].whitespace_
        and "-" in (doc[right].text, doc[right + 1].text)
    ):
        right += 1
    return doc[left : right + 1].text


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
        if t.i == left - 1 and t.dep_ in _MODIFIER_DEPS and t.text not in (",", '"', "“", "”"):
            left = t.i
    end = token.i + 1
    doc = token.doc
    # "a spokesman for the ministry": keep one short prepositional phrase, not a date
    # ("a complaint from March 9").
    if (
        end < len(doc)
        and doc[end].dep_ == "prep"
        and doc[end].lower_ in ("for", "of", "at", "from", "with")
    ):
        sub = list(doc[end].subtree)
        if len(sub) <= 5 and not any(t.ent_type_ in ("DATE", "TIME") for t in sub):
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
    doc = resolver.parsed[number]
    subject = _root_subject(doc, (), kinds)
    if subject is None:
        return _subjectless_person(resolver, number) if _root_subject(doc, ()) is None else None
    # "Bundy's cattle have fed off government land": the sentence is about Bundy.
    for token in (subject, *(c for c in subject.children if c.dep_ == "poss")):
        entity = resolver.entity_at(number, token)
        if entity is not None and entity.type == "PERSON":
            return entity.name
        if token.lower_ in _PERSON_PRONOUNS:
            return resolver.antecedent(number, pronoun=token.lower_)
    return None


def _subjectless_person(resolver: _Resolver, number: int) -> str | None:
    """The person a sentence with no subject at all is about, in a misparse: the one named
    before its verb ("Building manager Jane Doe, 41, was carrying ...", with "Building"
    read as a verb), or a name taken for the root ("Jane Doe, among others, wrote:"); or
    the owner of a verbless sentence ("Doe's answer: ...")."""
    doc, spans = resolver.parsed[number], resolver.spans[number]
    root = next(t for t in doc if t.dep_ == "ROOT")
    if _inside(root, spans):
        return None
    if root.pos_ in ("VERB", "AUX"):
        tokens = [t for t in doc[: root.i] if not _inside(t, spans)]
    else:
        tokens = [c for c in root.children if c.dep_ == "poss"]
        if any(c.pos_ == "VERB" for c in root.children):
            tokens.append(root)
    named = (resolver.entity_at(number, t) for t in tokens)
    return next((e.name for e in named if e is not None and e.type == "PERSON"), None)


def _find_in_sentence(
    number: int, sentence: Sentence, doc: Doc, resolver: _Resolver
) -> list[_Found]:
    spans = resolver.spans[number]
    if not spans:
        return []
    cues = _attributions(doc, spans)
    found = []
    for start, end in spans:
        text = sentence.text[start:end]
        item = _Found(number, start, end, text, normalised_words(text))
        speaker = _byline(number, (start, end), resolver) or _cued_speaker(
            number, (start, end), cues, resolver
        )
        if speaker is not None:
            item.speaker, item.kind = speaker
        found.append(item)
    return found


def _cued_speaker(
    number: int, span: tuple[int, int], cues: list[tuple[Token, Token]], resolver: _Resolver
) -> tuple[str | None, str] | None:
    """The speaker the quotation's own sentence gives: the nearest cue, or before a colon
    the person named right there ("Jane Doe: "...""), else the subject ("X did something:
    "..."")."""
    if cues:
        # A speech verb beats "according to" (the document the words were found in).
        _, speaker = min(cues, key=lambda c: (c[0].lower_ == "according", _distance(c[0], span)))
        return resolver.speaker(number, speaker)
    before = resolver.cluster.sentences[number].text[: span[0]].rstrip(_MARKS + " ")
    if not before.endswith(":"):
        return None
    named = _person_before_colon(resolver, number, len(before[:-1].rstrip()))
    if named is not None:
        return named, "person"
    subject = _root_subject(resolver.parsed[number], resolver.spans[number])
    return resolver.speaker(number, subject) if subject is not None else None


def _person_before_colon(resolver: _Resolver, number: int, end: int) -> str | None:
    """The person named right before a colon ("Jane Doe: "...""), unless only as the object
    of a preposition ("a spokeswoman for John Doe:")."""
    entity = resolver.entity_ending(number, end)
    last = next((t for t in resolver.parsed[number] if t.idx + len(t.text) == end), None)
    if entity is None or entity.type != "PERSON" or last is None:
        return None
    if last.dep_ == "pobj" and last.head.lower_ not in ("from", "by"):
        return None
    return entity.name


def _byline(number: int, span: tuple[int, int], resolver: _Resolver) -> tuple[str, str] | None:
    """The source after a dash that follows a quotation making up its sentence (a blurb)."""
    text = resolver.cluster.sentences[number].text
    match = _BYLINE.match(text, span[1])
    if text[: span[0]].strip(_MARKS + " ") or match is None:
        return None
    name = match.group("name")
    if len(name.split()) > _MAX_BYLINE_WORDS:
        return None
    person = resolve_person(resolver.entities, name)
    if person:
        return person, "person"
    # As written: spaCy may have caught only part of it ("Doe" of "”—Jane Doe").
    entity = resolver.entity_in(number, *match.span("name"))
    return name, "person" if entity is not None and entity.type == "PERSON" else "name"


def _is_only_quotes(sentence: Sentence, spans: Sequence[tuple[int, int]]) -> bool:
    return _words_outside(sentence, spans) == 0


def _glued(sentence: Sentence, first: _Found) -> bool:
    """A quotation that is a sentence of its own, run together with the next one by a lost
    space ("...too long."The new boat ...)."""
    text = sentence.text
    after = text[first.end :].lstrip(_MARKS)
    return (
        not text[: first.start].strip(_MARKS + " ")
        and text[first.end - 1 : first.end] in (".", "?", "!")
        and after[:1].isupper()
    )


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
    cluster = resolver.cluster
    sentence = cluster.sentences[number]
    only_quotes = _is_only_quotes(sentence, [(i.start, i.end) for i in items]) or _glued(
        sentence, items[0]
    )
    previous = number - 1
    same_doc = previous >= 0 and cluster.sentences[previous].doc_id == sentence.doc_id
    earlier = [i for i in by_sentence.get(previous, ()) if i.speaker] if same_doc else []
    if only_quotes:
        following = _following_attribution(number, resolver)
        # "...?" Doe asked. / "...". "...," he said: a short attribution after it wins; a
        # longer sentence with a speech verb only when the quotation does not go on from
        # one before in its paragraph ("...". She says that he ... is about the quotation).
        goes_on = earlier and _same_paragraph(cluster, previous, number)
        if following is not None and (following[1] or not goes_on):
            return following[0]
        if earlier:
            return earlier[-1].speaker, earlier[-1].kind
    if not same_doc:
        return None
    colon = _colon_speaker(previous, resolver)
    if colon is not None:
        return colon
    if only_quotes and previous in resolver.topic:
        # A paragraph that is only a quotation, after one about a person: theirs.
        return resolver.as_speaker(resolver.topic[previous])
    return None


def _set_off(before: str) -> bool:
    """The text before a quotation is empty or ends as words said are introduced: a comma, colon or
    dash, "that" or a speech verb ("would only say that "..."", "he says "..."")."""
    if not before or before[-1:] in (",", ":", "—", "–", "-"):
        return True
    words = before.split()
    return bool(words) and (
        words[-1].lower() == "that" or words[-1].lower().rstrip("s") in _SAY_FORMS
    )


def _following_attribution(
    number: int, resolver: _Resolver
) -> tuple[tuple[str | None, str], bool] | None:
    """The speaker the next sentence of the paragraph names, and whether that sentence is a
    short attribution."""
    following = number + 1
    if not _same_paragraph(resolver.cluster, number, following) or following in resolver.continued:
        return None
    spans = resolver.spans[following]
    cues = _attributions(resolver.parsed[following], spans)
    if not cues:
        return None
    short = _words_outside(resolver.cluster.sentences[following], spans) <= _SHORT_ATTRIBUTION
    if spans and not short:
        return None
    if spans and resolver.cluster.sentences[following].start + cues[0][0].idx < (
        resolver.cluster.sentences[following].start + spans[0][0]
    ):
        return None  # "Adds Doe: "..."": Doe's cue introduces the quotation after it

    # Even unresolved ("I asked her"), it says whose the quotation is: no one else's.
    return resolver.speaker(following, cues[0][1]), short


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
    running: _Found | None = None  # a quotation open at the end of the previous sentence
    for number, (sentence, doc) in enumerate(zip(cluster.sentences, parsed)):
        items = _find_in_sentence(number, sentence, doc, resolver)
        # The rest of a quotation from the sentence before is part of it, not a new one.
        joined = []
        if running is not None and items and not sentence.text[: items[0].start].strip():
            _join(running, items.pop(0), cluster)
            joined = [running]
        _attribute_from_context(number, items, resolver, by_sentence)
        here = by_sentence[number] = joined + items
        found.extend(items)
        people = [i.speaker for i in here if i.kind == "person" and i.speaker]
        topic = people[-1] if people else _root_subject_person(resolver, number)
        if topic:
            resolver.topic[number] = topic
        running = here[-1] if here and number + 1 in resolver.continued else None
    return found


def _join(head: _Found, rest: _Found, cluster: PreparedCluster) -> None:
    """Extend ``head`` over ``rest``, its continuation in a later sentence of the paragraph."""
    first, last = cluster.sentences[head.sentence], cluster.sentences[rest.sentence]
    head.end = last.start + rest.end - first.start
    document = cluster.documents[first.doc_index].text
    head.text = document[first.start + head.start : first.start + head.end]
    head.words = normalised_words(head.text)
    head.last_sentence = rest.sentence
    if head.speaker is None:
        head.speaker, head.kind = rest.speaker, rest.kind


def _attribute_from_context(
    number: int, items: list[_Found], resolver: _Resolver, by_sentence: dict[int, list[_Found]]
) -> None:
    """Give a speaker to the quotations of sentence ``number`` that their sentence does not."""
    unattributed = [i for i in items if i.speaker is None]
    if not unattributed:
        return
    inherited = _inherited(number, items, resolver, by_sentence)
    if inherited is not None:
        for item in unattributed:
            item.speaker, item.kind = inherited
        return
    # "Dunn made efforts to distance himself, "...": the subject, if a person (not for a
    # quoted phrase: "he accused them of "gangster-like" demands"). Active subjects only:
    # "Cosby was asked, "..."" is someone else's question.
    # Only a quotation set off by a comma, colon or dash: not one inside a phrase of the
    # sentence ("Doe has a "lucrative tech job"", words of whoever Doe is described by).
    text = resolver.cluster.sentences[number].text
    long = [
        i
        for i in unattributed
        if len(i.words) >= MIN_QUOTE_WORDS and _set_off(text[: i.start].rstrip(_MARKS + " "))
    ]
    subject = _root_subject_person(resolver, number, ("nsubj",)) if long else None
    if subject is not None:
        for item in long:
            item.speaker, item.kind = resolver.as_speaker(subject)


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
                sentence_end=sentences[
                    f.sentence if f.last_sentence is None else f.last_sentence
                ].end,
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
