"""The comment-thread revision: a comment-section heading below the article ends it."""

import numpy as np

from clean_article import clean, classify
from clean_article.features import featurize, item_rows, thread_headings
from clean_article.model import THREAD_DISCOUNT, thread_start

ARTICLE = [
    "The city council voted on Tuesday to rebuild the old harbour bridge, ending a dispute that has "
    "divided the town for more than a decade and delayed repairs that engineers called urgent.",
    "Supporters said the new bridge would bring visitors back to the waterfront, while opponents "
    "warned that the cost, estimated at forty million pounds, would fall on local taxpayers.",
    "Work is expected to begin next spring and to last two years, during which a ferry will carry "
    "pedestrians across the harbour every fifteen minutes from early morning until late evening.",
    "The mayor said the decision was the hardest of her time in office but that the town could not "
    "afford to wait any longer for a bridge that is safe for the children who cross it every day.",
]
COMMENTS = [
    "Comments (3)",
    "Jane Doe says:",
    "I have lived by the harbour for thirty years and I think this is a waste of money that the "
    "council should spend on schools and on the roads that are falling apart all over town.",
    "Mark says:",
    "Finally some good news. The old bridge has been closed to lorries for years and the detour "
    "through the town centre has made every morning a nightmare for anyone who drives to work.",
]


def test_headings_of_comment_sections_are_recognised():
    yes = ["Comments (41)", "{ 167 comments }", "Leave a Reply", "3 thoughts on “Bridge vote”",
           "40 Responses to “Taurus Judge”", "Join the discussion", "Comments »", "57 Comments",
           "Add Comment", "Comments are now closed for this story",
           # glued to digits or underscores (markdown emphasis), and indented like a layout cell
           "__Leave a Reply__", "_Comments_", "Comments41", " " * 420 + "Comments",
           " ".join("x" * 70) + " the following comments are owned by whoever posted them"]
    no = ["He said the comments were unfair and would not say more.", "Share this story",
          "The council will reply to the letter next week.", "Related stories",
          "The bridge company had no comments on the decision when asked on Wednesday evening.",
          "300 responses were sent to the council during the consultation.",
          "Have your say at the exhibition in the library next month.", "Discussion", "Responses",
          " " * 192 + "Comments on the plan were heard by the committee and will be published."]
    lines = yes + no
    assert thread_headings(lines, item_rows(lines)).tolist() == [True] * len(yes) + [False] * len(no)


def _spaced(lines):
    """Paragraphs separated by blank lines, as converters write them (items are not lines)."""
    return [x for line in lines for x in (line, "")]


def test_thread_start_needs_an_article_above_and_a_heading_that_does_not_repeat():
    lines = _spaced(ARTICLE + COMMENTS)
    rows = item_rows(lines)
    p = np.full(len(rows), 0.9)
    k = thread_start(lines, rows, p, 0.5)
    assert k == len(ARTICLE) and lines[rows[k]] == "Comments (3)"
    # a comment count under the headline with the same text as the thread's heading does not hide it
    counted = ["Comments (3)", ""] + lines
    rows_c = item_rows(counted)
    assert thread_start(counted, rows_c, np.full(len(rows_c), 0.9), 0.5) == len(ARTICLE) + 1
    # the same heading before any body text (a comment count under the headline) ends nothing
    early = ["Comments (3)"] + ARTICLE
    assert thread_start(early, item_rows(early), np.full(len(early), 0.9), 0.5) is None
    # "Add a comment" under every answer of a Q&A page is a control, not the start of a section
    qa = ARTICLE + ["Add a comment"] + COMMENTS[2:3] + ["Add a comment"] + COMMENTS[4:]
    assert thread_start(qa, item_rows(qa), np.full(len(qa), 0.9), 0.5) is None
    # the heading written twice in a row (a tab, then the heading) is one heading
    doubled = _spaced(ARTICLE + ["37 comments", "37 comments"] + COMMENTS[1:])
    rows_d = item_rows(doubled)
    assert thread_start(doubled, rows_d, np.full(len(rows_d), 0.9), 0.5) == len(ARTICLE)
    # body text the model does not keep does not count towards the article above the heading
    assert thread_start(lines, rows, np.full(len(rows), 0.1), 0.5) is None


