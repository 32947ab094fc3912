"""The markup revision: a line that is mostly HTML markup (an ad's code left in the text) is not body."""

from clean_article import classify, clean
from clean_article.features import item_rows, markup_lines

from test_threads import ARTICLE, _spaced

AD_CODE = ("<script language=\"JavaScript\" src=\"http://ad.doubleclick.net/adj/site/news;sz=300x250;"
           "ord=62322464?\" type=\"text/javascript\"></script><noscript><a href=\"http://ad.doubleclick.net/"
           "jump/site/news;sz=300x250\"><img src=\"http://ad.doubleclick.net/ad/site/news\" border=\"0\"></a></noscript>")


def test_markup_lines_are_recognised():
    yes = [AD_CODE, "<div>", "</ div >", "<a href=\"http://ads.example.com/click?id=7\"><img src=\"/b.gif\"></a>"]
    no = ["If we change this so that the <iframe> in the document listens to messages, we can observe it.",
          "x < y and y > z, so the order holds for every pair the proof considers.",
          "Prices rose <5% this year>", "An ordinary sentence of the article.",
          "John Smith <john.smith@example.com>", "<https://example.com/page>"]
    lines = yes + no
    assert markup_lines(lines, item_rows(lines)).tolist() == [True] * len(yes) + [False] * len(no)


def test_clean_drops_ad_code_inside_the_article():
    lines = _spaced(ARTICLE[:3] + [AD_CODE] + ARTICLE[3:])
    out = clean("\n".join(lines)).split("\n")
    assert all(a in out for a in ARTICLE)
    assert AD_CODE not in out
    ad = next(r for r in classify("\n".join(lines)) if r.text == AD_CODE)
    assert ad.label != "body" and ad.body_probability < 0.3


def test_a_site_whose_labels_keep_markup_as_body_turns_the_rule_off(model):
    from clean_article.labelled import LabelledDoc
    from clean_article.site import fit_site
    lines = _spaced(["Home | News | Sport"] + ARTICLE[:3] + ["<div class=\"box\"><div>One</div><div>Two</div></div>"]
                    + ARTICLE[3:])
    keep = ["" if not x else ("nav" if "|" in x else "body") for x in lines]
    drop = ["" if not x else ("other" if x.startswith("<") else lab) for x, lab in zip(lines, keep)]
    assert fit_site([LabelledDoc(f"p{i}", lines, keep, {}) for i in range(3)], model).info["site"]["markup_rule"] is False
    assert fit_site([LabelledDoc(f"p{i}", lines, drop, {}) for i in range(3)], model).info["site"]["markup_rule"] is True
