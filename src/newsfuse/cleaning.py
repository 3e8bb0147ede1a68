"""Find the article text in a scraped or wire document and set the noise aside.

Cleaning never edits the text: it returns offsets of the stretches that are
article text and a record of every removed stretch with its reason, so that
sentences and citations keep pointing into the document as read.

Two levels:
- whole lines: headlines and section titles, repeated lines, link lists
  ("More news: ..."), share and sign-up prompts, server errors, broadcast
  residue, photo credits and captions, embedded posts, video-player text,
  bylines and credits, editor's notes, copyright and wire-service trailers;
- stretches inside a kept line (``inline_noise``): ad sentences glued into a
  paragraph, "click here" prompts, DUC typesetting codes, and the wire
  dateline at the start of a story.

A "line" is a line of the text, split further where DUC typesetting codes
separate a wire story's paragraphs. A long line that a rule marks as noise is
looked at sentence by sentence: scraped text with its paragraph breaks lost
(all of Multi-News's preprocessed release) runs a caption or a share prompt
into the article, and only those sentences go, unless they are most of it.

The rules look at the form of a line (patterns of web and wire boilerplate,
length, closing punctuation, title case, repetition, the lines around it),
never at the words of one particular site or story. When in doubt a line is
kept: dropping an article sentence costs more than keeping a caption.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ahocorasick

from newsfuse.models import CleanedDocument, Document, NoiseSpan
from newsfuse.segment import sentence_spans

# A rule is a pattern anchored at the start of the text, cheap to try on any text,
# or (keys, pattern) for a pattern searched through the text: ``keys`` (one or a
# tuple) is lowercase text of which every match holds one, and the pattern is only
# searched where the folded text holds a key. Most lines are prose that no rule
# matches, and searching every pattern through every line was most of the cost of
# cleaning.
_Rule = str | tuple[str | tuple[str, ...], str]


def _fold(text: str) -> str:
    """``text`` lowercased as re.IGNORECASE compares letters, for finding keys.

    re also takes "ı" for "i" and "ſ" for "s"; "İ" lowercases to "i" and a
    combining dot, dropped so that the "i" stays next to its neighbours.
    """
    return text.lower().replace("ı", "i").replace("ſ", "s").replace("\u0307", "")


@dataclass(frozen=True)
class _Rules:
    """The rules of one reason, compiled: the anchored ones as one pattern, and one
    ``(key, pattern)`` per key of each keyed rule.
    """

    reason: str
    anchored: re.Pattern[str] | None
    keyed: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def compile(cls, reason: str, rules: tuple[_Rule, ...]) -> _Rules:
        anchored = [rule for rule in rules if isinstance(rule, str)]
        keyed = []
        for keys, pattern in (rule for rule in rules if not isinstance(rule, str)):
            compiled = re.compile(pattern, re.IGNORECASE)
            keyed.extend((key, compiled) for key in ((keys,) if isinstance(keys, str) else keys))
        return cls(
            reason,
            re.compile("|".join(anchored), re.IGNORECASE) if anchored else None,
            tuple(keyed),
        )

    def match(self, text: str, found: frozenset[str]) -> bool:
        """Whether a rule matches ``text``; ``found`` is ``_keys_of`` of it or of a text holding it."""
        if self.anchored and self.anchored.match(text):
            return True
        for key, pattern in self.keyed:
            if key in found and pattern.search(text):
                return True
        return False

    def may_match(self, found: frozenset[str]) -> bool:
        """Whether a rule may match a text whose keys (``_keys_of``) are, or are among, ``found``."""
        return self.anchored is not None or any(key in found for key, _ in self.keyed)


@dataclass(frozen=True)
class _Chain:
    """The rules of several reasons, tried in order for the first reason with a match.

    Trying each reason's rules in turn cost more than the searches themselves:
    here the anchored rules of every reason are one pattern, whose first
    alternative to match names the earliest such reason, and only the keyed
    rules of the reasons before it are tried after.
    """

    reasons: tuple[str, ...]
    anchored: re.Pattern[str]
    # Per key, ``(place, rank, pattern)`` of each keyed rule it gates: ``place`` orders the
    # keyed rules as their reasons are ordered, and ``rank`` is the place of the reason.
    by_key: dict[str, tuple[tuple[int, int, re.Pattern[str]], ...]]

    @classmethod
    def of(cls, rule_sets: tuple[_Rules, ...]) -> _Chain:
        anchored = "|".join(
            f"(?P<r{rank}>{rules.anchored.pattern})"
            for rank, rules in enumerate(rule_sets)
            if rules.anchored
        )
        keyed = (
            (key, pattern, rank)
            for rank, rules in enumerate(rule_sets)
            for key, pattern in rules.keyed
        )
        by_key: dict[str, list[tuple[int, int, re.Pattern[str]]]] = {}
        for place, (key, pattern, rank) in enumerate(keyed):
            by_key.setdefault(key, []).append((place, rank, pattern))
        return cls(
            tuple(r.reason for r in rule_sets),
            re.compile(anchored, re.IGNORECASE),
            {key: tuple(entries) for key, entries in by_key.items()},
        )

    def first(self, text: str, found: frozenset[str]) -> str | None:
        """The first reason with a rule matching ``text``; ``found`` as for ``_Rules.match``."""
        match = self.anchored.match(text)
        # A reason's group holds every group of its rules, so it is the last to close.
        limit = int(match.lastgroup[1:]) if match else len(self.reasons)
        # Only the rules of keys the text holds, in the chain's order: most lines hold none.
        gated = sorted(entry for key in found for entry in self.by_key.get(key, ()))
        for _, rank, pattern in gated:
            if rank >= limit:
                break
            if pattern.search(text):
                return self.reasons[rank]
        return self.reasons[limit] if match else None


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# DUC typesetting codes: &QL; (quad left), &UR; (upper rule), &LR;, &QC; ...
_TYPESETTING_CODE = re.compile(r"&[A-Z]{2};")
_TYPESETTING_RUN = re.compile(r"(?:&[A-Z]{2};\s*)+")
# Sign-offs closing a wire story, run into its last sentence: "... imported oil. enditem".
_WIRE_SIGN_OFF = re.compile(r"\s+(?:(?i:enditem|endit)|MORE)\s*$")

# Rules for whole lines, by reason; each is tried on the line with its typesetting
# codes blanked out.
_LINK = (
    # A link label, then a headline or nothing: "READ MORE: ...", "Related Articles".
    (
        r"^(read more|more news|more from|more on|more|related( news| articles?| stories| content|"
        r" coverage| links| video)?|see also|also (read|see|watch)|recommended|trending( now)?|"
        r"most (read|popular|viewed)|top stories|you (may|might) also like|full coverage|"
        r"videos?|audio|watch|listen|gallery|slideshow|editorial|opinion|previously|"
        r"must[- ]reads?|(external )?resources|on the (net|web))\b\s*"
        r"(?:[:|»›>]|[-–—](?=\s)|$)"
    ),
    # "Related" glued to the linked headline: "Related Prodigy: 10 Essential Tracks".
    r"^related\s+(?=[A-Z0-9\"'“‘])(?-i:[A-Z0-9])",
    # A link label with a source: "Read more from The Hill:".
    r"^(read|see|watch) more\b[^.!?:]{0,40}:\s*$",
    # A call to read on, ending a blurb: "... location history. Learn more".
    (" more", r"[.!?]\s+(learn|read|see|find out) more\W*$"),
    # An imperative pointing elsewhere: "Visit the ... section to learn more."
    (
        r"^(visit|go to|head to|check out|see|read|watch|listen to)\b[^.!?]{0,100}"
        r"\bto (learn|find out|read|see|hear) more\W*$"
    ),
)
_SERVER_ERROR = (
    r"^\W*an error (has )?occurred\b.{0,60}$",
    r"^\W*(error \d{3}|404 not found|page not found|internal server error|service unavailable)\b",
)
# A web archive's page about its own crawls, served in place of an article it did not hold
# (10% of Multi-News's training clusters): the archive named together with what it does.
_ARCHIVE_NOTICE = (
    (
        ("internet archive", "wayback machine", "archive-it", "alexa internet"),
        (
            r"\b(internet archive|wayback machine|archive-it|alexa internet)\b.*"
            r"\b(crawl\w*|embargo|ingested|archived pages|web (collections|captures))\b|"
            r"\b(crawl\w*|embargo|ingested|archived pages|web (collections|captures))\b.*"
            r"\b(internet archive|wayback machine|archive-it)\b"
        ),
    ),
    ("crawl", r"\b(these|focused|web|wide|daily) crawls\b|\bcrawl data\b"),
    ("crawl", r"\bcrawl(s|ed|ing|ers?)?\b.*\b(archive|urls?|domains?|seed ?lists?|heritrix)"),
    ("crawl", r"^\W*(web |domain )?crawls? (of|performed|data)\b"),
    ("crawl", r"\bthe seed (list )?for this crawl\b"),
    ("no more 404", r"\bno more 404\b"),
    ("warc", r"\bwarcs?\b"),
)
_BROADCAST = (
    ("on the line", r"\b(is|are) on the line (for|with) us\b"),
    ("joins us", r"\bjoins us (now |live )?(from|on the line)\b"),
    r"^\W*(begin|end) (video|audio)( clip)?\W*$",
    r"^\W*\(?(commercial break|crosstalk)\)?\W*$",
    ("be right back", r"\bwe('ll| will) be right back\b"),
)
# A photographer and the agency: "Jane Doe/Getty Images", "AFP/Getty Images".
_CREDIT_RUN = r"[\w.' -]{0,40}/\s*(getty images|ap photo|ap|afp|reuters|epa)\b"
_PHOTO_CREDIT = (
    (
        r"^\W*(photo|image|picture|illustration|graphic|video|file photo)s?"
        r"( credit| courtesy| by)?\s*:"
    ),
    r"^(image (copyright|caption)|media (playback|caption))\b",
    # A gallery's caption control: "Hide Caption 3 of 132 Photos: ...", "toggle caption".
    r"^\W*(hide|show|toggle) caption\b",
    # A credit line on its own, or closing a caption: "Credit: Dr. Jane Doe", "... under a
    # parking lot. Credit: Dr. Jane Doe".
    ("credit", r"^\W*credits?\s*:(?=.{0,80}$)"),
    ("credit:", r"[.!?\"'”’]\s+(photo |image )?credits?\s*:\s*(?-i:[A-Z])[^!?]{0,60}$"),
    ("(", r"\((photo|image|picture)s?( illustration)?\b[^()]{0,80}\)\s*(\([^()]{0,40}\))?\W*$"),
    ("(", r"\(\s*(ap|afp|reuters|getty|associated press)( photo| images?)?\b[^()]{0,40}\)\W*$"),
    ("|", r"\|\s*(getty|ap|afp|reuters)\b[\w /.-]{0,40}$"),
    # A caption closed by its credit: "... on Saturday. (Jane Doe/The Daily News)".
    ("(", r"[.!?\"'”’]\s*\((?:[^()/-]{1,60}/[^()]{1,60}|(?-i:(?:[A-Z][\w.'’&]*\s*){1,6}))\)\s*$"),
    ("/", r"/\s*(getty images|ap|afp|reuters|ap images|epa)\s*\)?\W*$"),
    # The agency first, then the photographer: "... May 24, 2000. REUTERS/Stringer".
    ("/", r"[.!?]\s+(?-i:REUTERS|AP|AFP|EPA)\s*/\s*[\w.' -]{1,40}$"),
    r"^file (photo|image|picture)s? (of|shows)\b(?=.{0,300}$)",
    # A credit or gallery control opening a caption or a related headline: "AFP/Getty Images
    # NBA Finals MVP ...", "Mark Wilson/Getty Images White House ...", "Enlarge Image Close".
    (("getty images", "ap photo", "/"), rf"^{_CREDIT_RUN}|^\W*(getty images|ap photo)\b"),
    # A caption, a bar, then the credit and a related headline: "... on Sunday. | Jane Doe/AP
    # Photo Goodlatte's son donates ...".
    ("|", rf"\|\s*{_CREDIT_RUN}"),
    r"^\W*enlarge (image|photo)\b",
    # A newspaper's image label run into its caption: "Image The spokeswoman said ...".
    r"^(?-i:Image) (?-i:[A-Z])|^image (taken|shows|provided|released|courtesy)\b",
    r"^\W*\[(video|photo|image|audio)( link)?\]",
    r"^(courtesy|photograph|photographs) (of |by )?[A-Z][\w.'-]*( [A-Z][\w.'-]*){0,4}\W*$",
    r"^FILE\s*[-–—]\s",
    ("in this ", r"\bin this (\w+ )?(file |handout |evidence |undated )?(photo|image|picture)\b"),
    (
        ("photo", "image", "picture"),
        r"\bthis (\w+ )?(photo|image|picture) (released|provided|taken|shows)\b",
    ),
    r"^(a|an|the) (\w+ )?(photo|image|picture) (from|by) [^.]{0,60} shows\b",
    # A video caption ends with its date and source: "... (Jan. 2) AP".
    ("(", rf"\({_MONTH} \d{{1,2}}(, \d{{4}})?\)\s*[A-Z][\w ]{{0,40}}$"),
    # A photographer's credit run into the caption: "Jane Doe / For The Times ...".
    r"^(?-i:[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}) / (?:for )?(?:the )?(?-i:[A-Z])",
)
_EMBED = (
    # Embedded posts: "... — Name (@handle) April 1, 2017", "A post shared by ...".
    ("(@", rf"\(@\w+\)\s*(on )?{_MONTH} \d{{1,2}},? \d{{4}}\W*$"),
    ("pic.twitter.com/", r"\bpic\.twitter\.com/\w+"),
    ("a post shared by", r"\ba post shared by\b.{0,80}\(@\w+\)"),
    # Video-player and widget text.
    ("autoplay", r"\bautoplay\b"),
    ("copy this code to your ", r"\bcopy this code to your (website|blog)\b"),
    ("embed", r"\bembed\b.{0,12}\bshare\b"),
    ("html5 capable browser", r"\bhtml5 capable browser\b"),
    r"^\W*(skip|replay|play|embed|share)( (in|x|with sound))?\W*$",
    r"^\W*(\d{1,2}:\d{2}\W*){2,}$",
    r"^\W*sound\s+\d{1,2}:\d{2}",
)
_SHARE_PROMPT = (
    (
        r"^\W*(share (this|on|via|the story)|share\W+tweet\b|tweet (this|with a location)\b|"
        r"follow (us|me)\b|click to (email|share|print|tweet)\b|like us\b|subscribe\b|"
        r"sign (up|in)\b|log in\b|register\b|"
        r"email this\b|print this\b|join the conversation\b|leave a comment\b|"
        r"newsletter\b|download (the|our)\b.{0,60}\bapp\b|"
        r"get (the )?(latest |breaking )?news\b.{0,60}\binbox\b|"
        r"comments?\s*(\(\d+\))?\s*$|read or share this story\b|"
        r"we use cookies\b|accept (all )?cookies\b|this (site|website) uses cookies\b)"
    ),
    (
        "you agree",
        r"\bby (signing up|subscribing|submitting|registering|clicking)\b[^.]{0,60}\byou agree\b",
    ),
    ("please ", r"\bplease (verify|re-enter|check your email|sign in|log in|enable javascript)\b"),
    r"^\W*follow [\w .'-]{1,40} on (twitter|facebook|instagram|google\+?)\b",
    ("follow @", r"^(?=.{0,120}$).*\bfollow @\w+\W*$"),
    (" your ", r"\b(share|leave|post|tell us) your (own )?(thoughts|comments|views|opinion)\b"),
    ("sign in to ", r"\bsign in to (update|manage|view|access) your\b"),
    ("support our journalism", r"\bsupport our journalism\b"),
    ("already a subscriber", r"\balready a subscriber\b"),
    ("{*", r"\{\*.*\*\}"),
)
_CREDIT = (
    (
        r"^\W*(by|written by|reporting by|additional reporting by|editing by|compiled by)\s+"
        r"(?-i:[A-Z])[\w.'-]*( (?-i:[A-Z])[\w.'-]*){0,4}\W*(,|;|/|$)(?=.{0,120}$)"
    ),
    ("contributed", r"^.{0,150}?\bcontributed (reporting )?to this (report|story|article)\b"),
    r"^\W*\(?(additional )?(reporting|writing|editing) by\b",
    ("you can ", r"\byou can (email|reach|contact|follow) (him|her|them)\b"),
    # An author's note in brackets: "(Jane Doe is a free-lance writer in Maine.)".
    r"^\(\s*(?-i:[A-Z])[\w.'-]*( (?-i:[A-Z])[\w.'-]*){0,4} (is|was) (a|an|the)\b.*\)\W*$",
    r"^\(\s*this (article|story|column|essay) (is|was) (excerpted|adapted|reprinted|taken)\b",
    (("@", "(at)"), r"^(?=.{0,160}$).*[\w.]+(@|\(at\))\w+\.(com|org|net)\b"),
    r"^\W*e-?mail\b(?=.{0,80}$)",
)
_EDITOR_NOTE = (
    r"^\W*(update[ds]?|correction|clarification|editor'?s'? note|eds)\b( \d+)?\s*[:\-–—]",
    (
        r"^\W*(an earlier version of this|this (article|story|post) (has been|was) "
        r"(updated|corrected|changed))\b"
    ),
    r"^\W*this story is developing\b",
    r"^\W*updated\W*$",
    r"^\W*first posted\b",
)
_COPYRIGHT = (
    r"^\W*(©|\(c\)\s|copyright\b)",
    ("all rights reserved", r"\ball rights reserved\b"),
    ("may not be ", r"\bmay not be (published|broadcast|rewritten|redistributed|reproduced)\b"),
    (" any ", r"\b(reuse|republish|reproduce) any (content|material)\b"),
    r"^(?=.{0,80}$)\W*\d{4} [\w./]+\W*$",
)
_WIRE_CODE = (
    # Trailers and slugs of wire stories (DUC): story ends, trims, editor initials.
    ("story can end here", r"\(?\s*story can end here\b"),
    ("optional material follows", r"\boptional material follows\b"),
    ("optional trim", r"\(\s*(begin|end) optional trim\s*\)"),
    r"^\W*(more|endit|enditem|nnnn|nn|xxxx end of story|end of story|(x ){2,}x)\W*$",
    r"^\W*\(\s*[a-z]{1,4}([/-][a-z]{0,4}){0,4}\s*\)\W*$",
    r"^\W*[a-z]{2,4}([/-]+[a-z]{2,4}){1,3}\W*$",
    r"^\W*[A-Z]{2,4}-\d{2}-\d{2}-\d{2}\s+\d{4}[A-Z]{3}\s*$",
    r"^\W*=\d{6,}",
    (" graf", r"\b\d+(st|nd|rd|th) graf\b"),
    ("pvs", r"\bgraf,? pvs\b"),
    r"^\W*eds\W",
    (
        r"^\W*_?\s*(the )?(new york times|cox|los angeles times|washington post|new america)"
        r"( news service| syndicate| newspapers| special features)\b"
    ),
    ("news service", r"\bnews service\W*$"),
    r"^\W*(story )?filed by\b",
    r"^\W*distributed by\b",
    ("for release", r"\bfor release\b.{0,40}$"),
    ("nonsubscribers", r"\bnonsubscribers\b"),
    ("slugline", r"\bsluglines?\b"),
    r"^\W*BC-[A-Z0-9-]+\W*$",
    ("to publish this article", r"\bto publish this article\b"),
    ("syndicate web site", r"\bsyndicate web site\b"),
    r"^\W*c\.\s?\d{4}\b",
    ("c.", r"\bc\.\s?\d{4} [\w ]{0,40}(news|service|times|post)\b"),
)
# The first reason with a rule the line matches names the reason it is noise.
_LINE_RULES = tuple(
    _Rules.compile(reason, rules)
    for reason, rules in (
        ("link", _LINK),
        ("server-error", _SERVER_ERROR),
        ("broadcast", _BROADCAST),
        ("photo-credit", _PHOTO_CREDIT),
        ("embed", _EMBED),
        ("share-prompt", _SHARE_PROMPT),
        ("credit", _CREDIT),
        ("editor-note", _EDITOR_NOTE),
        ("copyright", _COPYRIGHT),
        ("wire-code", _WIRE_CODE),
        ("archive-notice", _ARCHIVE_NOTICE),
    )
)
_LINE_CHAIN = _Chain.of(_LINE_RULES)


@functools.cache
def _line_chain(keep_noise: frozenset[str]) -> _Chain:
    """The line rules without those of the reasons in ``keep_noise``."""
    if not keep_noise:
        return _LINE_CHAIN
    return _Chain.of(tuple(rules for rules in _LINE_RULES if rules.reason not in keep_noise))


# Sentences inside a kept line that are not article text.
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)")
# Ad copy: "This miracle can be yours.", "Order now!", "Ask about our free trial!".
_AD_SENTENCE = (
    ("be yours", r"\b(can|could) be yours\b"),
    (
        "!",
        (
            r"\b(buy|order|shop|call) (it )?(now|today)\b.*!\W*$|"
            r"\b(limited[- ]time offer|free trial|while supplies last)\b.*!\W*$"
        ),
    ),
)
_LINK_SENTENCE = (
    (("click here", "tap here"), r"\b(click|tap) here\b"),
    ("newsletter", r"\bsign up (here )?for (our|the) .*newsletter\b"),
)
_INLINE_SENTENCE_RULES = (
    _Rules.compile("ad", _AD_SENTENCE),
    _Rules.compile("link", _LINK_SENTENCE),
)

# Stretches inside a kept line that are not article text.
# Page furniture between two sentences: "... he said. Advertisement Continue reading ...".
_PAGE_FURNITURE = (
    r"(?-i:(?<![^\s.!?\"”’])"
    r"(?:Advertisement|ADVERTISEMENT|Story continues below|Continue reading the main story)"
    r"(?=\s+[A-Z\"“]|\s*$))"
)
_READ_HERE = r"\((read|see|watch) (more|it|the \w+)( about this)? here\.?\)"
_WIRE_INLINE = (
    rf"{_TYPESETTING_CODE.pattern}|\(\s*STORY CAN END HERE\W+OPTIONAL MATERIAL FOLLOWS\W*\)"
)
# A photo-sale button's text run into the caption or sentence after it: "Buy Photo Genesee ...".
_BUY_PHOTO = r"(?-i:\bBuy Photo)\s+"
# A page's update stamp run into the first sentence: "Updated | When the first humans ...".
_UPDATED_BAR = r"^\W*updated\s*\|\s*"
# Each with the keys of its matches (see ``_Rule``).
_INLINE_PATTERNS = tuple(
    (reason, keys, re.compile(pattern, re.IGNORECASE))
    for reason, keys, pattern in (
        (
            "ad",
            ("advertisement", "story continues below", "continue reading the main story"),
            _PAGE_FURNITURE,
        ),
        ("link", ("(read ", "(see ", "(watch "), _READ_HERE),
        ("wire-code", ("&", "story can end here"), _WIRE_INLINE),
        ("photo-credit", ("buy photo",), _BUY_PHOTO),
        ("editor-note", ("updated",), _UPDATED_BAR),
    )
)
# A sign-off closing a kept line, in any case: "... imported oil. enditem". It is the line's last
# word, so only a line ending on one is searched ("more" as a key stands in many sentences).
_INLINE_SIGN_OFF = re.compile(_WIRE_SIGN_OFF.pattern, re.IGNORECASE)
_INLINE_SIGN_OFF_WORDS = ("more", "endit", "enditem")
# Every key of the inline patterns and of the sentence rules, which are all keyed: most lines
# hold none, and are spared looking for each one's keys in turn.
_INLINE_KEYS = frozenset(
    [key for _, keys, _ in _INLINE_PATTERNS for key in keys]
    + [key for rules in _INLINE_SENTENCE_RULES for key, _ in rules.keyed]
)

# The wire dateline opening a story: "PYONGYANG (AP) —", "WASHINGTON _",
# "KUNMING, June 11 (Xinhua) --", "IRVINE, Calif. —", "Tokyo (CNN)".
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'-]+(?:[ /][A-Z][A-Z.'-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?(?: \d{1,2})?)?"
    r"(?:\s*\([A-Za-z. ]{2,20}\))?\s*(?:_|--|—|–|-)\s+"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][a-z]+)?\s*\([A-Z]{2,6}\)\s*(?:_|--|—|–|-)?\s*"
    r"|[A-Z]{3,}(?: [A-Z]{2,})*, [A-Z][a-z]{1,5}\.\s)"
    r"(?=[A-Z\"'“‘`])"
)
# A news-service budget lists stories one paragraph each, every one opened by its slug and
# dateline ("GOP-FORBES (Undated) _ Steve Forbes is ..."): a dateline not only at the start.
_BUDGET_SLUG = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+ \(")

_MAX_HEADLINE_WORDS = 25
# A line a rule marks as noise keeps its other sentences when they hold more words than this
# (and most of the line's): captions and prompts are shorter, an article run together with one
# is longer.
_MIN_PROSE_WORDS = 60
_MAX_LABEL_WORDS = 4
# A line of at most this many words is short: it may sit inside a boilerplate
# block, and it is too short to tell a headline by its inner sentence ends.
_SHORT_LINE_WORDS = 10
_MAX_LINK_LABEL_WORDS = 10
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_HAS_URL = _Rules.compile("link", ((("http", "www."), _URL.pattern),))
# Reporters' contact lines give an e-mail address and a phone number.
_EMAIL = _Rules.compile("credit", ((("@", "(at)"), r"\w(@|\(at\))\w+\.\w+"),))
_PHONE = re.compile(r"\b\d{3}[-.)]\s?\d{3}[-.]\d{4}\b")


# Every key of every keyed rule: ``_keys_of`` finds them all in one pass.
_RULE_KEYS = (
    frozenset(
        [*_LINE_CHAIN.by_key] + [key for rules in (_HAS_URL, _EMAIL) for key, _ in rules.keyed]
    )
    | _INLINE_KEYS
)


def _key_automaton(keys: frozenset[str]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


# Looking for each key in turn read a line once per key (65 of them), which cost
# more than all the rules' patterns; Aho-Corasick reads it once for all of them.
_KEY_AUTOMATON = _key_automaton(_RULE_KEYS)


def _keys_of(text: str) -> frozenset[str]:
    """The rules' keys that occur in ``text``, folded (see ``_fold``)."""
    return frozenset(key for _, key in _KEY_AUTOMATON.iter(_fold(text)))


