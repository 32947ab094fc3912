"""Benchmark: clean-article on text from several converters vs the peers on the same pages' HTML.

    python -m bench.run                      # all sets, all systems
    python -m bench.run --limit 50 --sets dragnet-test

For each page of dragnet (test split), l3s-gn1 and the held-out wcxb-dev domains, the HTML is rendered
to text by each converter and `clean` runs on that text; `clean_html` (the HTML model) and the peers
read the HTML. All are scored with
the Article Extraction Benchmark metric (clean_article.metrics) and timed in the same run, so speed
ratios are comparable: clean-article's docs/s count `clean` on the text (rendering excluded, as a user
of text mode already has the text); `clean_html` and the peers count their whole extraction from HTML,
the parse included. Each system reads the first WARM_PAGES pages once untimed before its timed pass
(lazy imports and tables). A converter can give no text for a page (its parser drops a broken
document): the output counts such pages per converter, and where there are any, adds a "rendered"
row over the pages every converter rendered, so the renderings compare on the same pages. For
clean-article the output also says where its errors sit (before the article,
inside it, after it, article dropped), so the next step is visible. With ``--jobs N`` the batch path
(`clean-article --jsonl --jobs N`: clean_records over joblib processes) is timed too, on the same pages.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import time
from pathlib import Path

from clean_article import load_model
from clean_article.lines import split_lines
from clean_article.render import render_html
from clean_article.align import align_lines
from clean_article.metrics import aggregate, page_scores

from . import datasets
from .converters import render
from .peers import PEERS

SETS = {
    "dragnet-test": lambda: datasets.dragnet("test"),
    "l3s-gn1": datasets.l3s_gn1,
    "wcxb-heldout": datasets.wcxb_heldout,
}
CONVERTERS = ("html-text", "inscriptis", "bs4")


def _safe(fn, arg) -> str:
    try:
        return fn(arg) or ""
    except Exception:  # a peer's crash on one page counts as an empty extraction
        return ""


_WORD = re.compile(r"\w+")


def error_breakdown(pages, details) -> dict[str, float]:
    """Where clean-article's errors sit, in words, as a share of the gold article's words: lines kept
    that are not article text before the article starts, inside it, after it ends, and article lines
    dropped. A line's gold status comes from aligning the page's lines with the gold text."""
    agg = {"fp_before": 0, "fp_inside": 0, "fp_after": 0, "fn": 0, "gold": 0}
    for page, (lines, keep) in zip(pages, details):
        body = align_lines(lines, page.gold)
        idx = [i for i, b in enumerate(body) if b]
        first, last = (idx[0], idx[-1]) if idx else (len(lines), -1)
        agg["gold"] += len(_WORD.findall(page.gold))
        for i, (line, k, b) in enumerate(zip(lines, keep, body)):
            n = len(_WORD.findall(line))
            if k and not b:
                agg["fp_before" if i < first else "fp_after" if i > last else "fp_inside"] += n
            elif b and not k:
                agg["fn"] += n
    gold = max(agg.pop("gold"), 1)
    return {k: v / gold for k, v in agg.items()}


def _kept_text(text: str, model) -> tuple[list[str], list[bool]]:
    """What `clean` does (no kind head), keeping each line's verdict for the error breakdown."""
    lines = split_lines(text)
    return lines, _body_flags(lines, model)


def _kept_html(html: str, model) -> tuple[list[str], list[bool]]:
    """What `clean_html` does, the lxml parse included."""
    page = render_html(html)
    return page.lines, _body_flags(page.lines, model, page.dom)


def _body_flags(lines: list[str], model, dom=None) -> list[bool]:
    """Which lines `clean` keeps (its body-only path: Model.predict_proba and the threshold)."""
    p = model.predict_proba(lines, dom)
    return [pb >= model.threshold and bool(line.strip()) for line, pb in zip(lines, p.tolist())]


def _batch(records, jobs: int, model_path, html_model_path) -> tuple[list[str], float]:
    """What `clean-article --jsonl --jobs N` does (clean_records, joblib processes), timed; the worker
    pool is started on a few records first, as a long batch pays that once."""
    from clean_article.batch import clean_records
    options = {"model_path": model_path, "html_model_path": html_model_path}
    list(clean_records(records[:2 * jobs], jobs=jobs, **options))
    t0 = time.perf_counter()
    outs = [o.get("text", "") for o in clean_records(records, jobs=jobs, **options)]
    return outs, time.perf_counter() - t0


WARM_PAGES = 3


