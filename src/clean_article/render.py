"""Render HTML to text lines with lxml: one block element a line, as a reader sees the page.

Scripts, styles, templates and hidden elements are dropped; ``<br>`` breaks a line; list items and
table rows are lines of their own (cells joined by " | "). The parse never raises on broken markup:
lxml's HTML parser recovers, and bytes are decoded from a BOM, a meta charset, UTF-8 or cp1252.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import etree, html as lxml_html

from .lines import decode_bytes

__all__ = ["RenderedPage", "html_to_lines", "html_to_text", "parse_html", "render_html", "looks_like_html"]

_DROP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
         "embed", "canvas", "select", "option", "datalist", "button", "input", "textarea", "map"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
          "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
          "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
          "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr",
          "ul", "caption", "frameset", "frame", "noframes"}
_CELL = {"td", "th"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"\s+")
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


def parse_html(page: str | bytes):
    """Parse a page into an lxml tree; returns None for a page with no elements."""
    if isinstance(page, bytes):
        page = _decode(page)
    # lxml refuses str input that carries an XML encoding declaration
    page = re.sub(r"^\s*<\?xml[^>]*\?>", "", page)
    page = page.replace("\x00", "")
    if not page.strip():
        return None
    try:
        return lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def _hidden(el) -> bool:
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true":
        return True
    style = get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


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
_NAME_SPLIT = re.compile(r"[^a-z0-9]+|(?<=[a-z])(?=[A-Z])")
_MAX_NAME_KEYS = 44   # class/id name tokens kept per line, innermost elements first
_PATH_DEPTH = 10


def _name_tokens(el) -> list[str]:
    """Words of an element's class and id ("post-comments" -> post, comments), its role and itemprop."""
    out = []
    for attr in ("class", "id"):
        value = el.get(attr)
        if value:
            for w in _NAME_SPLIT.split(value[:200]):
                w = w.lower()
                if 2 <= len(w) <= 20 and not w.isdigit():
                    out.append(w)
    for attr, tag in (("role", "r"), ("itemprop", "ip")):
        value = el.get(attr)
        if value:
            out.append(f"{tag}={value.strip().lower()[:20]}")
    return out


def _json_ld_bodies(root) -> list[str]:
    """``articleBody`` (and ``text``) strings of the page's JSON-LD, whitespace-collapsed."""
    out: list[str] = []

    def find(obj, depth=0):
        if depth > 8:
            return
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k in ("articleBody", "text") and isinstance(v, str) and len(v) > 80:
                    out.append(_SPACE.sub(" ", v).strip())
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


def render_html(page: str | bytes) -> RenderedPage:
    """The page's visible text, one block a line, whitespace collapsed, empty lines removed, and the
    DOM descriptors of each line: the tag of its block, its semantic ancestors, the words of their
    class/id names, heading level, link density, and whether JSON-LD ``articleBody`` holds the line."""
    root = parse_html(page)
    if root is None:
        return RenderedPage([], [])
    bodies = _json_ld_bodies(root)
    lines: list[str] = []
    dom: list[str] = []
    buf: list[str] = []
    link_chars = [0]
    stack: list[tuple[str, list[str], int]] = []   # open elements: (tag, name tokens, element number)
    counter = [0]
    in_link = [0]

    def flush():
        if buf:
            raw = "".join(buf)
            text = _SPACE.sub(" ", raw).strip()
            if text:
                lines.append(text)
                dom.append(_line_tokens(text, stack, link_chars[0], bodies))
            buf.clear()
        link_chars[0] = 0

    def add(s: str):
        buf.append(s)
        if in_link[0]:
            link_chars[0] += len(s.strip())

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comments, processing instructions
            if el.tail:
                add(el.tail)
            return
        tag = tag.lower()
        if tag in _DROP or _hidden(el):
            if el.tail:
                add(el.tail)
            return
        if tag == "br":
            flush()
        elif tag in _BLOCK:
            flush()
        elif tag in _CELL and buf and "".join(buf).strip():
            add(" | ")
        counter[0] += 1
        stack.append((tag, _name_tokens(el), counter[0]))
        if tag == "a":
            in_link[0] += 1
        if el.text:
            add(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK:
            flush()
        elif tag in _CELL:
            add(" ")
        if tag == "a":
            in_link[0] -= 1
        stack.pop()
        if el.tail:
            add(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return RenderedPage(lines, dom)


def _line_tokens(text: str, stack, link_chars: int, bodies: list[str]) -> str:
    tokens = []
    blocks = [t for t, _, _ in stack if t in _BLOCK or t in _CELL]
    if blocks:
        tokens.append("t:" + blocks[-1])
        tokens.append("tt:" + "/".join(blocks[-2:]))
    seen = set()
    for depth, (tag, names, _) in enumerate(reversed(stack)):
        if tag in _SEMANTIC and ("a:" + tag) not in seen:
            seen.add("a:" + tag)
            tokens.append("a:" + tag)
        if depth >= 8:
            continue
        for w in names:
            key = ("n1:" if depth < 3 else "n:") + w
            if key not in seen and len(seen) < _MAX_NAME_KEYS:
                seen.add(key)
                tokens.append(key)
    tokens.append(f"depth{min(len(stack) // 4, 8)}")
    ratio = min(link_chars / max(len(text), 1), 1.0)
    tokens.append(f"ld{int(ratio * 5)}")
    if bodies and len(text) >= 20 and any(text in b for b in bodies):
        tokens.append("jsonld")
    # the numbers of the innermost enclosing elements, innermost last: lines that share a container
    # are scored together by the context pass (model.container_matrix)
    tokens.append("path=" + ".".join(str(e) for _, _, e in stack[-_PATH_DEPTH:]))
    return " ".join(tokens)


def html_to_lines(page: str | bytes) -> list[str]:
    """The page's visible text, one block a line, whitespace collapsed, empty lines removed."""
    return render_html(page).lines


_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")


def looks_like_html(name: str, data: bytes) -> bool:
    """Whether a file is HTML: by its name, or by a start of ``<!doctype html`` or ``<html``."""
    if name.lower().endswith(_HTML_SUFFIXES):
        return True
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def html_to_text(page: str | bytes) -> str:
    return "\n".join(html_to_lines(page))
