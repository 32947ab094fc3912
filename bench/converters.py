"""HTML-to-text converters that plain text reaches users from. Used to build training data and to
benchmark text mode across renderings; each takes HTML (str) and returns text with line breaks."""

from __future__ import annotations

from clean_article.render import html_to_text


def lxml_lines(html: str) -> str:
    return html_to_text(html)


def html_text(html: str) -> str:
    import html_text as ht
    return ht.extract_text(html, guess_layout=True)


def inscriptis_text(html: str) -> str:
    import inscriptis
    return inscriptis.get_text(html)


def bs4_text(html: str) -> str:
    import warnings
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
    with warnings.catch_warnings():   # a page that declares itself XML is still read as HTML here
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    for el in soup(["script", "style", "noscript", "template"]):
        el.decompose()
    return soup.get_text("\n")


def trafilatura_baseline(html: str) -> str:
    from trafilatura import html2txt
    return html2txt(html) or ""


CONVERTERS = {
    "lxml": lxml_lines,
    "html-text": html_text,
    "inscriptis": inscriptis_text,
    "bs4": bs4_text,
    "html2txt": trafilatura_baseline,
}


def render(html: str, converter: str) -> str:
    """Render with the named converter; a converter that fails on a page yields empty text."""
    try:
        return CONVERTERS[converter](html) or ""
    except Exception:  # a third-party converter's crash on one page must not stop a run
        return ""
