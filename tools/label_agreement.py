"""Agreement of two labellings of the same pages: per label and overall, with Cohen's kappa.

    python -m tools.label_agreement data/hand.labels data/hand-check/second-labeller.txt \
        --prefill data/hand-check/prefill.txt

The second file holds a sample of the first file's pages labelled again, independently (the same
pre-filled file, corrected by another labeller who did not see the first one's labels). Pages are
matched by id and must have identical lines. Per label: how many lines either labeller gave it, and the
share of those both gave it (positive agreement, 2·both / (n1 + n2)).

Both labellers corrected the same pre-fill, so lines that neither changed agree by construction (the
pre-filled ``body`` comes from the gold article text). With ``--prefill`` the agreement is also given on
the lines that at least one labeller changed from the pre-fill: the lines that took a decision.
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

from clean_article.labelled import read_labelled
from clean_article.labels import LABELS


def agreement(first: list[str], second: list[str]) -> dict:
    n = len(first)
    same = sum(a == b for a, b in zip(first, second))
    c1, c2 = collections.Counter(first), collections.Counter(second)
    expected = sum(c1[lab] * c2[lab] for lab in LABELS) / (n * n) if n else 0.0
    observed = same / n if n else 0.0
    per = {}
    for lab in LABELS:
        both = sum(a == b == lab for a, b in zip(first, second))
        total = c1[lab] + c2[lab]
        per[lab] = (2 * both / total if total else None, c1[lab], c2[lab])
    return {"lines": n, "observed": observed,
            "kappa": (observed - expected) / (1 - expected) if expected < 1 else 1.0, "per_label": per}


def paired_labels(firsts: dict, seconds: list, prefills: dict | None = None) -> tuple[list, list, list, list]:
    """The two labels of every labelled line, matched by page id: (first, second) over all lines and,
    with ``prefills``, over the lines at least one labeller changed from the pre-fill. Raises
    ValueError for a page missing from the first labelling or the pre-fill, or with other lines."""
    a, b, decided_a, decided_b = [], [], [], []
    for d in seconds:
        f = firsts.get(d.doc_id)
        if f is None or f.lines != d.lines:
            raise ValueError(f"{d.doc_id}: not in the first labelling with the same lines")
        pre = prefills.get(d.doc_id) if prefills is not None else None
        if prefills is not None and (pre is None or pre.lines != d.lines):
            raise ValueError(f"{d.doc_id}: not in the pre-fill with the same lines")
        for j, (x, y) in enumerate(zip(f.labels, d.labels)):
            if x:
                a.append(x)
                b.append(y)
                if pre is not None and (x != pre.labels[j] or y != pre.labels[j]):
                    decided_a.append(x)
                    decided_b.append(y)
    return a, b, decided_a, decided_b


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("first", type=Path)
    ap.add_argument("second", type=Path)
    ap.add_argument("--prefill", type=Path, default=None, help="the pre-filled file both labellers corrected")
    args = ap.parse_args()
    prefills = {d.doc_id: d for d in read_labelled(args.prefill)} if args.prefill else None
    firsts = {d.doc_id: d for d in read_labelled(args.first)}
    seconds = read_labelled(args.second)
    try:
        a, b, decided_a, decided_b = paired_labels(firsts, seconds, prefills)
    except ValueError as e:
        raise SystemExit(str(e)) from None
    pages = len(seconds)
    disagreements = collections.Counter((x, y) for x, y in zip(a, b) if x != y)
    r = agreement(a, b)
    print(f"{pages} pages, {r['lines']} lines labelled twice: same label {r['observed']:.1%}, "
          f"Cohen's kappa {r['kappa']:.3f}")
    print(f"{'label':<9} {'agreement':>9} {'first':>6} {'second':>6}")
    for lab, (agree, n1, n2) in r["per_label"].items():
        print(f"{lab:<9} {'-' if agree is None else f'{agree:.1%}':>9} {n1:6d} {n2:6d}")
    if args.prefill and not decided_a:
        print("no line was changed from the pre-fill by either labeller")
    elif args.prefill:
        rd = agreement(decided_a, decided_b)
        print(f"lines changed from the pre-fill by at least one labeller: {rd['lines']}, same label "
              f"{rd['observed']:.1%}, Cohen's kappa {rd['kappa']:.3f}")
    print("most frequent disagreements (first -> second): " + ", ".join(
        f"{x}->{y} {n}" for (x, y), n in disagreements.most_common(8)))


if __name__ == "__main__":
    main()
