"""Teaching the model one site: pre-filled labels, a site model on top of a base model, its card.

A site model keeps everything the base model knows and adds a *site layer*: the base model's logit
plus learned weights for a hashed key of each line's whole text and for the line's words, fitted on
the few pages the user labelled with the weights pulled towards zero (the words' ten times harder).
The keys let it learn the site's template lines ("Most Popular on Reuters", "© 2024 Example News"),
the words its boxes and pull quotes.
Nothing global is learned (no intercept, no rescaling of the base's score), so a line the site's labels
say nothing about keeps the base model's verdict. The strength of the pull is chosen by leave-one-page-
out cross-validation on the user's pages; when no strength helps without hurting a held-out page, the
layer is empty and the site model predicts exactly what the base does.

Fitting needs SciPy (installed with scikit-learn); a site model file predicts with numpy alone.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import time
from collections import defaultdict
from pathlib import Path
from typing import Callable

import numpy as np

from .features import (N_FEATURES, SITE_FEATURE_VERSION, featurize, item_rows, line_text, site_items,
                       word_counts)
from .labelled import LabelledDoc, read_labelled_with_dom
from .labels import BODY
from .metrics import aggregate, page_scores, page_texts
from .model import REVISION_RULES, Model, logit, revision_ranges

__all__ = ["prefill", "fit_site", "train_site", "check_labels", "write_model_card", "pages_from_files",
           "UNSURE_BAND"]

UNSURE_BAND = (0.25, 0.75)


def prefill(pages: list[tuple[str, list[str], list[str] | None]], model: Model,
            threshold: float | None = None) -> list[LabelledDoc]:
    """Label pages with ``model``'s guesses for a person to correct. ``pages`` holds (id, lines, dom)
    with ``dom`` None for text pages. Guesses near the threshold are marked unsure."""
    from .api import _results
    t = model.threshold if threshold is None else threshold
    docs = []
    for page_id, lines, dom in pages:
        results = _results(lines, model, t, dom)
        labels = ["" if r.label == "blank" else r.label for r in results]
        unsure = [r.label != "blank" and UNSURE_BAND[0] <= r.body_probability <= UNSURE_BAND[1]
                  for r in results]
        meta = {"source": page_id.replace(" ", "_"), "input": "html" if dom is not None else "text"}
        docs.append(LabelledDoc(Path(page_id).name.replace(" ", "_") or "page", list(lines), labels, meta,
                                unsure, dom))
    return docs


def check_labels(docs: list[LabelledDoc]) -> list[str]:
    """Raise ValueError for labels a site model cannot be trained on; return warnings for labels that
    are too few or contradict each other."""
    if not docs:
        raise ValueError("no labelled pages")
    labels = [lab for d in docs for lab in d.labels if lab]
    if not labels:
        raise ValueError("the labelled pages have no labelled lines")
    n_body = sum(lab == BODY for lab in labels)
    if n_body == 0 or n_body == len(labels):
        which = "body" if n_body else "not body"
        raise ValueError(f"all {len(labels)} labelled lines are {which}; a site model needs lines of "
                         "both kinds (label the boilerplate lines too)")
    warnings = []
    if len(docs) < 3:
        warnings.append(f"only {len(docs)} labelled page(s): label at least 3 pages of the site for a "
                        "reliable site model")
    if len(labels) < 30:
        warnings.append(f"only {len(labels)} labelled lines: the site model will learn little")
    seen: dict[str, set] = defaultdict(set)
    for d in docs:
        for text, lab in zip(d.lines, d.labels):
            if lab:
                seen[line_text(text)].add(lab == BODY)
    conflicts = [t for t, kinds in seen.items() if len(kinds) > 1]
    if conflicts:
        sample = "; ".join(repr(t[:50]) for t in conflicts[:3])
        warnings.append(f"{len(conflicts)} line(s) are labelled body on one page and not body on "
                        f"another, e.g. {sample}")
    return warnings


def site_features(lines: list[str], f):
    """A SciPy CSR matrix of the site layer's own view of each item (features.site_items): its whole-line key and its words
    (the hashed ids the base model uses for words), and the ids of the items' keys. Character n-grams
    and shapes are left to the base: learned from three pages they fit the pages, not the site."""
    from scipy import sparse
    indptr, indices, values = site_items(lines, f.rows)
    keys = indices[indptr[:-1]]                     # every item's first entry is its key
    return sparse.csr_matrix((values, indices, indptr), shape=(f.n_items, N_FEATURES)), keys


def _site_rows(doc: LabelledDoc, base: Model):
    """The site layer's data for one page: (site features X, base logits, targets, the ids of the
    page's whole-line keys), or None for a page without a line."""
    dom = doc.dom if base.uses_dom else None
    f = featurize(doc.lines, dom)
    if f.n_items == 0:
        return None
    X, keys = site_features(doc.lines, f)
    return (X, logit(base.base_item_proba(f, doc.lines, dom)),
            np.array([doc.labels[r] == BODY for r in f.rows], dtype=np.int8), np.unique(keys))


