"""Per-site retraining experiment: a site model trained on 3 labelled pages vs the base model.

    python -m bench.site_retrain                    # text mode (html-text rendering)
    python -m bench.site_retrain --input html       # HTML mode (lxml rendering with DOM, HTML model)

For the sites with the most pages in l3s-gn1 and wcxb-dev, the first 3 pages (by id) are labelled from
the gold text (lines aligned with it are body, the rest not) and a site model is trained on them with
clean_article.site; the site's other pages are cleaned by the base model and by the site model and
scored against the gold text (shingle F1). Also times `train_site` (the work behind
`clean-article train site.labels`, cross-validation included) on 10 pages of one site.
wcxb-dev's most-paged domains are all in its training split, so the base model saw other pages of those
sites; l3s-gn1 sites are new to it.
"""

from __future__ import annotations

import argparse
import collections
import tempfile
import time
from pathlib import Path

from clean_article import load_model
from clean_article.align import align_lines
from clean_article.api import _results
from clean_article.labelled import LabelledDoc, write_dom, write_labelled
from clean_article.lines import split_lines
from clean_article.metrics import aggregate, page_scores
from clean_article.render import render_html
from clean_article.site import fit_site, train_site

from . import datasets
from .converters import render


def _doc(page, input_kind: str) -> LabelledDoc:
    if input_kind == "html":
        r = render_html(page.html)
        lines, dom = r.lines, r.dom
    else:
        lines, dom = split_lines(render(page.html, "html-text")), None
    body = align_lines(lines, page.gold)
    labels = ["" if not line.strip() else ("body" if b else "other") for line, b in zip(lines, body)]
    return LabelledDoc(page.page_id, lines, labels, {"site": page.site, "kinds": "no"}, None, dom)


def _clean(model, doc: LabelledDoc) -> str:
    return "\n".join(r.text.strip() for r in _results(doc.lines, model, model.threshold, doc.dom, kinds=False)
                     if r.is_body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", choices=("text", "html"), default="text")
    ap.add_argument("--sites", type=int, default=8, help="sites per set")
    ap.add_argument("--train-pages", type=int, default=3)
    args = ap.parse_args()
    base = load_model(html=args.input == "html")
    results = []
    for set_name, loader in (("l3s-gn1", datasets.l3s_gn1), ("wcxb-dev", datasets.wcxb)):
        by_site = collections.defaultdict(list)
        for p in loader():
            by_site[p.site].append(p)
        top = [s for s, ps in sorted(by_site.items(), key=lambda kv: (-len(kv[1]), kv[0]))
               if len(ps) >= args.train_pages + 2][: args.sites]
        for site in top:
            pages = sorted(by_site[site], key=lambda p: p.page_id)
            docs = [_doc(p, args.input) for p in pages]
            train, test = docs[: args.train_pages], docs[args.train_pages:]
            gold = {p.page_id: p.gold for p in pages}
            site_model = fit_site(train, base)
            b = aggregate([page_scores(gold[d.doc_id], _clean(base, d)) for d in test])["f1"]
            s = aggregate([page_scores(gold[d.doc_id], _clean(site_model, d)) for d in test])["f1"]
            results.append((set_name, site, len(test), b, s))
            print(f"{set_name:<9} {site:<28} test pages={len(test):<3} base F1={b:.3f}  site model F1={s:.3f}  "
                  f"({s - b:+.4f})", flush=True)
    diffs = [s - b for *_, b, s in results]
    print(f"\naverage over {len(results)} sites: base {sum(r[3] for r in results) / len(results):.3f}, "
          f"site model {sum(r[4] for r in results) / len(results):.3f} "
          f"(mean change {sum(diffs) / len(diffs):+.3f}, worst {min(diffs):+.4f}, best {max(diffs):+.3f})")

    # timing: the whole `clean-article train` path on 10 labelled pages of one site
    site_pages = sorted((p for p in datasets.wcxb() if p.site == "rei.com"), key=lambda p: p.page_id)[:10]
    docs = [_doc(p, args.input) for p in site_pages]
    with tempfile.TemporaryDirectory() as tmp:
        labels = Path(tmp) / "site.labels"
        write_labelled(docs, labels)
        if args.input == "html":
            write_dom(docs, Path(tmp) / "site.dom.gz")
        base_path = Path(tmp) / "base.npz"
        base.save(base_path)
        t0 = time.perf_counter()
        train_site([labels], base_path, Path(tmp) / "site.model", log=lambda m: None)
        print(f"retraining on {len(docs)} pages (cross-validation, fit, save, card): "
              f"{time.perf_counter() - t0:.1f}s")


if __name__ == "__main__":
    main()
