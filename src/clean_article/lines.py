"""Splitting text into the line units the model labels.

Every converter (browser copy, html-text, inscriptis, ...) ends paragraphs, list items and menu entries
with a line break, so a line is the natural unit. Blank lines carry layout (paragraph breaks) and are
kept as lines; they are never labelled and never output.

Converters that lay a page out on a character grid (inscriptis, lynx) put the cells of a table row side by
side, padded with spaces, so on a 2000s table-layout page one text line holds a menu entry, a piece of the
article and a sidebar teaser. A run of three or more spaces between words is such a column gap, and
each side of it is a line unit of its own: prose and the other converters we read separate words by
one or two spaces (tabs, as a browser's copy of a table gives, are not split). On inscriptis text of
l3s-gn1, aligned with the gold article, the lines that can be labelled rise from 0.943 to 0.977 shingle
F1 (bench.validate_aligner).

Split alone, such a page still reads one line of the menu, one of the article, one of the sidebar in
turn, and the model judges each line among neighbours from other columns. So the cells of a table's
run of lines (consecutive non-blank lines, each indented or holding a column gap) are read column after
column when the table is page layout: the cells are grouped into columns by where their text starts
(within 8 characters of a column's first start), and each column's cells come in row order. Layout
means that in at least two rows a cell of prose (60 characters or more, 9 words or more, no double
space) sits beside a cell of another column; a table of short cells is data and keeps its rows (a
data table with long descriptions is read by columns too, and so is a run of code whose lines end in
long comments). A row of spaces (a blank row inside the table) goes with the column that runs on
across it, a paragraph break; an empty line ends the run, so text before or after a table keeps its
place.
On l3s-gn1, clean on inscriptis text trailed clean on html-text of the same pages by 0.050 shingle F1
(0.809 against 0.859); read in this order it trails by 0.009 (0.844 against 0.853, with models
retrained on training data read the same way: 59 of the 1,497 inscriptis pages changed order), with
held-out wcxb-dev level (bench.run).
``clean`` prints each kept unit on a line of its own, in this order.

Text that holds a page's HTML source is rendered first (render.render_html, without the DOM features
that only clean_html uses): a whole document passed as text (``clean(html)``), or one line of page source
that a converter let through. html-text, given a page whose ``<title>`` is never closed (8 of the 621
l3s-gn1 pages), returns everything after the title as one line of raw markup; its words and tags read
like no line the model knows, and such a page scored 0.06–0.40 shingle F1 (0.62–1.00 rendered). A line
counts as page source when it holds at least 100 tags and a document-level one (``<body``, ``</head>``,
``<script``, ``<meta``, ``<link``, ``<html``, a doctype): code samples in documentation, which show a few
dozen tags of a snippet, stay text.
"""

from __future__ import annotations

import re

__all__ = ["split_lines", "decode_bytes"]

# str.splitlines() also breaks on \x0b, \x0c, \x1c-\x1e, \x85, \u2028 and \u2029, which converters emit
# for vertical tabs, form feeds and Unicode line/paragraph separators: all of them end a line on screen.


# An HTML tag: a name not followed by "@", "." or ":" ("<div>", "</ div >", '<a href="...">', "<br/>",
# and the "<SCR' + 'IPT src=...>" of a script that writes a script), a comment or a doctype;
# "<john.smith@example.com>" and "<https://example.com/>" are not tags. (The name is matched whole
# through a lookahead and a backreference, an atomic group that Python before 3.11 lacks: "john" may
# not give back its "n" to pass the test.) Page-source detection here and features.markup_lines use it.
HTML_TAG = re.compile(r"<(?:/?\s*(?=([A-Za-z][A-Za-z0-9-]*))\1(?![@.:])[^<>]*|!--[^<>]*|![A-Za-z][^<>]*)>")
_DOCUMENT_TAG = re.compile(r"<(?:!doctype|html\b|/?head\b|body\b|meta\b|link\b|script\b)", re.I)
SOURCE_MIN_TAGS = 100


def starts_like_html(text: str) -> bool:
    """Whether ``text`` opens as an HTML document (``<!doctype html`` or ``<html``, after a BOM and
    whitespace); render.looks_like_html asks the same of a file's bytes."""
    return text[:512].lstrip("\ufeff \t\r\n").lower().startswith(("<!doctype html", "<html"))