def _stack(mats):
    from scipy import sparse
    return (sparse.vstack([m[0] for m in mats]).tocsr(), np.concatenate([m[1] for m in mats]),
            np.concatenate([m[2] for m in mats]), np.unique(np.concatenate([m[3] for m in mats])))


def _fit_layer(mat, C: float, start: dict | None = None):
    """Fit the site layer z = base_logit + X w by L-BFGS, with the weights pulled towards zero (weight
    1/C for whole-line keys, WORD_PENALTY/C for words): with little evidence the layer adds nothing and
    the site model is the base model.
    scikit-learn's logistic regression has no offset term, so this small solver does it. The base's
    logit enters with weight 1 and no intercept is learned: global terms move every line of every page,
    and learned from a few pages of one page type they misjudge the site's other page types (measured:
    bench/site_retrain.py). Only the features present in ``X`` are fitted; returns (feature ids,
    weights)."""
    from scipy.optimize import minimize
    X, offset, y, keys = mat
    cols = np.unique(X.indices)
    Xc = X[:, cols].tocsr()
    sign = np.where(y > 0, 1.0, -1.0)
    lam = np.where(np.isin(cols, keys), 1.0, WORD_PENALTY) / C

    def loss(w):
        m = sign * (offset + Xc @ w)
        ell = np.logaddexp(0.0, -m)                       # log(1 + exp(-m)), stable
        g = -sign / (1.0 + np.exp(np.clip(m, -30, 30)))   # its derivative in z
        return ell.sum() + 0.5 * (lam * w) @ w, Xc.T @ g + lam * w

    w0 = np.zeros(len(cols))
    if start is not None and start.get("cols") is not None and np.array_equal(start["cols"], cols):
        w0 = start["w"]   # warm start from the previous strength of the grid
    res = minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 200, "ftol": 1e-7})
    w = res.x
    if start is not None:
        start.update(cols=cols, w=w)
    keep = np.abs(w) > 1e-6
    return cols[keep].astype(np.int32), w[keep].astype(np.float32)


_IDENTITY = (np.zeros(0, np.int32), np.zeros(0, np.float32))


def _with_layer(base: Model, layer) -> Model:
    rows, weights = layer
    order = np.argsort(rows)
    return dataclasses.replace(base, info=dict(base.info), site_rows=rows[order], site_coef=weights[order])


def fit_site(docs: list[LabelledDoc], base: Model, C: float | None = None,
             log: Callable[[str], None] | None = None) -> Model:
    """A site model: ``base`` plus a site layer trained on ``docs`` (see the module docstring).

    The layer's strength is chosen by leave-one-page-out cross-validation on ``docs`` (``C_GRID``):
    a strength is eligible only if it beats the base model on average and loses no held-out page by
    more than ``MAX_PAGE_LOSS``; with none eligible the layer is the identity and the site model
    predicts what the base does. The cross-validated figures are kept in ``model.info["site"]``."""
    check_labels(docs)
    if base.site_rows is not None:
        raise ValueError("the base model is itself a site model; start from a general model")
    mats = [_site_rows(d, base) for d in docs]
    usable = [i for i, m in enumerate(mats) if m is not None]
    cv: dict = {}
    if C is None:
        C, cv = _choose_C(docs, base, mats, usable)
        if log and cv:
            log(f"leave-one-page-out on your {cv['pages']} pages: shingle F1 base {cv['base_f1']:.3f}, "
                + ", ".join(f"C={c} {f1:.3f}" for c, f1 in cv["by_C"].items())
                + (f" -> site layer C={C:g}" if C else " -> no strength helps every page; keeping the base model"))
    if C == 0.0:
        model = _with_layer(base, _IDENTITY)
    else:
        model = _with_layer(base, _fit_layer(_stack([mats[i] for i in usable]), C))
    fits = _rules_that_fit(docs, base.uses_dom)
    if log:
        for rule, (what, name) in REVISION_RULES.items():
            if not fits[rule]:
                log(f"your labels keep {what} as body: the {name} is off for this site model")
    model.info["site"] = {"pages": len(docs), "C": C, "cv": cv, "feature_version": SITE_FEATURE_VERSION, **fits}
    return model


