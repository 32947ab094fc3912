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


def test_columns_of_a_layout_table_are_read_one_after_the_other():
    # inscriptis lays a menu | article | sidebar row out side by side, one line of each column per
    # text line; the units come column by column, as a reader reads them
    page = "\n".join([
        "Site name",
        "    Home          The minister said on Tuesday that the plan would go ahead as agreed.      Most read",
        "    World                                                                            Story A",
        "    Sport         It will cost more than the last one did, she added on Wednesday.          Story B",
        "                                                                                   ",
        "                  A vote is expected next week.",
        "Footer line",
    ])
    assert split_lines(page) == [
        "Site name",
        "    Home", "    World", "    Sport",
        "The minister said on Tuesday that the plan would go ahead as agreed.",
        "It will cost more than the last one did, she added on Wednesday.",
        "                                                                                   ",   # its row of
        "                  A vote is expected next week.",      # spaces: a paragraph break of the article
        "Most read", "Story A", "Story B",
        "Footer line",
    ]
    # lynx indents every line: text before and after a table, past an empty line, keeps its place
    prose = "the council said it would publish the full report on its website next week"
    lynx = f"   First paragraph.\n\n   Menu             A {prose}\n   News             B {prose}\n\n   Last."
    assert split_lines(lynx) == ["   First paragraph.", "", "   Menu", "   News", f"A {prose}", f"B {prose}", "",
                                 "   Last."]
    # a single row with a gap is split but not reordered; so is a table of short cells (data, read
    # row by row)
    assert split_lines("a\n  x   y\nb") == ["a", "  x", "y", "b"]
    table = "Rank   Company       Premiums\n1      State Farm    107,764\n2      Berkshire     80,324"
    assert split_lines(table) == ["Rank", "Company", "Premiums", "1", "State Farm", "107,764", "2", "Berkshire",
                                  "80,324"]


def test_a_wide_layout_table_with_many_rows_of_spaces_keeps_every_cell():
    # (the column of a row of spaces is chosen once per run of them: this took seconds when it was
    # chosen per row)
    prose = "The minister said on Tuesday that the plan would go ahead as agreed today."
    wide = prose + "".join(f"   c{j:08d}" for j in range(2000))
    units = split_lines("\n".join([wide, wide] + [" "] * 10_000))
    assert len(units) == 2 * 2001 + 10_000
    assert units[:2] == [prose, prose] and units[2] == " "     # the article column, then its blank rows


ARTICLE_HTML = ("<p>The harbour bridge will be rebuilt next spring, the council said on Tuesday, after a decade "
                "of dispute over its cost.</p><p>Work will last two years.</p>")


def test_html_source_passed_as_text_is_rendered():
    page = f"<!DOCTYPE html>\n<html><head><title>Bridge</title><script>var x = 1;</script></head>\n" \
           f"<body><nav><a href='/'>Home</a></nav>\n{ARTICLE_HTML}\n</body></html>"
    lines = split_lines(page)
    assert "Work will last two years." in lines
    assert not any("<" in line for line in lines) and "var x = 1;" not in lines


def test_a_line_of_page_source_left_by_a_converter_is_rendered_and_code_samples_stay_text():
    # html-text on a page whose <title> is never closed: the title, then the rest of the page as markup
    menu = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(60))
    source = (f"Bridge news library--> <script src='a.js'></script> </head> <body> <ul>{menu}</ul> "
              f"{ARTICLE_HTML} </body> </html>")
    lines = split_lines(f"Bridge news\n{source}\nFooter line")
    assert lines[0] == "Bridge news" and lines[-1] == "Footer line"
    assert "Work will last two years." in lines and "Section 7" in lines
    assert not any("<li>" in line for line in lines)
    # a documentation page's one-line code sample: many tags, none of them a document's
    sample = "<table>" + "".join(f"<tr><td>{i}</td><td>row {i}</td></tr>" for i in range(40)) + "</table>"
    assert split_lines(f"An example table:\n{sample}") == ["An example table:", sample]


def test_a_sentence_broken_at_inline_elements_is_joined():
    # BeautifulSoup's get_text("\n"): every text node on a line of its own
    text = ("Project management is the practice of planning and managing \nprojects\n, from start to finish.\n"
            "\n"
            "Frameworks such as Agile, \nKanban, or Scrum\n, can help.\n"
            "Read the\n guide first.")
    assert split_lines(text) == ["Project management is the practice of planning and managing projects, from start to finish.",
                                 "", "Frameworks such as Agile, Kanban, or Scrum, can help.", "Read the guide first."]
    assert split_lines(text.replace("\n", "\r\n")) == split_lines(text)   # whatever the line endings


def test_ordinary_line_ends_are_kept():
    menu = "Home\nNews\nSport\n\nThe minister said so.\nThe plan goes ahead.\nHeadline: \nMore text"
    assert split_lines(menu) == menu.split("\n")
    padded = "Name      \nvalue one\n1.\nFirst item\nEnd of a sentence. \nnext line"   # padding, numbering
    assert split_lines(padded) == padded.split("\n")
    spaced = "Home \nNews \nSport \nHeadline \nThe article begins here.\nHe said \u201cno.\u201d \nthen left."
    assert split_lines(spaced) == spaced.split("\n")   # short lines with a trailing space, a quote's end


def test_text_without_line_structure_is_cut_into_sentences():
    # a page whose whitespace a converter collapsed: one line, which a line model could only keep or drop
    story = ("The council voted on Tuesday to rebuild the old harbour bridge. \u201cIt is time,\u201d the mayor said. "
             "Work starts in spring (if the weather holds). Ms. Lee, who chairs the works committee, agreed! "
             "The mayor said \u201cyes.\u201d (The vote was close.) ") * 10
    text = "Home News Sport Weather " + story + "\u00a9 2024 The Harbour Gazette."
    units = split_lines(text)
    assert len(units) > 30
    assert "The council voted on Tuesday to rebuild the old harbour bridge." in units
    assert "\u201cIt is time,\u201d the mayor said." in units
    assert "The mayor said \u201cyes.\u201d" in units and "(The vote was close.)" in units   # closers stay
    assert " ".join(u.strip() for u in units) == text.strip()
    # ordinary text, and a long paragraph among other lines, are not cut
    page = "Headline\n\n" + story + "\n\nRelated stories"
    assert split_lines(page) == page.split("\n")
    assert split_lines("short line. Another sentence.") == ["short line. Another sentence."]
