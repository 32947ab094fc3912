"""Render HTML to text lines with lxml: one block element a line, as a reader sees the page.

Scripts, styles, templates and hidden elements are dropped (not collapsed sections, and not the
segments a React page streams hidden: they are read where the page shows them); ``<br>`` breaks a
line; list items and table rows are lines of their own (cells joined by " | "). The parse never raises
on broken markup: lxml's HTML parser recovers, and bytes are decoded from a BOM, a meta charset, UTF-8
or cp1252.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import chain

from lxml import etree

from .article_node import ElementTable, article_lines
from .lines import decode_bytes, starts_like_html

__all__ = ["RenderedPage", "html_to_lines", "html_to_text", "parse_html", "render_html", "looks_like_html"]

_DROP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
         "embed", "canvas", "select", "option", "datalist", "button", "input", "textarea", "map"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
          "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
          "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
          "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
          "ul", "caption", "frameset", "frame", "noframes"}
_CELL = {"td", "th"}
_PARAGRAPH = {"p", "pre", "td"}
# a div that holds one of these tags is not a paragraph to readability; its own text is, inside it
_DIV_BLOCK_CHILD = {"a", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)


def _decode(data: bytes) -> str:
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = _META_CHARSET.search(data[:4096])
        if m:
            enc = m.group(1).decode("ascii", "ignore")
            try:
                return data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(data)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BROKEN_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_ROOT_TAGS = re.compile(r"<!doctype\b[^>]*>|</?(?:html|head|body)\b[^>]*>", re.I)
_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.I)
_TITLE_REACH = 2000    # characters after <title> within which its </title> must come


def _repair(page: str) -> str:
    """Breakages of a page's frame that lxml cannot recover from, undone: an XML declaration cut
    short ("<?xml version="1.0" encoding="ilashack, ...", which lxml refuses); an <html>, <head> or
    <body> tag whose attributes run on with an unbalanced quote (the parser then reads the rest of
    the page as attribute text) or a second document pasted after the first's </html> (the parser
    drops the second's text): every doctype and html, head and body tag is taken out, and the parser
    puts in its own; and a <title> never closed (its content is raw text, so it takes in the whole
    page), which now ends with its first line."""
    page = _BROKEN_XML_DECLARATION.sub("", page, count=1)
    page = _ROOT_TAGS.sub("", page)
    m = _TITLE_OPEN.search(page)
    if m and not _TITLE_CLOSE.search(page, m.end(), m.end() + _TITLE_REACH):
        ends = [i for i in (page.find("\n", m.end()), page.find("<", m.end())) if i >= 0]
        cut = min(ends) if ends else len(page)
        page = page[:cut] + "</title>" + page[cut:]
    return page


def parse_html(page: str | bytes, repair: bool = False):
    """Parse a page into an lxml tree (plain ``lxml.etree`` elements); returns None for a page with
    no elements. ``repair``: first undo the breakages of ``_repair`` (render_html's second try)."""
    if isinstance(page, bytes):
        page = _decode(page)
    # lxml refuses str input that carries an XML encoding declaration
    page = _XML_DECLARATION.sub("", page)
    page = page.replace("\x00", "")
    if repair:
        page = _repair(page)
    if not page or page.isspace():      # (page.strip() would copy the page)
        return None
    try:
        # plain lxml elements (lxml.html's element classes cost a Python call for every element read)
        # and no table of ids: the same tree, parsed faster. Comments stay: the text on either side of
        # one is counted apart for link density, as the HTML model was trained.
        return etree.fromstring(page, etree.HTMLParser(collect_ids=False))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


@dataclass
class RenderedPage:
    """A page rendered to lines, with each line's DOM descriptors (space-separated tokens, see
    ``_line_tokens``) for the HTML model."""

    lines: list[str]
    dom: list[str]


_SEMANTIC = {"article", "main", "nav", "header", "footer", "aside", "form", "section", "figure",
             "figcaption", "blockquote", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
             "p", "pre", "code", "time", "address", "label", "dl", "dd", "dt", "td", "th", "menu",
             "details", "summary", "caption", "strong", "em", "b", "small", "cite", "span", "div", "a"}
_SEMANTIC_KEYS = {tag: "a:" + tag for tag in _SEMANTIC}
_NAME_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=[A-Z])")
_MAX_NAME_KEYS = 44   # class/id name tokens kept per line, innermost elements first
_PATH_DEPTH = 10


def _name_words(cls: str | None, id_: str | None, role: str | None, itemprop: str | None) -> tuple[str, ...]:
    out = []
    for value in (cls, id_):
        if value:
            for w in _NAME_SPLIT.split(value[:200]):
                w = w.lower()
                if 2 <= len(w) <= 20 and not w.isdigit():
                    out.append(w)
    for value, tag in ((role, "r"), (itemprop, "ip")):
        if value:
            out.append(f"{tag}={value.strip().lower()[:20]}")
    return tuple(out)


def _json_ld_bodies(root) -> list[str]:
    """``articleBody`` (and ``text``) strings of the page's JSON-LD, whitespace-collapsed."""
    out: list[str] = []

    def find(obj, depth=0):
        if depth > 8:
            return
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k in ("articleBody", "text") and isinstance(v, str) and len(v) > 80:
                    out.append(" ".join(v.split()))
                else:
                    find(v, depth + 1)
        elif isinstance(obj, list):
            for v in obj[:50]:
                find(v, depth + 1)

    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                find(json.loads(script.text))
            except (ValueError, RecursionError):
                continue
    return out


# A page whose render holds fewer words than this is rendered a second time, leniently: its head
# repaired (_repair), and the content of <head>, <noscript> and <map> elements read (a page whose
# body the parser put in the head after an unknown tag there, a forum whose posts are all in a
# <noscript> for readers without JavaScript, an image map left open around the article). The second
# render is used when it holds more words. Of the 1,307 benchmark pages, 22 rendered to under 20 words
# the first time; the second render gives 14 of them their text (README, Benchmark).
LENIENT_BELOW_WORDS = 20
_LENIENT_DROP = (_DROP - {"head", "noscript", "map"}) | {"title", "meta", "link", "base"}


def _word_total(lines: list[str], enough: int | None = None) -> int:
    """The words of ``lines``, counted up to ``enough`` when given (a normal page reaches it within
    its first lines: the test costs every page next to nothing)."""
    total = 0
    for line in lines:
        total += len(line.split())
        if enough is not None and total >= enough:
            break
    return total


def render_html(page: str | bytes) -> RenderedPage:
    """The page's visible text, one block a line, whitespace collapsed, empty lines removed, and the
    DOM descriptors of each line: the tag of its block, its semantic ancestors, the words of their
    class/id names, heading level, link density, and whether JSON-LD ``articleBody`` holds the line."""
    root = parse_html(page)
    out = _render_root(root, _DROP) if root is not None else RenderedPage([], [])
    words = _word_total(out.lines, LENIENT_BELOW_WORDS)
    if words < LENIENT_BELOW_WORDS:
        root = parse_html(page, repair=True)
        if root is not None:
            second = _render_root(root, _LENIENT_DROP, whole=True)
            if _word_total(second.lines, words + 1) > words:
                return second
    return out


_SEGMENT_ID = re.compile(r"S:(\w+)$")


def _place_streamed_segments(root) -> None:
    """Put the segments of a page streamed by React (server rendering with Suspense: Next.js and
    others) where the browser's script puts them. Such a page sends a placeholder ``<template
    id="B:n">`` where the content goes and, later, the content itself in ``<div hidden id="S:n">``,
    which a script moves into place. Read as sent, the article is hidden (or, were hidden elements
    read, after the footer). Each segment is moved before its placeholder and unhidden; the text that
    followed it stays where it was. (The script that moves segment n names its place: ``$RC("B:n",
    "S:n")`` a boundary's, ``$RS("S:n", "P:n")`` a segment's.)"""
    places = {}
    for template in root.iter("template"):
        id_ = template.get("id")
        if id_ and id_.startswith(("B:", "P:")):      # a boundary's placeholder, or a segment's
            if id_[0] == "P" or id_[2:] not in places:
                places[id_[2:]] = template
    if not places:
        return
    segments = []               # found first: moving an element while iterating the tree skips some
    for div in root.iter("div"):
        if div.get("hidden") is not None:
            m = _SEGMENT_ID.match(div.get("id") or "")
            if m and m.group(1) in places:
                segments.append((div, places[m.group(1)]))
    for div, place in segments:
        if any(a is div for a in place.iterancestors()):
            continue
        parent = div.getparent()
        if parent is None:
            continue
        if div.tail:                         # lxml moves an element's tail with it: leave it here
            prev = div.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + div.tail
            else:
                parent.text = (parent.text or "") + div.tail
            div.tail = None
        del div.attrib["hidden"]
        place.addprevious(div)


# A hidden element is read when it is a collapsed section (an FAQ's answers, a product's
# specifications, "read more"): shut until the reader opens it and part of the page's content all the
# same (WCXB's gold counts it). Menus, dialogs and drawers stay hidden, and so do tab panels: on a
# news page they are mostly the sidebar's "most read / most shared" tabs (l3s-gn1), on documentation
# the same code in other languages.
_PANEL_WORDS = {"accordion", "accordian", "collapse", "collapsed", "collapsible", "faq", "faqs", "answer",
                "expandable"}
_NOT_PANEL_WORDS = {"nav", "navbar", "navigation", "menu", "submenu", "megamenu", "modal", "dialog", "popup",
                    "cookie", "cookies", "consent", "gdpr", "dropdown", "drawer", "overlay", "offcanvas",
                    "search", "mobile", "header", "footer", "sidebar", "login", "newsletter", "subscribe",
                    "tab", "tabs", "tabpanel"}
_NOT_PANEL_ROLES = {"dialog", "alertdialog", "menu", "menubar", "navigation", "banner", "contentinfo",
                    "search", "tooltip", "tabpanel"}
# the class and id words, lower-cased first. Not _name_words: its split takes every capital letter
# for a separator ("AccordionItem" reads "ccordion", "tem"); mending it there changes the HTML
# model's DOM descriptors and asks for a retraining (on wcxb-dev, reading this rule's words through it
# renders 4 pages differently, one of them a footer menu read)
_CLASS_WORDS = re.compile(r"[a-z0-9]+")


def _collapsed_section(el) -> bool:
    """Whether a hidden element is a collapsed section (see _PANEL_WORDS)."""
    get = el.get
    if get("hidden") == "until-found":
        return True
    if (get("role") or "").strip().lower() in _NOT_PANEL_ROLES:
        return False
    words = set(_CLASS_WORDS.findall(f"{get('class') or ''} {get('id') or ''}"[:400].lower()))
    return bool(words & _PANEL_WORDS) and not words & _NOT_PANEL_WORDS


# A <button> is dropped (its words are a control's label: "Menu", "Share"), but not one holding more
# words than any label: the parser left it open over the page (libxml2 does not close a button at a
# block that a browser's parser closes it at, e.g. after an unclosed <div> inside it).
BUTTON_MAX_WORDS = 40


def _swallowing_button(el) -> bool:
    words = 0
    for text in el.itertext():
        words += len(text.split())
        if words > BUTTON_MAX_WORDS:
            return True
    return False


def _render_root(root, drop: set[str], whole: bool = False) -> RenderedPage:
    """render_html on a parsed page: its <body> (``whole``: the whole tree), without the elements of
    the tags in ``drop``."""
    _place_streamed_segments(root)
    bodies = _json_ld_bodies(root)
    lines: list[str] = []
    dom: list[str] = []
    buf: list[str] = []            # the pieces of the line being read; never starts with whitespace
    # the open elements, one list per property, innermost last: element, its name keys (filled when
    # a line first needs them, _keys_at), the "a:" keys of the semantic tags from the root down to
    # it, its number
    elements: list = []
    names: list = []
    semantic: list[tuple[str, ...]] = [()]
    numbers: list[str] = []
    blocks: list[str] = []         # the tags of the open block and cell elements
    link_chars = 0
    in_link = 0
    counter = 0
    # for article_node: the table of elements (line ranges, parents, paragraphs), the table's numbers
    # of the open elements, the index in ``elements`` of each open block, each line's link characters
    table = ElementTable()
    starts, ends, paragraph_elements = table.start, table.end, table.p_elements
    starts_append, ends_append, parents_append = table.start.append, table.end.append, table.parent.append
    open_numbers: list[int] = []
    block_at: list[int] = []
    line_links: list[int] = []
    div_blocks: dict[int, bool] = {}

    def flush():
        nonlocal link_chars
        if buf:
            raw = "".join(buf)
            text = " ".join(raw.split())       # whitespace collapsed (str.split: the \s of re, ten times faster)
            if text:
                if blocks and (blocks[-1] in _PARAGRAPH or blocks[-1] == "div"):
                    b = block_at[-1]
                    inside = blocks[-1] == "div" and _has_block_descendant(elements[b], open_numbers[b], div_blocks)
                    table.add_paragraph(len(lines), elements, open_numbers, b, inside)
                line_links.append(link_chars)
                lines.append(text)
                dom.append(_line_tokens(text, elements, names, semantic, numbers, blocks,
                                        link_chars, bodies))
            buf.clear()
        link_chars = 0

    def walk(el):
        nonlocal link_chars, in_link, counter
        tag = el.tag
        tail = el.tail
        if not isinstance(tag, str):  # comments, processing instructions
            if tail and (buf or not tail.isspace()):
                buf.append(tail)
                if in_link:
                    link_chars += len(tail.strip())
            return
        get = el.get                         # _hidden, inline: this runs for every element
        if ((tag in drop and not (tag == "button" and _swallowing_button(el)))
                or ((get("hidden") is not None or get("aria-hidden") == "true"
                     or ((style := get("style")) and _HIDDEN_STYLE.search(style)))   # (tags are lower-case)
                    and not _collapsed_section(el))):
            if tail and (buf or not tail.isspace()):
                buf.append(tail)
                if in_link:
                    link_chars += len(tail.strip())
            return
        block = tag in _BLOCK
        cell = tag in _CELL
        if not (block or cell or len(el) or tag == "br"):    # an inline leaf: no line ends inside it
            counter += 1
            text = el.text
            if text and (buf or not text.isspace()):
                buf.append(text)
                if in_link or tag == "a":
                    link_chars += len(text.strip())
            if tail and (buf or not tail.isspace()):
                buf.append(tail)
                if in_link:
                    link_chars += len(tail.strip())
            return
        if block or tag == "br":
            if buf:
                flush()
        elif cell and buf:
            buf.append(" | ")
            if in_link:
                link_chars += 1
        counter += 1
        number = len(starts)                # the element's row in the table: this runs for every element
        n_lines = len(lines)
        starts_append(n_lines)
        ends_append(n_lines)
        parents_append(open_numbers[-1] if open_numbers else -1)
        if tag == "p":
            paragraph_elements.add(number)
        open_numbers.append(number)
        elements.append(el)
        names.append(None)
        sem = semantic[-1]
        key = _SEMANTIC_KEYS.get(tag)
        semantic.append(sem if key is None or key in sem else sem + (key,))
        numbers.append(str(counter))
        if block or cell:
            blocks.append(tag)
            block_at.append(len(elements) - 1)
        if tag == "a":
            in_link += 1
        text = el.text
        if text and (buf or not text.isspace()):
            buf.append(text)
            if in_link:
                link_chars += len(text.strip())
        for child in el:
            walk(child)
        if block:
            if buf:
                flush()
        elif cell and buf:
            buf.append(" ")
        if tag == "a":
            in_link -= 1
        if block or cell:
            blocks.pop()
            block_at.pop()
        ends[number] = len(lines) + (1 if buf else 0)
        open_numbers.pop()
        elements.pop()
        names.pop()
        semantic.pop()
        numbers.pop()
        if tail and (buf or not tail.isspace()):
            buf.append(tail)
            if in_link:
                link_chars += len(tail.strip())

    body = None if whole else root.find("body")
    walk(body if body is not None else root)
    flush()
    _mark_article(lines, dom, table, line_links)
    return RenderedPage(lines, dom)


def _has_block_descendant(el, number: int, seen: dict[int, bool]) -> bool:
    """Whether readability leaves a div as it is (it holds a link, image, list, table, paragraph or
    div at any depth) rather than reading it as a paragraph. Kept by the element's number."""
    got = seen.get(number)
    if got is None:
        got = seen[number] = next(el.iterdescendants(*_DIV_BLOCK_CHILD), None) is not None
    return got


def _mark_article(lines: list[str], dom: list[str], table: ElementTable, line_links: list[int]) -> None:
    """Add "rd:top" to the descriptors of the lines of readability's best candidate element and
    "rd:sib" to those of the siblings it takes with it (article_node), before the path."""
    found = article_lines(table, lines, line_links)
    if found is None:
        return
    top, siblings = found
    for mark, ranges in (("rd:top ", [top]), ("rd:sib ", siblings)):
        for r in ranges:
            for i in r:
                if i < len(dom):
                    d = dom[i]
                    k = d.rfind("path=")
                    dom[i] = d[:k] + mark + d[k:] if k >= 0 else d + " " + mark.strip()


_KEYS: dict[tuple, tuple[tuple[str, ...], tuple[str, ...]]] = {}    # attribute values -> name keys
_KEYS_KEPT = 20_000    # at most 20,000 x 4 x 200 characters


def _element_keys(el) -> list:
    """An element's name tokens as the keys of a line within 3 levels of it ("n1:") and further
    ("n:"), a slot for the keys its children's lines get from it and its ancestors (_context_keys),
    and one for its children's lines' heads (_line_tokens). Pages repeat their class names: the keys
    are kept by attribute values."""
    get = el.get
    # only the first 200 characters of a value are read: the cache keeps no more of it
    cls, id_, role, itemprop = get("class"), get("id"), get("role"), get("itemprop")
    attrs = (cls[:200] if cls else cls, id_[:200] if id_ else id_, role[:200] if role else role,
             itemprop[:200] if itemprop else itemprop)
    keys = _KEYS.get(attrs)
    if keys is None:
        words = _name_words(*attrs)
        keys = (tuple(["n1:" + w for w in words]), tuple(["n:" + w for w in words]))
        if len(_KEYS) >= _KEYS_KEPT:
            _KEYS.clear()
        _KEYS[attrs] = keys
    return [keys[0], keys[1], None, None]


def _keys_at(names, elements, i: int) -> list:
    slot = names[i]
    if slot is None:
        slot = names[i] = _element_keys(elements[i])
    return slot


def _context_keys(names, elements, semantic, i: int) -> tuple[dict[str, None], str]:
    """The keys that a line whose innermost open element is a child of open element ``i`` gets from
    ``i`` and its ancestors: "a:" of their semantic tags, "n1:" of ``i`` and its parent, "n:" of the 5
    above them, and the same joined by spaces. Computed once per element: the paragraphs of an article,
    the items of a list share it."""
    slot = _keys_at(names, elements, i)
    if slot[2] is None:
        parts = [semantic[i + 1], slot[0]]
        if i >= 1:
            parts.append(_keys_at(names, elements, i - 1)[0])
        parts.extend([(names[j] or _keys_at(names, elements, j))[1] for j in range(i - 2, max(i - 7, -1), -1)])
        keys = dict.fromkeys(chain.from_iterable(parts))
        slot[2] = (keys, " ".join(keys))
    return slot[2]


_DEPTH_TOKENS = tuple(f"depth{d}" for d in range(9))
_LD_TOKENS = tuple(f"ld{k}" for k in range(6))


def _line_tokens(text: str, elements, names, semantic, numbers, blocks, link_chars: int,
                 bodies: list[str]) -> str:
    """A line's DOM descriptors (space-separated): those its open elements decide (_line_head), "ld"
    the link density, "jsonld", and the "path=" of element numbers (last)."""
    depth = len(elements)
    if depth > 1:
        # the head is decided by the parent's open elements and the innermost element's tag and name
        # keys: the lines of sibling elements of one tag and names (an article's paragraphs, a list's
        # items) share it, so it is kept in the parent's slot
        parent = names[-2] or _keys_at(names, elements, depth - 2)
        memo = parent[3]
        if memo is None:
            memo = parent[3] = {}
        key = (elements[-1].tag, (names[-1] or _keys_at(names, elements, depth - 1))[0])
        head = memo.get(key)
        if head is None:
            head = memo[key] = _line_head(elements, names, semantic, blocks)
    else:
        head = _line_head(elements, names, semantic, blocks)
    ld = _LD_TOKENS[int(min(link_chars / max(len(text), 1), 1.0) * 5)]
    jsonld = " jsonld" if bodies and len(text) >= 20 and any(text in b for b in bodies) else ""
    # the numbers of the innermost enclosing elements, innermost last: lines that share a container
    # are scored together by the context pass (model.container_matrix)
    return f"{head} {ld}{jsonld} path={'.'.join(numbers[-_PATH_DEPTH:])}"


def _line_head(elements, names, semantic, blocks) -> str:
    """The DOM descriptors of a line that its open elements decide: "t:" its block's tag and "tt:" the
    two innermost blocks', "a:" each semantic tag among its ancestors, the name keys ("n1:" of the
    innermost 3 open elements, "n:" of the next 5; at most _MAX_NAME_KEYS keys of the two kinds counted
    together, innermost first), and the depth."""
    tokens = []
    if blocks:
        tokens.append("t:" + blocks[-1])
        tokens.append("tt:" + "/".join(blocks[-2:]))
    depth = len(elements)
    if depth:
        inherited, joined = _context_keys(names, elements, semantic, depth - 2) if depth > 1 else ({}, "")
        own = [k for k in dict.fromkeys(chain(semantic[-1][-1:], _keys_at(names, elements, depth - 1)[0]))
               if k not in inherited]
        if len(inherited) + len(own) <= _MAX_NAME_KEYS:
            if joined:
                tokens.append(joined)
            tokens.extend(own)
        else:        # the cap binds: count the keys innermost first, as it does
            seen: set[str] = set()
            for d, i in enumerate(range(depth - 1, -1, -1)):
                tag = elements[i].tag
                key = "a:" + tag
                if tag in _SEMANTIC and key not in seen:
                    seen.add(key)
                    tokens.append(key)
                if d < 8:
                    for key in _keys_at(names, elements, i)[0 if d < 3 else 1]:
                        if key not in seen and len(seen) < _MAX_NAME_KEYS:
                            seen.add(key)
                            tokens.append(key)
    tokens.append(_DEPTH_TOKENS[min(depth // 4, 8)])
    return " ".join(tokens)


def html_to_lines(page: str | bytes) -> list[str]:
    """The page's visible text, one block a line, whitespace collapsed, empty lines removed."""
    return render_html(page).lines


_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def looks_like_html(name: str, data: bytes) -> bool:
    """Whether a file is HTML: by its name, or by a start of ``<!doctype html`` or ``<html``."""
    return name.lower().endswith(_HTML_SUFFIXES) or starts_like_html(data[:512].decode("utf-8", "ignore"))


def html_to_text(page: str | bytes) -> str:
    return "\n".join(html_to_lines(page))
