"""Reading articles: files, directories, HTML, streams, cluster JSONL, and bad input."""

from __future__ import annotations

import gzip
import json

import pytest

from newsfuse.errors import EmptyInputError, MissingInputError, UnreadableInputError, UsageError
from newsfuse.reading import MAX_INPUT_BYTES, read_clusters, read_paths, read_stream
from tests.conftest import EXAMPLE_DIR, TINY_ARTICLES


def test_directory_reads_article_files_sorted_with_stem_ids(tmp_path):
    (tmp_path / "b.txt").write_text(TINY_ARTICLES[1], encoding="utf-8")
    (tmp_path / "a.md").write_text(TINY_ARTICLES[0], encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    result = read_paths([tmp_path])
    assert [d.id for d in result.documents] == ["a", "b"]
    assert result.documents[0].text == TINY_ARTICLES[0]


def test_shipped_example_reads(tmp_path):
    result = read_paths([EXAMPLE_DIR])
    assert len(result.documents) >= 4
    assert not result.warnings


def test_html_page_main_text_is_extracted(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in TINY_ARTICLES[0].split("\n\n"))
    page = (
        "<html><head><title>Bridge vote</title></head><body><nav><a href='/'>Home</a> | "
        f"<a href='/news'>News</a></nav><article>{body}</article><footer>Contact us</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    document = read_paths([tmp_path / "page.html"]).documents[0]
    assert document.id == "page"
    assert "footbridge over the river" in document.text
    assert "Contact us" not in document.text


def test_stream_splits_on_separator_line():
    data = f"{TINY_ARTICLES[0]}\n|||||\n{TINY_ARTICLES[1]}\n|||||\n".encode()
    result = read_stream(data)
    assert [d.id for d in result.documents] == ["stdin-1", "stdin-2"]


def test_empty_stream_is_an_error():
    with pytest.raises(EmptyInputError, match="stdin"):
        read_stream(b"  \n|||||\n")


def test_missing_path_names_it(tmp_path):
    with pytest.raises(MissingInputError, match="no-such.txt"):
        read_paths([tmp_path / "no-such.txt"])


def test_empty_directory_says_what_to_give(tmp_path):
    with pytest.raises(MissingInputError, match="no .txt, .md, .html or .htm files"):
        read_paths([tmp_path])


def test_empty_file_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(EmptyInputError, match="empty.txt: the file is empty"):
        read_paths([tmp_path / "empty.txt"])


def test_binary_file_is_refused(tmp_path):
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 40)
    with pytest.raises(UnreadableInputError, match="binary data"):
        read_paths([tmp_path / "image.txt"])


def test_legacy_encoding_falls_back_with_warning(tmp_path):
    (tmp_path / "old.txt").write_bytes(
        "Der Bürgermeister sagte, die Brücke sei fertig.".encode("cp1252")
    )
    result = read_paths([tmp_path / "old.txt"])
    assert "Bürgermeister" in result.documents[0].text
    assert any("not valid UTF-8" in w for w in result.warnings)


def test_oversized_file_is_read_in_part_with_warning(tmp_path):
    line = b"The ferry left the harbour at dawn and returned before noon with all passengers.\n"
    path = tmp_path / "huge.txt"
    path.write_bytes(line * (MAX_INPUT_BYTES // len(line) + 1000))
    result = read_paths([path])
    assert len(result.documents[0].text.encode()) <= MAX_INPUT_BYTES
    assert any("only the first" in w for w in result.warnings)


def _write_clusters(path, records):
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record) + "\n")


def test_cluster_jsonl_round_trip(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    _write_clusters(
        path,
        [
            {
                "id": "c1",
                "documents": [{"id": "d1", "text": TINY_ARTICLES[0]}],
                "references": ["x"],
                "query": None,
            }
        ],
    )
    (record,) = read_clusters(path)
    assert record.id == "c1" and record.documents[0].id == "d1" and record.references == ("x",)


def test_cluster_documents_may_be_plain_strings(tmp_path):
    path = tmp_path / "plain.jsonl.gz"
    _write_clusters(path, [{"id": "c1", "documents": [TINY_ARTICLES[0], TINY_ARTICLES[1]]}])
    (record,) = read_clusters(path)
    assert [d.id for d in record.documents] == ["doc1", "doc2"]
    assert record.documents[1].text == TINY_ARTICLES[1]


def test_a_document_that_is_neither_text_nor_object_is_refused(tmp_path):
    path = tmp_path / "bad.jsonl.gz"
    _write_clusters(path, [{"id": "c1", "documents": [TINY_ARTICLES[0], 7]}])
    with pytest.raises(UnreadableInputError, match=r'document 2 has no string "text"'):
        list(read_clusters(path))


def test_bad_cluster_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "c1", "documents": []}\n{"id": "c2"}\n', encoding="utf-8")
    with pytest.raises(UnreadableInputError, match=r"bad.jsonl:2: not a cluster record"):
        list(read_clusters(path))


def _two_clusters(path):
    _write_clusters(
        path,
        [
            {"id": "c1", "documents": [{"id": "a", "text": TINY_ARTICLES[0]}], "query": "bridge"},
            {"id": "c2", "documents": [{"id": "b", "text": TINY_ARTICLES[1]}]},
        ],
    )


def test_a_cluster_named_by_id_is_read_with_its_query(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    _two_clusters(path)
    first, second = read_paths([f"{path}#c1"]), read_paths([f"{path}#c2"])
    assert [d.id for d in first.documents] == ["a"] and first.query == "bridge"
    assert [d.id for d in second.documents] == ["b"] and second.query is None


def test_a_cluster_file_of_one_cluster_needs_no_id(tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(
        json.dumps({"id": "c1", "documents": [{"id": "a", "text": TINY_ARTICLES[0]}]}) + "\n",
        encoding="utf-8",
    )
    assert [d.id for d in read_paths([path]).documents] == ["a"]


def test_a_cluster_file_of_several_clusters_asks_which(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    _two_clusters(path)
    with pytest.raises(UsageError, match=r"holds 2 clusters: name one as .*c\.jsonl\.gz#ID"):
        read_paths([path])


def test_an_unknown_cluster_id_lists_the_ids(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    _two_clusters(path)
    with pytest.raises(
        MissingInputError, match=r"no cluster with id 'c9'; its 2 clusters are c1, c2"
    ):
        read_paths([f"{path}#c9"])


def test_a_cluster_file_stands_alone(tmp_path):
    path = tmp_path / "c.jsonl.gz"
    _two_clusters(path)
    (tmp_path / "x.txt").write_text(TINY_ARTICLES[0], encoding="utf-8")
    with pytest.raises(UsageError, match="give it alone"):
        read_paths([f"{path}#c1", tmp_path / "x.txt"])


def test_a_file_whose_name_holds_the_mark_is_an_article(tmp_path):
    path = tmp_path / "notes#1.jsonl"
    path.write_text(TINY_ARTICLES[0], encoding="utf-8")
    assert read_paths([path]).documents[0].text == TINY_ARTICLES[0]
