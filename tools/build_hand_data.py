"""Assemble hand-labelled wcxb-dev pages into data/hand.labels (+ data/hand.dom.gz).

    python -m tools.build_hand_data BATCH.labels... [-o data/hand.labels]

Each batch holds pages copied from data/wcxb/<converter>.labels.gz (header ``source=wcxb-dev/NNNN
converter=... labelled=hand``) whose labels a person corrected. The tool checks that every page's lines
are exactly those of its auto-labelled copy, that no ``?`` is left, and that no page appears twice;
writes the pages sorted by id; and writes the DOM descriptors of the lxml-rendered pages (taken from
data/wcxb/lxml.dom.gz) to the DOM side file, so the HTML model learns the kinds from them too.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clean_article.labelled import dom_file, read_dom, read_labelled, write_dom, write_labelled

DATA = Path(__file__).resolve().parent.parent / "data"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("batches", nargs="+", type=Path)
    ap.add_argument("-o", "--out", type=Path, default=DATA / "hand.labels")
    args = ap.parse_args()
    docs = read_labelled(args.batches)
    ids = [d.doc_id for d in docs]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        sys.exit(f"pages labelled twice: {sorted(dupes)}")
    auto = {}
    for conv in sorted({d.meta["converter"] for d in docs}):
        auto[conv] = {d.meta["source"]: d for d in read_labelled(DATA / "wcxb" / f"{conv}.labels.gz")}
    lxml_dom = read_dom(DATA / "wcxb" / "lxml.dom.gz")
    for d in docs:
        if any(d.unsure):
            sys.exit(f"{d.doc_id}: a label is still marked '?'")
        copy = auto[d.meta["converter"]].get(d.meta["source"])
        if copy is None or copy.lines != d.lines:
            sys.exit(f"{d.doc_id}: lines differ from the auto-labelled copy of {d.meta['source']}")
        if d.meta["converter"] == "lxml":
            d.dom = lxml_dom[copy.doc_id]
        d.unsure = None
    docs.sort(key=lambda d: d.doc_id)
    write_labelled(docs, args.out)
    n_dom = write_dom(docs, dom_file(args.out))
    sites = {d.meta.get("site") for d in docs}
    print(f"wrote {args.out}: {len(docs)} pages from {len(sites)} sites; DOM for {n_dom} lxml pages")


if __name__ == "__main__":
    main()