def _is_page_source(line: str) -> bool:
    return (line.count("<") >= SOURCE_MIN_TAGS and _DOCUMENT_TAG.search(line) is not None
            and sum(1 for _ in HTML_TAG.finditer(line)) >= SOURCE_MIN_TAGS)


def _rendered(source: str) -> list[str]:
    from .render import render_html          # lxml, only for text that needs it
    return render_html(source).lines


_COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
_COLUMN_TOLERANCE = 8     # cells whose text starts within this many characters are one column


def _cells(line: str) -> list[tuple[int, str]]:
    """The cells of a line (split at column gaps), each with the offset of its first character."""
    out, start = [], 0
    for m in _COLUMN_GAP.finditer(line):
        out.append((start, line[start:m.start()]))
        start = m.end()
    out.append((start, line[start:]))
    return [(at + len(cell) - len(cell.lstrip()), cell) for at, cell in out]


def _in_layout(line: str) -> bool:
    """Whether a line can belong to a table laid out in columns: indented (its first columns empty,
    or all of them: a row of spaces) or holding a column gap. An empty line ends a table's run."""
    return line[:1].isspace() or (bool(line) and _COLUMN_GAP.search(line) is not None)


def _columns(block: list[list[tuple[int, str]]]) -> dict[int, int]:
    """The column of each cell start offset: offsets within _COLUMN_TOLERANCE of the first offset of
    a column belong to it."""
    column, k, first = {}, -1, None
    for at in sorted({at for cells in block for at, cell in cells if cell.strip()}):
        if first is None or at - first > _COLUMN_TOLERANCE:
            k, first = k + 1, at
        column[at] = k
    return column


def _is_prose(cell: str) -> bool:
    cell = cell.strip()
    return len(cell) >= 60 and "  " not in cell and cell.count(" ") >= 8


def _is_layout(block: list[list[tuple[int, str]]], column: dict[int, int]) -> bool:
    """Whether a table is page layout rather than data: in at least two rows, a cell of prose (60
    characters or more, 9 words or more, no double space: not a row of narrower cells) sits beside a
    cell of another column. A data table's cells are short, and it is read row by row."""
    return sum(1 for cells in block
               if len({column[at] for at, cell in cells if cell.strip()}) > 1
               and any(_is_prose(cell) for _, cell in cells)) >= 2


def _reading_order(block: list[list[tuple[int, str]]], column: dict[int, int]) -> list[str]:
    """The cells column after column, each column's cells in row order. A row of spaces (inscriptis
    pads a table's blank rows to its width) goes with the column that runs on across it: the break
    between two of that column's paragraphs (the column with the longest cell above, when several do)."""
    filled = [{column[at]: len(cell) for at, cell in cells if cell.strip()} for cells in block]
    below: list[dict] = [{}] * len(block)
    for row in range(len(block) - 2, -1, -1):
        below[row] = filled[row + 1] or below[row + 1]
    keyed, above, chosen = [], {}, {}
    for row, cells in enumerate(block):
        if filled[row]:
            above = filled[row]
        for c, (at, cell) in enumerate(cells):
            if cell.strip():
                keyed.append((column[at], row, c, cell))
                continue
            key = (id(above), id(below[row]))       # the same for every row of a run of blank rows
            if key not in chosen:
                both = [k for k in above if k in below[row]] or list(below[row]) or list(above) or [0]
                chosen[key] = max(both, key=lambda k: (above.get(k, 0), -k))
            keyed.append((chosen[key], row, c, cell))
    return [cell for *_, cell in sorted(keyed, key=lambda x: x[:3])]


