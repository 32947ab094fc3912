from clean_article.align import align_lines

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
