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
turn, and the model judges each line among neighbours from other columns. So a run of layout lines
(indented, blank or holding a column gap) that is page layout, not a data table, is read in reading
order: the cells are grouped into columns by where their text starts (within 8 characters), and the
units come column after column, each column's cells in row order. A blank line goes with the column
that runs on across it (a paragraph break of the article). Layout means that in at least two rows a
cell of prose (60 characters or more, 9 words or more) sits beside another column; a table of short
cells is data and keeps its rows (a data table with long descriptions is read by columns too). On
l3s-gn1 this took clean's F1 on inscriptis text from 0.809 to 0.848 with the same model, with held-out
wcxb-dev unchanged (0.826; bench.run); it changed 56 of the 1,497 inscriptis pages of the training
data. ``clean`` prints each kept unit on a line of its own, in this order.
"""

from __future__ import annotations

import re

__all__ = ["split_lines", "decode_bytes"]

# str.splitlines() also breaks on \x0b, \x0c, \x1c-\x1e, \x85, \u2028 and \u2029, which converters emit
# for vertical tabs, form feeds and Unicode line/paragraph separators: all of them end a line on screen.


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
    """Whether a line can belong to a table laid out in columns: blank, indented (its first columns
    empty) or holding a column gap."""
    return not line.strip() or line[:1].isspace() or _COLUMN_GAP.search(line) is not None


def _is_prose(cell: str) -> bool:
    cell = cell.strip()
    return len(cell) >= 60 and "  " not in cell and cell.count(" ") >= 8


def _is_layout(block: list[list[tuple[int, str]]]) -> bool:
    """Whether a table is page layout rather than data: in at least two rows, a cell of prose (60
    characters or more, 9 words or more, no double space: not a row of narrower cells) sits beside
    another column. A data table's cells are short, and it is read row by row."""
    return sum(1 for cells in block if len(cells) > 1 and any(_is_prose(cell) for _, cell in cells)) >= 2


def _reading_order(block: list[list[tuple[int, str]]]) -> list[str]:
    """The cells of consecutive layout lines, column after column: a reader reads the menu, then the
    article, then the sidebar, not one line of each in turn. Columns are the clusters of the cells'
    start offsets."""
    offsets = sorted({at for cells in block for at, cell in cells if cell.strip()})
    column, k, last = {}, 0, None
    for at in offsets:
        if last is not None and at - last > _COLUMN_TOLERANCE:
            k += 1
        column[at], last = k, at
    filled = [{column[at]: len(cell) for at, cell in cells if cell.strip()} for cells in block]
    keyed, above, below = [], {}, [{}] * len(block)
    for row in range(len(block) - 2, -1, -1):
        below[row] = filled[row + 1] or below[row + 1]
    for row, cells in enumerate(block):
        if filled[row]:
            above = filled[row]
        for i, (at, cell) in enumerate(cells):
            if cell.strip():
                keyed.append((column[at], row, i, cell))
                continue
            # a blank line is the break between two paragraphs of the column that runs on across it
            # (the longest of them, when several do)
            both = [c for c in above if c in below[row]] or list(below[row]) or list(above) or [0]
            keyed.append((max(both, key=lambda c: (above.get(c, 0), -c)), row, i, cell))
    return [cell for *_, cell in sorted(keyed, key=lambda x: x[:3])]


def split_lines(text: str) -> list[str]:
    """Split ``text`` into line units: lines (CRLF, lone CR and Unicode separators all end a line),
    and the cells of lines laid out as table rows, in reading order (see above).

    NUL bytes are dropped: they never belong to text a person reads and break downstream tools.
    """
    if "\x00" in text:
        text = text.replace("\x00", "")
    lines = text.splitlines()
    if "   " not in text:
        return lines
    units: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if "   " not in lines[i] or not _COLUMN_GAP.search(lines[i]):
            units.append(lines[i])
            i += 1
            continue
        # a run of layout lines around this row: back to where the run started (those lines are
        # already in units, as they held no gap), forward while lines stay in the layout
        j = i
        while j > 0 and len(units) > 0 and _in_layout(lines[j - 1]) and units[-1] is lines[j - 1]:
            j -= 1
            units.pop()
        k = i
        while k < n and _in_layout(lines[k]):
            k += 1
        block = [_cells(line) if "   " in line else [(len(line) - len(line.lstrip()), line)] for line in lines[j:k]]
        if sum(len(cells) > 1 for cells in block) >= 2 and _is_layout(block):
            units.extend(_reading_order(block))
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
