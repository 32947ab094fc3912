"""The line model and its file format.

Prediction runs in four steps, the shape of jusText's pipeline with learned parts and a few rules:

1. **Line pass** — a linear model over each line's hashed features (features.py) gives a first
   probability that the line is article body.
2. **Context pass** — a small neural network reads, for every line, the first-pass probabilities of
   its neighbours over several window sizes, where it sits relative to the page's best body span
   (the run of lines with the largest surplus of body probability) and how much body mass lies before
   and after it. This is the revision by neighbours: a lone prose-like teaser far below the article
   loses, a short subheading inside the article wins.
3. **Kind head** — a linear model over the same hashed features names the kind of each line that is
   not body (nav, related, ad, ...), trained on the hand-labelled pages.
4. **Revision** — rules over the whole page (``Model.revise``). Below the article's first 100 words
   of body, a comment-section heading or a copyright notice ends the article (``thread_start``,
   ``copyright_end``), and a related-content heading takes out its run of teasers
   (``related_runs``); anywhere, a line that is mostly HTML markup (an ad's code that a converter
   left in the text) is not body; on an HTML page, so are runs of short lines that are all link
   text, once the page has some prose (``link_lists``), and, where readability's article element
   holds most of what the passes keep, the lines outside it that they keep with doubt
   (``element_outsiders``), and, on any HTML page, such lines in elements named for comments
   (``comment_boxes``). The kind head reads the probabilities before this step, as it was
   trained.

A model file is an ``.npz`` of plain numeric arrays plus a JSON header (format and feature versions,
labels, threshold, training-data hash, metrics). It is read with ``allow_pickle=False``, so loading
never executes code, and prediction needs only numpy: not the scikit-learn that trained it.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .features import (_MAX_LINE, FEATURE_VERSION, N_FEATURES, N_KIND_CUES, SITE_FEATURE_VERSION, LineFeatures,
                       copyright_lines, featurize, kind_cues, markup_lines, related_headings, site_items,
                       thread_headings, word_counts)
from .labels import LABELS

__all__ = ["Model", "ModelError", "FORMAT_VERSION", "context_matrix"]

FORMAT_VERSION = 1
KIND_CUE_VERSION = 1
"""The kind cues (features.KIND_CUES) a kind head's second pass reads, stored as ``info["kind_cues"]``;
a model without the key reads none (made before the cues)."""
_INFO_KEYS = ("training_data_sha256", "metrics", "trained", "base", "data", "seed", "notes", "input",
              "site", "threshold_on_training_pages", "kind_cues", "article_marks")
_REQUIRED = ("line_coef", "line_intercept", "ctx_mean", "ctx_scale")


def checksum_path(path: str | Path) -> Path:
    """The SHA-256 file written beside a model file: ``m.npz`` -> ``m.npz.sha256``."""
    path = Path(path)
    return path.with_name(path.name + ".sha256")


class ModelError(Exception):
    """A model file that cannot be used: missing, corrupted, of another format, or inconsistent."""


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))


def _lookup(rows: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``ids`` in the sorted id table ``rows`` and which ids are in it."""
    pos = np.minimum(np.searchsorted(rows, ids), len(rows) - 1)
    return pos, rows[pos] == ids


def site_dot(lines: list[str], rows, table: np.ndarray, coef: np.ndarray) -> np.ndarray:
    """Per item: the site layer's score, the weights of its whole-line key and its words
    (features.site_items, the same ids and values site.py trains on)."""
    out = np.zeros(len(rows))
    if len(table) == 0 or len(rows) == 0:
        return out
    indptr, ids, values = site_items(lines, rows)
    pos, hit = _lookup(table, ids)
    contrib = np.where(hit, coef[pos], 0.0) * values
    return np.add.reduceat(contrib, indptr[:-1])   # every item has at least its key


def logit(p: np.ndarray) -> np.ndarray:
    """log(p / (1 - p)), kept finite at 0 and 1."""
    eps = 1e-6
    return np.log((p + eps) / (1 - p + eps))


BLAS_ROWS = 64
"""Rows per matrix product in the context pass. OpenBLAS (numpy's BLAS) runs a product of this size
on the calling thread. A larger product it splits over its threads, and on a busy machine (other
processes, ``--jobs``) those threads wait for cores. Then a 300-line page's context pass took 32 ms
instead of 0.5 ms (idle, the two cost the same). The kind head's second pass, a product of 8
columns, stays on one thread at 1,000 rows and is not split."""


def by_row_blocks(fn, x: np.ndarray, rows: int = BLAS_ROWS) -> np.ndarray:
    """``fn`` (a row-wise computation) over blocks of ``rows`` rows of ``x``, stacked."""
    if len(x) <= rows:
        return fn(x)
    return np.concatenate([fn(x[s:s + rows]) for s in range(0, len(x), rows)])


def _window_means(p: np.ndarray, radii) -> list[np.ndarray]:
    """Means over windows of each of ``radii`` rows each side, of a (n,) or (n, k) array (edges:
    shorter), from one prefix sum."""
    n = len(p)
    c = np.concatenate([np.zeros((1,) + p.shape[1:]), np.cumsum(p, axis=0)])
    idx = np.arange(n)
    out = []
    for radius in radii:
        lo = np.maximum(idx - radius, 0)
        hi = np.minimum(idx + radius + 1, n)
        width = (hi - lo).reshape((n,) + (1,) * (p.ndim - 1))
        out.append((c[hi] - c[lo]) / width)
    return out


def kind_context_width(k: int, cues: bool = False) -> int:
    """Columns of kind_context_matrix for ``k`` kinds (with the lines' kind cues, or without them as
    in models made before KIND_CUE_VERSION)."""
    return 4 * k + 12 + (3 * N_KIND_CUES if cues else 0)


