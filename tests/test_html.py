"""HTML input: the lxml renderer with DOM descriptors, clean_html/classify_html and the HTML model."""

import random

import pytest

from clean_article import LABELS, classify_html, clean_html, load_model
from clean_article.labelled import read_labelled
from clean_article.render import html_to_lines, render_html

from conftest import DATA

EXAMPLE = DATA / "examples" / "news-article.html"


def _seed_001():
    return next(d for d in read_labelled(DATA / "seeds.labels") if d.doc_id == "seed-001")


def test_rendered_lines_carry_dom_descriptors():
    page = render_html(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": '
        '"The council approved the new budget on Tuesday after a long debate. It takes effect in May."}'
        '</script></head><body><nav class="main-menu"><ul><li><a href="/">Home</a></li></ul></nav>'
        '<article><p>The council approved the new budget on Tuesday after a long debate.</p>'
        '<p>Read <a href="/x">the full report</a> here</p></article></body></html>')
    assert page.lines == ["Home", "The council approved the new budget on Tuesday after a long debate.",
                          "Read the full report here"]
    assert len(page.dom) == len(page.lines)
    home, para, linked = (set(d.split()) for d in page.dom)
    assert {"a:nav", "a:li", "n1:main", "n1:menu", "ld5"} <= home
    assert {"t:p", "a:article", "ld0", "jsonld"} <= para
    assert "jsonld" not in linked and "ld3" in linked       # 15 of 25 characters are link text
    assert html_to_lines("<p>x</p><script>var a;</script><p hidden>secret</p><div>y</div>") == ["x", "y"]


@pytest.mark.parametrize("page", [b"", b"\x00\x01\xff", "<html><body><p>unclosed <b>bold",
                                  "<<<>>>", "<p>" * 5000 + "deep", b"\xef\xbb\xbf<p>caf\xc3\xa9</p>"])
def test_renderer_never_raises(page):
    page_out = render_html(page)
    assert len(page_out.lines) == len(page_out.dom)


def test_meta_charset_is_honoured():
    page = '<html><head><meta charset="windows-1252"></head><body><p>caf\xe9 cr\xe8me</p></body></html>'
    assert render_html(page.encode("cp1252")).lines == ["café crème"]


def test_clean_html_keeps_the_article_and_drops_the_rest():
    seed = _seed_001()
    body = [t.strip() for lab, t in zip(seed.labels, seed.lines) if lab == "body"]
    out = clean_html(EXAMPLE.read_bytes()).split("\n")
    assert all(line in out for line in body)
    for boilerplate in ("Recent Posts", "1 hour ago", "About us", "© 2023 Newsable. All rights reserved."):
        assert boilerplate not in out


def test_classify_html_gives_labels_and_probabilities():
    results = classify_html(EXAMPLE.read_text(encoding="utf-8"))
    assert results and all(r.label in LABELS for r in results)
    assert all(0.0 <= r.body_probability <= 1.0 for r in results)


def test_a_text_model_can_read_html_lines(model):
    out = clean_html(EXAMPLE.read_bytes(), model=model)
    assert "accepted North Korean leader Kim Jong Un" in out


