"""The library API: clean, classify, extract (and their ``_html`` forms), load_model.

Every line gets one of the nine labels (labels.LABELS): ``body`` when its body probability reaches the
threshold, otherwise the most likely boilerplate kind. ``clean`` keeps the ``body`` lines, or the kinds
named in ``keep``; ``extract`` splits a page into its title, meta lines (byline, dates), captions and
body.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import numpy as np

from .features import featurize
from .labels import BODY, LABELS
from .lines import decode_bytes, split_lines
from .model import THREAD_DISCOUNT, Model, ModelError, page_parts
from .render import render_html
from .template import template_lines

__all__ = ["LineResult", "Article", "clean", "classify", "extract", "clean_html", "classify_html",
           "extract_html", "clean_site", "classify_site", "mark_template", "read_sites", "load_model",
           "default_model_path"]

_MODEL_NAME = "clean-article.npz"
_HTML_MODEL_NAME = "clean-article-html.npz"


@dataclass(frozen=True)
class LineResult:
    """One line of a page with the model's verdict.

    ``index`` is the line's position among the page's line units (lines.split_lines): the input line
    number, except where lines held table columns side by side: each cell is a unit, and the cells of
    a page-layout table come column after column, in reading order (a data table's row by row).
    ``label`` is one of the nine labels (blank lines get ``"blank"``), ``body_probability``
    the probability that the line is article body, ``probabilities`` the probability of each label.
    """

    index: int
    text: str
    label: str
    body_probability: float
    probabilities: dict[str, float]

    @property
    def is_body(self) -> bool:
        return self.label == BODY


@dataclass(frozen=True)
class Article:
    """A page split by kind: ``title`` ("" when no line is labelled title), ``meta`` (byline, dates,
    reading time...), ``captions``, ``body`` (the text ``clean`` returns) and every line's result."""

    title: str
    meta: list[str]
    captions: list[str]
    body: str
    lines: list[LineResult]


def default_model_path(html: bool = False) -> Path:
    """The shipped text model (or HTML model with ``html=True``): inside the installed package, or
    ``models/`` of a source checkout. ``CLEAN_ARTICLE_MODEL`` (``CLEAN_ARTICLE_HTML_MODEL``) overrides."""
    env = os.environ.get("CLEAN_ARTICLE_HTML_MODEL" if html else "CLEAN_ARTICLE_MODEL")
    if env:
        return Path(env)
    name = _HTML_MODEL_NAME if html else _MODEL_NAME
    here = Path(__file__).resolve().parent
    for candidate in (here / "models" / name, here.parent.parent / "models" / name):
        if candidate.is_file():
            return candidate
    return here / "models" / name


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Model:
    return Model.load(path)


def load_model(path: str | os.PathLike | None = None, html: bool = False) -> Model:
    """Load a model file (default: the shipped text model, or the shipped HTML model with
    ``html=True``). Raises ModelError with a plain reason."""
    p = Path(path) if path is not None else default_model_path(html)
    try:
        mtime = p.stat().st_mtime
    except OSError:
        raise ModelError(f"model file not found: {p}") from None
    return _load_cached(str(p.resolve()), mtime)


def _kept(lines: list[str], model: Model, threshold: float, dom: list[str] | None,
          keep: frozenset) -> list[str]:
    """The lines ``clean`` keeps (unstripped). For body only, the body probabilities are enough: no
    kind head and no LineResult per line (that took a fifth of the time of a page)."""
    if keep == {BODY}:
        p = model.predict_proba(lines, dom)
        return [line for line, pb in zip(lines, p.tolist()) if pb >= threshold and line.strip()]
    return [r.text for r in _results(lines, model, threshold, dom) if r.label in keep]


def _results(lines: list[str], model: Model, threshold: float,
             dom: list[str] | None = None, kinds: bool = True) -> list[LineResult]:
    dom = dom if model.uses_dom else None
    out: list[LineResult] = []
    for a, b in page_parts(lines):
        out.extend(_part_results(lines[a:b], a, model, threshold, dom[a:b] if dom is not None else None, kinds))
    return out


def _part_results(lines: list[str], offset: int, model: Model, threshold: float,
                  dom: list[str] | None, kinds: bool) -> list[LineResult]:
    f = featurize(lines, dom)
    learned = model.learned_item_proba(f, lines, dom)
    p_body = model.revise(f, lines, learned, dom)
    if kinds:   # the kind head reads where the learned passes put the article, as it was trained to
        kinds = model.kind_proba(f, lines, learned)
    else:
        kinds = None
    out: list[LineResult] = []
    by_row = {int(r): k for k, r in enumerate(f.rows)}
    for i, text in enumerate(lines):
        k = by_row.get(i)
        if k is None:
            out.append(LineResult(offset + i, text, "blank", 0.0, {}))
            continue
        pb = float(p_body[k])
        probs = {BODY: pb}
        if kinds is not None:
            for j, lab in enumerate(model.kind_labels):
                probs[lab] = (1.0 - pb) * float(kinds[k, j])
            best_kind = model.kind_labels[int(np.argmax(kinds[k]))]
        else:
            probs["other"] = 1.0 - pb
            best_kind = "other"
        for lab in LABELS:
            probs.setdefault(lab, 0.0)
        label = BODY if pb >= threshold else best_kind
        out.append(LineResult(offset + i, text, label, pb, probs))
    return out


def _keep_set(keep) -> frozenset:
    """The labels to keep: ``None`` means body only; a string is one label; unknown names are an error."""
    if keep is None:
        return frozenset((BODY,))
    keep = frozenset((keep,) if isinstance(keep, str) else keep)
    unknown = sorted(keep - set(LABELS))
    if unknown:
        raise ValueError(f"unknown label(s) {', '.join(map(repr, unknown))}; the labels are "
                         f"{', '.join(LABELS)}")
    return keep


def _article(results: list[LineResult]) -> Article:
    """The lines by kind. The title is the title line the model is surest of (the first of equals):
    a page can have several (html-text writes the page's ``<title>`` as its first line, a headline can
    be repeated), and a menu at the top of a page can look like one."""
    def of(label):
        return [r.text.strip() for r in results if r.label == label]
    titles = [r for r in results if r.label == "title"]
    title = max(titles, key=lambda r: r.probabilities.get("title", 0.0)).text.strip() if titles else ""
    return Article(title=title, meta=of("meta"), captions=of("caption"),
                   body="\n".join(of(BODY)), lines=results)


def classify(text: str, model: Model | None = None, threshold: float | None = None) -> list[LineResult]:
    """Label every line of ``text`` (blank lines included, with label ``"blank"``)."""
    model = model or load_model()
    return _results(split_lines(text), model, model.threshold if threshold is None else threshold)


def clean(text: str, model: Model | None = None, threshold: float | None = None,
          keep: Iterable[str] | str | None = None) -> str:
    """The article body of ``text``: its body lines, stripped, one per line. ``keep`` names the labels
    to keep instead (e.g. ``{"title", "body", "caption"}``), in page order (reading order for a
    page-layout table's columns, see lines.split_lines)."""
    model = model or load_model()
    keep = _keep_set(keep)
    kept = _kept(split_lines(text), model, model.threshold if threshold is None else threshold, None, keep)
    return "\n".join(line.strip() for line in kept)


def extract(text: str, model: Model | None = None, threshold: float | None = None) -> Article:
    """The page's title, meta lines, captions and body (see Article)."""
    return _article(classify(text, model, threshold))


def classify_html(html: str | bytes, model: Model | None = None,
                  threshold: float | None = None) -> list[LineResult]:
    """Render an HTML page (str, or bytes in any encoding) to lines with lxml and label every line.
    The default model is the shipped HTML model, which also reads each line's DOM (tags, class and id
    words, link density, JSON-LD articleBody); a text model given as ``model`` reads the lines only."""
    model = model or load_model(html=True)
    page = render_html(html)
    return _results(page.lines, model, model.threshold if threshold is None else threshold, page.dom)


def clean_html(html: str | bytes, model: Model | None = None, threshold: float | None = None,
               keep: Iterable[str] | str | None = None) -> str:
    """The article body of an HTML page, one block per line (or the labels named in ``keep``)."""
    model = model or load_model(html=True)
    keep = _keep_set(keep)
    page = render_html(html)
    kept = _kept(page.lines, model, model.threshold if threshold is None else threshold, page.dom, keep)
    return "\n".join(kept)


def extract_html(html: str | bytes, model: Model | None = None, threshold: float | None = None) -> Article:
    """``extract`` for an HTML page."""
    return _article(classify_html(html, model, threshold))


_TEMPLATE_KINDS = ("nav", "related", "ad", "paywall", "other")   # what a site's furniture can be


def mark_template(pages: list[list[LineResult]], threshold: float | Iterable[float]) -> list[list[LineResult]]:
    """Pages of one site, each as ``classify`` labelled it, with the lines that recur across them outside
    each page's article (template.template_lines) taken out of the body. ``threshold``: the body
    threshold the pages were read with (one, or one per page: text and HTML pages of one site). A
    template line keeps a tenth of its body probability, as the revision rules' lines do, and takes
    its most likely kind among the site furniture's (nav, related, ad, paywall, other), never title,
    meta or caption."""
    if isinstance(threshold, (int, float)):
        thresholds = [float(threshold)] * len(pages)
    else:
        thresholds = [float(t) for t in threshold]
        if len(thresholds) != len(pages):
            raise ValueError(f"{len(thresholds)} thresholds for {len(pages)} pages")
    marked = template_lines([[r.text for r in results] for results in pages],
                            [[r.label == BODY for r in results] for results in pages])
    out = []
    for results, rows, t in zip(pages, marked, thresholds):
        results = list(results)
        for j in rows:
            r = results[j]
            pb = r.body_probability * THREAD_DISCOUNT
            rest = {lab: r.probabilities.get(lab, 0.0) for lab in _TEMPLATE_KINDS}
            total = sum(rest.values())
            if total <= 0.0:
                rest, total = {"other": 1.0}, 1.0
            probs = dict.fromkeys(LABELS, 0.0)
            probs.update({lab: (1.0 - pb) * v / total for lab, v in rest.items()})
            probs[BODY] = pb
            label = BODY if pb >= t else max(rest, key=rest.get)
            results[j] = LineResult(r.index, r.text, label, pb, probs)
        out.append(results)
    return out


def read_sites(pages: list, sites: list, thresholds: list[float]) -> list:
    """``mark_template`` over a batch: the pages (line results, or None for a page that could not be
    read) that share a site key (not None) are read together. Returns the pages in order."""
    groups: dict = {}
    for i, (results, site) in enumerate(zip(pages, sites)):
        if results is not None and site is not None:
            groups.setdefault(site, []).append(i)
    out = list(pages)
    for idx in groups.values():
        if len(idx) > 1:
            for i, marked in zip(idx, mark_template([pages[i] for i in idx], [thresholds[i] for i in idx])):
                out[i] = marked
    return out


def classify_site(pages: Iterable[str | bytes], model: Model | None = None, threshold: float | None = None,
                  html: bool = False) -> list[list[LineResult]]:
    """Label every line of several pages of one site, read together: a line the model keeps that
    recurs on the site's other pages, outside each page's own article, is the site's template, not
    body (template.py). ``html``: the pages are HTML (the HTML model by default)."""
    model = model or load_model(html=html)
    t = model.threshold if threshold is None else threshold
    pages = [classify_html(p, model, t) if html else
             classify(decode_bytes(p) if isinstance(p, bytes) else p, model, t) for p in pages]
    return mark_template(pages, t)


def clean_site(pages: Iterable[str | bytes], model: Model | None = None, threshold: float | None = None,
               html: bool = False) -> list[str]:
    """The article body of each of several pages of one site, cleaned together (``classify_site``):
    lines that recur across the pages outside their articles, the site's menus, boxes and footers,
    are dropped even where one page alone reads like prose."""
    return ["\n".join(r.text.strip() for r in results if r.label == BODY)
            for results in classify_site(pages, model, threshold, html)]
