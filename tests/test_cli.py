import io
import sys

import pytest

from clean_article.cli import main

from conftest import DATA

EXAMPLE = DATA / "examples" / "news-article.txt"


def run(args, capsys, stdin=None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    return exc.value.code or 0, out.out, out.err


def test_cleans_a_file(capsys):
    code, out, err = run([str(EXAMPLE)], capsys)
    assert code == 0
    assert "accepted North Korean leader Kim Jong Un" in out
    assert "Recent Posts" not in out


def test_reads_stdin_with_dash_and_without_files(capsys, monkeypatch):
    text = EXAMPLE.read_text(encoding="utf-8")
    for args in (["-"], []):
        code, out, _ = run(args, capsys, stdin=text, monkeypatch=monkeypatch)
        assert code == 0 and "accepted North Korean leader Kim Jong Un" in out


def test_several_files_get_headers(capsys):
    code, out, _ = run([str(EXAMPLE), str(EXAMPLE)], capsys)
    assert code == 0 and out.count(f"==> {EXAMPLE} <==") == 2


def test_labels_view(capsys):
    code, out, _ = run(["--labels", str(EXAMPLE)], capsys)
    rows = [line.split("\t") for line in out.strip().split("\n")]
    assert code == 0 and all(len(r) == 3 for r in rows)
    assert {r[0] for r in rows} >= {"body"}
    assert all(0.0 <= float(r[1]) <= 1.0 for r in rows)


def test_threshold_one_keeps_nothing_and_warns(capsys):
    code, out, err = run(["--threshold", "1.0", str(EXAMPLE)], capsys)
    assert code == 0 and out == "" and "no line was kept" in err


def test_missing_file_is_one_clear_line(capsys):
    code, out, err = run(["/nonexistent/in.txt"], capsys)
    assert code == 2 and "no such file" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_unreadable_model_is_one_clear_line(capsys, tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_text("not a model")
    code, _, err = run(["--model", str(bad), str(EXAMPLE)], capsys)
    assert code == 2 and "not a clean-article model" in err and "Traceback" not in err


HTML_EXAMPLE = DATA / "examples" / "news-article.html"


def test_cleans_an_html_file_with_the_html_model(capsys):
    code, out, err = run([str(HTML_EXAMPLE)], capsys)
    assert code == 0
    assert "accepted North Korean leader Kim Jong Un" in out
    assert "Recent Posts" not in out and "<p>" not in out


def test_html_on_stdin_with_flag_and_by_sniffing(capsys, monkeypatch):
    html = HTML_EXAMPLE.read_text(encoding="utf-8")
    for args in (["--html"], []):
        code, out, err = run(args, capsys, stdin=html, monkeypatch=monkeypatch)
        assert code == 0 and "accepted North Korean leader" in out and "<p>" not in out


def test_text_flag_reads_html_with_the_text_model(capsys, monkeypatch):
    html = HTML_EXAMPLE.read_text(encoding="utf-8")
    code, out, err = run(["--text", "--threshold", "0"], capsys, stdin=html, monkeypatch=monkeypatch)
    # the source is rendered to lines (lines.split_lines), every one of them kept at threshold 0
    from clean_article.render import render_html
    assert code == 0 and "<p>" not in out
    assert out.strip().split("\n") == [x.strip() for x in render_html(html).lines if x.strip()]


def test_urls_are_not_fetched(capsys):
    code, out, err = run(["https://example.com/story.html"], capsys)
    assert code == 2
    assert "not fetched" in err and "Traceback" not in err


def test_label_then_train_then_use_a_site_model(capsys, tmp_path):
    from clean_article.labelled import read_labelled, write_labelled
    from test_site import _site_pages
    pages = []
    for d in _site_pages()[:4]:
        p = tmp_path / f"{d.doc_id}.txt"
        p.write_text("\n".join(d.lines), encoding="utf-8")
        pages.append(p)
    labels = tmp_path / "site.labels"
    code, out, err = run(["label", *map(str, pages), "-o", str(labels)], capsys)
    assert code == 0 and "4 pages" in err
    docs = read_labelled(labels)
    assert [d.lines for d in docs] == [d.lines for d in _site_pages()[:4]]
    for d, gold in zip(docs, _site_pages()[:4]):   # the user's corrections
        d.labels = gold.labels
    write_labelled(docs, labels)
    model = tmp_path / "site.model"
    code, out, err = run(["train", str(labels), "-o", str(model)], capsys)
    assert code == 0, err
    assert model.is_file() and (tmp_path / "site.model.md").is_file()
    assert "leave-one-page-out" in err
    page = tmp_path / "new.txt"
    page.write_text("\n".join(_site_pages()[4].lines), encoding="utf-8")
    code, out, err = run(["--model", str(model), str(page)], capsys)
    assert code == 0 and "newsletter" not in out and "Putin" in out


def test_train_refuses_labels_of_one_class(capsys, tmp_path):
    labels = tmp_path / "one.labels"
    labels.write_text("@doc a\nbody\tOnly article text here.\nbody\tAnd more of it.\n", encoding="utf-8")
    code, out, err = run(["train", str(labels), "-o", str(tmp_path / "m.model")], capsys)
    assert code == 2 and "both kinds" in err and "Traceback" not in err
    assert not (tmp_path / "m.model").exists()


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal(monkeypatch):
    from clean_article.cli import Progress
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    tty = _Terminal()
    bar = Progress(10, stream=tty)
    bar.update(5, force=True)
    bar.close()
    shown = tty.getvalue()
    assert "[###############...............]  50%" in shown and "5 documents" in shown
    piped = io.StringIO()
    bar = Progress(10, stream=piped)
    bar.update(5, force=True)
    bar.close()
    assert piped.getvalue() == ""


def test_no_progress_output_when_piped(tmp_path, capsys):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run([str(tmp_path)], capsys)
    assert code == 0 and "\r" not in err and "[#" not in err
    assert "3 documents" in err