_LABEL_DOUBT = 0.25    # below model.OUTSIDE_MIN_P - 0.5: a body line reads as a doubt


def _rules_that_fit(docs: list[LabelledDoc], html: bool = False) -> dict[str, bool]:
    """Which revision rules (model.revision_ranges) the labels agree with, each judged alone: no line
    that a rule would take out of a page is labelled body (on a forum the replies are the content, on
    a news index the headlines)."""
    fits = dict.fromkeys(REVISION_RULES, True)
    for d in docs:
        rows = item_rows(d.lines)
        if not rows:
            continue
        body = np.array([d.labels[r] == "body" for r in rows], dtype=np.float64)
        # the labels as a doubtful model's probabilities, on their side of the threshold (0.5): a rule
        # that takes out only lines kept with doubt (the readability rule) is judged at its worst,
        # and the others, which read only which side a line is on and the best body span (scaled
        # alike), as with the labels themselves
        p = 0.5 + np.where(body > 0, _LABEL_DOUBT, -_LABEL_DOUBT)
        words = word_counts(d.lines, rows)
        dom = d.dom if html else None       # the link-list rule reads it, for HTML models only
        for rule in REVISION_RULES:
            ranges = revision_ranges(d.lines, rows, p, 0.5, (rule,), words, dom=dom)[rule]
            if any(body[a:b].any() for a, b in ranges):
                fits[rule] = False
    return fits


# The pull towards zero on a word's weight, relative to a whole-line key's. A key is specific
# evidence: the same template line recurs on the site's other pages. A word also reaches lines the
# user never labelled, and from three pages it learns the labelled pages' vocabulary as much as the
# site's boxes: store.steampowered.com's product pages, labelled with "Release date" and review-count
# lines as boilerplate, took the site's other pages from F1 0.786 to 0.613 with words and keys pulled
# alike. Chosen on bench/site_retrain.py's 16 sites (1, 3, 10, 30) and confirmed on 7 more (--sites 16).
WORD_PENALTY = 10.0
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)   # ascending: each fit starts from the previous one
MAX_PAGE_LOSS = 0.001  # a site layer may not make any held-out page worse (beyond rounding)


def _layer_proba(mat, layer) -> np.ndarray:
    """Body probabilities of the rows of a site design matrix under a fitted layer."""
    X, offset = mat[0], mat[1]
    ids, w = layer
    z = offset.copy()
    if len(ids):
        z += X[:, ids.astype(np.int64)] @ w.astype(np.float64)
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _choose_C(docs, base, mats, usable) -> tuple[float, dict]:
    """The site layer strength by leave-one-page-out cross-validation (0.0: keep the base model)."""
    if len(usable) < 2:
        return 0.0, {}
    base_pages, by_C = [], {C: [] for C in C_GRID}
    for i in usable:
        rest = _stack([mats[j] for j in usable if j != i])
        if rest[2].min() == rest[2].max():
            continue
        base_pages.append(_page_f1(docs[i], _layer_proba(mats[i], _IDENTITY), base.threshold))
        start: dict = {}
        for C in C_GRID:
            p = _layer_proba(mats[i], _fit_layer(rest, C, start))
            by_C[C].append(_page_f1(docs[i], p, base.threshold))
    if not base_pages:
        return 0.0, {}
    base_f1 = aggregate(base_pages)["f1"]
    means = {C: aggregate(v)["f1"] for C, v in by_C.items()}
    # The strongest layer among the best: when several strengths score alike on the held-out pages
    # (a few pages often all reach F1 1.0), the one that follows the user's labels most closely.
    best, best_f1 = 0.0, base_f1 + 0.002
    for C in C_GRID:
        worst = min(aggregate([s])["f1"] - aggregate([b])["f1"] for s, b in zip(by_C[C], base_pages))
        if worst >= -MAX_PAGE_LOSS and means[C] >= best_f1:      # C_GRID ascends: ties go up
            best, best_f1 = C, means[C]
    cv = {"pages": len(base_pages), "base_f1": base_f1, "by_C": {f"{C:g}": f1 for C, f1 in means.items()},
          "site_f1": means.get(best, base_f1)}
    return best, cv