def kind_table(rows: np.ndarray, coef: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A kind head's weights (sorted feature ids ``rows``, their weights ``coef`` per kind) laid out for
    LineFeatures.dot_table: for each feature id its row in the table (0: no weights), and the table
    of float64 weights under a row of zeros. 4 MB of index; built once per head, not per page."""
    index = np.zeros(N_FEATURES, dtype=np.int32)
    index[rows] = np.arange(1, len(rows) + 1, dtype=np.int32)
    table = np.vstack([np.zeros((1, coef.shape[1])), coef.astype(np.float64)])
    return index, table


def kind_line_scores(f: LineFeatures, rows: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                     table: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """The kind head's first pass: softmax of each item's features times a sparse weight table
    (``rows``: sorted feature ids, ``coef``: their weights per kind; ``table``: kind_table(rows, coef),
    when the caller keeps it)."""
    if not f.n_items:
        return np.zeros((0, len(intercept)))
    index, weights = table if table is not None else kind_table(rows, coef)
    return _softmax(f.dot_table(index, weights) + intercept)


def kind_context_matrix(q: np.ndarray, p: np.ndarray, lengths: np.ndarray, threshold: float,
                        cues: np.ndarray | None = None) -> np.ndarray:
    """Context features of the kind head's second pass, per line of one page: the line's first-pass
    kind probabilities ``q`` (n, k) and their means over windows of 1, 3 and 8 lines each side, its
    body probability ``p`` and its neighbours', where it lies relative to the article (before the first
    body line, after the last, how far), its position and length. A headline is the line just before the
    article, a teaser list sits after it, a menu at either end: the line's words alone cannot say so.
    With ``cues`` (features.kind_cues), also the line's kind cues and those of the lines just before
    and after it (a credit under a caption, a price under "Subscribe"). Shared by training and
    inference."""
    n, k = q.shape
    if n == 0:
        return np.zeros((0, kind_context_width(k, cues is not None)), dtype=np.float64)
    p = p.astype(np.float64)
    cols = [np.log(q + 1e-4)] + _window_means(q, (1, 3, 8))
    body = p >= threshold
    idx = np.arange(n)
    first = int(np.argmax(body)) if body.any() else n
    last = int(n - 1 - np.argmax(body[::-1])) if body.any() else -1
    before, after = idx < first, idx > last
    nearest = np.full(n, float(n))
    if body.any():
        pos = np.flatnonzero(body)
        j = np.clip(np.searchsorted(pos, idx), 1, len(pos)) - 1
        nearest = np.minimum(np.abs(idx - pos[j]), np.abs(pos[np.minimum(j + 1, len(pos) - 1)] - idx))
    extra = [p, logit(p), *_window_means(p, (1, 3)),
             before.astype(np.float64), after.astype(np.float64),
             np.where(before, np.log1p(np.maximum(first - idx, 0)), 0.0),
             np.where(after, np.log1p(np.maximum(idx - last, 0)), 0.0),
             np.log1p(nearest), idx / max(n - 1, 1), np.log1p(lengths), (idx == 0).astype(np.float64)]
    out = cols + [np.column_stack(extra)]
    if cues is not None:
        none = np.zeros((1, cues.shape[1]))
        out += [cues, np.vstack([cues[1:], none]), np.vstack([none, cues[:-1]])]
    return np.column_stack(out)


def _best_span(gain: np.ndarray) -> tuple[int, int]:
    """Start and end (inclusive) of the contiguous run with the largest sum of ``gain`` (the first
    such end, and for it the latest start: Kadane's scan, vectorised over prefix sums)."""
    n = len(gain)
    if n == 0:
        return 0, -1
    c = np.concatenate([[0.0], np.cumsum(gain)])
    low = np.minimum.accumulate(c[:-1])               # the lowest prefix before each end
    idx = np.arange(n)
    start = np.maximum.accumulate(np.where(c[:-1] <= low, idx, 0))
    hi = int(np.argmax(c[1:] - low))
    return int(start[hi]), hi


def body_span(p: np.ndarray, lengths: np.ndarray, threshold: float) -> tuple[int, int]:
    """The page's best body span (start and end item, inclusive): the run of items with the largest
    surplus of body probability ``p`` over ``threshold``, each weighted by its log length (capped)."""
    return _best_span((p - threshold) * np.minimum(np.log1p(lengths), 6.0))


def context_matrix(p: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Context features of every line of one page from first-pass body probabilities ``p`` and the
    lines' lengths in characters. Shared by training and inference."""
    n = len(p)
    out = np.empty((n, N_CONTEXT), dtype=np.float64)
    if n == 0:
        return out
    p = p.astype(np.float64)
    eps = 1e-4
    loglen = np.log1p(lengths)
    weight = np.minimum(loglen, 6.0)
    out[:, 0] = p
    out[:, 1] = np.log((p + eps) / (1 - p + eps))
    out[:, 2] = loglen
    out[:, 3] = np.arange(n) / max(n - 1, 1)
    out[:, 4] = np.log1p(n)
    padded = np.concatenate([np.full(5, -1.0), p, np.full(5, -1.0)])
    for j, off in enumerate((-5, -3, -2, -1, 1, 2, 3, 5)):
        out[:, 5 + j] = padded[5 + off: 5 + off + n]
    out[:, 13:17] = np.column_stack(_window_means(p, (2, 5, 10, 25)))
    out[:, 17] = out[:, 14].max()
    out[:, 18] = p - p.mean()
    mass = p * weight
    total = mass.sum() + eps
    cum = np.cumsum(mass)
    out[:, 19] = (cum - mass) / total            # body mass before the line
    out[:, 20] = (total - cum) / total           # body mass after it
    lo, hi = body_span(p, lengths, 0.5)
    idx = np.arange(n)
    out[:, 21] = (idx >= lo) & (idx <= hi)
    out[:, 22] = np.log1p(np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0)))
    out[:, 23] = idx < lo
    out[:, 24] = (hi - lo + 1) / n
    return out


N_CONTEXT = 25
_CONTAINER_LEVELS = (0, 1, 2, 3, 5, 8)
N_DOM_CONTEXT = 2 * len(_CONTAINER_LEVELS)


def _path_of(descriptors: str) -> list[int]:
    _, sep, tail = descriptors.rpartition("path=")
    return [int(x) for x in tail.split(None, 1)[0].split(".") if x.isdecimal() and len(x) <= 18] if sep and tail else []


def item_paths(dom: list[str], rows) -> tuple[np.ndarray, np.ndarray]:
    """The enclosing element numbers of each item, from its DOM descriptors (the ``path=`` token,
    which render.render_html puts last): how many each item has, and all of them in item order
    (innermost last within an item)."""
    rows = rows.tolist() if isinstance(rows, np.ndarray) else rows
    tails = [tail if sep else "" for _, sep, tail in (dom[r].rpartition("path=") for r in rows)]
    depth = np.fromiter((t.count(".") + 1 if t else 0 for t in tails), dtype=np.int64, count=len(tails))
    joined = " ".join(tails)
    digits = joined.replace(" ", "").replace(".", "")
    if (digits.isascii() and (digits.isdigit() or not digits)
            and joined.count(" ") == len(tails) - 1):       # one path each, no spaces inside one
        joined = joined.replace(".", " ")
        flat = np.fromstring(joined, dtype=np.int64, sep=" ") if digits else np.zeros(0, np.int64)
        if len(flat) == depth.sum() and (not len(flat) or flat.max() < 10**15):   # (it saturates at 2**63)
            return depth, flat
    # not the renderer's own "path=1.5.9" (a hand-edited file): read each one with care
    paths = [_path_of(dom[r]) for r in rows]
    depth = np.fromiter(map(len, paths), dtype=np.int64, count=len(paths))
    flat = np.fromiter((e for path in paths for e in path), dtype=np.int64, count=int(depth.sum()))
    return depth, flat


_LINK_BUCKETS = {str(k): k for k in range(6)}