_MIN_TITLE_CASE_WORDS = 2
_MIN_TITLE_WORDS = 2
# A line closing a sentence: . ! ? ; an ellipsis, or a dash cutting speech short, before any
# closing quotes, brackets and footnote marks.
_SENTENCE_END = re.compile(r"(?:[.!?;…]|--|—|\s-)[\s\"'`”’)\]]*(\[\d+\])*\s*$")
# Speech closing a line, brought in by a comma: 'he said, "Hi, I'm Olivia"'.
_SPEECH_END = re.compile(r"[,]\s*[\"“‘'`]+[^\"“”]*[\"”’'`]+\s*$")
_QUOTE_START = re.compile(r"^[\"“‘'`]")
# A sentence ending inside the line: "... are swinging. One pair ...".
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][\"'”’)]*\s+[\"'“‘`(]*[A-Z]")
# A sentence closing on its attribution, its full stop lost: "..., said Zajicek".
_ATTRIBUTION_END = re.compile(r"[,\"'”’]\s+(?:said|says|told|added|wrote)\b[^,.]{0,60}$")
_QUESTION_END = re.compile(r"\?[\"'”’)\]]*\s*$")
_COLON_END = re.compile(r":\s*$")
_FULL_STOP_END = re.compile(r"\.[\s\"'`”’)\]]*$")
_COMMA_END = re.compile(r",[\s\"'`”’]*$")
# Headlines do not end on these words; a sentence broken across lines may.
_CONTINUATION_END = re.compile(
    r"\s(?:a|an|and|because|but|if|nor|of|or|than|that|the|which|who|whose)\s*$"
)
# Noise of a web page's boilerplate blocks (widgets, then titles and repeats), as
# opposed to wire codes and rules, which also stand around real paragraphs.
_BLOCK_REASONS = frozenset(
    {"link", "share-prompt", "embed", "photo-credit", "credit", "copyright"}
    | {"heading", "repeated", "context"}
)
_BRACKETED = re.compile(r"^\s*[\[(](?P<inner>[^\[\]()]*)[\])]\s*$")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "de", "for", "from", "in", "into", "nor", "of"}
    | {"on", "or", "over", "per", "the", "to", "up", "via", "vs", "with"}
)


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_WORD_RUN = re.compile(r"\w+")


