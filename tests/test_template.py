"""Pages of one site read together: the lines that recur across them are the site's template."""

import json

import pytest
from clean_article import classify, classify_site, clean, clean_site
from clean_article.labelled import read_labelled
from clean_article.template import template_lines

from conftest import DATA
from test_cli import run

# the site's blurb under every article: alone, the model keeps it (it reads like prose)
# a blurb long and plain enough that the text model keeps it below an article on its own (0.77-0.83
# on the five pages with the model of 2026-11-24's fifth session; a shorter blurb it now drops)
TEASER = ("The Daily Ledger, founded in 1887, is an independent newspaper owned by its readers, and its "
          "reporters have covered the city's council, its courts, its schools and its harbour for more "
          "than a century, in print and now online.")


def _articles():
    """The seeds' article paragraphs: five articles of different sites."""
    return [[t for lab, t in zip(d.labels, d.lines) if lab == "body"] for d in read_labelled(DATA / "seeds.labels")]


def _page(body, after=(TEASER,)):
    return "\n\n".join(list(body) + list(after))


def test_a_line_on_other_pages_below_the_article_is_template():
    a = ["Own paragraph number one of the first page, which no other page has in it at all.",
         "A second paragraph of the first page, long enough to mark the span of its article."]
    b = ["The second page has its own first paragraph, with words that are nowhere else at all."] + \
        ["And a second paragraph of its own, long enough to mark the span of the article too."]
    c = ["A third page, a third article: its paragraphs are its own and no other page has them."]
    pages = [a + ["Most Popular", TEASER], b + [TEASER, "Most Popular"], c + ["most  popular", TEASER]]
    kept = [[True] * len(p) for p in pages]
    assert template_lines(pages, kept) == [[2, 3], [2, 3], [1, 2]]
    # a line on two pages of a bigger site is not template: a section page that quotes an article's
    # lead (above the article's own lines) takes nothing out of the article
    lead = "The lead paragraph of the first article, which the section page quotes word for word."
    section = [lead, "Another story's lead, quoted on the section page as well, word for word too."]
    pages = [[lead] + a + ["Most Popular"], b + ["Most Popular"], c + ["Most Popular"], section + ["Most Popular"]]
    kept = [[True] * len(p) for p in pages]
    assert template_lines(pages, kept)[0] == [3]
    # only kept lines are marked; a page alone has no template
    assert template_lines(pages, [[True] * len(a) + [False, False], *kept[1:]])[0] == []
    assert template_lines(pages[:1], kept[:1]) == [[]]


def test_many_copies_of_a_page_and_a_short_brief_change_nothing():
    def article(n):
        return [f"Paragraph {w} of article number {n}, which only that article of the site has in it."
                for w in ("one", "two", "three", "four")]
    blurbs = [TEASER, "Follow the Daily Ledger on every platform for the news of the city as it happens."]
    # a crawl that fetched one page 60 times (URL parameters, print versions): the copies are one page
    pages = [article(0) + blurbs] * 60 + [article(1) + blurbs, article(2) + blurbs]
    marked = template_lines(pages, [[True] * 6] * len(pages))
    assert all(m == [4, 5] for m in marked)
    # a brief of one paragraph shares more template than article with the others: not a near-copy
    brief = ["A one-paragraph news brief of the site, short, with nothing else of its own in it."] + blurbs
    pages = [article(1) + blurbs, article(2) + blurbs, article(3) + blurbs, brief]
    assert template_lines(pages, [[True] * len(p) for p in pages]) == [[4, 5]] * 3 + [[1, 2]]
    # three versions of one article (other URLs, each with its own update line) are one page too
    versions = [article(0) + [f"Updated at 10:4{i} on Tuesday by the editors of the city desk, with more."]
                + blurbs for i in range(3)]
    pages = versions + [article(1) + blurbs, article(2) + blurbs]
    assert template_lines(pages, [[True] * len(p) for p in pages]) == [[5, 6]] * 3 + [[4, 5]] * 2
    # an empty page (a "Page not found" stub) does not make a site of two a site of three
    pages = [article(1) + blurbs, article(2) + blurbs, []]
    assert template_lines(pages, [[True] * 6, [True] * 6, []]) == [[4, 5], [4, 5], []]


def test_shared_paragraphs_inside_the_article_listing_fields_and_near_copies_stay():
    own = [f"Paragraph {w} of this page's own article, which only this page of the site has in it."
           for w in ("one", "two")]
    other = [f"Another page's paragraph {w}, about something else, that only that page has in it."
             for w in ("one", "two")]
    quote = "The council said in a statement that the bridge would reopen to traffic next spring."
    # a paragraph both articles quote, between each one's own paragraphs
    pages = [[own[0], quote, own[1]], [other[0], quote, other[1]]]
    assert template_lines(pages, [[True] * 3] * 2) == [[], []]
    # a field under every item of a listing recurs on its own page: content, not template
    listing = ["Subjects: Artificial Intelligence (cs.AI)", "Paper one", "Subjects: Artificial Intelligence (cs.AI)"]
    pages = [listing, ["Subjects: Artificial Intelligence (cs.AI)", "Paper two"]]
    assert template_lines(pages, [[True] * 3, [True] * 2])[0] == []
    # the same article twice (a crawl's duplicate) shares everything and loses nothing
    page = own + [TEASER]
    assert template_lines([page, list(page)], [[True] * 3] * 2) == [[], []]
    with pytest.raises(ValueError):
        template_lines([page], [[True]])


