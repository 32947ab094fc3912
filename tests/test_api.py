from clean_article import LABELS, classify, clean

from conftest import DATA


def test_clean_keeps_article_and_drops_teasers():
    text = (DATA / "examples" / "news-article.txt").read_text(encoding="utf-8")
    body = clean(text)
    assert "Pyongyang launched two ballistic missiles" in body
    assert "Recent Posts" not in body and "1 hour ago" not in body


def test_classify_returns_every_line_with_probabilities():
    text = "Home\n\nThe council approved the new budget on Tuesday after a long and heated debate.\n"
    results = classify(text)
    assert [r.index for r in results] == [0, 1, 2]
    assert results[1].label == "blank"
    for r in (results[0], results[2]):
        assert r.label in LABELS
        assert 0.0 <= r.body_probability <= 1.0
        assert abs(sum(r.probabilities.values()) - 1.0) < 1e-6


def test_empty_and_blank_inputs():
    assert clean("") == ""
    assert clean("\n\n  \n") == ""
    assert classify("") == []


def test_output_lines_come_from_input_in_order():
    text = (DATA / "examples" / "news-article.txt").read_text(encoding="utf-8")
    stripped = [line.strip() for line in text.splitlines()]
    out = clean(text).split("\n")
    it = iter(stripped)
    assert all(any(o == s for s in it) for o in out)