# The part of a line from its first to its last character that is not space.
_STRIPPED_LINE = re.compile(r"^[^\S\n]*(\S(?:[^\n]*\S)?)", re.MULTILINE)


def _lines(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of ``text``, stripped of surrounding space."""
    return [match.span(1) for match in _STRIPPED_LINE.finditer(text)]


def _normalise(line: str) -> str:
    return " ".join(_WORD_RUN.findall(line.lower()))


_FIRST_WORDS = re.compile(r"(\w+)(?:\W+(\w+))?")


class _SeenLines:
    """The lines met so far, to tell a line whose ``_normalise`` form an earlier line had.

    Normalising every line cost a sixth of cleaning. Lines of one normalised form start with the
    same two words, lowercased, so a line is only normalised when an earlier line starts as it
    does.
    """

    def __init__(self) -> None:
        # The first two words of lines -> each such line, and its normalised form once needed.
        self._by_start: dict[tuple[str, ...] | None, list[list[str | None]]] = {}

    def add(self, line: str) -> bool:
        """Remember ``line``; whether an earlier line had its normalised form."""
        start = _FIRST_WORDS.search(line.lower())
        earlier = self._by_start.setdefault(start.groups() if start else None, [])
        if not earlier:
            earlier.append([line, None])
            return False
        key = _normalise(line)
        for entry in earlier:
            if entry[1] is None:
                entry[1] = _normalise(entry[0])
        repeated = any(entry[1] == key for entry in earlier)
        earlier.append([line, key])
        return repeated


def _is_title_case(line: str) -> bool:
    """Every word but the small ones starts with a capital, as in headlines."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _SMALL_WORDS]
    return len(words) >= _MIN_TITLE_CASE_WORDS and all(w[0].isupper() for w in words)


def _looks_like_heading(line: str) -> bool:
    """A headline, section title, label or caption fragment rather than prose.

    Prose lines end a sentence; a line that does not is a heading when short.
    A short label ending in a colon ("Must-reads:") and a title-case question
    ("Will Publisher Traffic Drop?") are headings too.
    """
    # Split no further than the largest limit tells apart: most lines are long, and only
    # the count of words matters.
    words = len(line.split(None, _MAX_HEADLINE_WORDS))
    if words > _MAX_HEADLINE_WORDS:
        return False
    if _QUESTION_END.search(line):
        return _is_title_case(line)
    if _SENTENCE_END.search(line):
        return False
    if words > _SHORT_LINE_WORDS and (
        _INNER_SENTENCE_END.search(line) or _ATTRIBUTION_END.search(line)
    ):
        return False
    if words > _MAX_LABEL_WORDS and _SPEECH_END.search(line):
        return False
    if _COLON_END.search(line):
        return words <= _MAX_LABEL_WORDS or _is_title_case(line)
    if _COMMA_END.search(line) or _CONTINUATION_END.search(line):
        # A salutation ("Dear friends,") or a sentence broken across lines.
        return words <= _MAX_LABEL_WORDS
    return True


def _without_sign_off(line: str) -> str:
    """``line`` without the wire sign-off closing it, if any."""
    # A sign-off is the last word: testing it first spares searching every line.
    last = line.rsplit(None, 1)[-1]
    if last != "MORE" and _fold(last) not in ("endit", "enditem"):
        return line
    return _WIRE_SIGN_OFF.sub("", line)


def _is_bracketed_note(line: str) -> bool:
    """A line wholly in brackets that holds no sentence: "[PeerJ]", "(PHOTOS: ...)"."""
    match = _BRACKETED.match(line)
    return match is not None and not _SENTENCE_END.search(match.group("inner"))


def _is_link_line(line: str, found: frozenset[str]) -> bool:
    """A web address with at most a short label: "More info: http://..."."""
    if not _HAS_URL.match(line, found):
        return False
    return len(_URL.sub(" ", line).split()) <= _MAX_LINK_LABEL_WORDS


def line_noise_reason(
    line: str, keys: frozenset[str] | None = None, keep_noise: frozenset[str] = frozenset()
) -> str | None:
    """Why a whole line is noise, or ``None`` when it may be article text.

    ``keys``: ``_keys_of(line)``, when the caller has it. ``keep_noise``: reasons whose
    rules are not tried (see ``clean``).
    """
    # Every typesetting code holds an "&": testing that first spares a search of most lines.
    bare = (_TYPESETTING_CODE.sub(" ", line) if "&" in line else line).strip()
    if not _LETTER_OR_DIGIT.search(bare):
        return "wire-code" if bare != line.strip() else "symbols"
    found = keys if keys is not None and bare == line else _keys_of(bare)
    if reason := _line_chain(keep_noise).first(bare, found):
        return reason
    if _is_bracketed_note(bare) or _is_link_line(bare, found):
        return "link"
    if _EMAIL.match(bare, found) and _PHONE.search(bare):
        return "credit"
    return None


def _may_end_on_sign_off(line: str) -> bool:
    """Whether ``line``'s last word is a sign-off in any case (see ``_INLINE_SIGN_OFF``)."""
    last_word = line.rsplit(None, 1)[-1:]
    return bool(last_word) and _fold(last_word[0]) in _INLINE_SIGN_OFF_WORDS


def inline_noise(
    text: str,
    start: int,
    end: int,
    *,
    opening: bool = False,
    keys: frozenset[str] | None = None,
) -> list[tuple[int, int, str]]:
    """Noise stretches inside ``text[start:end]`` as ``(start, end, reason)``.

    ``opening`` marks the first kept line of a document, where a wire dateline
    may stand; elsewhere only a news budget's slug and dateline are taken. ``keys``:
    ``_keys_of(text[start:end])``, when the caller has it.
    """
    found = []
    segment = text[start:end]
    if keys is None:
        keys = _keys_of(segment)
    matches = []
    sentence_rules = []
    if not _INLINE_KEYS.isdisjoint(keys):
        matches = [
            (reason, match)
            for reason, rule_keys, pattern in _INLINE_PATTERNS
            if not keys.isdisjoint(rule_keys)
            for match in pattern.finditer(segment)
        ]
        sentence_rules = [rules for rules in _INLINE_SENTENCE_RULES if rules.may_match(keys)]
    if _may_end_on_sign_off(segment):
        matches.extend(("wire-code", match) for match in _INLINE_SIGN_OFF.finditer(segment))
    # Sentences are only split out when a rule may match one of them.
    if sentence_rules:
        for sentence in _SENTENCE.finditer(segment):
            for rules in sentence_rules:
                if rules.match(sentence.group(), keys):
                    matches.append((rules.reason, sentence))
                    break
    if (opening or _BUDGET_SLUG.match(segment)) and (dateline := _DATELINE.match(segment)):
        matches.append(("dateline", dateline))
    for reason, match in matches:
        for noise_start, noise_end in _strip(text, start + match.start(), start + match.end()):
            found.append((noise_start, noise_end, reason))
    return sorted(found)


def _strip(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[(start, end)]`` narrowed to exclude surrounding space; ``[]`` if only space."""
    if start < end and not text[start].isspace() and not text[end - 1].isspace():
        return [(start, end)]  # nothing to narrow, as for most kept lines
    piece = text[start:end]
    if not piece.strip():
        return []
    return [(start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip())))]


def _units(text: str) -> list[tuple[int, int]]:
    """The lines of ``text``, split where typesetting codes separate wire paragraphs.

    DUC text joins a story's paragraphs and trailers with codes ("... said. &QL;
    Jane Doe can be reached at ..."). A code run starts a new unit at a line's
    edge, after a sentence end, a bracketed note or an all-capitals heading; a
    code inside a sentence ("Janice &UR; Baxter's son") leaves it whole.
    """
    units = []
    for line_start, line_end in _lines(text):
        # Every code holds an "&": looking for that first spares searching most lines.
        if text.find("&", line_start, line_end) < 0:
            units.append((line_start, line_end))
            continue
        piece_start = line_start
        for run in _TYPESETTING_RUN.finditer(text, line_start, line_end):
            before = text[piece_start : run.start()].strip()
            ends_piece = (
                _SENTENCE_END.search(before) or _BRACKETED.match(before) or before.isupper()
            )
            if before and text[run.end() : line_end].strip() and not ends_piece:
                continue
            units.extend(_strip(text, piece_start, run.start()))
            units.extend(_strip(text, run.start(), run.end()))
            piece_start = run.end()
        units.extend(_strip(text, piece_start, line_end))
    return units


def _is_wrapped(text: str, units: list[tuple[int, int]], number: int) -> bool:
    """A unit of hard-wrapped prose: it, or the next unit, starts in the middle of a sentence."""
    start, end = units[number]
    if len(text[start:end].split()) <= _MAX_LABEL_WORDS:
        return False
    following = units[number + 1][0] if number + 1 < len(units) else None
    continues = (
        following is not None and text[following].islower() and not _URL.match(text, following)
    )
    return text[start].islower() or continues


_BREADCRUMB = re.compile(r"\s[|›»>/]\s")


def _noise_sentences(
    text: str, start: int, end: int, keep_noise: frozenset[str]
) -> list[tuple[int, int, str]] | None:
    """The sentences of a noise line that are noise, ``(start, end, reason)``; ``None`` when
    the others are too few to be article text (see ``_MIN_PROSE_WORDS``), and the whole line
    is noise.
    """
    found = []
    for sentence_start, sentence_end in sentence_spans(text, start, end):
        if reason := line_noise_reason(text[sentence_start:sentence_end], keep_noise=keep_noise):
            found.append((sentence_start, sentence_end, reason))
    noise_words = sum(len(text[s:e].split()) for s, e, _ in found)
    prose_words = len(text[start:end].split()) - noise_words
    return found if prose_words > max(_MIN_PROSE_WORDS, noise_words) else None


def _classify(
    text: str,
    units: list[tuple[int, int]],
    unit_keys: list[frozenset[str]],
    title: str | None,
    split_noise_lines: bool,
    keep_noise: frozenset[str],
) -> tuple[list[str | None], int | None, dict[int, list[tuple[int, int, str]]]]:
    """The noise reason of each unit (``None`` for article text), the index of the title unit,
    and the noise sentences of the long units kept in part (see ``_noise_sentences``).
    """
    reasons: list[str | None] = []
    partly_noise: dict[int, list[tuple[int, int, str]]] = {}
    seen = _SeenLines()
    if title:
        seen.add(title)
    title_unit = None
    for number, (start, end) in enumerate(units):
        line = text[start:end]
        repeated = seen.add(line)
        reason = line_noise_reason(line, unit_keys[number], keep_noise)
        if (
            reason
            and split_noise_lines
            and len(line.split(None, _MIN_PROSE_WORDS)) > _MIN_PROSE_WORDS
        ):
            noise_sentences = _noise_sentences(text, start, end, keep_noise)
            if noise_sentences is not None:
                reason = None
                partly_noise[number] = noise_sentences
        # Dialogue may repeat a line ("Monica?"); headlines and captions repeat verbatim.
        if reason is None and repeated and not _QUOTE_START.match(line):
            reason = "repeated"
        if (
            reason is None
            and _looks_like_heading(_without_sign_off(line))
            and not _is_wrapped(text, units, number)
        ):
            # The headline is the first heading before any article text that is not
            # a breadcrumb trail ("Regional Daily | News | Coast").
            if (
                title is None
                and title_unit is None
                and all(r is not None for r in reasons)
                and len(line.split()) >= _MIN_TITLE_WORDS
                and not _BREADCRUMB.search(line)
            ):
                title_unit = number
                reason = "title"
            else:
                reason = "heading"
        reasons.append(reason)
    return _absorb_short_units(text, units, reasons), title_unit, partly_noise


def _absorb_short_units(
    text: str, units: list[tuple[int, int]], reasons: list[str | None]
) -> list[str | None]:
    """Mark as noise a short unit standing between two units of page boilerplate.

    Boilerplate comes in blocks (sign-in forms, link lists); a short line inside
    such a block ("Already have an account?") belongs to it. A statement ending
    in a full stop is spared unless the block runs on for two units on each
    side: a one-line paragraph between two section titles is article text.
    """

    def block_around(number: int, reach: int) -> bool:
        around = range(number - reach, number + reach + 1)
        neighbours = [other for other in around if other != number]
        return all(
            0 <= other < len(units) and reasons[other] in _BLOCK_REASONS for other in neighbours
        )

    result = list(reasons)
    for number in range(1, len(units) - 1):
        if reasons[number] is not None:
            continue
        line = text[units[number][0] : units[number][1]]
        if len(line.split(None, _SHORT_LINE_WORDS)) > _SHORT_LINE_WORDS:  # split no further
            continue
        if block_around(number, 2 if _FULL_STOP_END.search(line) else 1):
            result[number] = "context"
    return result


def _split_kept(
    text: str, start: int, end: int, doc_id: str
) -> tuple[list[tuple[int, int]], list[NoiseSpan]]:
    """``text[start:end]`` narrowed to its non-space part; symbols alone are noise."""
    narrowed = _strip(text, start, end)
    if not narrowed:
        return [], []
    start, end = narrowed[0]
    if not _LETTER_OR_DIGIT.search(text, start, end):
        return [], [NoiseSpan(doc_id, start, end, text[start:end], "symbols")]
    return narrowed, []


def clean(
    document: Document, *, split_noise_lines: bool = True, keep_noise: frozenset[str] = frozenset()
) -> CleanedDocument:
    """Locate the article text of ``document``; see the module docstring.

    With ``split_noise_lines`` off, a line a rule marks as noise goes whole, however long.
    The line rules of the reasons in ``keep_noise`` are left out: what only they would mark
    stays article text (training keeps ``archive-notice``, see ``training.py``).
    """
    text = document.text
    units = _units(text)
    # Each unit's keys are found once: the line rules and the search for noise inside a kept
    # line both need them, and finding them is a fifth of cleaning.
    unit_keys = [_keys_of(text[start:end]) for start, end in units]
    reasons, title_unit, partly_noise = _classify(
        text, units, unit_keys, document.title, split_noise_lines, keep_noise
    )
    title = document.title
    title_span = None
    kept: list[tuple[int, int]] = []
    noise: list[NoiseSpan] = []
    opening = True

    for number, ((start, end), reason) in enumerate(zip(units, reasons)):
        if number == title_unit:
            title, title_span = text[start:end], (start, end)
            continue
        if reason is not None:
            noise.append(NoiseSpan(document.id, start, end, text[start:end], reason))
            continue
        cursor = start
        sentence_noise = partly_noise.get(number, [])
        found = sentence_noise + [
            span
            for span in inline_noise(text, start, end, opening=opening, keys=unit_keys[number])
            if not any(span[0] < e and s < span[1] for s, e, _ in sentence_noise)
        ]
        for noise_start, noise_end, noise_reason in sorted(found):
            if noise_start < cursor:
                continue
            piece_kept, piece_noise = _split_kept(text, cursor, noise_start, document.id)
            kept.extend(piece_kept)
            noise.extend(piece_noise)
            noise.append(
                NoiseSpan(
                    document.id, noise_start, noise_end, text[noise_start:noise_end], noise_reason
                )
            )
            cursor = noise_end
        piece_kept, piece_noise = _split_kept(text, cursor, end, document.id)
        kept.extend(piece_kept)
        noise.extend(piece_noise)
        opening = False

    return CleanedDocument(
        document=document,
        paragraphs=tuple(kept),
        noise=tuple(noise),
        title=title,
        title_span=title_span,
    )