# A line break that a converter put inside a sentence, at the edge of an inline element: BeautifulSoup's
# get_text("\n") gives every text node a line, so "planning and managing <a>projects</a>, from start"
# becomes "planning and managing \n", "projects", ", from start". Such a break is dropped when
#   - the next line opens with punctuation that closes a clause (", from", "; and", ") said");
#   - the line ends in one space after a word (the text node's own space; not after a sentence's end,
#     a colon or a closing quote) and the next opens with a small letter or a digit, or the line is
#     long (31 characters or more: a menu entry or a heading is shorter) or ends in a comma;
#   - the next line opens with one space and a letter or digit, after a word or a comma.
# Lines padded with several spaces (inscriptis' table cells), short lines that end in a space before a
# capital, and lines that end in a word or a full stop are left alone: that is how converters end a
# paragraph, a menu entry or a heading. The pattern opens with the line break itself, so that re
# scans for it at C speed: written with the lookbehinds first, it cost 0.4 ms on an average l3s-gn1
# page (more than the rest of split_lines), this way 0.015 ms.
_WORD_END = "[^\\s.!?:\"'\u201d\u2019)\\]]"
_INLINE_BREAK = re.compile(
    r"\n(?:(?<=\S\n)(?=[,.;:)!?\]](?:\s|$))"                            # next opens with , . ; : ) ! ? ]
    r"|(?<=" + _WORD_END + r" \n)(?=[a-z\u00df-\u00ff0-9])"                # "word " then a small letter
    r"|(?<=[^\n]{30}" + _WORD_END + r" \n)(?=[^\W_])|(?<=, \n)(?=[^\W_])"    # a long line, or ", "
    r"|(?<=[^\W_]\n|[,;]\n)(?= [^\W_]))")                                  # next opens with " word"


# Text without line structure: a converter that collapses a page's whitespace (trafilatura's html2txt,
# or a scraper's " ".join(text.split())) leaves one line, which a line model can only keep or drop
# whole. When the lines average more than RUN_ON_CHARS characters other than spaces (inscriptis pads
# a table layout's lines with thousands of spaces: those are lines), each line that long is cut into
# its sentences, which the model then judges one at a time as it judges lines: on html2txt's text of
# dragnet-test, l3s-gn1 and wcxb-heldout this scored 0.687 / 0.762 / 0.809 shingle F1, against 0.412 /
# 0.259 / 0.570 for the line as it came and 0.584 / 0.676 / 0.761 for keeping everything.
# A sentence ends at . ! or ?, with a closing quote or bracket kept on its side, before a capital or
# a digit: abbreviations ("Ms. Lee") are cut too, and scripts without capitals are not cut at all.
RUN_ON_CHARS = 1000
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"\u201d\u2019')\]]))\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")


def split_lines(text: str) -> list[str]:
    """Split ``text`` into line units: lines (CRLF, lone CR and Unicode separators all end a line),
    and the cells of lines laid out as table rows, a page-layout table's in reading order (see above).
    A line break inside a sentence, where a converter ended an inline element (_INLINE_BREAK), is
    undone first; text without line structure is cut into sentences (RUN_ON_CHARS).

    NUL bytes are dropped: they never belong to text a person reads and break downstream tools. HTML
    source (a whole document, or a line of page source a converter let through) is rendered to its
    lines (see above).
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    tags = text.count("<")
    if tags >= 2 and starts_like_html(text):
        return _rendered(text)
    if "\r" in text:     # the joins below read \n only
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INLINE_BREAK.sub("", text)
    lines = text.splitlines()
    if tags >= SOURCE_MIN_TAGS:
        source = [i for i, line in enumerate(lines) if _is_page_source(line)]
        for i in reversed(source):
            lines[i:i + 1] = _rendered(lines[i])
        if source:
            text = "\n".join(lines)
    if len(lines) * RUN_ON_CHARS < len(text) and len(lines) * RUN_ON_CHARS < len(text) - text.count(" "):
        lines = [part for line in lines
                 for part in (_SENTENCE_END.split(line) if len(line) - line.count(" ") > RUN_ON_CHARS
                              else (line,))]
    if "   " not in text:
        return lines
    units: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if "   " not in lines[i] or not _COLUMN_GAP.search(lines[i]):
            units.append(lines[i])
            i += 1
            continue
        # the table's run of layout lines around this row: back over the lines just added (they held
        # no gap), forward while lines stay in the layout
        j = i
        while j > 0 and _in_layout(lines[j - 1]):     # the previous run ended at a line outside it
            j -= 1
            units.pop()
        k = i
        while k < n and _in_layout(lines[k]):
            k += 1
        block = [_cells(line) for line in lines[j:k]]
        column = _columns(block)
        if _is_layout(block, column):
            units.extend(_reading_order(block, column))
        else:
            units.extend(cell for cells in block for _, cell in cells)
        i = k
    return units


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
