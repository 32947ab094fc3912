"""The nine kinds on sites never trained on: cross-validation by site over the hand-labelled pages.

    python -m bench.kinds                   # text model, 5 folds
    python -m bench.kinds --input html      # HTML model (hand-labelled pages rendered by lxml)
    python -m bench.kinds --limit 600       # quicker: 600 auto-labelled pages instead of all
    python -m bench.kinds --dump oof.jsonl  # also write each held-out page's line probabilities
    python -m bench.kinds --input html --no-projection   # the HTML model's kinds from lxml pages only

The hand-labelled pages (documents without ``kinds=no``: the seeds and data/hand.labels) are split into
folds by site. For each fold a whole model is trained (train.py's training, clean_article.training.fit)
on everything else: the other folds' hand-labelled pages and the auto-labelled wcxb-dev training
pages, minus every page of a held-out site and every auto-labelled copy of a held-out page. The
held-out pages are then labelled by that model and compared line by line with the hand labels.

Prints per-label precision, recall, F1 and support, macro F1 over the nine labels, the confusion
matrix (rows: hand label, columns: predicted), and body/not-body accuracy.

With ``--input html`` the pages hand-labelled in another converter's rendering are carried over to
their lxml rendering (``training.project_hand_pages``), as train.py does: they are trained on and
tested like the others, and the report is repeated for the pages labelled in lxml's rendering itself
(whose labels were made on those very lines). ``--no-projection`` trains and tests the HTML model on
the lxml-labelled pages alone, on the same folds (folds are drawn over the sites of every
hand-labelled page in both modes).
"""

from __future__ import annotations

import argparse
import collections
import json
import time
from pathlib import Path

import numpy as np

from clean_article.api import _results
from clean_article.features import featurize
from clean_article.labels import BODY, LABELS
from clean_article.model import page_parts
from clean_article.training import TEXT_THRESHOLD, fit, names_kinds, split_docs, training_docs, training_set

DATA = Path(__file__).resolve().parent.parent / "data"


def site_of(doc) -> str:
    return doc.meta.get("site") or doc.doc_id


