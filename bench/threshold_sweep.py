"""Shingle F1 of `clean` at several body thresholds, on every validation set and converter.

    python -m bench.threshold_sweep [--sets dragnet-test,l3s-gn1,wcxb-heldout] [--converters html-text,inscriptis]
    python -m bench.threshold_sweep --converters html      # the HTML model (clean_html)

Each threshold is set as the model's own (the revision rules count the article's first words with
it too), as train.py would ship it. This is how the text model's threshold (training.TEXT_THRESHOLD)
was chosen: on dragnet-test, confirmed on l3s-gn1, checked on the held-out wcxb-dev sites.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools

from clean_article import load_model
from clean_article.metrics import aggregate, page_scores

from .converters import render
from .run import SETS, _kept_html, _kept_text

THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--converters", default="html-text,inscriptis", help="converters, or html for the HTML model")
    ap.add_argument("--thresholds", default=",".join(map(str, THRESHOLDS)))
    ap.add_argument("--limit", type=int, default=None, help="pages per set (default: all)")
    args = ap.parse_args()
    thresholds = [float(t) for t in args.thresholds.split(",")]
    for set_name in args.sets.split(","):
        pages = list(itertools.islice(SETS[set_name](), args.limit))
        articles = [i for i, p in enumerate(pages) if p.kind == "article"]
        for conv in args.converters.split(","):
            html = conv == "html"
            model = load_model(html=html)
            inputs = [p.html if html else render(p.html, conv) for p in pages]
            keep = _kept_html if html else _kept_text
            cells = []
            for t in thresholds:
                m = dataclasses.replace(model, threshold=t)
                scores = [page_scores(page.gold, "\n".join(x.strip() for x, k in zip(*keep(inp, m)) if k))
                          for page, inp in zip(pages, inputs)]
                f1 = aggregate(scores)["f1"]
                if len(articles) < len(pages):
                    f1s = f"{f1:.3f} ({aggregate([scores[i] for i in articles])['f1']:.3f})"
                else:
                    f1s = f"{f1:.3f}"
                cells.append(f"{t:g}: {f1s}")
            print(f"{set_name:<14}{conv:<12}(model {model.threshold:g})  " + "  ".join(cells), flush=True)
    print("F1 at each threshold; on sets with several page types, articles alone in brackets")


if __name__ == "__main__":
    main()
