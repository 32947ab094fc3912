"""Validate the aligner: keep exactly the lines it labels `body` and score them against the gold text.

    python -m bench.validate_aligner [--limit N]

Prints shingle F1 per gold set (dragnet test split, l3s-gn1) and converter. The aligner is what turns
wcxb-dev's gold text into line labels for training, so its ceiling bounds what the model can learn.
"""

from __future__ import annotations

import argparse
import itertools

from clean_article.align import align_lines
from clean_article.lines import split_lines
from clean_article.metrics import aggregate, page_scores

from . import datasets
from .converters import render

CONVERTERS = ("lxml", "html-text", "inscriptis")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="pages per set (default: all)")
    args = ap.parse_args()
    sets = {"dragnet-test": lambda: datasets.dragnet("test"), "l3s-gn1": datasets.l3s_gn1}
    print(f"{'set':<14}{'converter':<12}{'pages':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for name, load in sets.items():
        pages = list(itertools.islice(load(), args.limit))
        for conv in CONVERTERS:
            scores = []
            for page in pages:
                lines = split_lines(render(page.html, conv))
                keep = align_lines(lines, page.gold)
                scores.append(page_scores(page.gold, "\n".join(l for l, k in zip(lines, keep) if k)))
            m = aggregate(scores)
            print(f"{name:<14}{conv:<12}{m['pages']:>6}{m['precision']:>8.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}",
                  flush=True)


if __name__ == "__main__":
    main()
