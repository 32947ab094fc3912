"""Property-based tests (hypothesis): on any input, clean/classify/clean_html/the labelled reader
raise nothing unexpected, keep input lines in order, and are deterministic. A "line" is a unit of
split_lines: an input line, or one cell of a line laid out as a table row."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from clean_article import classify, clean, clean_html
from clean_article.labelled import LabelFormatError, read_labelled
from clean_article.lines import split_lines

# lines of words, punctuation, unicode, control characters and markup, joined by assorted line ends
_line = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)
_page = st.lists(_line, max_size=30).flatmap(
    lambda ls: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda sep: sep.join(ls)))
_settings = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(_page)
def test_clean_output_is_a_subsequence_of_the_input_lines(text):
    out = clean(text)
    stripped = [line.strip() for line in split_lines(text)]
    it = iter(stripped)
    if out:
        assert all(any(o == s for s in it) for o in out.split("\n"))
    assert clean(text) == out                      # deterministic


@_settings
@given(_page)
def test_classify_labels_every_line(text):
    results = classify(text)
    assert [r.text for r in results] == split_lines(text)
    assert all(0.0 <= r.body_probability <= 1.0 for r in results)


@_settings
@given(st.one_of(st.text(max_size=400), st.binary(max_size=400),
                 st.lists(st.sampled_from(["<p>", "</p>", "<div class='nav'>", "</div>", "<br>", "<script>",
                                           "text words here", "<a href='x'>link</a>", "<!--", "-->", "&amp;"]),
                          max_size=40).map("".join)))
def test_clean_html_never_raises(page):
    assert isinstance(clean_html(page), str)


@_settings
@given(st.text(max_size=300))
def test_labelled_reader_reads_or_names_the_line(content):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.labels"
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
        try:
            docs = read_labelled(path)
        except LabelFormatError as e:
            assert str(path) in str(e)
        else:
            assert all(len(d.lines) == len(d.labels) for d in docs)
