"""The teaser-list revision: a related-content heading below the article and its run of headlines."""

import numpy as np

from clean_article import clean, classify
from clean_article.features import featurize, item_rows, related_headings
from clean_article.model import THREAD_DISCOUNT, related_runs

from test_threads import ARTICLE, _spaced

TEASERS = [
    "More articles in Harbour News",
    "Ferry timetable changes for the summer season",
    "Council approves new budget for schools",
    "Local bakery wins national award",
]
FOOTER = ["© 2024 Harbour Gazette. All rights reserved."]
MORE = ["Engineers will inspect the old bridge once more before it closes, and the council will publish "
        "their report on its website so that residents can see the state of the structure for themselves."]


def test_headings_of_teaser_lists_are_recognised():
    yes = ["Related Stories", "RELATED ARTICLES", "Related", "Related posts:", "More articles in Soccer",
           "More News Headlines", "Other Recent Articles...", "People who read this also read:",
           "Also on HuffPost:", "You may also like", "YOU MIGHT ALSO LIKE:", "Recent Posts", "Read more:",
           "Most Popular Stories", "Don't miss", "• Top Stories", "More from The Gazette",
           "Recommended Reading", "Popular News Stories »", "Other news"]
    no = [">> Related: How to choose a VPN", "Related: the bridge vote explained",
          "Top 10 tips for cyclists", "Top Features", "Read More", "See more", "See also",
          "More posts ≠ more subscribers.", "“Popular posts are performing well”",
          "More people are cycling to work than ever before, the council said on Tuesday.",
          "The related story ran on Monday"]
    lines = yes + no
    assert related_headings(lines, item_rows(lines)).tolist() == [True] * len(yes) + [False] * len(no)


def test_a_teaser_run_below_the_article_is_taken_out_and_the_article_below_a_box_stays():
    lines = _spaced(ARTICLE + TEASERS + MORE + FOOTER)
    rows = item_rows(lines)
    p = np.full(len(rows), 0.9)
    # the heading and its three headlines; the paragraph after the box ends the run
    assert related_runs(lines, rows, p, 0.5) == [(4, 8)]
    # not before the article has 100 words of body (a "More from" menu at the top of the page)
    top = _spaced(TEASERS + ARTICLE)
    assert related_runs(top, item_rows(top), np.full(len(ARTICLE) + len(TEASERS), 0.9), 0.5) == []
    # a heading followed by one headline, or by prose, is not a list
    one = _spaced(ARTICLE + TEASERS[:2] + ARTICLE[:1])
    assert related_runs(one, item_rows(one), np.full(len(ARTICLE) + 3, 0.9), 0.5) == []
    # nothing at or after ``stop`` (the comment thread's start) is examined
    tail = _spaced(ARTICLE + TEASERS)
    assert related_runs(tail, item_rows(tail), np.full(len(ARTICLE) + 4, 0.9), 0.5, stop=len(ARTICLE)) == []


def test_clean_drops_the_teaser_list_and_keeps_the_article_around_it():
    text = "\n".join(_spaced(ARTICLE + TEASERS + MORE))
    out = clean(text).split("\n")
    assert all(a in out for a in ARTICLE + MORE)
    assert not any(t in out for t in TEASERS)
    heading = next(r for r in classify(text) if r.text == TEASERS[0])
    assert heading.body_probability <= THREAD_DISCOUNT and heading.label != "body"


def test_a_site_whose_labels_keep_the_headlines_turns_the_rule_off(model):
    from clean_article.labelled import LabelledDoc
    from clean_article.site import fit_site
    lines = _spaced(ARTICLE + TEASERS)
    index = ["" if not x else ("other" if x == TEASERS[0] else "body") for x in lines]
    article = ["" if not x else ("body" if x in ARTICLE else "related") for x in lines]
    assert fit_site([LabelledDoc(f"p{i}", lines, index, {}) for i in range(3)], model).info["site"]["related_rule"] is False
    site = fit_site([LabelledDoc(f"p{i}", lines, article, {}) for i in range(3)], model)
    assert site.info["site"]["related_rule"] is True


def test_featurize_word_counts_serve_the_rule():
    lines = ARTICLE + TEASERS
    f = featurize(lines)
    assert related_runs(lines, f.rows, np.full(len(lines), 0.9), 0.5, f.words) == [(4, 8)]
