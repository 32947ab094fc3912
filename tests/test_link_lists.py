"""The link-list revision of HTML pages: runs of short all-link lines beside an article."""

import numpy as np

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


def test_a_blogroll_beside_the_article_is_a_link_list_and_a_listing_page_keeps_its_links():
    words = np.array([30, 30, 30, 2, 3, 3, 2, 3])
    links = np.array([0, 0, 0, 5, 5, 5, 5, 5])
    lines = [f"line {i}" for i in range(8)]
    rows = list(range(8))
    p = np.full(8, 0.9)
    assert link_lists(lines, rows, p, 0.5, links, words) == [(3, 8)]
    # two links in a row are not a list
    assert link_lists(lines[:5], rows[:5], p[:5], 0.5, links[:5], words[:5]) == []
    # a page without prose (a listing, whose links are its content) keeps them
    assert link_lists(lines[3:], rows[:5], p[3:], 0.5, links[3:], words[3:]) == []
    # a run between two kept paragraphs is the article's own list of links
    inside = np.array([30, 2, 3, 3, 30])
    assert link_lists(lines[:5], rows[:5], np.full(5, 0.9), 0.5, np.array([0, 5, 5, 5, 0]), inside) == []
    # long linked lines are not a link list's items
    assert link_lists(lines, rows, p, 0.5, links, np.where(links == 5, 20, words)) == []


def _body_probabilities(page: str, rules=None, monkeypatch=None) -> dict[str, float]:
    if rules is not None:
        monkeypatch.setattr(model_module, "RULES_ON", rules)
    return {r.text: r.body_probability for r in classify_html(page)}


def test_clean_html_drops_a_blogroll_and_keeps_an_in_article_list_of_links(monkeypatch):
    page = _page(_article(PARAGRAPHS[:2]) + "<aside>" + _links(BLOGROLL) + "</aside>")
    out = clean_html(page).split("\n")
    assert all(t in out for t in PARAGRAPHS[:2])
    assert not any(n in out for n in BLOGROLL)
    label = {r.text: r.label for r in classify_html(page)}
    assert all(label[n] != "body" for n in BLOGROLL)
    on = _body_probabilities(page)
    off = _body_probabilities(page, set(REVISION_RULES) - {"link_list_rule"}, monkeypatch)
    assert all(abs(on[n] - THREAD_DISCOUNT * off[n]) < 1e-9 for n in BLOGROLL)
    assert all(on[t] == off[t] for t in PARAGRAPHS[:2])
    # between two paragraphs of the article the same list is the article's own: the rule leaves it
    inside = _page("<article>" + f"<p>{PARAGRAPHS[0]}</p>" + _links(BLOGROLL) + f"<p>{PARAGRAPHS[1]}</p>"
                   + "</article>")
    monkeypatch.setattr(model_module, "RULES_ON", set(REVISION_RULES))
    assert _body_probabilities(inside) == _body_probabilities(inside, set(REVISION_RULES) - {"link_list_rule"},
                                                              monkeypatch)


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
