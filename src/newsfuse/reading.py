"""Read articles from files, directories, a stream, or cluster JSONL.

Every failure is an ``InputError`` naming the input and what to do; readable
oddities (a legacy encoding, an oversized file) become warnings instead.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import EmptyInputError, MissingInputError, UnreadableInputError, UsageError
from newsfuse.models import Document

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
CLUSTER_SUFFIXES = (".jsonl", ".jsonl.gz")
# ``FILE.jsonl.gz#ID`` names one cluster of a cluster file.
CLUSTER_ID_MARK = "#"
STREAM_SEPARATOR = "|||||"
# A news article is well under 1 MB even as an HTML page; reading stops here.
MAX_INPUT_BYTES = 4 * 1024 * 1024
_BINARY_SAMPLE = 8192
_MAX_CONTROL_SHARE = 0.02


@dataclass(frozen=True)
class ReadResult:
    """Documents read from some inputs, and what was odd about them."""

    documents: tuple[Document, ...]
    warnings: tuple[str, ...] = ()
    query: str | None = None


@dataclass(frozen=True)
class ClusterRecord:
    """One line of a cluster-JSONL file."""

    id: str
    documents: tuple[Document, ...]
    query: str | None
    references: tuple[str, ...]
    meta: dict


@dataclass(frozen=True)
class UnreadableLine:
    """A line of a cluster-JSONL file that is not a cluster record, and what is wrong with it."""

    line: int
    error: str


def _looks_binary(data: bytes) -> bool:
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > _MAX_CONTROL_SHARE * max(len(sample), 1)


def decode(data: bytes, name: str, warnings: list[str]) -> str:
    """Text of ``data``: UTF-8 (or UTF-16 with a BOM), else Windows-1252 with a warning."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif _looks_binary(data):
        raise UnreadableInputError(
            f"{name}: looks like binary data, not text; give an article as .txt, .md or .html"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        position = error.start
    for fallback in ("cp1252", "latin-1"):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        warnings.append(
            f"{name}: not valid UTF-8 (first bad byte at {position}); read as {fallback}, "
            "check accented characters or convert the file to UTF-8"
        )
        return text
    raise UnreadableInputError(f"{name}: cannot be decoded as text; convert it to UTF-8")


def _read_bytes(path: Path, warnings: list[str]) -> bytes:
    size = path.stat().st_size
    with path.open("rb") as handle:
        data = handle.read(MAX_INPUT_BYTES)
    if size > MAX_INPUT_BYTES:
        warnings.append(
            f"{path}: {size:,} bytes is far beyond a news article; only the first "
            f"{MAX_INPUT_BYTES:,} bytes were read"
        )
    return data


def _html_document(html: str, doc_id: str, origin: str) -> Document:
    import trafilatura  # imported here: only HTML input pays for loading it

    result = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, with_metadata=True
    )
    extracted = result.as_dict() if result is not None else {}
    text = extracted.get("text") or ""
    if not text.strip():
        raise EmptyInputError(
            f"{origin}: no article text found in this page; save the article's text instead"
        )
    # trafilatura gives one paragraph per line; the rest of newsfuse reads blank-line paragraphs.
    text = "\n\n".join(line for line in text.splitlines() if line.strip())
    return Document(
        id=doc_id,
        text=text,
        title=extracted.get("title"),
        date=extracted.get("date"),
        origin=origin,
    )


def document_from_bytes(data: bytes, doc_id: str, origin: str, warnings: list[str]) -> Document:
    """A document from raw bytes; ``origin`` names the input in messages."""
    text = decode(data, origin, warnings)
    if not text.strip():
        raise EmptyInputError(
            f"{origin}: the file is empty; give a file that holds an article's text"
        )
    if origin.lower().endswith(HTML_SUFFIXES) or text.lstrip()[:15].lower().startswith(
        ("<!doctype html", "<html")
    ):
        return _html_document(text, doc_id, origin)
    return Document(id=doc_id, text=text, origin=origin)


def _files_of(directory: Path) -> list[Path]:
    files = sorted(
        p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
    )
    if not files:
        raise MissingInputError(
            f"{directory}: no .txt, .md, .html or .htm files in this directory; "
            "point at a directory of articles"
        )
    return files


def names_a_cluster(raw: str | Path) -> bool:
    """Whether ``raw`` names a cluster file or one cluster of it (``FILE.jsonl.gz#ID``)."""
    return _cluster_file(raw) is not None


def _cluster_file(raw: str | Path) -> tuple[Path, str | None] | None:
    """``(file, cluster id or None)`` when ``raw`` names a cluster file, else ``None``."""
    name, mark, wanted = str(raw).partition(CLUSTER_ID_MARK)
    if not name.lower().endswith(CLUSTER_SUFFIXES) or (mark and Path(raw).exists()):
        return None
    return Path(name), wanted if mark else None


