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
from array import array
from itertools import accumulate

import numpy as np

__all__ = ["ElementTable", "article_lines", "class_weight", "unlikely"]

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


class ElementTable:
    """The elements of a page that the renderer entered, numbered in document order, as plain arrays:
    the range of line indices each holds (``start`` to ``end``, end excluded), its parent's number
    (-1 for none), the numbers of the ``<p>`` elements; the tag, class and id of the elements that
    paragraphs score into; and the paragraph lines. render.render_html appends to the arrays itself,
    once per element (a method call there cost 0.5 ms a page), and calls add_paragraph per paragraph
    line. No reference to the tree is kept: a page of millions of elements would keep them all alive."""

    def __init__(self):
        self.start = array("l")
        self.end = array("l")
        self.parent = array("l")
        self.p_elements: set[int] = set()
        self.names: dict[int, tuple] = {}          # number -> (tag, class, id)
        self.unlikely: dict[int, bool] = {}        # number -> it or an ancestor is "unlikely"
        self.paragraphs: list[tuple[int, int, int, bool]] = []   # line, parent, grandparent, unlikely

    def add_paragraph(self, line: int, open_elements: list, numbers: list[int], at: int, inside: bool) -> None:
        """Line ``line`` is a paragraph whose element is open element ``at`` (``inside``: the text
        of a div that has block children, which readability wraps in a paragraph of its own inside
        it). ``open_elements`` and ``numbers``: the open elements and their numbers, outermost first."""
        par = at if inside else at - 1
        marks = []
        for i in (par, par - 1):
            if i >= 0:
                n = numbers[i]
                if n not in self.names:
                    el = open_elements[i]
                    self.names[n] = (el.tag, el.get("class"), el.get("id"))
                marks.append(n)
            else:
                marks.append(-1)
        # "unlikely": the paragraph's element or an ancestor; fill the open elements' flags downwards
        # from the innermost one already known
        i = at
        while i >= 0 and numbers[i] not in self.unlikely:
            i -= 1
        flag = self.unlikely[numbers[i]] if i >= 0 else False
        for j in range(i + 1, at + 1):
            if not flag:
                el = open_elements[j]
                cls, id_ = el.get("class"), el.get("id")
                flag = bool(cls or id_) and el.tag not in ("html", "body") and unlikely(cls, id_)
            self.unlikely[numbers[j]] = flag
        self.paragraphs.append((line, marks[0], marks[1], flag))


class _Page:
    """An ElementTable with the lines and their link characters: prefix sums for link density."""

    def __init__(self, table: ElementTable, lines: list[str], link_chars: list[int]):
        self.table, self.lines = table, lines
        self.prefix_len = list(accumulate(map(len, lines), initial=0))
        self.prefix_link = list(accumulate(link_chars, initial=0))

    def density(self, n: int) -> float:
        start, end = self.table.start[n], self.table.end[n]
        chars = self.prefix_len[end] - self.prefix_len[start]
        return (self.prefix_link[end] - self.prefix_link[start]) / chars if chars else 0.0


def _choose(page: _Page, ruthless: bool) -> tuple[int, list[int]] | None:
    table, lines = page.table, page.lines
    score: dict[int, float] = {}
    for line, parent, grand, is_unlikely in table.paragraphs:
        text = lines[line]
        if len(text) < 25 or (ruthless and is_unlikely):
            continue
        points = 1 + len(text.split(",")) + min(len(text) / 100, 3)
        for n, share in ((parent, 1.0), (grand, 0.5)):
            if n < 0:
                continue
            if n not in score:
                tag, cls, id_ = table.names[n]
                score[n] = _TAG_SCORE.get(tag, 0) + class_weight(cls, id_)
            score[n] += points * share
    if not score:
        return None
    for n in score:
        score[n] *= 1 - page.density(n)
    best = max(score, key=score.__getitem__)
    threshold = max(10.0, score[best] * 0.2)
    taken = [best]
    parent = table.parent[best]
    if parent >= 0:
        siblings = np.flatnonzero(np.frombuffer(table.parent, dtype=np.int64 if table.parent.itemsize == 8
                                                else np.int32) == parent)
        for n in siblings.tolist():
            if n == best:
                continue
            if n in score and score[n] >= threshold:
                taken.append(n)
            elif n in table.p_elements:
                text = " ".join(lines[table.start[n]:table.end[n]])
                d = page.density(n)
                if (len(text) > 80 and d < 0.25) or (len(text) <= 80 and d == 0 and _SENTENCE_END.search(text)):
                    taken.append(n)
    return best, taken


def article_lines(table: ElementTable, lines: list[str],
                  link_chars: list[int]) -> tuple[range, list[range]] | None:
    """The line range of readability's best candidate and those of the siblings it takes with it,
    or None when no paragraph scores (a page of links and fragments). When every paragraph lies in
    an "unlikely" element, they are scored again with those elements in. (readability-lxml also
    scores again when its article is under 250 characters, but of serialised HTML, which any
    article with a paragraph and its markup reaches: a short post stays the article when a long
    comment thread follows it.)"""
    page = _Page(table, lines, link_chars)
    chosen = _choose(page, ruthless=True) or _choose(page, ruthless=False)
    if chosen is None:
        return None
    best, taken = chosen
    span = lambda n: range(table.start[n], table.end[n])
    return span(best), [span(n) for n in taken if n != best]