def _page_f1(doc: LabelledDoc, p: np.ndarray, threshold: float):
    """Shingle scores of one labelled page given its items' body probabilities."""
    rows = item_rows(doc.lines)
    return page_scores(*page_texts(doc, rows, p >= threshold))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def write_model_card(model_path: Path, model: Model, docs: list[LabelledDoc], label_files: list[Path],
                     base_path: Path, warnings: list[str]) -> Path:
    """Write ``<model>.md`` beside the model file: data, date, base model, metrics, warnings."""
    counts: dict[str, int] = defaultdict(int)
    for d in docs:
        for lab in d.labels:
            if lab:
                counts[lab] += 1
    card = model_path.with_name(model_path.name + ".md")
    lines = [f"# Model card: {model_path.name}", "",
             "A clean-article site model: the base model below plus a site layer trained on this site's "
             "labelled pages (clean_article.site).", "",
             f"- trained: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%dT%H:%M:%SZ}",
             f"- base model: {base_path} (sha256 {_sha256(base_path)[:16]}…, "
             f"input {model.info.get('input', 'text')})",
             f"- labelled files: {', '.join(str(p) for p in label_files)}",
             f"- pages: {len(docs)}; lines: {sum(counts.values())} "
             f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})",
             f"- site layer: {len(model.site_rows)} weighted features; threshold {model.threshold:.2f}"]
    cv = model.info.get("site", {}).get("cv")
    if cv:
        lines.append(f"- leave-one-page-out shingle F1 on these pages: base {cv['base_f1']:.3f}, "
                     f"site model {cv['site_f1']:.3f} ({cv['pages']} pages; by strength C: "
                     + ", ".join(f"{c} {f1:.3f}" for c, f1 in cv["by_C"].items()) + ")")
    if not len(model.site_rows):
        lines.append("- the site layer is the identity: no strength beat the base model on every "
                     "held-out page, so this model predicts what the base model does")
    for w in warnings:
        lines.append(f"- warning: {w}")
    card.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return card


def train_site(label_files: list[Path], base_path: Path, out: Path,
               log: Callable[[str], None] = print) -> Model:
    """Read labelled files, check them, cross-validate, fit the site model, save it and its card."""
    t0 = time.time()
    docs: list[LabelledDoc] = []
    for path in label_files:
        docs.extend(read_labelled_with_dom(path)[0])
    warnings = check_labels(docs)
    for w in warnings:
        log(f"warning: {w}")
    base = Model.load(base_path)
    if base.uses_dom and any(d.dom is None for d in docs):
        raise ValueError("the base is an HTML model but some labelled pages have no DOM side file "
                         "(label HTML pages with `clean-article label page.html -o site.labels`)")
    log(f"{len(docs)} pages, {sum(1 for d in docs for lab in d.labels if lab)} labelled lines; "
        f"base model {base_path}")
    model = fit_site(docs, base, log=log)
    model.info["base"] = str(base_path)
    model.info["site"]["labels"] = [str(p) for p in label_files]
    model.save(out)
    card = write_model_card(out, model, docs, label_files, base_path, warnings)
    log(f"saved {out} and {card.name} ({time.time() - t0:.1f}s)")
    return model


def pages_from_files(paths: list[str], read: Callable[[str], bytes],
                     html: bool | None = None) -> list[tuple[str, list[str], list[str] | None]]:
    """(id, lines, dom) of each page file: HTML pages are rendered with lxml, text pages split."""
    from .lines import decode_bytes, split_lines
    from .render import looks_like_html, render_html
    pages = []
    for name in paths:
        data = read(name)
        is_html = html if html is not None else looks_like_html(name, data)
        if is_html:
            page = render_html(data)
            pages.append((name, page.lines, page.dom))
        else:
            pages.append((name, split_lines(decode_bytes(data)), None))
    return pages
