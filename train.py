#!/usr/bin/env python3
"""Rebuild the shipped model from the labelled data in data/ alone.

    python train.py                 # both shipped models: text and HTML
    python train.py --input html    # only models/clean-article-html.npz
    python train.py --limit 300     # a quick run on a sample of pages

Seeded and reproducible; prints progress and the held-out metrics (sites never trained on).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "src"))

from clean_article.training import train_from_dir  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(HERE / "data"), help="folder of *.labels[.gz] files")
    ap.add_argument("--input", choices=("text", "html", "both"), default="both",
                    help="which model: text (models/clean-article.npz), html (models/clean-article-html.npz)")
    ap.add_argument("--out", default=None, help="output file (only with --input text or html)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=None, help="train on a sample of this many pages")
    args = ap.parse_args()
    if args.out and args.input == "both":
        ap.error("--out needs --input text or --input html")
    outputs = {"text": HERE / "models" / "clean-article.npz", "html": HERE / "models" / "clean-article-html.npz"}
    for kind in (("text", "html") if args.input == "both" else (args.input,)):
        train_from_dir(args.data, args.out or outputs[kind], seed=args.seed, limit=args.limit,
                       input=kind, log=lambda msg: print(msg, flush=True))


if __name__ == "__main__":
    main()
