"""Derive labelled lines from wcxb-dev (CC-BY-4.0, WCXB, Murrough Foley, 2026).

    python -m tools.build_wcxb_data [--jobs 2]

Each page is rendered to text by several converters and every line is labelled `body` (aligned with
the gold main_content, see clean_article.align) or `other` (not part of the article). The gold sets do
not say which kind of boilerplate a line is, so each document's header says ``kinds=no``: its `other`
means "not body", and training uses these documents only for body versus not-body. Whole domains are held out for testing (split=test: the
domain's SHA-1 modulo 5 is 0), so no site is both trained and measured on.
Writes data/wcxb/<converter>.labels.gz, and data/wcxb/lxml.dom.gz: the DOM descriptors of each line
of our own lxml rendering (clean_article.render.render_html), which the HTML model trains on.

    python -m tools.build_wcxb_data --dom-only   # rewrite lxml.dom.gz from the existing lxml labels
"""

from __future__ import annotations

import argparse
from pathlib import Path

from joblib import Parallel, delayed

from bench import datasets
from bench.datasets import domain_split
from bench.converters import render
from clean_article.align import align_lines
from clean_article.labelled import LabelledDoc, attach_dom, read_labelled, write_dom, write_labelled
from clean_article.lines import split_lines
from clean_article.render import render_html

CONVERTERS = ("lxml", "html-text", "inscriptis")
OUT = Path(__file__).resolve().parent.parent / "data" / "wcxb"


def label_page(page, converter: str) -> LabelledDoc:
    if converter == "lxml":   # our renderer's own line units, which the HTML model and its DOM file read
        lines = render_html(page.html).lines
    else:
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


def dom_entries(page, doc: LabelledDoc) -> list[str]:
    """DOM descriptors for the lines of ``doc`` (the page's lxml rendering); the renderer must give
    the very lines that were labelled."""
    rendered = render_html(page.html)
    if [line.strip() for line in doc.lines] != rendered.lines:
        raise RuntimeError(f"{doc.doc_id}: lxml rendering differs from the labelled lines; rebuild labels")
    return rendered.dom


def write_dom_file(pages, jobs: int) -> None:
    docs = read_labelled(OUT / "lxml.labels.gz")
    by_source = {p.page_id: p for p in pages}
    docs = [d for d in docs if d.meta.get("source", "").split("/")[-1] in by_source]
    doms = Parallel(n_jobs=jobs, batch_size=16)(
        delayed(dom_entries)(by_source[d.meta["source"].split("/")[-1]], d) for d in docs)
    attach_dom(docs, {d.doc_id: dom for d, dom in zip(docs, doms)})
    n = write_dom(docs, OUT / "lxml.dom.gz")
    print(f"lxml DOM: {n} pages", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--dom-only", action="store_true", help="only rewrite lxml.dom.gz")
    ap.add_argument("--converters", default=",".join(CONVERTERS), help="comma list of converters to rebuild")
    args = ap.parse_args()
    pages = list(datasets.wcxb())[: args.limit]
    OUT.mkdir(parents=True, exist_ok=True)
    if args.dom_only:
        write_dom_file(pages, args.jobs)
        return
    for conv in args.converters.split(","):
        docs = Parallel(n_jobs=args.jobs, batch_size=16)(delayed(label_page)(p, conv) for p in pages)
        n = write_labelled(docs, OUT / f"{conv}.labels.gz")
        body = sum(d.labels.count("body") for d in docs)
        total = sum(sum(1 for l in d.labels if l) for d in docs)
        print(f"{conv}: {n} pages, {total} lines, {body} body", flush=True)
    if "lxml" in args.converters.split(","):
        write_dom_file(pages, args.jobs)


if __name__ == "__main__":
    main()
