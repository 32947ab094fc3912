"""Splitting text into the line units the model labels.

Every converter (browser copy, html-text, inscriptis, ...) ends paragraphs, list items and menu entries
with a line break, so a line is the natural unit. Blank lines carry layout (paragraph breaks) and are
kept as lines; they are never labelled and never output.
"""

from __future__ import annotations

__all__ = ["split_lines", "decode_bytes"]

# str.splitlines() also breaks on \x0b, \x0c, \x1c-\x1e, \x85, \u2028 and \u2029, which converters emit
# for vertical tabs, form feeds and Unicode line/paragraph separators: all of them end a line on screen.


def split_lines(text: str) -> list[str]:
    """Split ``text`` into lines (CRLF, lone CR and Unicode separators all end a line).

    NUL bytes are dropped: they never belong to text a person reads and break downstream tools.
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.splitlines()


def decode_bytes(data: bytes) -> str:
    """Decode bytes of unknown encoding: BOMs first, then UTF-8, then cp1252 (a superset of latin-1
    in practice) so that nothing is lost and no exception escapes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
