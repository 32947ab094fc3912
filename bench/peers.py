"""The peer extractors, each reading a page's HTML and returning its main text."""

from __future__ import annotations


def trafilatura_extract(html: str) -> str:
    import trafilatura
    return trafilatura.extract(html) or ""


def readability_extract(html: str) -> str:
    from readability import Document
    from lxml import html as lxml_html
    summary = Document(html).summary(html_partial=True)
    return lxml_html.fromstring(summary).text_content() if summary.strip() else ""


def justext_extract(html: str) -> str:
    import justext
    paragraphs = justext.justext(html.encode("utf-8", "replace"), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def resiliparse_extract(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    return extract_plain_text(html, main_content=True)


def boilerpy3_extract(html: str) -> str:
    from boilerpy3 import extractors
    return extractors.ArticleExtractor(raise_on_failure=False).get_content(html) or ""


PEERS = {
    "trafilatura": trafilatura_extract,
    "readability-lxml": readability_extract,
    "jusText": justext_extract,
    "resiliparse": resiliparse_extract,
    "boilerpy3": boilerpy3_extract,
}