def report(gold: list[str], pred: list[str], out=print) -> dict:
    """Per-label P/R/F1, macro F1 and the confusion matrix of line labels."""
    idx = {lab: i for i, lab in enumerate(LABELS)}
    cm = np.zeros((len(LABELS), len(LABELS)), dtype=int)
    for g, p in zip(gold, pred):
        cm[idx[g], idx[p]] += 1
    per = {}
    out(f"{'label':<9} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    for lab, i in idx.items():
        tp, fp, fn = cm[i, i], cm[:, i].sum() - cm[i, i], cm[i, :].sum() - cm[i, i]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        per[lab] = {"precision": p, "recall": r, "f1": f, "support": int(cm[i].sum())}
        out(f"{lab:<9} {p:6.3f} {r:6.3f} {f:6.3f} {int(cm[i].sum()):8d}")
    macro = float(np.mean([per[lab]["f1"] for lab in LABELS]))
    out(f"macro F1 over the nine labels: {macro:.3f}")
    out("\nconfusion (rows: hand label, columns: predicted)")
    out(" " * 9 + "".join(f"{lab[:7]:>8}" for lab in LABELS))
    for lab, i in idx.items():
        out(f"{lab:<9}" + "".join(f"{v:8d}" for v in cm[i]))
    g_body = np.array([g == BODY for g in gold])
    p_body = np.array([p == BODY for p in pred])
    out(f"\nbody/not-body line accuracy {np.mean(g_body == p_body):.3f} "
        f"(body P {np.sum(g_body & p_body) / max(p_body.sum(), 1):.3f}, "
        f"R {np.sum(g_body & p_body) / max(g_body.sum(), 1):.3f})")
    return {"per_label": per, "macro_f1": macro, "confusion": cm.tolist()}


def _learned(doc, model) -> list:
    """Each line's body probability before the revision rules (None for a blank line), page part by
    page part as clean_article.api labels it."""
    out: list = [None] * len(doc.lines)
    dom = doc.dom if model.uses_dom else None
    for a, b in page_parts(doc.lines):
        f = featurize(doc.lines[a:b], dom[a:b] if dom is not None else None)
        p = model.learned_item_proba(f, doc.lines[a:b], dom[a:b] if dom is not None else None)
        for r, v in zip(f.rows, p):
            out[a + int(r)] = round(float(v), 5)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", choices=("text", "html"), default="text")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="auto-labelled training pages per fold (0: all)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-projection", action="store_true",
                    help="HTML model: leave out the pages hand-labelled in other converters' renderings")
    ap.add_argument("--dump", type=Path, help="write one JSON line per held-out page: its id, site, fold "
                    "(0-based) and threshold, and each line's hand label, body probability before and after "
                    "the revision rules, and predicted label")
    args = ap.parse_args()
    quiet = lambda s: None  # noqa: E731
    docs, _ = training_docs(DATA, args.input, log=print, project=not args.no_projection)
    docs, _ = split_docs(docs)                       # wcxb held-out domains stay out of everything
    hand = [d for d in docs if names_kinds(d)]
    sites = sorted({site_of(d) for d in hand})       # the same folds with and without projection
    if args.input == "html":
        hand = [d for d in hand if d.dom is not None]
    auto = [d for d in docs if not names_kinds(d)]
    rng = np.random.default_rng(args.seed)
    fold_of = dict(zip(sites, rng.permutation(len(sites)) % args.folds))
    print(f"{len(hand)} hand-labelled pages from {len({site_of(d) for d in hand})} sites, {args.folds} folds by site; "
          f"{len(auto)} auto-labelled pages")
    gold_all, pred_all, conv_of, direct = [], [], [], []
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    t0 = time.time()
    for fold in range(args.folds):
        held = [d for d in hand if fold_of[site_of(d)] == fold]
        held_sites = {site_of(d) for d in held}
        held_sources = {d.meta.get("source") for d in held if d.meta.get("source")}
        train_hand = [d for d in hand if fold_of[site_of(d)] != fold]
        train_auto = [d for d in auto if site_of(d) not in held_sites
                      and d.meta.get("source") not in held_sources]
        if args.limit:
            pick = np.random.default_rng(args.seed + fold).permutation(len(train_auto))[:args.limit]
            train_auto = [train_auto[i] for i in sorted(pick)]
        model = fit(training_set(train_auto + train_hand, args.input == "html", quiet), seed=args.seed, log=quiet,
                    use_dom=args.input == "html", threshold=None if args.input == "html" else TEXT_THRESHOLD)
        for d in held:
            res = _results(d.lines, model, model.threshold, d.dom if model.uses_dom else None)
            if args.dump:
                dump.write(json.dumps({"doc_id": d.doc_id, "site": site_of(d), "fold": fold,
                                       "learned": _learned(d, model), "threshold": model.threshold,
                                       "body": [round(r.body_probability, 5) for r in res],
                                       "gold": d.labels,
                                       "label": [r.label for r in res]}) + "\n")
            for lab, r in zip(d.labels, res):
                if lab:
                    gold_all.append(lab)
                    pred_all.append(r.label)
                    conv_of.append(d.meta.get("converter", "?"))
                    direct.append(d.meta.get("labelled") != "projected")
        print(f"fold {fold + 1}/{args.folds}: {len(held)} held-out pages, trained on {len(train_hand)} hand + "
              f"{len(train_auto)} auto pages ({time.time() - t0:.0f}s)", flush=True)
    if dump:
        dump.close()
    print()
    report(gold_all, pred_all)
    by_conv = collections.defaultdict(list)
    for g, p, c in zip(gold_all, pred_all, conv_of):
        by_conv[c].append(g == p)
    print("\nline accuracy by converter: " + ", ".join(f"{c} {np.mean(v):.3f} ({len(v)})"
                                                       for c, v in sorted(by_conv.items())))
    if not all(direct):
        pages = sum(1 for d in hand if d.meta.get("labelled") != "projected")
        print(f"\nthe {pages} pages labelled in this rendering alone (not carried over from another):")
        report([g for g, k in zip(gold_all, direct) if k], [p for p, k in zip(pred_all, direct) if k])


if __name__ == "__main__":
    main()