def test_truncated_and_fuzzed_pages_give_output_not_tracebacks(html_model):
    data = EXAMPLE.read_bytes()
    rng = random.Random(0)
    for cut in range(0, len(data), max(len(data) // 40, 1)):
        assert isinstance(clean_html(data[:cut], model=html_model), str)
    for _ in range(20):
        fuzzed = bytearray(data)
        for _ in range(200):
            fuzzed[rng.randrange(len(fuzzed))] = rng.randrange(256)
        assert isinstance(clean_html(bytes(fuzzed), model=html_model), str)


def test_shipped_models_know_their_input():
    assert load_model(html=True).uses_dom
    assert not load_model().uses_dom


def _tokens(html):
    return [set(d.split()) for d in render_html(html).dom]


def test_name_keys_come_from_the_innermost_eight_elements():
    # n1: the innermost three open elements, n: the next five, none above; a: every semantic tag once
    html = "".join(f'<div class="c{i}">' for i in range(12)) + "<p class='lead'>Text</p>" + "</div>" * 12
    (tokens,) = _tokens(html)
    names = {t for t in tokens if t.startswith(("n1:", "n:"))}
    assert names == {"n1:lead", "n1:c11", "n1:c10"} | {f"n:c{i}" for i in range(5, 10)}
    assert {t for t in tokens if t.startswith("a:")} == {"a:p", "a:div"}
    assert {"t:p", "tt:div/p", "depth3"} <= tokens


def test_siblings_share_their_ancestors_keys_but_not_each_others():
    tokens = _tokens('<main id="story"><ul class="teasers"><li class="first">One</li><li>Two</li></ul>'
                     '<p>After</p></main>')
    one, two, after = tokens
    assert {"n1:first", "n1:teasers", "n1:story", "a:li", "a:ul", "a:main"} <= one
    assert "n1:first" not in two and {"n1:teasers", "n1:story", "a:li"} <= two
    assert "a:li" not in after and "n1:teasers" not in after and {"n1:story", "a:p"} <= after


def test_name_keys_are_capped_innermost_first():
    words = " ".join(f"w{i}x" for i in range(20))
    html = "".join(f'<div class="{words} d{j}">' for j in range(4)) + "<p>Text</p>" + "</div>" * 4
    (tokens,) = _tokens(html)
    keys = {t for t in tokens if t.startswith(("n1:", "n:", "a:"))}
    assert len(keys) == 44                              # render._MAX_NAME_KEYS, "a:" keys included
    # the innermost first: the p, its parent d3, d2 (whose words d3 already gave), then d1's twenty
    # words fill the cap and d1's own name and d0 are left out
    assert {"a:p", "a:div", "n1:d3", "n1:d2", "n1:w0x", "n:w0x", "n:w19x"} <= keys
    assert "n:d1" not in keys and "n:d0" not in keys


def test_link_density_counts_the_text_on_each_side_of_a_comment_apart():
    # as the HTML model was trained: "Read" and " more" are two pieces, 4 + 4 of 9 characters
    (tokens,) = _tokens("<p><a href='#'>Read<!-- --> more</a></p>")
    assert "ld4" in tokens


@pytest.mark.xfail(strict=True, reason="known: the tenth session's HTML model (collapsed sections read, "
                   "threshold 0.45) keeps the example's headline as body (0.68); the wcxb-dev gold the body "
                   "passes learn often counts the headline as content")
def test_the_html_examples_headline_is_its_title_not_body():
    """Known to fail from the readability marks and the article crops (fourth session: body at 0.53)
    to the eighth session's retraining (body 0.25, title 0.75), and again from the tenth (body 0.68);
    the wcxb-dev gold the body passes learn often counts the headline as content, so this turns with
    retraining. strict: a model that gets it right says so."""
    results = classify_html(EXAMPLE.read_bytes())
    headline = next(r for r in results if r.text.startswith("Vladimir Putin Promises"))
    assert headline.label == "title"


STORY_TEXT = ("The harbour bridge will close for repairs next month, the council said on Tuesday, after "
              "engineers found cracks in two of its supports during a routine inspection in the spring.")


@pytest.mark.parametrize("page", [
    # a <title> never closed: its content is raw text to the parser, so it took in the whole page
    "<html><head><title>Bridge to close (The Times)ntById('font');\nobj.style.x = 1\n</head>"
    f"<body><div><p>{STORY_TEXT}</p></div></body></html>",
    # an XML declaration cut short, which lxml refuses on str input
    '<?xml version="1.0" encoding="ilashack, necessarily, palestinian, Sri Lanka" />\n<meta name="robots" '
    f'content="index" />\n<html><body><p>{STORY_TEXT}</p></body></html>',
    # an <html> tag whose attributes run on with an unbalanced quote
    '<!DOCTYPE html>\n<html xmogo.jpg" alt="Free Submission" width="145" border="0" /></a></td>'
    f"<td><div><p>{STORY_TEXT}</p></div></td></html>",
    # a header include pasted in front of the page: a second document after the first's </html>
    "<html><body><div>Tuesday 15th of January 2008</div></body></html>\n<script>var x;</script>\n"
    f"<!DOCTYPE HTML PUBLIC><html><head><title>News</title></head><body><span>{STORY_TEXT}</span></body></html>",
    # the body put in the head by an unknown tag there
    f"<html><head><title>Potter tops list</title><mbox>{STORY_TEXT}</mbox></head></html>",
    # a forum whose posts are all in <noscript>, for readers without JavaScript
    f"<html><body><div id='app'></div><noscript><div class='post'><p>{STORY_TEXT}</p></div></noscript></body></html>",
    # an image map left open around the article
    f"<html><body><map name='nav'><area href='/a'><table><tr><td><span>{STORY_TEXT}</span></td></tr></table></body></html>",
])
def test_a_page_that_renders_to_nothing_is_rendered_again_leniently(page):
    lines = render_html(page).lines
    assert any(STORY_TEXT in line for line in lines), lines
    assert "Potter tops list" not in lines      # a <title> is not a line of the page's text


def test_the_lenient_render_is_a_second_try_only():
    from clean_article.render import LENIENT_BELOW_WORDS
    # a page that renders to enough words keeps its first render: its <noscript> stays out
    page = (f"<html><body><p>{STORY_TEXT}</p><noscript><p>Please enable JavaScript to view the comments "
            "powered by Disqus.</p></noscript></body></html>")
    assert render_html(page).lines == [STORY_TEXT]
    assert len(STORY_TEXT.split()) >= LENIENT_BELOW_WORDS
    # a short page with a <noscript>: the second render has more words, so it is taken
    short = "<html><body><p>Bridge closed.</p><noscript><p>Enable JavaScript.</p></noscript></body></html>"
    assert render_html(short).lines == ["Bridge closed.", "Enable JavaScript."]
    # a page with no text at all stays empty
    assert render_html("<html><head><title>t</title></head><body></body></html>").lines == []


def test_segments_streamed_by_react_are_read_where_their_placeholder_is():
    # React's streaming server render: placeholders where the content goes, the content later in
    # hidden divs that a script moves into place ($RC for a boundary "B:n", $RS for a segment "P:n")
    page = ("<html><body><header><a href='/'>Home</a></header>"
            "<main><h1>Bridge to close</h1><template id='B:0'></template><div class='skeleton'></div>"
            "<template id='P:1'></template></main><footer>Contact us</footer>"
            f"<div hidden id='S:0'><p>{STORY_TEXT}</p><template id='B:2'></template></div>"
            "<script>$RC('B:0','S:0')</script>tail text"
            "<div hidden id='S:1'><p>The second part of the story.</p></div>"
            "<div hidden id='S:2'><p>Nested in the first.</p></div>"
            "<div hidden id='S:9'><p>No placeholder: stays hidden.</p></div>"
            "<div hidden><p>Plainly hidden.</p></div></body></html>")
    lines = render_html(page).lines
    assert lines == ["Home", "Bridge to close", STORY_TEXT, "Nested in the first.",
                     "The second part of the story.", "Contact us", "tail text"]


def test_a_button_left_open_over_the_page_does_not_hide_it():
    from clean_article.render import BUTTON_MAX_WORDS
    # libxml2 keeps a <button> open over an unclosed <div> inside it (a browser closes it at
    # </button>): a button with more words than any label is read, a real button is still dropped
    second = "Drivers are asked to use the tunnel, where tolls will be waived until the bridge reopens."
    page = ("<html><body><button class='menu'><div><svg></svg><div></button>"
            f"<article><h1>Bridge to close</h1><p>{STORY_TEXT}</p><p>{second}</p></article>"
            "<button>Share this story</button></body></html>")
    assert len(f"{STORY_TEXT} {second}".split()) > BUTTON_MAX_WORDS
    lines = render_html(page).lines
    assert lines[:3] == ["Bridge to close", STORY_TEXT, second]
    assert "Share this story" not in lines
    # the same page with its button closed: the button's label is dropped, the article read
    closed = page.replace("<div><svg></svg><div></button>", "Menu</button>")
    assert render_html(closed).lines == ["Bridge to close", STORY_TEXT, second]


def test_collapsed_sections_are_read_but_menus_dialogs_and_tabs_stay_hidden():
    # an FAQ's answers shut until opened are the page's content; a hidden menu, cookie dialog or the
    # sidebar's "most read" tab panel is not
    page = ("<html><body><article><h2>FAQ</h2><h3>When does the bridge close?</h3>"
            "<div class='accordion-panel' hidden><p>On the first of next month.</p></div>"
            "<div class='faq-answer' style='display:none'><p>For six weeks.</p></div>"
            "<div hidden='until-found'><p>Found by search.</p></div></article>"
            "<div class='collapse navbar-collapse' style='display: none'><a href='/'>Home</a></div>"
            "<div class='cookie-accordion' role='dialog' aria-hidden='true'>We use cookies.</div>"
            "<div class='tabPanel' style='display: none'>Most read: Zoo 911 call</div>"
            "<div hidden><p>Plainly hidden.</p></div></body></html>")
    assert render_html(page).lines == ["FAQ", "When does the bridge close?", "On the first of next month.",
                                       "For six weeks.", "Found by search."]
