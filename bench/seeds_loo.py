"""Leave-one-seed-out with the full training: each seed scrape is left out of train.py's training in
turn, and the model trained without it labels its lines.

    python -m bench.seeds_loo [--input text]

Prints, per seed, how many of its body lines the model keeps and how many non-body lines it keeps
(issue 3 asks for every body line and at most one non-body line), and the non-body lines kept. Takes
one full text-model training per seed (about 4 minutes each here).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from clean_article.api import _results
from clean_article.training import TEXT_THRESHOLD, fit, split_docs, training_docs, weigh_hand_labels

DATA = Path(__file__).resolve().parent.parent / "data"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    docs, _ = training_docs(DATA, "text", log=lambda m: None)
    train, _ = split_docs(docs)
    seeds = [d for d in train if d.doc_id.startswith("seed-")]
    for held in seeds:
        t0 = time.time()
        rest = [d for d in train if d is not held]
        model = fit(weigh_hand_labels(rest, lambda m: None), seed=args.seed, log=lambda m: None,
                    threshold=TEXT_THRESHOLD)
        res = _results(held.lines, model, model.threshold, kinds=False)
        body = [r for r, lab in zip(res, held.labels) if lab == "body"]
        other = [(r, lab) for r, lab in zip(res, held.labels) if lab and lab != "body"]
        kept_other = [(lab, r.text.strip()) for r, lab in other if r.is_body]
        print(f"{held.doc_id:<24} body kept {sum(r.is_body for r in body)}/{len(body)}  "
              f"non-body kept {len(kept_other)}/{len(other)}  ({time.time() - t0:.0f}s)", flush=True)
        for lab, text in kept_other:
            print(f"    kept {lab:<8} {text[:100]}", flush=True)
        for r in body:
            if not r.is_body:
                print(f"    dropped body {r.text.strip()[:100]}", flush=True)


if __name__ == "__main__":
    main()