def test_clean_drops_the_comment_thread_after_the_article():
    text = "\n".join(_spaced(ARTICLE + COMMENTS))
    out = clean(text).split("\n")
    assert all(a in out for a in ARTICLE)
    assert not any(c in out for c in COMMENTS)
    results = classify(text)
    heading = next(r for r in results if r.text == "Comments (3)")
    assert heading.body_probability <= THREAD_DISCOUNT


def test_a_site_whose_labels_keep_replies_turns_the_rule_off(model):
    from clean_article.labelled import LabelledDoc
    from clean_article.site import fit_site
    lines = _spaced(ARTICLE + COMMENTS)
    forum = ["" if not x else ("other" if x in ("Comments (3)", "Jane Doe says:", "Mark says:") else "body")
             for x in lines]
    article = ["" if not x else ("body" if x in ARTICLE else "other") for x in lines]
    pages = [LabelledDoc(f"p{i}", lines, forum, {}) for i in range(3)]
    site = fit_site(pages, model)
    assert site.info["site"]["thread_rule"] is False
    assert COMMENTS[2] in clean("\n".join(lines), model=site).split("\n")
    pages = [LabelledDoc(f"p{i}", lines, article, {}) for i in range(3)]
    assert fit_site(pages, model).info["site"]["thread_rule"] is True



def test_the_words_of_a_line_longer_than_the_feature_cut_all_count():
    # features read the first 5,000 characters of a line; the article's word count reads all of it
    lines = ["x" * 4990 + " w" * 150, "Comments", "I disagree with every word of this article."]
    f = featurize(lines)
    assert f.words[0] == 151
    assert thread_start(lines, f.rows, np.full(3, 0.9), 0.5, f.words, f.lengths) == 1


def test_a_comment_count_above_readabilitys_element_ends_nothing():
    """A header of menus and teasers that the passes keep can hold the 100 words, so that the comment
    count under the headline came below them; on an HTML page, readability's element says where the
    article starts (R194, 23c874a6 in the benchmark sets)."""
    header = ARTICLE                          # read as body (kept) and over 100 words
    lines = header + ["0 comments"] + ARTICLE[::-1] + COMMENTS
    rows = item_rows(lines)
    p = np.full(len(rows), 0.9)
    count = len(header)
    assert thread_start(lines, rows, p, 0.5) == count                  # without the marks: cut there
    marks = np.array([0] * (count + 1) + [2] * len(ARTICLE) + [0] * len(COMMENTS))   # the article's lines
    k = thread_start(lines, rows, p, 0.5, marks=marks)
    assert lines[rows[k]] == "Comments (3)"                             # the thread below still ends it
    assert thread_start(lines, rows, p, 0.5, marks=np.zeros(len(rows), int)) == count   # no element: as before


def test_a_linked_comment_count_above_a_sure_story_ends_nothing():
    """"53 Comments" between a headline and its story, all link text on an HTML page, links to the
    thread; the passes' sure reading of the lines below it says the story goes on (l3s-gn1 3463f0c3,
    310a3b31, which lost their whole story to the cut). A linked heading over doubtful lines, or one
    that is not a link, still opens the thread."""
    header = ARTICLE                          # a kept header of teasers, over 100 words
    lines = header + ["53 Comments"] + ARTICLE[::-1] + COMMENTS
    rows = item_rows(lines)
    count = len(header)
    p = np.full(len(rows), 0.9)
    links = np.zeros(len(rows), dtype=int)
    links[count] = 5
    k = thread_start(lines, rows, p, 0.5, links=links)
    assert lines[rows[k]] == "Comments (3)"                              # the thread below still ends it
    assert thread_start(lines, rows, p, 0.5, links=np.zeros(len(rows), int)) == count   # not a link: cut
    doubtful = p.copy()
    doubtful[count + 1:count + 4] = 0.6
    assert thread_start(lines, rows, doubtful, 0.5, links=links) == count   # a link over doubt: cut
    links[count + len(ARTICLE) + 1] = 5       # the thread's own heading as a link, over replies read with doubt
    p[count + len(ARTICLE) + 2:] = 0.7
    assert lines[rows[thread_start(lines, rows, p, 0.5, links=links)]] == "Comments (3)"
    p[count + len(ARTICLE) + 2:] = 0.9        # ... but not over replies read as surely as the story
    assert thread_start(lines, rows, p, 0.5, links=links) is None
