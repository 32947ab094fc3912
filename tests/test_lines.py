from clean_article.lines import decode_bytes, split_lines


def test_split_handles_every_line_ending():
    assert split_lines("a\r\nb\rc\nd") == ["a", "b", "c", "d"]
    assert split_lines("a\u2028b\x0cc") == ["a", "b", "c"]


def test_split_keeps_blank_lines_and_drops_nul():
    assert split_lines("a\n\n b\x00c\n") == ["a", "", " bc"]


def test_split_empty():
    assert split_lines("") == []


def test_decode_bom_utf8_and_legacy():
    assert decode_bytes("\ufeffhé".encode("utf-8")) == "hé"
    assert decode_bytes("hé".encode("utf-16")) == "hé"
    assert decode_bytes("café “x”".encode("cp1252")) == "café “x”"
    assert decode_bytes(b"plain") == "plain"


def test_split_separates_table_columns_laid_out_side_by_side():
    # inscriptis and lynx pad the cells of a layout table with spaces: each cell is a unit of its own
    row = "  Home      The minister said on Tuesday that the plan would go ahead.    Most read"
    assert split_lines(row) == ["  Home", "The minister said on Tuesday that the plan would go ahead.", "Most read"]
    assert split_lines("Two  spaces after a full stop.  Kept whole.") == ["Two  spaces after a full stop.  Kept whole."]
    assert split_lines("Name\tAge\tCity") == ["Name\tAge\tCity"]          # a browser's copy of a table
    assert split_lines("      indented line   ") == ["      indented line   "]
