"""Derive labelled lines from wcxb-dev (CC-BY-4.0, WCXB, Murrough Foley, 2026).

    python -m tools.build_wcxb_data [--jobs 2]

Each page is rendered to text by several converters and every line is labelled `body` (aligned with
the gold main_content, see clean_article.align) or `other` (not part of the article). The gold sets do
not say which kind of boilerplate a line is, so each document's header says ``kinds=no``: its `other`
means "not body", and training uses these documents only for body versus not-body. Whole domains are held out for testing (split=test: the
domain's SHA-1 modulo 5 is 0), so no site is both trained and measured on.
Writes data/wcxb/<converter>.labels.gz.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from joblib import Parallel, delayed

from bench import datasets
from bench.datasets import domain_split
from bench.converters import render
from clean_article.align import align_lines
from clean_article.labelled import LabelledDoc, write_labelled
from clean_article.lines import split_lines

CONVERTERS = ("lxml", "html-text", "inscriptis")
OUT = Path(__file__).resolve().parent.parent / "data" / "wcxb"


def label_page(page, converter: str) -> LabelledDoc:
    lines = [line.rstrip() for line in split_lines(render(page.html, converter))]
    keep = align_lines(lines, page.gold)
    labels = ["" if not line.strip() else ("body" if k else "other") for line, k in zip(lines, keep)]
    # collapse runs of blank lines to one: layout is kept, bulk is not
    out_lines, out_labels = [], []
    for line, label in zip(lines, labels):
        if not line.strip() and out_lines and not out_lines[-1].strip():
            continue
        out_lines.append(line if line.strip() else "")
        out_labels.append(label)
    meta = {"kinds": "no", "converter": converter, "site": page.site, "type": page.kind, "split": domain_split(page.site),
            "source": f"wcxb-dev/{page.page_id}"}
    return LabelledDoc(f"wcxb-{page.page_id}-{converter}", out_lines, out_labels, meta)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    pages = list(datasets.wcxb())[: args.limit]
    OUT.mkdir(parents=True, exist_ok=True)
    for conv in CONVERTERS:
        docs = Parallel(n_jobs=args.jobs, batch_size=16)(delayed(label_page)(p, conv) for p in pages)
        n = write_labelled(docs, OUT / f"{conv}.labels.gz")
        body = sum(d.labels.count("body") for d in docs)
        total = sum(sum(1 for l in d.labels if l) for d in docs)
        print(f"{conv}: {n} pages, {total} lines, {body} body", flush=True)


if __name__ == "__main__":
    main()