def test_clean_site_drops_what_one_page_alone_keeps(model):
    articles = _articles()[:3]
    pages = [_page(body) for body in articles]
    assert all(TEASER in clean(p, model=model) for p in pages)      # alone, it reads like prose
    together = clean_site(pages, model=model)
    for body, out in zip(articles, together):
        assert TEASER not in out
        # the article as the page without the blurb gives it, and nothing but the article (its last
        # paragraph, last on the page without the blurb, may be kept only here)
        kept = out.split("\n")
        assert set(clean(_page(body, ()), model=model).split("\n")) <= set(kept) <= {t.strip() for t in body}


def test_classify_site_gives_the_template_line_another_kind(model):
    pages = [_page(body) for body in _articles()[:2]]
    alone = classify(pages[0], model=model)
    (first, _) = classify_site(pages, model=model)
    line = next(r for r in first if r.text == TEASER)
    before = next(r for r in alone if r.text == TEASER)
    assert before.label == "body" and line.label != "body"
    assert line.body_probability == pytest.approx(before.body_probability / 10)
    assert sum(line.probabilities.values()) == pytest.approx(1.0, abs=1e-6)


def test_cli_site_reads_the_files_together(tmp_path, capsys):
    names = []
    for i, body in enumerate(_articles()[:3]):
        path = tmp_path / f"page{i}.txt"
        path.write_text(_page(body), encoding="utf-8")
        names.append(str(path))
    code_alone, alone, _ = run(names, capsys)
    code, together, _ = run(["--site", *names], capsys)
    assert code_alone == code == 0
    assert alone.count(TEASER) == 3 and TEASER not in together
    assert together.count("==> ") == 3
    _, labelled, _ = run(["--site", "--format", "json", *names], capsys)
    docs = [json.loads(line) for line in labelled.splitlines()]
    assert len(docs) == 3 and any(line["text"] == TEASER for d in docs for line in d["lines"])
    assert all(not line["kept"] for d in docs for line in d["lines"] if line["text"] == TEASER)
    code, one, err = run(["--site", names[0]], capsys)
    assert code == 0 and TEASER in one and "two or more pages" in err
    # an HTML page of the site is read with the text pages (each with its own model)
    import html
    page = ("<html><body><article>" + "".join(f"<p>{html.escape(t)}</p>" for t in _articles()[3])
            + f"</article><p>{html.escape(TEASER)}</p></body></html>")
    (tmp_path / "page3.html").write_text(page, encoding="utf-8")
    _, alone, _ = run([str(tmp_path / "page3.html")], capsys)
    _, mixed, _ = run(["--site", *names, str(tmp_path / "page3.html")], capsys)
    assert TEASER in alone and TEASER not in mixed and mixed.count("==> ") == 4


def test_jsonl_records_of_one_site_are_read_together(tmp_path, capsys):
    from clean_article.batch import clean_records, site_of
    articles = _articles()[:3]
    records = [{"id": i, "url": f"https://www.ledger.example/story/{i}", "text": _page(body)}
               for i, body in enumerate(articles)]
    records.append({"id": 9, "site": "other.example", "text": _page(articles[0])})   # alone: kept
    records.append({"id": 10, "text": 5})                                            # an error, not a stop
    assert site_of(records[0]) == "ledger.example" and site_of({"url": "http://[bad"}) is None
    alone = list(clean_records(records))
    together = list(clean_records(records, by_site=True))
    assert [o["id"] for o in together] == [0, 1, 2, 9, 10] and "error" in together[-1]
    assert all(TEASER in o["text"] for o in alone[:4])
    assert all(TEASER not in o["text"] for o in together[:3]) and TEASER in together[3]["text"]
    assert together[0]["lines"] == alone[0]["lines"]
    assert together[0]["lines_kept"] == alone[0]["lines_kept"] - 1
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records[:3]), encoding="utf-8")
    code, out, _ = run(["--jsonl", "--site", str(path)], capsys)
    assert code == 0 and TEASER not in out and len(out.splitlines()) == 3


def test_mark_template_takes_one_threshold_or_one_per_page(model):
    from clean_article.api import mark_template
    pages = [classify(_page(body), model=model) for body in _articles()[:2]]
    one = mark_template(pages, model.threshold)
    each = mark_template(pages, (model.threshold, model.threshold))
    assert [[r.label for r in p] for p in one] == [[r.label for r in p] for p in each]
    with pytest.raises(ValueError):
        mark_template(pages, [model.threshold])
