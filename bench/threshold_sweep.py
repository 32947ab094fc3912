"""Shingle F1 of `clean` at several thresholds on the validation sets (html-text rendering).

    python -m bench.threshold_sweep [--limit 200]

Shows whether a threshold chosen on one set holds on the other; the shipped threshold is chosen on
the training sites, not here.
"""

from __future__ import annotations

import argparse
import itertools

from clean_article import load_model
from clean_article.lines import split_lines
from clean_article.metrics import aggregate, page_scores

from . import datasets
from .converters import render


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=200, help="pages per set")
    ap.add_argument("--converter", default="html-text")
    args = ap.parse_args()
    model = load_model()
    sets = {"dragnet-test": datasets.dragnet("test"), "l3s-gn1": datasets.l3s_gn1()}
    pages = {}
    for name, it in sets.items():
        pages[name] = []
        for p in itertools.islice(it, args.limit):
            lines = split_lines(render(p.html, args.converter))
            pages[name].append((p.gold, lines, model.predict_proba(lines)))
    print(f"model threshold: {model.threshold}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        cells = []
        for name, rows in pages.items():
            m = aggregate([page_scores(g, "\n".join(l.strip() for l, p in zip(lines, ps) if p >= t))
                           for g, lines, ps in rows])
            cells.append(f"{name} F1={m['f1']:.3f} P={m['precision']:.3f} R={m['recall']:.3f}")
        print(f"{t:.1f}  " + " | ".join(cells), flush=True)


if __name__ == "__main__":
    main()
