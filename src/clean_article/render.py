"""Render HTML to text lines with lxml: one block element a line, as a reader sees the page.

Scripts, styles, templates and hidden elements are dropped; ``<br>`` breaks a line; list items and
table rows are lines of their own (cells joined by " | "). The parse never raises on broken markup:
lxml's HTML parser recovers, and bytes are decoded from a BOM, a meta charset, UTF-8 or cp1252.
"""

from __future__ import annotations

import re

from lxml import etree, html as lxml_html

from .lines import decode_bytes

__all__ = ["html_to_lines", "html_to_text", "parse_html"]

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


def html_to_lines(page: str | bytes) -> list[str]:
    """The page's visible text, one block a line, whitespace collapsed, empty lines removed."""
    root = parse_html(page)
    if root is None:
        return []
    lines: list[str] = []
    buf: list[str] = []

    def flush():
        if buf:
            text = _SPACE.sub(" ", "".join(buf)).strip()
            if text:
                lines.append(text)
            buf.clear()

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comments, processing instructions
            if el.tail:
                buf.append(el.tail)
            return
        tag = tag.lower()
        if tag in _DROP or _hidden(el):
            if el.tail:
                buf.append(el.tail)
            return
        if tag == "br":
            flush()
        elif tag in _BLOCK:
            flush()
        elif tag in _CELL and buf and "".join(buf).strip():
            buf.append(" | ")
        elif tag == "img":
            pass
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK:
            flush()
        elif tag in _CELL:
            buf.append(" ")
        if el.tail:
            buf.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return lines


def html_to_text(page: str | bytes) -> str:
    return "\n".join(html_to_lines(page))
