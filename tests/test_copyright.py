"""The copyright revision: a copyright notice below the article ends it."""

import numpy as np

from clean_article import clean
from clean_article.features import copyright_lines, item_rows
from clean_article.model import copyright_end

from test_related import MORE, TEASERS
from test_threads import ARTICLE, _spaced

NOTICE = "© 2008 The Harbour Gazette. All rights reserved."
FOOTER = ["The Gazette is a member of the regional press association and publishes every weekday "
          "morning, with a weekend edition that carries the week's longer features and reviews.",
          "Contact the newsroom by post at the address on the front page or by telephone."]


def test_copyright_notices_are_recognised():
    yes = [NOTICE, "Copyright 2012 Dow Jones & Company, Inc. All Rights Reserved",
           "(Copyright 2007 by The Associated Press. All Rights Reserved.)", "© Reuters 2008 All rights reserved",
           "Copyright (c) Press Association Ltd. 2008, All Rights Reserved.", "(c) 2012 msnbc.com Reprints",
           "COPYRIGHT 2008 AFP"]
    no = ["© 2012 Getty Images", "Photo: © 2024 Jane Doe", "Copyright and Trade Mark Notice",
          "The band lost the copyright to its songs in 1998 after a long dispute with the label.",
          "Copyright law in the United Kingdom changed in 2014, the minister said.",
          "© " + " ".join(["word"] * 45) + " 2008"]
    lines = yes + no
    got = copyright_lines(lines, item_rows(lines)).tolist()
    assert got == [True] * len(yes) + [False, False, False, False] + got[-2:]
    assert got[-2:] == [True, False]   # a sentence that opens with "Copyright" and names a year is one (a limit)


def test_copyright_end_needs_an_article_above_and_ignores_repeated_credits():
    lines = _spaced(ARTICLE + [NOTICE] + FOOTER)
    rows = item_rows(lines)
    assert copyright_end(lines, rows, np.full(len(rows), 0.9), 0.5) == len(ARTICLE)
    top = [NOTICE] + ARTICLE
    assert copyright_end(top, item_rows(top), np.full(len(top), 0.9), 0.5) is None
    credits = ARTICLE + ["© 2008 AP"] + MORE + ["© 2008 AP"]
    assert copyright_end(credits, item_rows(credits), np.full(len(credits), 0.9), 0.5) is None


def test_clean_ends_the_article_at_the_notice():
    text = "\n".join(_spaced(ARTICLE + [NOTICE] + FOOTER + TEASERS[1:]))
    out = clean(text).split("\n")
    assert all(a in out for a in ARTICLE)
    assert not any(x in out for x in [NOTICE] + FOOTER + TEASERS[1:])


def test_a_site_whose_labels_keep_text_below_the_notice_turns_the_rule_off(model):
    from clean_article.labelled import LabelledDoc
    from clean_article.site import fit_site
    lines = _spaced(ARTICLE + [NOTICE] + FOOTER)
    below = ["" if not x else ("other" if x == NOTICE else "body") for x in lines]
    article = ["" if not x else ("body" if x in ARTICLE else "other") for x in lines]
    assert fit_site([LabelledDoc(f"p{i}", lines, below, {}) for i in range(3)], model).info["site"]["copyright_rule"] is False
    assert fit_site([LabelledDoc(f"p{i}", lines, article, {}) for i in range(3)], model).info["site"]["copyright_rule"] is True


def test_a_notice_above_the_article_as_some_layouts_place_the_footer_ends_nothing():
    # the footer first (its lines kept as body count towards the 100 words), a menu, then the article
    footer, menu = FOOTER * 3, ["Home", "News", "Sport", "Business", "Weather", "Contact us"]
    lines = footer + [NOTICE] + menu + ARTICLE * 2
    p = np.array([0.6] * (len(footer) + 1) + [0.05] * len(menu) + [0.95] * (2 * len(ARTICLE)))
    assert copyright_end(lines, item_rows(lines), p, 0.5) is None
    # below the article it ends it
    lines = ARTICLE * 2 + [NOTICE] + menu + footer
    p = np.array([0.95] * (2 * len(ARTICLE)) + [0.6] + [0.05] * len(menu) + [0.6] * len(footer))
    assert copyright_end(lines, item_rows(lines), p, 0.5) == 2 * len(ARTICLE)
