"""The link-list revision of HTML pages: runs of short all-link lines beside an article."""

import numpy as np
import pytest

from clean_article import classify_html, clean_html, load_model
from clean_article.features import featurize, item_rows
import clean_article.model as model_module
from clean_article.model import REVISION_RULES, THREAD_DISCOUNT, link_buckets, link_lists
from clean_article.render import render_html

PARAGRAPHS = [
    "The harbour bridge will close for repairs next month, the council said on Tuesday, after engineers "
    "found cracks in two of its supports during a routine inspection in the spring.",
    "Ferries will run every twenty minutes while the bridge is closed, and the council has asked "
    "commuters to leave earlier than usual because the queues at the terminal are expected to be long.",
    "Engineers expect the work to take about six weeks, weather permitting, and the bridge will reopen "
    "to cyclists first while the last of the resurfacing is finished.",
]
BLOGROLL = ["Harbour Walks", "Tide Tables Daily", "Old Town Notes", "Ferry Fans", "The Quay Diaries"]


def _page(body_html: str) -> str:
    return f"<html><body>{body_html}</body></html>"


def _links(names) -> str:
    return "<ul>" + "".join(f'<li><a href="/{i}">{n}</a></li>' for i, n in enumerate(names)) + "</ul>"


def _article(paragraphs) -> str:
    return "<article>" + "".join(f"<p>{t}</p>" for t in paragraphs) + "</article>"


def test_link_buckets_read_the_share_of_link_text():
    page = render_html(_page(_article(PARAGRAPHS[:1]) + _links(BLOGROLL[:1])
                             + '<p>Read <a href="/x">the full council report</a> online.</p>'))
    rows = item_rows(page.lines)
    assert link_buckets(page.dom, rows).tolist() == [0, 5, 3]
    assert link_buckets(["t:p depth0", ""], [0, 1]).tolist() == [0, 0]      # no ldN token: no links


def _items(words, links, p=None):
    n = len(words)
    return ([f"line {i}" for i in range(n)], list(range(n)), np.full(n, 0.9) if p is None else np.array(p),
            0.5, np.array(links), np.array(words))


def test_a_blogroll_beside_the_article_is_a_link_list_and_a_listing_page_keeps_its_links():
    assert link_lists(*_items([30, 30, 30, 2, 3, 3, 2, 3], [0, 0, 0, 5, 5, 5, 5, 5])) == [(3, 8)]
    assert link_lists(*_items([30, 2, 3, 3], [0, 4, 4, 4])) == [(1, 4)]      # four fifths is enough
    assert link_lists(*_items([30, 2, 3, 3], [0, 3, 5, 5])) == []            # three fifths is not: two left
    assert link_lists(*_items([30, 2, 3], [0, 5, 5])) == []                  # two links in a row are not a list
    # a page without kept prose (a listing, whose links are its content) keeps them, and so does one
    # whose long lines are themselves links
    assert link_lists(*_items([2, 3, 3, 2, 3], [5, 5, 5, 5, 5])) == []
    assert link_lists(*_items([30, 2, 3, 3], [2, 5, 5, 5])) == []
    # a page whose prose is not kept
    assert link_lists(*_items([30, 2, 3, 3], [0, 5, 5, 5], [0.2, 0.9, 0.9, 0.9])) == []
    # a run between two kept lines of 8+ words is the article's own list of links (or a listing's, whose
    # linked item titles frame it); kept lines on one side only do not make it so
    assert link_lists(*_items([30, 2, 3, 3, 30], [0, 5, 5, 5, 0])) == []
    assert link_lists(*_items([30, 2, 3, 3, 20], [0, 5, 5, 5, 5])) == []
    assert link_lists(*_items([30, 2, 3, 3, 30], [0, 5, 5, 5, 0], [0.9, 0.9, 0.9, 0.9, 0.2])) == [(1, 4)]
    assert link_lists(*_items([30, 2, 3, 3, 7], [0, 5, 5, 5, 0])) == [(1, 4)]
    # long linked lines are not a link list's items
    assert link_lists(*_items([30, 20, 20, 20], [0, 5, 5, 5])) == []


def _without_the_rule(monkeypatch):
    monkeypatch.setattr(model_module, "RULES_ON", set(REVISION_RULES) - {"link_list_rule"})


def test_clean_html_drops_a_blogroll_and_keeps_an_in_article_list_of_links(html_model, monkeypatch):
    page = render_html(_page(_article(PARAGRAPHS[:2]) + "<aside>" + _links(BLOGROLL) + "</aside>"))
    blogroll = [page.lines.index(n) for n in BLOGROLL]
    on = html_model.predict_proba(page.lines, page.dom)        # the path of clean_html and batches
    results = classify_html(_page(_article(PARAGRAPHS[:2]) + "<aside>" + _links(BLOGROLL) + "</aside>"))
    assert [r.body_probability for r in results] == pytest.approx(on.tolist())
    assert all(results[i].label != "body" for i in blogroll)
    out = clean_html(_page(_article(PARAGRAPHS[:2]) + "<aside>" + _links(BLOGROLL) + "</aside>")).split("\n")
    assert all(t in out for t in PARAGRAPHS[:2]) and not any(n in out for n in BLOGROLL)
    with monkeypatch.context() as m:
        _without_the_rule(m)
        off = html_model.predict_proba(page.lines, page.dom)
    assert on[blogroll] == pytest.approx(THREAD_DISCOUNT * off[blogroll])
    rest = [i for i in range(len(page.lines)) if i not in blogroll]
    assert on[rest].tolist() == off[rest].tolist()
    # between two paragraphs of the article the same list is the article's own: the rule leaves it
    inside = render_html(_page("<article>" + f"<p>{PARAGRAPHS[0]}</p>" + _links(BLOGROLL)
                               + f"<p>{PARAGRAPHS[1]}</p></article>"))
    on = html_model.predict_proba(inside.lines, inside.dom)
    with monkeypatch.context() as m:
        _without_the_rule(m)
        assert html_model.predict_proba(inside.lines, inside.dom).tolist() == on.tolist()


def test_an_html_site_whose_labels_keep_link_lists_as_body_turns_the_rule_off(html_model, model):
    from clean_article.labelled import LabelledDoc
    from clean_article.site import fit_site
    page = render_html(_page("<header>Home | News | Sport</header>" + _article(PARAGRAPHS) + "<aside>"
                             + _links(BLOGROLL) + "</aside>"))
    keep = ["" if not line.strip() else ("nav" if "|" in line else "body") for line in page.lines]
    drop = ["nav" if line in BLOGROLL else lab for line, lab in zip(page.lines, keep)]

    def site(labels, base):
        docs = [LabelledDoc(f"p{i}", page.lines, labels, {}, dom=page.dom) for i in range(3)]
        return fit_site(docs, base).info["site"]["link_list_rule"]
    assert site(keep, html_model) is False and site(drop, html_model) is True
    assert site(keep, model) is True          # a text model has no such rule to turn off


def test_a_text_model_ignores_link_descriptors():
    """The rule reads the DOM: a text model given descriptors (which it was not trained on) is unchanged."""
    model = load_model()
    lines = PARAGRAPHS[:1] + BLOGROLL
    f = featurize(lines)
    p = np.full(f.n_items, 0.9)
    dom = ["t:p ld0"] + ["t:li ld5"] * len(BLOGROLL)
    assert np.array_equal(model.revise(f, lines, p, dom), model.revise(f, lines, p))
    html = load_model(html=True)
    assert np.allclose(html.revise(f, lines, p, dom)[1:], 0.9 * THREAD_DISCOUNT)
