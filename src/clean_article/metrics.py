"""Article Extraction Benchmark scoring: word 4-gram shingles as multisets, per-page TP/FP/FN
normalised by their sum, precision and recall averaged over pages, F1 of the two means."""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

__all__ = ["shingle_counts", "page_scores", "page_texts", "aggregate"]

_TOKEN = re.compile(r"\w+")


def shingle_counts(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def page_scores(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page."""
    true, pred = shingle_counts(gold), shingle_counts(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def aggregate(scores: Sequence[tuple[float, float, float]]) -> dict[str, float]:
    """Precision, recall (means over pages) and their F1, as in the benchmark's evaluate.py."""
    ps = [_precision(*s) for s in scores if s[0] + s[1] > 0]
    rs = [_recall(*s) for s in scores if s[0] + s[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "pages": len(scores)}


def page_texts(doc, rows: Sequence[int], keep: Sequence[bool]) -> tuple[str, str]:
    """(gold body, kept text) of a labelled page (labelled.LabelledDoc) given which of its items
    (line indices ``rows``) are kept."""
    gold = "\n".join(doc.lines[r] for r in rows if doc.labels[r] == "body")
    pred = "\n".join(doc.lines[r] for r, k in zip(rows, keep) if k)
    return gold, pred
