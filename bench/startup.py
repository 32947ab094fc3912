"""Start-up costs: `import clean_article` and a CLI run on one page, median of several fresh processes.

    python -m bench.startup [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "data" / "examples" / "news-article.txt"


def _median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    py = sys.executable
    base = _median_seconds([py, "-c", "pass"], args.runs)
    imp = _median_seconds([py, "-c", "import clean_article"], args.runs)
    cli = _median_seconds([py, "-m", "clean_article.cli", str(EXAMPLE)], args.runs)
    html = _median_seconds([py, "-m", "clean_article.cli", str(EXAMPLE.with_suffix(".html"))], args.runs)
    print(f"python start-up alone:           {base * 1000:6.0f} ms")
    print(f"import clean_article:            {imp * 1000:6.0f} ms ({(imp - base) * 1000:.0f} ms over bare python)")
    print(f"CLI cold start, one text page:   {cli * 1000:6.0f} ms")
    print(f"CLI cold start, one HTML page:   {html * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