def link_buckets(dom: list[str], rows) -> np.ndarray:
    """Each item's share of link text in fifths (0-5), from the ``ldN`` token of its DOM descriptors
    (written by render._line_tokens after ``depthN``; no other token starts with "ld", since names
    carry a prefix such as ``n:``, so a search for " ld" finds it); 0 where there is none. A string
    search, not a regex: five times faster on a page."""
    rows = rows.tolist() if isinstance(rows, np.ndarray) else rows
    found = [(d, d.rfind(" ld")) for d in [" " + (dom[r] or "") for r in rows]]
    return np.array([_LINK_BUCKETS.get(d[i + 3:i + 4], 0) if i >= 0 else 0 for d, i in found], dtype=np.int64)


def _length_weights(lengths: np.ndarray) -> np.ndarray:
    """How much a line counts in a mean over lines: its log length, capped (never zero)."""
    return np.minimum(np.log1p(lengths), 6.0) + 1e-3


def container_matrix(p: np.ndarray, lengths: np.ndarray, paths: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """For HTML pages: the length-weighted mean first-pass body probability of all lines that share
    the line's enclosing element, at several levels up, and how many lines that element holds. This is
    the page's own segmentation: a comment thread or a teaser list is one container whose lines
    rise or fall together, as in readability's scoring of parent nodes."""
    n = len(p)
    out = np.zeros((n, N_DOM_CONTEXT))
    if n == 0:
        return out
    weight = _length_weights(lengths)
    depth, flat = paths
    item = np.repeat(np.arange(n), depth)
    if len(flat) and 0 <= flat.min() and flat.max() < 4 * len(flat) + 100_000:
        element = flat                # the renderer's numbers: small, used as they are
    else:
        element = np.unique(flat, return_inverse=True)[1].reshape(-1)
    mass = np.bincount(element, weights=(p * weight)[item])
    wsum = np.bincount(element, weights=weight[item])
    count = np.bincount(element)
    page_mean = float((p * weight).sum() / weight.sum())
    end = np.cumsum(depth)                        # one past each item's innermost element
    for j, level in enumerate(_CONTAINER_LEVELS):
        has = depth > level
        e = element[end[has] - 1 - level]
        out[:, 2 * j] = page_mean
        out[:, 2 * j + 1] = np.log1p(n)
        out[has, 2 * j] = mass[e] / wsum[e]
        out[has, 2 * j + 1] = np.log1p(count[e])
    return out


N_MARK_CONTEXT = 4


def article_marks(dom: list[str], rows) -> np.ndarray:
    """Readability's article element from each item's DOM descriptors (render.render_html, from
    article_node): 2 for its lines ("rd:top"), 1 for the siblings it takes with it ("rd:sib"), 0 for
    the rest. The renderer puts the mark just before the path, as a whole token: an itemprop or role
    value that holds "rd:top" ("ip=keyword:rd:top") is not a mark."""
    rows = rows.tolist() if isinstance(rows, np.ndarray) else rows
    out = np.zeros(len(rows), dtype=np.int64)
    for k, r in enumerate(rows):
        d = dom[r]
        if "rd:" in d:
            d = " " + d
            out[k] = 2 if " rd:top " in d else 1 if " rd:sib " in d else 0
    return out


def mark_matrix(p: np.ndarray, lengths: np.ndarray, marks: np.ndarray) -> np.ndarray:
    """For HTML pages: whether the line is in readability's article element or a sibling taken with
    it, and for the page, the length-weighted mean first-pass body probability of those lines and
    their share of the page's text. The context pass learns when to trust readability's choice (a
    short post above a long comment thread) and when not."""
    n = len(p)
    out = np.zeros((n, N_MARK_CONTEXT))
    if n == 0:
        return out
    weight = _length_weights(lengths)
    taken = marks > 0
    out[:, 0] = marks == 2
    out[:, 1] = marks == 1
    if taken.any():
        out[:, 2] = float((p * weight)[taken].sum() / weight[taken].sum())
        out[:, 3] = float(lengths[taken].sum() / max(lengths.sum(), 1.0))
    return out


# A text longer than this is scored in parts of about equal size, each at most this many lines and
# characters: no real page is as long, and featurize's working memory grows with the page (about 70
# bytes a character), so a 200 MB file stays within a few GB.
PART_LINES = 20_000
PART_CHARS = 4_000_000


def item_lengths(f: LineFeatures, lines: list[str]) -> np.ndarray:
    """The length in characters of each item of ``f`` (stripped), as floats."""
    if f.lengths is not None:
        return f.lengths
    return np.array([len(lines[r].strip()) for r in f.rows], dtype=np.float64)


def page_parts(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) ranges of ``lines`` scored as one page each: one range for any real page."""
    n = len(lines)
    if n <= PART_LINES and sum(map(len, lines)) <= PART_CHARS:
        return [(0, n)]
    sizes = [min(len(line), _MAX_LINE) + 1 for line in lines]
    total = sum(sizes)
    k = max(-(-n // PART_LINES), -(-total // PART_CHARS))       # parts, each of about equal size
    max_lines, max_chars = -(-n // k), -(-total // k)
    out, start, chars = [], 0, 0
    for i, c in enumerate(sizes):
        if i > start and (i - start >= max_lines or chars + c > max_chars):
            out.append((start, i))
            start, chars = i, 0
        chars += c
    out.append((start, n))
    return out


THREAD_MIN_WORDS = 100     # words of body above a comment-section heading for it to end the article
THREAD_DISCOUNT = 0.1      # factor on the body probability of the lines a revision rule takes out
def _article_reached(lines: list[str], rows, p: np.ndarray, threshold: float,
                     words: np.ndarray | None = None) -> int:
    """The item at which the page's body (items with ``p`` at or above ``threshold``) has reached
    THREAD_MIN_WORDS words: the revision rules look only below it. ``len(rows)`` when it never does."""
    if THREAD_MIN_WORDS <= 0:
        return -1
    if words is None:
        words = word_counts(lines, rows)
    total = np.cumsum(np.where(p >= threshold, words, 0))
    return int(np.searchsorted(total, THREAD_MIN_WORDS))


LINKED_HEADING_NEXT = 3     # items below an all-link comment heading that the thread rule looks at
LINKED_HEADING_SURE = 0.85  # their mean body probability at which the heading is a link to the thread
REPEAT_NEAR = 1    # items apart: a comment heading written twice in a row is one heading


def _first_unique(lines: list[str], rows, candidates: list[int], near: int = 0) -> int | None:
    """The first of ``candidates`` (items) whose text no other candidate repeats: a text that recurs
    ("Add a comment" under every answer, a credit under every picture) marks items, not a section.
    A text repeated only within ``near`` items of its first ("37 comments" as a tab and again as the
    heading, with REPEAT_NEAR) is still one."""
    where: dict[str, list[int]] = {}
    for k in candidates:
        where.setdefault(lines[rows[k]].strip().lower(), []).append(int(k))
    firsts = [ks[0] for ks in where.values() if ks[-1] - ks[0] <= near]
    return min(firsts) if firsts else None


def thread_start(lines: list[str], rows, p: np.ndarray, threshold: float,
                 words: np.ndarray | None = None, lengths: np.ndarray | None = None,
                 marks: np.ndarray | None = None, links: np.ndarray | None = None) -> int | None:
    """The item where a comment thread takes over from the article, or None.

    Comments after an article read like prose one line at a time, and the learned passes keep them:
    on dragnet (2012 blogs and news) they were most of the kept non-article text. Context features
    for the lines below such a heading, learned from the training pages (2025 sites, whose threads
    are mostly a form or a few short replies), did not change that, so this is a rule. A heading
    that opens a comment section ("Comments (41)", "{ 167 comments }", "Leave a Reply";
    features.thread_headings) below at least THREAD_MIN_WORDS words of body (items with ``p`` at or
    above ``threshold``) ends the article there. A heading text that repeats below that point ("Add
    a comment" under every answer of a Q&A page) is a per-post control, not a section, and is
    ignored, unless it is written twice in a row (REPEAT_NEAR: a tab and the heading); the same text
    above the article (a comment count under the headline) does not count.
    On an HTML page (``marks``: its article_marks), a heading above the first line of readability's
    article element is a comment count under the headline, however much the page's menus and
    teasers above it weighed, and is ignored too, and so is a heading that is all link text (``links``:
    link_buckets) followed by lines the passes are sure of (LINKED_HEADING_NEXT): "Read Comments (1)"
    or "53 Comments" between a headline and its story links to the thread; it does not open it.
    This is jusText's revision step with one rule; bench.thread_rule measures it. ``words`` and
    ``lengths``: each item's number of ``\\w+`` words and stripped length, when featurize counted them
    (LineFeatures.words, LineFeatures.lengths)."""
    reached = _article_reached(lines, rows, p, threshold, words)
    if marks is not None and (marks == 2).any():
        reached = max(reached, int(np.argmax(marks == 2)) - 1)
    if reached >= len(rows):
        return None
    # only the items below that point can open the thread
    below = lengths[reached + 1:] if lengths is not None else None
    eligible = (np.flatnonzero(thread_headings(lines, rows[reached + 1:], below)) + reached + 1).tolist()
    if links is not None:       # an all-link heading over a story the passes are sure of is a link to it
        eligible = [k for k in eligible if links[k] < 5 or k + 1 == len(p)
                    or p[k + 1:k + 1 + LINKED_HEADING_NEXT].mean() < LINKED_HEADING_SURE]
    return _first_unique(lines, rows, eligible, REPEAT_NEAR)


def copyright_end(lines: list[str], rows, p: np.ndarray, threshold: float,
                  words: np.ndarray | None = None, lengths: np.ndarray | None = None) -> int | None:
    """The item where a copyright notice ends the article, or None.

    "© 2008 The Associated Press. All rights reserved." closes a news story; what a page has below
    it is its footer, sidebars and teasers, which the learned passes keep when they read like prose.
    The first notice (features.copyright_lines) below THREAD_MIN_WORDS words of body ends the article
    there, as a comment heading does (thread_start); a notice text that repeats below that point (a
    credit under every picture) ends nothing, and neither does a notice above the start of the page's
    best body span (body_span, as context_matrix reads it): text that puts the footer before the
    article (inscriptis on some table layouts) has the page's notice there. Even so, of the pages the
    rule changes, a few still lose their article to a notice above it (bench.thread_rule measures the
    rule). ``lengths``: the items' stripped lengths, when known (LineFeatures.lengths)."""
    reached = _article_reached(lines, rows, p, threshold, words)
    if reached + 1 >= len(rows):
        return None
    below = words[reached + 1:] if words is not None else None
    eligible = (np.flatnonzero(copyright_lines(lines, rows[reached + 1:], below)) + reached + 1).tolist()
    if not eligible:
        return None
    if lengths is None:
        lengths = np.fromiter((len(lines[r].strip()) for r in rows), dtype=np.int64, count=len(rows))
    span_start, _ = body_span(p, lengths, threshold)
    return _first_unique(lines, rows, [k for k in eligible if k > span_start])


TEASER_MAX_WORDS = 30     # a teaser: a headline, or a headline and its summary, not a paragraph
_TEASER_MAX_RUN = 40


def related_runs(lines: list[str], rows, p: np.ndarray, threshold: float, words: np.ndarray | None = None,
                 stop: int | None = None) -> list[tuple[int, int]]:
    """Item ranges [start, end) of the lists of teasers for other stories below the article's start.

    A related-content heading ("Related Stories", "More articles in Soccer", "People who read this
    also read:"; features.related_headings) below at least THREAD_MIN_WORDS words of body, followed by
    at least two teasers (items of at most TEASER_MAX_WORDS words that are not a sentence of more than
    ten words ending in a full stop, or summaries cut short with an ellipsis of up to twice that), is
    a teaser list: the heading and its run of teasers, up to the
    first item that reads like prose. Unlike a comment thread, the article may go on below such a box
    (a "Related" box between two paragraphs), so only the run is taken. Headlines of other stories
    read like the article's own headline and subheads one line at a time, and the learned passes kept
    them: on l3s-gn1 they were most of the kept text after the article (bench.thread_rule measures
    this). ``stop``: items from here on are not examined (the comment thread's start)."""
    n = len(rows) if stop is None else stop
    if words is None:
        words = word_counts(lines, rows)
    reached = _article_reached(lines, rows, p, threshold, words)
    if reached + 1 >= n:
        return []
    heads = (np.flatnonzero(related_headings(lines, rows[reached + 1:n], words[reached + 1:n])) + reached + 1).tolist()
    runs: list[tuple[int, int]] = []
    end = -1
    for k in heads:
        if k < end:                       # inside the run of an earlier heading
            continue
        j = k + 1
        while j < n and j - k <= _TEASER_MAX_RUN:
            w = int(words[j])
            end_of = lines[rows[j]].rstrip()
            if end_of.endswith(("…", "...")) and w <= 2 * TEASER_MAX_WORDS:
                pass              # a summary cut short: a teaser however long
            elif w > TEASER_MAX_WORDS or (w > 10 and end_of.endswith(".")):
                break
            j += 1
        if j - k - 1 >= 2:
            runs.append((k, j))
            end = j
    return runs


def true_runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """The runs [start, end) of True in a bool array, in order."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))


LINK_RUN = 3           # items in a row, each nearly all link text, that make a link list
LINK_ITEM_WORDS = 12   # a link list's item: a link's text, not a paragraph with a link in it
LINK_SHARE = 4         # fifths of an item's text inside links (render.render_html's ldN)
PROSE_WORDS = 8        # an item of the article's prose: this many words, at most a fifth of them links
LINK_PAGE_PROSE = 20   # words of kept prose a page needs before its link lists are taken out


def link_lists(lines: list[str], rows, p: np.ndarray, threshold: float, links: np.ndarray,
               words: np.ndarray | None = None) -> list[tuple[int, int]]:
    """Item ranges [start, end) of the link lists of an HTML page that has an article: runs of
    LINK_RUN or more items in a row whose text is a link (at least LINK_SHARE fifths of it) of at most
    LINK_ITEM_WORDS words: blogrolls, category and archive lists, "more stories" sidebars. A run that
    lies between two kept items of PROSE_WORDS words or more (the article's own list of links) stays,
    and so does every run of a page without LINK_PAGE_PROSE words of kept prose: a listing page's
    links are its content (LABELS.md). Each such link reads like a headline or a name, and the
    learned passes, trained on pages of 2025 where listings' links are main content, kept many of them
    on the blogs of 2012 (bench.thread_rule's "four" and "all" columns measure this). ``links``:
    link_buckets of the items."""
    n = len(rows)
    if n < LINK_RUN:
        return []
    if words is None:
        words = word_counts(lines, rows)
    prose = (p >= threshold) & (words >= PROSE_WORDS) & (links <= 1)
    if int(words[prose].sum()) < LINK_PAGE_PROSE:
        return []
    link = (links >= LINK_SHARE) & (words <= LINK_ITEM_WORDS)
    # The guard asks less of the lines around a run than the page test asks of prose: any kept line of
    # PROSE_WORDS words, linked or not. Asking for prose there too cost the held-out wcxb-dev
    # listings 0.028 (0.605 -> 0.577), whose linked item titles frame their own lists, and moved
    # dragnet and l3s-gn1 by nothing.
    framing = (p >= threshold) & (words >= PROSE_WORDS)
    runs: list[tuple[int, int]] = []
    for k, j in true_runs(link):
        inside = k > 0 and j < n and framing[k - 1] and framing[j]
        if j - k >= LINK_RUN and not inside:
            runs.append((k, j))
    return runs


# The readability rule (element_outsiders). A page where readability's article element holds at least
# AGREEMENT_SHARE of the text the model keeps is a page where the two agree on where the article is;
# there, a line outside that element is kept only at OUTSIDE_MIN_P or more. Chosen on dragnet-test with
# the shipped HTML model (a grid of 0.2-0.7 and 0.7-0.99 that gained on every set near these values),
# confirmed on l3s-gn1, the held-out wcxb-dev sites and a second training seed (README, Benchmark).
AGREEMENT_SHARE = 0.3
OUTSIDE_MIN_P = 0.8


def element_outsiders(p: np.ndarray, threshold: float, marks: np.ndarray,
                      lengths: np.ndarray) -> list[tuple[int, int]]:
    """Item ranges [start, end) of an HTML page's kept lines that lie outside readability's article
    element (article_marks) and are kept with less than OUTSIDE_MIN_P, on a page where that element
    holds at least AGREEMENT_SHARE of the kept characters; none on any other page.

    The learned passes read the marks too (mark_matrix), but they learned from pages of 2025, where
    readability often picks one section of a long article, to trust them little. Where the model and
    readability agree on where the article is, the lines around it that the model keeps with doubt
    are mostly a 2012 blog's comments, an author box or a teaser under the story: readability's
    element already says they are not the article."""
    kept = p >= threshold
    inside = marks > 0
    total = float(lengths[kept].sum())
    if not total or float(lengths[kept & inside].sum()) < AGREEMENT_SHARE * total:
        return []
    return true_runs(kept & ~inside & (p < OUTSIDE_MIN_P))


_COMMENT_NAMES = re.compile(r"(?:^|\s)n1?:(?:comment(?!ary|ator)\w*|disqus\w*|respond|replies|reply)(?=\s|$)")
"""The name keys of an element that holds comments (render.py's "n1:" and "n:" keys of the class, id,
role and itemprop words of a line's enclosing elements)."""


def comment_boxes(p: np.ndarray, threshold: float, marks: np.ndarray, dom: list[str], rows) -> list[tuple[int, int]]:
    """Item ranges [start, end) of an HTML page's kept lines that lie outside readability's article
    element (article_marks), inside an element whose class or id names comments ("comment-body",
    "commentlist", "disqus_thread", "respond"), and are kept with less than OUTSIDE_MIN_P.

    The readability rule (element_outsiders) does nothing on a page where the comments outweigh the
    article, as on a 2008 story with a hundred replies, and the learned passes, which read the names
    as one feature among many, keep such replies just above the threshold. The lines' own names say
    what they are. A forum's posts are often named so too: a site model whose labels keep them as
    body turns the rule off."""
    rows = rows.tolist() if isinstance(rows, np.ndarray) else rows
    doubt = np.flatnonzero((p >= threshold) & (p < OUTSIDE_MIN_P) & (marks == 0))
    hit = np.zeros(len(p), dtype=bool)
    for k in doubt.tolist():
        head = dom[rows[k]].rpartition("path=")[0]
        hit[k] = bool(_COMMENT_NAMES.search(head))
    return true_runs(hit)


# The revision rules by the names a site model's info uses: what each takes out, and its name in messages.
REVISION_RULES = {"thread_rule": ("lines below a comment-section heading", "comment-thread rule"),
                  "copyright_rule": ("lines below a copyright notice", "copyright rule"),
                  "related_rule": ("a list under a related-content heading", "teaser-list rule"),
                  "markup_rule": ("lines of HTML markup", "markup rule"),
                  "link_list_rule": ("runs of short all-link lines (HTML)", "link-list rule"),
                  "readability_rule": ("lines outside readability's article element (HTML)", "readability rule"),
                  "comment_box_rule": ("lines in elements named for comments, outside readability's article "
                                       "element (HTML)", "comment-box rule")}
RULES_ON = set(REVISION_RULES)   # the rules Model.revise applies (bench.thread_rule switches them)
_MARK_RULES = ("thread_rule", "readability_rule", "comment_box_rule")   # the rules that read article_marks


def revision_ranges(lines: list[str], rows, p: np.ndarray, threshold: float, rules=REVISION_RULES,
                    words: np.ndarray | None = None, lengths: np.ndarray | None = None,
                    dom: list[str] | None = None) -> dict[str, list[tuple[int, int]]]:
    """The item ranges [start, end) each of ``rules`` takes out of a page: the comment thread
    (thread_start) and what follows a copyright notice (copyright_end) to the page's end, whichever
    comes first, the teaser lists above that point (related_runs), and anywhere on the page each
    line that is mostly HTML markup (features.markup_lines: an ad's code that a converter left in the
    text), and on an HTML page (``dom``: its lines' DOM descriptors, for an HTML model) its link lists
    (link_lists) and, judged on the probabilities the other rules leave, the doubtful lines outside
    readability's article element (element_outsiders) and those of them in elements named for
    comments (comment_boxes)."""
    n = len(rows)
    if words is None:             # counted once for the three rules that read them
        words = word_counts(lines, rows)
    marks = (article_marks(dom, rows) if dom is not None and n and any(r in rules for r in _MARK_RULES)
             else None)
    links = (link_buckets(dom, rows) if dom is not None and ("thread_rule" in rules or "link_list_rule" in rules)
             else None)
    start = thread_start(lines, rows, p, threshold, words, lengths, marks, links) if "thread_rule" in rules else None
    end = copyright_end(lines, rows, p, threshold, words, lengths) if "copyright_rule" in rules else None
    if start is not None and end is not None:     # the first end of the article wins
        if end < start:
            start = None
        else:
            end = None
    stop = start if start is not None else end
    found = {"thread_rule": [(start, n)] if start is not None else [],
             "copyright_rule": [(end, n)] if end is not None else [],
             "related_rule": related_runs(lines, rows, p, threshold, words, stop) if "related_rule" in rules else [],
             "markup_rule": ([(k, k + 1) for k in np.flatnonzero(markup_lines(lines, rows)).tolist()]
                             if "markup_rule" in rules else []),
             "link_list_rule": (link_lists(lines, rows, p, threshold, links, words)
                                if "link_list_rule" in rules and dom is not None else [])}
    found["readability_rule"] = found["comment_box_rule"] = []
    if marks is not None and ("readability_rule" in rules or "comment_box_rule" in rules):
        # both judge the doubt the rules above leave; what they take out is discounted once (revise)
        left = discounted(p, found.values())
        if "readability_rule" in rules:
            if lengths is None:
                lengths = np.array([len(lines[r].strip()) for r in rows], dtype=np.float64)
            found["readability_rule"] = element_outsiders(left, threshold, marks, lengths)
        if "comment_box_rule" in rules:
            found["comment_box_rule"] = comment_boxes(left, threshold, marks, dom, rows)
    return found


def discounted(p: np.ndarray, found) -> np.ndarray:
    """``p`` with the items in any of the ranges ``found`` (lists of [start, end)) at a tenth
    (THREAD_DISCOUNT); an item two rules take out is discounted once."""
    out = np.zeros(len(p), dtype=bool)
    for ranges in found:
        for a, b in ranges:
            out[a:b] = True
    return np.where(out, p * THREAD_DISCOUNT, p) if out.any() else p


@dataclass
class Model:
    """A trained line model. Build one with ``train.fit`` or ``Model.load``; predict with
    ``predict_proba`` (body probability per line) or ``predict`` (labels)."""

    line_coef: np.ndarray                      # (N_FEATURES,) float32
    line_intercept: float
    ctx_mean: np.ndarray                       # (N_CONTEXT,)
    ctx_scale: np.ndarray                      # (N_CONTEXT,)
    ctx_layers: list[tuple[np.ndarray, np.ndarray]]  # MLP (weights, bias), ReLU between, logistic out
    kind_labels: tuple[str, ...] = ()
    kind_rows: np.ndarray | None = None        # (k,) int32 feature ids with non-zero kind weights
    kind_coef: np.ndarray | None = None        # (k, len(kind_labels)) float32
    kind_intercept: np.ndarray | None = None   # (len(kind_labels),)
    kind_ctx_mean: np.ndarray | None = None    # kind second pass (kind_context_matrix): standardisation
    kind_ctx_scale: np.ndarray | None = None
    kind_ctx_coef: np.ndarray | None = None    # (kind_context_width, k)
    kind_ctx_intercept: np.ndarray | None = None  # (k,)
    site_rows: np.ndarray | None = None        # site models: sorted feature ids of the site layer
    site_coef: np.ndarray | None = None        # their weights
    threshold: float = 0.5
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def uses_dom(self) -> bool:
        """Whether the model was trained on HTML pages' DOM descriptors (an HTML model)."""
        return self.info.get("input") == "html"

    # ---------------------------------------------------------------- prediction
    def _line_pass(self, f: LineFeatures) -> np.ndarray:
        return _sigmoid(f.dot(self.line_coef) + self.line_intercept)

    @property
    def reads_article_marks(self) -> bool:
        """Whether the context pass reads readability's article element (mark_matrix): HTML models
        trained since it was added."""
        return self.uses_dom and self.info.get("article_marks") is True

    @property
    def context_width(self) -> int:
        return (N_CONTEXT + (N_DOM_CONTEXT if self.uses_dom else 0)
                + (N_MARK_CONTEXT if self.reads_article_marks else 0))

    def context_features(self, p1: np.ndarray, lengths: np.ndarray,
                         paths: tuple[np.ndarray, np.ndarray] | None = None,
                         marks: np.ndarray | None = None) -> np.ndarray:
        """The context pass's input for one page (shared by training and inference)."""
        ctx = context_matrix(p1, lengths)
        if self.uses_dom:
            parts = [ctx, container_matrix(p1, lengths, paths if paths is not None
                                           else (np.zeros(len(p1), np.int64), np.zeros(0, np.int64)))]
            if self.reads_article_marks:
                parts.append(mark_matrix(p1, lengths, marks if marks is not None else np.zeros(len(p1), np.int64)))
            ctx = np.hstack(parts)
        return ctx

    def _context_pass(self, p1: np.ndarray, lengths: np.ndarray,
                      paths: tuple[np.ndarray, np.ndarray] | None = None,
                      marks: np.ndarray | None = None) -> np.ndarray:
        if len(p1) == 0:
            return p1
        return self._context_pass_matrix(self.context_features(p1, lengths, paths, marks))

    @cached_property
    def _ctx_layers32(self) -> list[tuple[np.ndarray, np.ndarray]]:
        return [(w.astype(np.float32), b.astype(np.float32)) for w, b in self.ctx_layers]

    def _context_pass_matrix(self, ctx: np.ndarray) -> np.ndarray:
        # float32: several times faster than float64 on these small products, and the body
        # probabilities differ by about 1e-6
        h = ((ctx - self.ctx_mean) / self.ctx_scale).astype(np.float32)
        return _sigmoid(by_row_blocks(self._network, h)[:, 0].astype(np.float64))

    def _network(self, h: np.ndarray) -> np.ndarray:
        layers = self._ctx_layers32
        for i, (w, b) in enumerate(layers):
            h = h @ w + b
            if i < len(layers) - 1:
                h = np.maximum(h, 0.0)
        return h

    def base_item_proba(self, f: LineFeatures, lines: list[str], dom: list[str] | None = None) -> np.ndarray:
        """Body probability of each item before any site layer: the shipped model's view."""
        lengths = item_lengths(f, lines)
        paths = item_paths(dom, f.rows) if (dom is not None and self.uses_dom) else None
        marks = article_marks(dom, f.rows) if (dom is not None and self.reads_article_marks) else None
        return self._context_pass(self._line_pass(f), lengths, paths, marks)

    def learned_item_proba(self, f: LineFeatures, lines: list[str], dom: list[str] | None = None) -> np.ndarray:
        """Body probability of each item from the learned passes (and a site model's site layer),
        before the revision rules: what the kind head was trained to read."""
        p = self.base_item_proba(f, lines, dom)
        if self.site_rows is not None and f.n_items:
            p = _sigmoid(logit(p) + site_dot(lines, f.rows, self.site_rows, self.site_coef))
        return p

    def revise(self, f: LineFeatures, lines: list[str], p: np.ndarray,
               dom: list[str] | None = None) -> np.ndarray:
        """The revision rules on the items' learned body probabilities ``p``: the items each rule takes
        out (revision_ranges) keep a tenth (THREAD_DISCOUNT) of their probability. A site model whose
        labels disagree with a rule has it off. ``dom``: an HTML page's DOM descriptors, for an HTML
        model's link-list rule."""
        if not f.n_items:
            return p
        site = self.info.get("site") or {}
        on = {rule for rule in RULES_ON if site.get(rule, True)}
        return discounted(p, revision_ranges(lines, f.rows, p, self.threshold, on, f.words, f.lengths,
                                             dom if self.uses_dom else None).values())

    def item_proba(self, f: LineFeatures, lines: list[str], dom: list[str] | None = None) -> np.ndarray:
        """Body probability of each non-blank line (the items of ``f``)."""
        return self.revise(f, lines, self.learned_item_proba(f, lines, dom), dom)

    def predict_proba(self, lines: list[str], dom: list[str] | None = None) -> np.ndarray:
        """Body probability of every line of a page (0.0 for blank lines); ``dom`` holds the lines'
        DOM descriptors for an HTML model (render.render_html)."""
        dom = dom if self.uses_dom else None
        out = np.zeros(len(lines), dtype=np.float64)
        for a, b in page_parts(lines):
            part, part_dom = lines[a:b], (dom[a:b] if dom is not None else None)
            f = featurize(part, part_dom)
            out[a + f.rows] = self.item_proba(f, part, part_dom)
        return out

    def kind_proba(self, f: LineFeatures, lines: list[str], p_body: np.ndarray | None = None) -> np.ndarray | None:
        """Probabilities over ``kind_labels`` for each item of ``f`` (the features of ``lines``), or None
        when the model has no kind head. With the items' body probabilities, a model with a second kind
        pass also reads each line's context (kind_context_matrix)."""
        q = self.kind_line_proba(f)
        if q is None or self.kind_ctx_coef is None or p_body is None or f.n_items == 0:
            return q
        cues = kind_cues(lines, f.rows) if self.reads_kind_cues else None
        ctx = kind_context_matrix(q, p_body, item_lengths(f, lines), self.threshold, cues)
        return _softmax((ctx - self.kind_ctx_mean) / self.kind_ctx_scale @ self.kind_ctx_coef
                        + self.kind_ctx_intercept)

    @property
    def reads_kind_cues(self) -> bool:
        """Whether the kind head's second pass reads the lines' kind cues (features.kind_cues); models
        made before KIND_CUE_VERSION do not."""
        return self.info.get("kind_cues") == KIND_CUE_VERSION

    def kind_line_proba(self, f: LineFeatures) -> np.ndarray | None:
        """The kind head's first pass: kind probabilities from each line's own features."""
        if self.kind_coef is None or not self.kind_labels:
            return None
        return kind_line_scores(f, self.kind_rows, self.kind_coef, self.kind_intercept, self._kind_table)

    @property
    def _kind_table(self) -> tuple[np.ndarray, np.ndarray]:
        # built on the first page the kind head reads, not when the model loads; rebuilt if the head's
        # arrays are replaced (a head refitted in place)
        cache = self.__dict__.get("_kind_table_cache")
        if cache is None or cache[0] is not self.kind_rows or cache[1] is not self.kind_coef:
            cache = (self.kind_rows, self.kind_coef, kind_table(self.kind_rows, self.kind_coef))
            self.__dict__["_kind_table_cache"] = cache
        return cache[2]

    # ---------------------------------------------------------------- files
    def save(self, path: str | Path) -> None:
        """Write the model as a compressed .npz of numeric arrays with a JSON header."""
        header = dict(self.info)
        header.update({
            "format": "clean-article-model",
            "format_version": FORMAT_VERSION,
            "feature_version": FEATURE_VERSION,
            "n_features": N_FEATURES,
            "labels": list(LABELS),
            "kind_labels": list(self.kind_labels),
            "threshold": float(self.threshold),
            "line_intercept": float(self.line_intercept),
            "ctx_layers": len(self.ctx_layers),
        })
        arrays = {
            "header": np.frombuffer(json.dumps(header, sort_keys=True).encode("utf-8"), dtype=np.uint8),
            "line_coef": self.line_coef.astype(np.float32),
            "ctx_mean": self.ctx_mean, "ctx_scale": self.ctx_scale,
        }
        for i, (w, b) in enumerate(self.ctx_layers):
            arrays[f"ctx_w{i}"] = w
            arrays[f"ctx_b{i}"] = b
        if self.site_rows is not None:
            arrays["site_rows"] = self.site_rows.astype(np.int32)
            arrays["site_coef"] = self.site_coef.astype(np.float32)
        if self.kind_coef is not None:
            arrays["kind_rows"] = self.kind_rows.astype(np.int32)
            arrays["kind_coef"] = self.kind_coef.astype(np.float32)
            arrays["kind_intercept"] = self.kind_intercept
        if self.kind_ctx_coef is not None:
            for name in ("kind_ctx_mean", "kind_ctx_scale", "kind_ctx_coef", "kind_ctx_intercept"):
                arrays[name] = getattr(self, name).astype(np.float64)
        path = Path(path)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **arrays)
        # a checksum beside the file: load() refuses a file that no longer matches it
        checksum_path(path).write_text(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n")

    @classmethod
    def load(cls, path: str | Path) -> "Model":
        """Read a model file; raise ModelError with a plain reason for anything unusable."""
        path = Path(path)
        if not path.is_file():
            raise ModelError(f"model file not found: {path}")
        side = checksum_path(path)
        if side.is_file():
            want = side.read_text(errors="replace").split()[:1]
            got = hashlib.sha256(path.read_bytes()).hexdigest()
            if want != [got]:
                raise ModelError(f"{path} does not match its checksum file {side.name} (SHA-256 {got[:16]}…): "
                                 "the file was changed or damaged; reinstall or retrain it")
        try:
            with np.load(path, allow_pickle=False) as z:
                arrays = {k: z[k] for k in z.files}
        except (zipfile.BadZipFile, ValueError, OSError, EOFError, KeyError) as e:
            raise ModelError(f"{path} is not a clean-article model file (unreadable: {e})") from None
        # members that are not .npy arrays come back as raw bytes; object arrays are refused by
        # allow_pickle=False above; only plain numeric arrays are accepted
        for name, value in arrays.items():
            if not isinstance(value, np.ndarray) or value.dtype.kind not in "biuf":
                raise ModelError(f"{path} is not a clean-article model file (member {name!r} is not a "
                                 f"numeric array)")
        if "header" not in arrays:
            raise ModelError(f"{path} is not a clean-article model file (no header)")
        try:
            header = json.loads(arrays["header"].tobytes().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ModelError(f"{path}: model header is corrupted") from None
        if not isinstance(header, dict) or header.get("format") != "clean-article-model":
            raise ModelError(f"{path} is not a clean-article model file")
        version = header.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION or version < 1:
            raise ModelError(f"{path}: model format version {version!r} is not supported by this "
                             f"clean-article (it reads version {FORMAT_VERSION}); upgrade clean-article")
        if header.get("feature_version") != FEATURE_VERSION or header.get("n_features") != N_FEATURES:
            raise ModelError(f"{path}: model was trained with feature version "
                             f"{header.get('feature_version')!r}; this clean-article computes version "
                             f"{FEATURE_VERSION}: retrain it from its labels (clean-article train), or use "
                             f"the clean-article version that trained it")
        missing = [k for k in _REQUIRED if k not in arrays and k not in header]
        n_layers = header.get("ctx_layers")
        if not isinstance(n_layers, int) or n_layers < 1:
            missing.append("ctx_layers")
        if missing:
            raise ModelError(f"{path}: model file is incomplete (missing {', '.join(missing)})")
        layers = []
        for i in range(n_layers):
            if f"ctx_w{i}" not in arrays or f"ctx_b{i}" not in arrays:
                raise ModelError(f"{path}: model file is incomplete (missing layer {i})")
            layers.append((arrays[f"ctx_w{i}"].astype(np.float64), arrays[f"ctx_b{i}"].astype(np.float64)))
        try:
            kind_labels = tuple(header.get("kind_labels") or ())
            model = cls(
                line_coef=arrays["line_coef"],
                line_intercept=float(header["line_intercept"]),
                ctx_mean=arrays["ctx_mean"].astype(np.float64),
                ctx_scale=arrays["ctx_scale"].astype(np.float64),
                ctx_layers=layers,
                kind_labels=kind_labels,
                kind_rows=arrays.get("kind_rows"),
                kind_coef=arrays.get("kind_coef"),
                kind_intercept=arrays.get("kind_intercept"),
                kind_ctx_mean=arrays.get("kind_ctx_mean"),
                kind_ctx_scale=arrays.get("kind_ctx_scale"),
                kind_ctx_coef=arrays.get("kind_ctx_coef"),
                kind_ctx_intercept=arrays.get("kind_ctx_intercept"),
                site_rows=arrays.get("site_rows"),
                site_coef=arrays.get("site_coef"),
                threshold=float(header.get("threshold", 0.5)),
                info={k: v for k, v in header.items() if k in _INFO_KEYS},
            )
        except (TypeError, ValueError) as e:
            raise ModelError(f"{path}: model header is corrupted ({e})") from None
        model._validate(path)
        return model

    def _validate(self, path) -> None:
        def bad(what):
            raise ModelError(f"{path}: model file is inconsistent ({what})")
        if self.line_coef.shape != (N_FEATURES,):
            bad(f"line weights have shape {self.line_coef.shape}, expected ({N_FEATURES},)")
        width = self.context_width
        if self.ctx_mean.shape != (width,) or self.ctx_scale.shape != (width,):
            bad("context scaling has the wrong shape")
        for w, b in self.ctx_layers:
            if w.ndim != 2 or w.shape[0] != width or b.shape != (w.shape[1],):
                bad("context network layers do not fit together")
            width = w.shape[1]
        if width != 1:
            bad("context network must end in one output")
        site = self.info.get("site") or {}
        if self.site_rows is not None and len(self.site_rows) and \
                site.get("feature_version", 1) != SITE_FEATURE_VERSION:
            raise ModelError(f"{path}: site model made with site-layer features version "
                             f"{site.get('feature_version', 1)!r}; this clean-article computes version "
                             f"{SITE_FEATURE_VERSION}: retrain it from its labels (clean-article train)")
        if not 0.0 <= self.threshold <= 1.0:
            bad(f"threshold {self.threshold} outside [0, 1]")
        if set(self.kind_labels) - set(LABELS):
            bad("unknown kind labels")
        if self.info.get("kind_cues") not in (None, KIND_CUE_VERSION):
            raise ModelError(f"{path}: model's kind head reads kind cues version {self.info['kind_cues']!r}; this "
                             f"clean-article computes version {KIND_CUE_VERSION}: retrain it from its labels "
                             f"(clean-article train), or use the clean-article version that trained it")
        if self.kind_coef is not None:
            k = len(self.kind_labels)
            if (self.kind_rows is None or self.kind_intercept is None or self.kind_rows.ndim != 1
                    or self.kind_coef.shape != (len(self.kind_rows), k) or self.kind_intercept.shape != (k,)):
                bad("kind head arrays do not fit together")
            if len(self.kind_rows) and (self.kind_rows.min() < 0 or self.kind_rows.max() >= N_FEATURES):
                bad("kind head feature ids out of range")
            if np.any(np.diff(self.kind_rows) <= 0):
                bad("kind head feature ids are not strictly increasing")
        ctx_kind = [self.kind_ctx_mean, self.kind_ctx_scale, self.kind_ctx_coef, self.kind_ctx_intercept]
        if any(a is not None for a in ctx_kind):
            k = len(self.kind_labels)
            m = kind_context_width(k, self.reads_kind_cues)
            if (self.kind_coef is None or any(a is None for a in ctx_kind)
                    or self.kind_ctx_mean.shape != (m,) or self.kind_ctx_scale.shape != (m,)
                    or self.kind_ctx_coef.shape != (m, k) or self.kind_ctx_intercept.shape != (k,)):
                bad("kind second-pass arrays do not fit the kind head")
            if np.any(self.kind_ctx_scale == 0):
                bad("zero kind context scale")
        if (self.site_rows is None) != (self.site_coef is None):
            bad("site layer arrays come in pairs")
        if self.site_rows is not None:
            if self.site_rows.ndim != 1 or self.site_coef.shape != self.site_rows.shape:
                bad("site layer arrays do not fit together")
            if len(self.site_rows) and (self.site_rows.min() < 0 or self.site_rows.max() >= N_FEATURES
                                        or np.any(np.diff(self.site_rows) <= 0)):
                bad("site layer feature ids out of range or not strictly increasing")
        for name, a in [("line_coef", self.line_coef), ("site_coef", self.site_coef), ("ctx_mean", self.ctx_mean),
                        ("ctx_scale", self.ctx_scale), ("kind_coef", self.kind_coef),
                        ("kind_ctx_coef", self.kind_ctx_coef), ("kind_ctx_mean", self.kind_ctx_mean),
                        ("kind_ctx_scale", self.kind_ctx_scale)] + \
                [(f"ctx layer {i}", w) for i, (w, _) in enumerate(self.ctx_layers)]:
            if a is not None and not np.all(np.isfinite(a)):
                bad(f"{name} holds NaN or infinite values")
        if np.any(self.ctx_scale == 0):
            bad("zero context scale")

