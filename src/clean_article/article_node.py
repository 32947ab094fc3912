"""Which element of an HTML page holds the article, by readability's rules (readability-lxml, after
Arc90's readability.js), computed from what the renderer already collected: the lines, the element
that holds each line, and the range of lines each element holds.

A line is a line of the page at a time; readability judges the page as a whole. It scores each
paragraph (1 + its commas + its length in hundreds of characters, up to 3) into its parent and half
into its grandparent, starts each such candidate from its tag (a ``div`` +5, a list −3, a heading −5)
and its class and id names (+25 for "article", "content", "post"..., −25 for "comment", "sidebar",
"related"...), skips paragraphs inside elements whose names say comment, footer, menu, sidebar...,
scales each candidate by its share of text outside links, and takes the best, with those of its
siblings that score close to it or read as prose. The renderer marks the lines of that element
("rd:top") and of the siblings taken with it ("rd:sib"); the HTML model learns how far to trust the
mark. Measured on the validation sets, keeping only lines of ours that readability also keeps raised
precision from 0.875 to 0.949 (dragnet) and from 0.926 to 0.969 (l3s-gn1) at a cost in recall: it
is evidence, not a verdict.

Readability's own code re-parses and rewrites the tree (about 75 pages/s); this reads the line
ranges in one pass over the candidates.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

__all__ = ["article_lines", "class_weight", "unlikely"]

_UNLIKELY = re.compile(r"combx|comment|community|disqus|extra|foot|header|menu|remark|rss|shoutbox|"
                       r"sidebar|sponsor|ad-break|agegate|pagination|pager|popup|tweet|twitter", re.I)
_MAYBE = re.compile(r"and|article|body|column|main|shadow", re.I)
_POSITIVE = re.compile(r"article|body|content|entry|hentry|main|page|pagination|post|text|blog|story", re.I)
_NEGATIVE = re.compile(r"combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|"
                       r"promo|related|scroll|shoutbox|sidebar|sponsor|shopping|tags|tool|widget", re.I)
_TAG_SCORE = {"div": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3, "ul": -3,
              "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5, "h3": -5,
              "h4": -5, "h5": -5, "h6": -5, "th": -5}
_SENTENCE_END = re.compile(r"\.( |$)")


@lru_cache(maxsize=20_000)      # pages of a site repeat their names
def unlikely(cls: str | None, id_: str | None) -> bool:
    """Whether readability drops an element with these class and id names before scoring."""
    names = f"{cls or ''} {id_ or ''}"
    return bool(_UNLIKELY.search(names)) and not _MAYBE.search(names)


def class_weight(cls: str | None, id_: str | None) -> int:
    w = 0
    for value in (cls, id_):
        if value:
            if _NEGATIVE.search(value):
                w -= 25
            if _POSITIVE.search(value):
                w += 25
    return w


class _Page:
    """What readability needs of a rendered page: ``starts`` and ``ends`` map each element that the
    renderer entered to the range of line indices it holds (end excluded), ``paragraphs`` lists
    (line index, block element, whether the line is the block's own text beside block children),
    ``lines`` and ``link_chars`` the lines and the characters of each inside links."""

    def __init__(self, starts: dict, ends: dict, paragraphs: list[tuple], lines: list[str],
                 link_chars: list[int]):
        self.starts, self.ends, self.paragraphs, self.lines = starts, ends, paragraphs, lines
        self.prefix_len = list(accumulate(map(len, lines), initial=0))
        self.prefix_link = list(accumulate(link_chars, initial=0))
        self._unlikely: dict = {}

    def span(self, el) -> range:
        return range(self.starts[el], self.ends[el])

    def density(self, el) -> float:
        start, end = self.starts[el], self.ends[el]
        chars = self.prefix_len[end] - self.prefix_len[start]
        return (self.prefix_link[end] - self.prefix_link[start]) / chars if chars else 0.0

    def unlikely(self, el) -> bool:
        """Whether ``el`` or an ancestor is "unlikely" (html and body never are)."""
        chain = []
        got = None
        while el is not None:
            got = self._unlikely.get(el)
            if got is not None:
                break
            chain.append(el)
            el = el.getparent()
        got = bool(got)
        for e in reversed(chain):       # from the outermost down
            if not got:
                cls, id_ = e.get("class"), e.get("id")
                got = bool(cls or id_) and e.tag not in ("html", "body") and unlikely(cls, id_)
            self._unlikely[e] = got
        return got


def _choose(page: _Page, ruthless: bool) -> tuple[object, list] | None:
    spans, lines = page.starts, page.lines
    score: dict = {}
    for line, block, inside in page.paragraphs:
        text = lines[line]
        if len(text) < 25 or (ruthless and page.unlikely(block)):
            continue
        points = 1 + len(text.split(",")) + min(len(text) / 100, 3)
        parent = block if inside else block.getparent()
        grand = parent.getparent() if parent is not None else None
        for el, share in ((parent, 1.0), (grand, 0.5)):
            if el is None or el not in spans:
                continue
            if el not in score:
                score[el] = _TAG_SCORE.get(el.tag, 0) + class_weight(el.get("class"), el.get("id"))
            score[el] += points * share
    if not score:
        return None
    for el in score:
        score[el] *= 1 - page.density(el)
    best = max(score, key=score.__getitem__)
    threshold = max(10.0, score[best] * 0.2)
    taken = [best]
    parent = best.getparent()
    if parent is not None:
        for sibling in parent:
            if sibling is best or sibling not in spans:
                continue
            if sibling in score and score[sibling] >= threshold:
                taken.append(sibling)
            elif sibling.tag == "p":
                text = " ".join(lines[page.starts[sibling]:page.ends[sibling]])
                d = page.density(sibling)
                if (len(text) > 80 and d < 0.25) or (len(text) <= 80 and d == 0 and _SENTENCE_END.search(text)):
                    taken.append(sibling)
    return best, taken


def article_lines(starts: dict, ends: dict, paragraphs: list[tuple], lines: list[str],
                  link_chars: list[int]) -> tuple[range, list[range]] | None:
    """The line range of readability's best candidate and those of the siblings it takes with it,
    or None when no paragraph scores (a page of links and fragments). When every paragraph lies in
    an "unlikely" element, they are scored again with those elements in. (readability-lxml also
    scores again when its article is under 250 characters, but of serialised HTML, which any
    article with a paragraph and its markup reaches: a short post stays the article when a long
    comment thread follows it.) The arguments are those of ``_Page``."""
    page = _Page(starts, ends, paragraphs, lines, link_chars)
    chosen = _choose(page, ruthless=True) or _choose(page, ruthless=False)
    if chosen is None:
        return None
    best, taken = chosen
    return page.span(best), [page.span(el) for el in taken if el is not best]
