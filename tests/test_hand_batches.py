"""How tools/make_hand_batches.py scores candidate pages for the next round of hand labels."""

from tools.make_hand_batches import score, score_ad_meta, score_related_ad

PLAIN = ["The council met on Tuesday.", "It agreed the budget after a long debate."]
TEASERS = PLAIN + ["Related Stories", "You may also like", "Most Read", "Advertisement",
                   "Sign up for our newsletter"]
TEASER_HTML = '<div class="related-posts"></div><div id="taboola-below"></div><ins class="adsbygoogle"></ins>'


def test_related_ad_focus_ranks_teaser_lists_and_ads_first():
    assert score_related_ad(PLAIN, "<p></p>") == 0
    assert score_related_ad(TEASERS, TEASER_HTML) > score_related_ad(TEASERS, "") > score_related_ad(PLAIN, "")
    # a long line that opens like a heading is prose, not a teaser heading
    assert score_related_ad(["Related research shows that the bridge was unsafe for years, and that the "
                             "council knew it."], "") == 0
    # counts are capped: a page of a thousand ad slots is not a thousand times better
    assert score_related_ad(TEASERS, TEASER_HTML * 1000) == score_related_ad(TEASERS, TEASER_HTML * 6)


def test_the_second_rounds_score_still_looks_for_paywalls_and_captions():
    paywall = PLAIN + ["Subscribe to continue reading", "Photo: Getty Images"]
    assert score(paywall, '<div class="paywall"></div><figcaption>x</figcaption>') > score(PLAIN, "")


def test_ad_meta_focus_ranks_ads_and_bylines_first():
    meta = PLAIN + ["By Jane Doe", "Updated March 3, 2025", "5 min read", "Tags: council, budget", "Advertisement"]
    meta_html = '<span class="byline"></span><time datetime="2025-03-03"></time><div class="ad-slot"></div>'
    assert score_ad_meta(PLAIN, "<p></p>") == 0
    assert score_ad_meta(meta, meta_html) > score_ad_meta(meta, "") > score_ad_meta(PLAIN, "")
    # a sentence of 100 characters or more that starts with "By" is prose, not a byline
    assert score_ad_meta(["By the time the council met on Tuesday, the budget had already been agreed by "
                          "every party on the committee."], "") == 0
    assert score_ad_meta(meta, meta_html * 1000) == score_ad_meta(meta, meta_html * 6)
