"""The benchmark's bookkeeping (bench/run.py), on two tiny pages: no converter or peer from the
bench extra is needed."""

from bench import converters, run
from bench.datasets import Page

ARTICLE = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
           + "".join(f"<p>The council met on Tuesday and agreed the budget for year {i}, after a long "
                     f"debate about roads, schools and the new library in the town centre.</p>"
                     for i in range(6))
           + "</article><footer>Copyright 2024 Example News</footer></body></html>")


def test_a_converter_that_gives_no_text_is_counted_and_left_out_of_the_rendered_row(monkeypatch, capsys):
    pages = [Page("a", "example.com", ARTICLE, "The council met on Tuesday"),
             Page("b", "example.com", ARTICLE.replace("council", "board"), "The board met on Tuesday")]
    monkeypatch.setitem(run.SETS, "tiny", lambda: iter(pages))
    # a converter whose parser drops the second page, as inscriptis does with some broken markup
    monkeypatch.setitem(converters.CONVERTERS, "drops-b",
                        lambda html: "" if "board" in html else converters.lxml_lines(html))
    rows = run.run(["tiny"], ["lxml", "drops-b"], [], None, html=False)
    out = capsys.readouterr().out
    assert "pages a converter gave no text for: lxml 0, drops-b 1" in out
    got = {(r["set"], r["system"]): r for r in rows}
    assert got[("tiny", "clean-article (drops-b)")]["pages"] == 2
    assert got[("tiny (rendered)", "clean-article (drops-b)")]["pages"] == 1
    assert got[("tiny (rendered)", "clean-article (lxml)")]["pages"] == 1
    # the page it dropped scores nothing in "all"; the rendered row compares the same page
    assert got[("tiny", "clean-article (drops-b)")]["f1"] < got[("tiny", "clean-article (lxml)")]["f1"]
    assert got[("tiny (rendered)", "clean-article (drops-b)")]["f1"] == \
        got[("tiny (rendered)", "clean-article (lxml)")]["f1"] > 0
