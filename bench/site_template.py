"""Cleaning a site's pages together: shingle F1 with and without the template-line step.

    python -m bench.site_template                          # html-text, inscriptis, bs4 and HTML
    python -m bench.site_template --converters html-text

Every page of a set is classified alone (clean_article.classify / classify_html); then the pages of
each site are read together (clean_article.api.read_sites, what clean_site does) and the lines that
recur across them outside each page's article are dropped. Scored against the gold text on all pages
of the set (a site with one page is unchanged), with the words of the dropped lines counted as gold
(aligned with the gold text) or not. dragnet-test has no site names and is not in it. wcxb-train is
the wcxb-dev domains the shipped models were trained on: its scores flatter the model, but what the
step drops there, in shops and documentation whose pages share real content, shows its risk.
"""

from __future__ import annotations

import argparse
from collections import Counter

from clean_article import classify, classify_html, load_model
from clean_article.align import align_lines
from clean_article.api import read_sites
from clean_article.labels import BODY
from clean_article.metrics import aggregate, page_scores

from . import datasets
from .converters import render

SETS = {
    "l3s-gn1": datasets.l3s_gn1,
    "wcxb-heldout": datasets.wcxb_heldout,
    "wcxb-train": lambda: [p for p in datasets.wcxb() if datasets.domain_split(p.site) == "train"],
}


def _body(results) -> str:
    return "\n".join(r.text.strip() for r in results if r.label == BODY)


def run(set_name: str, converter: str) -> None:
    pages = list(SETS[set_name]())
    html = converter == "html"
    model = load_model(html=html)
    results = [classify_html(p.html, model) if html else classify(render(p.html, converter), model)
               for p in pages]
    together = read_sites(results, [p.site for p in pages], [model.threshold] * len(pages))
    sizes = Counter(p.site for p in pages)
    gold_words = other_words = 0
    for p, alone, both in zip(pages, results, together):
        dropped = [(a.index, a.text) for a, b in zip(alone, both) if a.label == BODY and b.label != BODY]
        if dropped:
            aligned = align_lines([r.text for r in alone], p.gold)
            for j, text in dropped:
                if aligned[j]:
                    gold_words += len(text.split())
                else:
                    other_words += len(text.split())
    before = aggregate([page_scores(p.gold, _body(r)) for p, r in zip(pages, results)])
    after = aggregate([page_scores(p.gold, _body(r)) for p, r in zip(pages, together)])
    multi = sum(n for n in sizes.values() if n > 1)
    print(f"{set_name:<13} {converter:<11} pages={len(pages):<5} in sites of 2+ pages={multi:<5} "
          f"F1 alone {before['f1']:.4f} -> together {after['f1']:.4f} ({after['f1'] - before['f1']:+.4f}; "
          f"P {before['precision']:.3f} -> {after['precision']:.3f}, R {before['recall']:.3f} -> "
          f"{after['recall']:.3f})  words dropped: not gold {other_words}, gold {gold_words}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--converters", default="html-text,inscriptis,bs4,html",
                    help="text converters (bench.converters) and/or 'html' (the HTML model on the HTML)")
    args = ap.parse_args()
    for set_name in args.sets.split(","):
        for converter in args.converters.split(","):
            run(set_name, converter)


if __name__ == "__main__":
    main()
