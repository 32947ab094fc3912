"""Counts per file, split and label of the labelled data (for data/README.md).

    python -m tools.data_stats
"""

from collections import Counter
from pathlib import Path

from clean_article.labelled import iter_labelled
from clean_article.training import data_files

DATA = Path(__file__).resolve().parent.parent / "data"


def main() -> None:
    for path in data_files(DATA):
        pages, labels, sites = Counter(), Counter(), {"train": set(), "test": set()}
        for doc in iter_labelled(path):
            split = doc.meta.get("split", "train")
            pages[split] += 1
            sites.setdefault(split, set()).add(doc.meta.get("site", doc.doc_id))
            labels.update(f"{split}:{lab}" for lab in doc.labels if lab)
        print(f"{path.relative_to(DATA)}: pages {dict(pages)}, sites "
              f"{ {k: len(v) for k, v in sites.items() if v} }")
        print("   ", ", ".join(f"{k}={v}" for k, v in sorted(labels.items())))


if __name__ == "__main__":
    main()
