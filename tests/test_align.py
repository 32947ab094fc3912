from clean_article.align import align_lines, project_labels

GOLD = ("The council approved the new budget on Tuesday after a long debate. "
        "Funding for parks rises by ten percent.\nSchools get a new roof programme.")


def test_aligner_keeps_article_lines_and_drops_menus():
    lines = ["Home", "News", "Council approves budget",
             "The council approved the new budget on Tuesday after a long debate.",
             "Funding for parks rises by ten percent.", "Share", "Schools get a new roof programme.",
             "Related: council approved the new budget"]
    keep = align_lines(lines, GOLD)
    assert keep == [False, False, False, True, True, False, True, False]


def test_aligner_empty_inputs():
    assert align_lines([], GOLD) == []
    assert align_lines(["a", ""], "") == [False, False]


def test_projection_carries_labels_across_renderings_word_by_word():
    # html-text style: a menu on one line, the headline and byline apart; lxml style: one item a line,
    # the byline glued to the date, an icon glyph and a separator that no word matches
    src = ["Home | News | Sport", "", "Council approves budget", "By Ann Lee", "",
           "The council approved the new budget on Tuesday.", "Advertisement", "Read more: Parks plan"]
    labels = ["nav", "", "title", "meta", "", "body", "ad", "related"]
    dst = ["Home", "News", "Sport", "\uf09a", "Council approves budget", "By Ann Lee 2 May",
           "The council approved the new budget", "on Tuesday.", "", "—", "Advertisement",
           "Read more: Parks plan"]
    out, guessed = project_labels(src, labels, dst)
    assert out == ["nav", "nav", "nav", "nav", "title", "meta", "body", "body", "", "body", "ad", "related"]
    assert guessed == 2          # the glyph and the dash, labelled as the line before them


def test_projection_of_an_unmatched_page_falls_back_without_failing():
    out, guessed = project_labels(["Menu"], ["nav"], ["—", "Completely different words"])
    assert out == ["other", "other"] and guessed == 2
    assert project_labels([], [], []) == ([], 0)