def run(sets, converters, peers, limit, model_path=None, html_model_path=None, html=True, jobs=1):
    model = load_model(model_path)
    html_model = load_model(html_model_path, html=True) if html else None
    rows = []
    for set_name in sets:
        pages = list(itertools.islice(SETS[set_name](), limit))
        rendered = {conv: [render(p.html, conv) for p in pages] for conv in converters}
        groups = {"all": pages}
        if set_name == "wcxb-heldout":
            groups["article"] = [p for p in pages if p.kind == "article"]
        empty = {conv: sum(not t.strip() for t in texts) for conv, texts in rendered.items()}
        if any(empty.values()):
            # a converter that gives no text for a page (it crashed, or its parser dropped the whole
            # document) leaves text mode nothing to clean: counted in "all", and left out of a paired
            # comparison of the renderings on the pages every converter rendered
            print(f"{set_name:<26}pages a converter gave no text for: "
                  + ", ".join(f"{conv} {n}" for conv, n in empty.items()), flush=True)
            groups["rendered"] = [p for i, p in enumerate(pages)
                                  if all(texts[i].strip() for texts in rendered.values())]
        systems = {}
        details = {}
        # every system first reads a few pages untimed: lazy imports and tables are built once per
        # process, which a run over a handful of pages would otherwise count as per-page time
        warm = pages[:WARM_PAGES]
        if html_model is not None:
            for p in warm:
                _kept_html(p.html, html_model)
            t0 = time.perf_counter()
            kept = [_kept_html(p.html, html_model) for p in pages]
            secs = time.perf_counter() - t0
            systems["clean-article html"] = (["\n".join(t for t, k in zip(*d) if k) for d in kept], secs)
            details["clean-article html"] = kept
        for conv in converters:
            texts = rendered[conv]
            for t in texts[:WARM_PAGES]:
                _kept_text(t, model)
            t0 = time.perf_counter()
            kept = [_kept_text(t, model) for t in texts]
            secs = time.perf_counter() - t0
            systems[f"clean-article ({conv})"] = (["\n".join(t.strip() for t, k in zip(*d) if k) for d in kept], secs)
            details[f"clean-article ({conv})"] = kept
        if jobs > 1:
            if html_model is not None:
                records = [{"id": i, "html": p.html} for i, p in enumerate(pages)]
                systems[f"clean-article html --jobs {jobs}"] = _batch(records, jobs, None, html_model_path)
            if converters:
                records = [{"id": i, "text": t} for i, t in enumerate(rendered[converters[0]])]
                systems[f"clean-article ({converters[0]}) --jobs {jobs}"] = _batch(records, jobs, model_path, None)
        for name in peers:
            fn = PEERS[name]
            for p in warm:
                _safe(fn, p.html)
            t0 = time.perf_counter()
            outs = [_safe(fn, p.html) for p in pages]
            systems[name] = (outs, time.perf_counter() - t0)
        for system, kept in details.items():
            e = error_breakdown(pages, kept)
            print(f"{set_name:<26}{system:<36}errors, share of gold words: kept before the article "
                  f"{e['fp_before']:.3f}, inside {e['fp_inside']:.3f}, after {e['fp_after']:.3f}; "
                  f"article dropped {e['fn']:.3f}", flush=True)
        for system, (outs, secs) in systems.items():
            by_id = {p.page_id: o for p, o in zip(pages, outs)}
            for group, members in groups.items():
                m = aggregate([page_scores(p.gold, by_id[p.page_id]) for p in members])
                label = set_name if group == "all" else f"{set_name} ({group})"
                rows.append({"set": label, "system": system, "f1": m["f1"], "precision": m["precision"],
                             "recall": m["recall"], "pages": m["pages"],
                             "docs_per_s": len(pages) / secs if secs > 0 else float("inf")})
                r = rows[-1]
                print(f"{label:<26}{system:<36}F1={r['f1']:.3f} P={r['precision']:.3f} "
                      f"R={r['recall']:.3f} n={r['pages']:<4} {r['docs_per_s']:8.1f} docs/s", flush=True)
    return rows


def markdown(rows) -> str:
    sets = list(dict.fromkeys(r["set"] for r in rows))
    systems = list(dict.fromkeys(r["system"] for r in rows))
    get = {(r["set"], r["system"]): r for r in rows}
    head = "| system | " + " | ".join(sets) + " | docs/s (" + sets[0] + ") |"
    lines = [head, "|" + "---|" * (len(sets) + 2)]
    for s in systems:
        cells = [f"{get[(t, s)]['f1']:.3f}" if (t, s) in get else "" for t in sets]
        speed = get.get((sets[0], s), {}).get("docs_per_s", 0)
        lines.append(f"| {s} | " + " | ".join(cells) + f" | {speed:.0f} |")
    return "\n".join(lines)


def main() -> None:
    import logging
    import warnings
    logging.disable(logging.CRITICAL)  # peers log a traceback per page they cannot parse
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--converters", default=",".join(CONVERTERS))
    ap.add_argument("--peers", default=",".join(PEERS), help="comma list, or 'none'")
    ap.add_argument("--limit", type=int, default=None, help="pages per set")
    ap.add_argument("--model", default=None, help="text model file (default: the shipped one)")
    ap.add_argument("--html-model", default=None, help="HTML model file (default: the shipped one)")
    ap.add_argument("--no-html", action="store_true", help="skip clean-article on HTML")
    ap.add_argument("--jobs", type=int, default=1, help="also time clean-article's batch path with this "
                    "many processes (the HTML model and the first converter)")
    ap.add_argument("--out", default=None, help="write rows as JSON here")
    args = ap.parse_args()
    peers = [] if args.peers == "none" else args.peers.split(",")
    converters = [] if args.converters == "none" else args.converters.split(",")
    rows = run(args.sets.split(","), converters, peers, args.limit, args.model, args.html_model,
               html=not args.no_html, jobs=args.jobs)
    print()
    print(markdown(rows))
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
