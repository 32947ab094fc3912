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