def _one_cluster(path: Path, wanted: str | None) -> ReadResult:
    records = read_clusters(path)
    if wanted is not None:
        ids = []
        for record in records:
            if record.id == wanted:
                return ReadResult(record.documents, query=record.query)
            ids.append(record.id)
        shown = ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")
        which = (
            f"its {len(ids)} clusters are {shown}"
            if len(ids) > 1
            else f"its one cluster is {shown}"
            if ids
            else "it holds no cluster"
        )
        raise MissingInputError(f"{path}: no cluster with id {wanted!r}; {which}")
    found = next(records, None)
    if found is None:
        raise EmptyInputError(f"{path}: the cluster file holds no cluster")
    more = sum(1 for _ in records)
    if more:
        raise UsageError(
            f"{path} holds {more + 1} clusters: name one as {path}{CLUSTER_ID_MARK}ID "
            f"(e.g. {path}{CLUSTER_ID_MARK}{found.id}), or summarize them all with "
            f"--clusters {path} --out FILE"
        )
    return ReadResult(found.documents, query=found.query)


def read_paths(paths: Sequence[str | Path]) -> ReadResult:
    """Documents from files and directories (a directory: its article files, by name).

    A cluster file (``.jsonl``, ``.jsonl.gz``) holding one cluster, or
    ``FILE#ID`` naming one cluster of it, stands alone: its documents and query.
    """
    clusters = [found for found in map(_cluster_file, paths) if found]
    if clusters:
        if len(paths) > 1:
            raise UsageError("a cluster file is a whole story: give it alone, not with other paths")
        return _one_cluster(*clusters[0])
    warnings: list[str] = []
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise MissingInputError(f"{path}: no such file or directory; check the path")
        files.extend(_files_of(path) if path.is_dir() else [path])
    documents = [
        document_from_bytes(_read_bytes(f, warnings), f.stem, str(f), warnings) for f in files
    ]
    return ReadResult(tuple(documents), tuple(warnings))


def read_stream(data: bytes, name: str = "stdin") -> ReadResult:
    """Documents from one stream, articles separated by a line ``|||||``."""
    warnings: list[str] = []
    text = decode(data, name, warnings)
    parts = []
    current: list[str] = []
    for line in text.splitlines(keepends=True):
        if line.strip() == STREAM_SEPARATOR:
            parts.append("".join(current))
            current = []
        else:
            current.append(line)
    parts.append("".join(current))
    documents = [
        Document(id=f"{name}-{n}", text=part, origin=f"{name} article {n}")
        for n, part in enumerate((p for p in parts if p.strip()), start=1)
    ]
    if not documents:
        raise EmptyInputError(
            f"{name}: no article text; send articles separated by a line {STREAM_SEPARATOR}"
        )
    return ReadResult(tuple(documents), tuple(warnings))


def documents_from_json(items: Sequence[dict | str], where: str) -> tuple[Document, ...]:
    """Documents from JSON objects ``{"id", "text", "title", "date", "source"}`` (only
    ``text`` is required; ``id`` defaults to ``doc1``, ``doc2``, ...) or plain strings
    (the text alone).

    Raises ``TypeError`` on a malformed item.
    """
    documents = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise TypeError(f'document {n} has no string "text"')
        documents.append(
            Document(
                id=str(item.get("id") or f"doc{n}"),
                text=item["text"],
                title=item.get("title"),
                date=item.get("date"),
                source=item.get("source"),
                origin=where,
            )
        )
    return tuple(documents)


def _record(line: str, where: str) -> ClusterRecord:
    try:
        raw = json.loads(line)
        documents = documents_from_json(raw["documents"], where)
        return ClusterRecord(
            id=str(raw["id"]),
            documents=documents,
            query=raw.get("query"),
            references=tuple(raw.get("references") or ()),
            meta=raw.get("meta") or {},
        )
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
        raise UnreadableInputError(
            f"{where}: not a cluster record ({error.__class__.__name__}: {error}); each line needs "
            '{"id": ..., "documents": [{"id": ..., "text": ...} or "text", ...]}'
        ) from None


def read_cluster_lines(path: str | Path) -> Iterator[ClusterRecord | UnreadableLine]:
    """Each non-blank line of a ``.jsonl`` or ``.jsonl.gz`` file as a record, or as what is
    wrong with it. Faults of the whole file (missing, compressed wrongly, not UTF-8) raise.
    """
    path = Path(path)
    if not path.is_file():
        raise MissingInputError(f"{path}: no such cluster file; give a .jsonl or .jsonl.gz file")
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    yield _record(line, f"{path}:{number}")
                except UnreadableInputError as error:
                    yield UnreadableLine(number, str(error))
    except (OSError, UnicodeDecodeError, EOFError) as error:
        raise UnreadableInputError(
            f"{path}: cannot be read as UTF-8 JSON lines ({error})"
        ) from None


def read_clusters(path: str | Path) -> Iterator[ClusterRecord]:
    """Cluster records from a ``.jsonl`` or ``.jsonl.gz`` file, one per line; the first line
    that is not a record raises ``UnreadableInputError``."""
    for item in read_cluster_lines(path):
        if isinstance(item, UnreadableLine):
            raise UnreadableInputError(item.error)
        yield item
