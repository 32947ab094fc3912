"""The library API: clean, classify, clean_html, classify_html, load_model."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .features import featurize
from .labels import BODY, LABELS
from .lines import split_lines
from .model import Model, ModelError
from .render import render_html

__all__ = ["LineResult", "clean", "classify", "clean_html", "classify_html", "load_model",
           "default_model_path"]

_MODEL_NAME = "clean-article.npz"
_HTML_MODEL_NAME = "clean-article-html.npz"


@dataclass(frozen=True)
class LineResult:
    """One line of a page with the model's verdict.

    ``label`` is one of the nine labels (blank lines get ``"blank"``), ``body_probability`` the
    probability that the line is article body, ``probabilities`` the probability of each label.
    """

    index: int
    text: str
    label: str
    body_probability: float
    probabilities: dict[str, float]

    @property
    def is_body(self) -> bool:
        return self.label == BODY


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


def _results(lines: list[str], model: Model, threshold: float,
             dom: list[str] | None = None, kinds: bool = True) -> list[LineResult]:
    dom = dom if model.uses_dom else None
    f = featurize(lines, dom)
    p_body = model.item_proba(f, lines, dom)
    kinds = model.kind_proba(f) if kinds else None
    out: list[LineResult] = []
    by_row = {int(r): k for k, r in enumerate(f.rows)}
    for i, text in enumerate(lines):
        k = by_row.get(i)
        if k is None:
            out.append(LineResult(i, text, "blank", 0.0, {}))
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
        out.append(LineResult(i, text, label, pb, probs))
    return out


def classify(text: str, model: Model | None = None, threshold: float | None = None) -> list[LineResult]:
    """Label every line of ``text`` (blank lines included, with label ``"blank"``)."""
    model = model or load_model()
    return _results(split_lines(text), model, model.threshold if threshold is None else threshold)


def clean(text: str, model: Model | None = None, threshold: float | None = None) -> str:
    """The article body of ``text``: its body lines, stripped, one per line."""
    model = model or load_model()
    results = _results(split_lines(text), model, model.threshold if threshold is None else threshold,
                       kinds=False)  # the kind of a dropped line does not matter here
    return "\n".join(r.text.strip() for r in results if r.is_body)


def classify_html(html: str | bytes, model: Model | None = None,
                  threshold: float | None = None) -> list[LineResult]:
    """Render an HTML page (str, or bytes in any encoding) to lines with lxml and label every line.
    The default model is the shipped HTML model, which also reads each line's DOM (tags, class and id
    words, link density, JSON-LD articleBody); a text model given as ``model`` reads the lines only."""
    model = model or load_model(html=True)
    page = render_html(html)
    return _results(page.lines, model, model.threshold if threshold is None else threshold, page.dom)


def clean_html(html: str | bytes, model: Model | None = None, threshold: float | None = None) -> str:
    """The article body of an HTML page, one block per line."""
    model = model or load_model(html=True)
    page = render_html(html)
    results = _results(page.lines, model, model.threshold if threshold is None else threshold, page.dom,
                       kinds=False)
    return "\n".join(r.text for r in results if r.is_body)
