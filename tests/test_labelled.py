import gzip

import pytest

from clean_article.labelled import LabelFormatError, LabelledDoc, read_labelled, write_labelled


def test_round_trip_plain_and_gzip(tmp_path):
    docs = [LabelledDoc("a", ["Menu", "", "  Some text\twith a tab", "x"], ["nav", "", "body", "other"],
                        {"site": "example.com", "split": "train"}, [False, False, True, False]),
            LabelledDoc("b", ["Only"], ["title"], {})]
    for name in ("d.labels", "d.labels.gz"):
        path = tmp_path / name
        assert write_labelled(docs, path) == 2
        back = read_labelled(path)
        assert [d.doc_id for d in back] == ["a", "b"]
        assert back[0].lines == docs[0].lines
        assert back[0].labels == docs[0].labels
        assert back[0].meta == {"site": "example.com", "split": "train"}
        assert back[0].unsure == [False, False, True, False]


def test_unsure_marker_is_read(tmp_path):
    p = tmp_path / "x.labels"
    p.write_text("@doc d1\nbody?\tHello world\n", encoding="utf-8")
    (doc,) = read_labelled(p)
    assert doc.labels == ["body"] and doc.unsure == [True]


@pytest.mark.parametrize("text, message", [
    ("@doc d1\nbogus\tline\n", "unknown label 'bogus'"),
    ("@doc d1\nbody no tab here\n", "no tab"),
    ("body\tbefore header\n", "before the first '@doc'"),
    ("@doc\n", "without a document id"),
    ("@doc d1 novalue\n", "not key=value"),
])
def test_malformed_files_name_the_line(tmp_path, text, message):
    p = tmp_path / "bad.labels"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(LabelFormatError, match=message) as exc:
        read_labelled(p)
    assert "bad.labels:" in str(exc.value)


def test_seed_labels_cover_every_nonblank_line(seed_docs):
    from pathlib import Path
    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    assert len(seed_docs) == 5
    for doc in seed_docs:
        assert all(lab for line, lab in zip(doc.lines, doc.labels) if line.strip())
        src = shared / Path(doc.meta["source"]).name
        if src.exists():  # the labelled copy holds the scrape line for line
            original = src.read_text(encoding="utf-8").split("\n")[:len(doc.lines)]
            assert doc.lines == [line if line.strip() else "" for line in original]


def test_dom_side_file_names():
    from pathlib import Path
    from clean_article.labelled import dom_file
    assert dom_file(Path("d/site.labels")) == Path("d/site.dom.gz")
    assert dom_file(Path("d/x.labels.gz")) == Path("d/x.dom.gz")
    assert dom_file(Path("d/a.txt")) == Path("d/a.txt.dom.gz")
