"""Bad input never gives a traceback: each case below gives a clear error or a sensible result."""

import io
import json
import sys

import pytest

from clean_article import clean, classify, clean_html
from clean_article.cli import main

from conftest import DATA

ARTICLE = (DATA / "examples" / "news-article.txt").read_text(encoding="utf-8")
KEY = "accepted North Korean leader Kim Jong Un"


def run(args, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return exc.value.code or 0, out.out, out.err


@pytest.mark.parametrize("name, data", [
    ("utf-8 BOM", b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
    ("utf-16 BOM", ARTICLE.encode("utf-16")),
    ("CRLF", ARTICLE.replace("\n", "\r\n").encode("utf-8")),
    ("lone CR", ARTICLE.replace("\n", "\r").encode("utf-8")),
    ("NUL bytes", ARTICLE.replace(" Kim ", " Kim\x00 ").encode("utf-8")),
    ("many NUL bytes", ARTICLE.replace(" the ", " the\x00 ").replace(".", ".\x00\x00").encode("utf-8")),
    ("cp1252", ARTICLE.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
     .replace("–", "-").replace("…", "...").encode("cp1252", "replace")),
])
def test_encodings_and_line_ends_give_the_article(capsys, tmp_path, name, data):
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    code, out, err = run([str(path)], capsys)
    assert code == 0 and KEY in out.replace("\x00", ""), name


def test_invalid_utf8_and_legacy_encodings_do_not_crash(capsys, tmp_path):
    for enc_text, enc in (("Der Bürgermeister eröffnete die neue Brücke über den Fluss am Montag.", "latin-1"),
                          ("東京都は月曜日に新しい橋の開通式を行い、多くの市民が集まった。", "shift_jis")):
        path = tmp_path / f"{enc}.txt"
        path.write_bytes(((enc_text + "\n") * 3).encode(enc) + b"\x81\xfe")  # plus invalid bytes
        code, out, err = run([str(path)], capsys)
        assert code == 0
        assert out.strip() or "no line was kept" in err


def test_empty_and_blank_input(capsys, tmp_path):
    for content in (b"", b"\n\n   \n\t\n"):
        path = tmp_path / "e.txt"
        path.write_bytes(content)
        code, out, err = run([str(path)], capsys)
        assert code == 0 and out == "" and "no text found" in err


def _tar_of_text() -> bytes:
    import tarfile
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        for name in ("a.txt", "b.txt"):
            data = (ARTICLE * 2).encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


@pytest.mark.parametrize("name, data", [
    ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40),
    ("archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes((i * 37) % 256 for i in range(6000))),
    ("doc.pdf", b"%PDF-1.7\n1 0 obj\n<< /Length 5000 >>\nstream\n" + bytes((i * 91 + 7) % 256 for i in range(5000))),
    ("texts.tar", _tar_of_text()),
    ("zeros.bin", bytes(100_000)),
])
def test_binary_data_is_refused_clearly(capsys, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run([str(path)], capsys)
    assert code == 1 and "binary data" in err and out == ""


def test_one_ten_megabyte_line():
    line = ("word " * 2_000_000).strip()
    text = ARTICLE + "\n" + line + "\n"
    results = classify(text)
    assert len(results) == len(text.splitlines())
    assert KEY in clean(text)


def test_html_given_as_text_is_read_as_html_by_the_cli(capsys, monkeypatch):
    html = (DATA / "examples" / "news-article.html").read_bytes()
    code, out, err = run(["-"], capsys, stdin=html, monkeypatch=monkeypatch)
    assert code == 0 and KEY in out and "<p>" not in out
    assert KEY in clean_html(html)


def test_nothing_kept_says_so_and_fallback_all_prints_every_line(capsys, tmp_path):
    path = tmp_path / "menu.txt"
    path.write_text("Home\nNews\nSport\nWeather\nContact us\n", encoding="utf-8")
    code, out, err = run([str(path)], capsys)
    assert out == "" and "no line was kept" in err and "--fallback all" in err
    code, out, err = run(["--fallback", "all", str(path)], capsys)
    assert out.split() == ["Home", "News", "Sport", "Weather", "Contact", "us"]


def test_jsonl_batch_keeps_order_and_reports_bad_records(capsys, tmp_path, monkeypatch):
    records = [json.dumps({"id": "a", "text": ARTICLE}), "not json", json.dumps({"id": "c"}),
               json.dumps({"id": "d", "html": (DATA / "examples" / "news-article.html").read_text()})]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    for jobs in ("1", "2"):
        code, out, err = run(["--jsonl", "--jobs", jobs, str(path)], capsys)
        rows = [json.loads(line) for line in out.splitlines()]
        assert [r["id"] for r in rows] == ["a", None, "c", "d"]
        assert KEY in rows[0]["text"] and KEY in rows[3]["text"]
        assert "not JSON" in rows[1]["error"] and "no 'text' or 'html'" in rows[2]["error"]
        assert "4 documents" in err and "2 errors" in err


def test_a_folder_is_its_files(capsys, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_bytes((DATA / "examples" / "news-article.html").read_bytes())
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    code, out, err = run([str(tmp_path)], capsys)
    assert code == 0 and out.count("==> ") == 2 and out.count(KEY) == 2
    assert "2 documents" in err


def test_jsonl_edge_records_never_stop_a_batch(capsys, tmp_path):
    path = tmp_path / "edge.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "bom", "text": ARTICLE}).encode() + b"\n"
                     + b'{"id": "sur", "text": "lone \\ud800 surrogate in a line of text"}\n'
                     + b"[" * 100_000 + b"\n"
                     + json.dumps({"id": "last", "text": ARTICLE}).encode() + b"\n")
    code, out, err = run(["--jsonl", str(path)], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["bom", "sur", None, "last"]
    assert KEY in rows[0]["text"] and KEY in rows[3]["text"] and "not JSON" in rows[2]["error"]


def test_jobs_zero_is_a_clear_error(capsys, tmp_path):
    code, out, err = run(["--jsonl", "--jobs", "0", str(tmp_path / "x.jsonl")], capsys)
    assert code == 2 and "--jobs" in err


def test_a_text_longer_than_any_page_is_scored_in_parts(monkeypatch):
    import clean_article.model as model_module
    n = len(ARTICLE.splitlines())
    text = ARTICLE.rstrip("\n") + "\n" + "\n".join(f"filler line {i}" for i in range(40)) + "\n" + ARTICLE
    whole = classify(text)
    monkeypatch.setattr(model_module, "PART_LINES", n + 40)   # two parts: each an article and 20 fillers
    parts = classify(text)
    assert [r.index for r in parts] == list(range(len(whole)))      # every line, once, in order
    assert [r.text for r in parts] == [r.text for r in whole]
    assert clean(text).count(KEY) == 2                              # each part is cleaned as a page


def test_parts_cover_every_line_once_and_are_balanced(monkeypatch):
    import clean_article.model as model_module
    from clean_article.model import page_parts
    assert page_parts([]) == [(0, 0)] and page_parts(["a"] * 5) == [(0, 5)]
    monkeypatch.setattr(model_module, "PART_LINES", 10)
    parts = page_parts(["a line"] * 21)
    assert [b - a for a, b in parts] == [7, 7, 7]                  # not 10, 10 and a lone line
    assert parts[0][0] == 0 and parts[-1][1] == 21 and all(b == c for (_, b), (c, _) in zip(parts, parts[1:]))
    monkeypatch.setattr(model_module, "PART_LINES", 20_000)
    monkeypatch.setattr(model_module, "PART_CHARS", 100)
    parts = page_parts(["x" * 30] * 10)                             # 310 characters (with line ends)
    assert parts[-1][1] == 10 and all(31 * (b - a) <= 100 for a, b in parts) and len(parts) <= 5
