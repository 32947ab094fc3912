"""Peak memory of a large JSONL batch: does `clean-article --jsonl` stay flat as the batch grows?

    python -m bench.memory --size-mb 1024 --jobs 2     # a 1 GB batch, two worker processes

Writes a JSONL file of ``--size-mb`` megabytes (wcxb-dev pages rendered to text by html-text, repeated
with fresh ids), runs the CLI over it with the output thrown away, and samples the resident memory of
the CLI process and all its worker processes (Linux /proc) twice a second. Prints the memory after
each tenth of the input and the peak, with the throughput.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import datasets
from .converters import render


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants, in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total / 2**20


def make_batch(path: Path, size_mb: int) -> int:
    texts = [render(p.html, "html-text") for p in itertools.islice(datasets.wcxb(), 300)]
    target, written, n = size_mb * 2**20, 0, 0
    with open(path, "w", encoding="utf-8") as fh:
        for text in itertools.cycle(texts):
            line = json.dumps({"id": n, "text": text}) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
            if written >= target:
                return n
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--keep-file", default=None, help="write the batch here and keep it")
    args = ap.parse_args()
    tmp = None
    if args.keep_file:
        path = Path(args.keep_file)
    else:
        tmp = tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False)
        path = Path(tmp.name)
    if not path.exists() or path.stat().st_size < args.size_mb * 2**20 * 0.99:
        n = make_batch(path, args.size_mb)
    else:
        with open(path, "rb") as fh:
            n = sum(1 for _ in fh)
    size = path.stat().st_size
    print(f"batch: {path} ({size / 2**20:.0f} MB, {n} records); --jobs {args.jobs}", flush=True)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "clean_article.cli", "--jsonl", "--jobs", str(args.jobs),
                             str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples = []   # (seconds, MB, input position read so far as a fraction)
    fd_pos = None
    while proc.poll() is None:
        mb = _tree_rss_mb(proc.pid)
        pos = 0.0
        try:  # how far the CLI has read its input file
            for fd in os.listdir(f"/proc/{proc.pid}/fd"):
                if os.path.realpath(f"/proc/{proc.pid}/fd/{fd}") == str(path.resolve()):
                    fd_pos = fd
            if fd_pos is not None:
                with open(f"/proc/{proc.pid}/fdinfo/{fd_pos}") as fh:
                    pos = int(fh.readline().split()[1]) / size
        except (OSError, ValueError, IndexError):
            pos = samples[-1][2] if samples else 0.0
        samples.append((time.perf_counter() - t0, mb, pos))
        time.sleep(0.5)
    secs = time.perf_counter() - t0
    err = proc.stderr.read().decode(errors="replace").strip().splitlines()
    print(err[-1] if err else "(no summary)")
    for tenth in range(1, 11):
        upto = [mb for _, mb, pos in samples if pos <= tenth / 10]
        if upto:
            print(f"  input read {tenth * 10:3d}%: RSS {upto[-1]:7.0f} MB (peak so far {max(upto):.0f} MB)")
    print(f"peak RSS (CLI and workers): {max(mb for _, mb, _ in samples):.0f} MB over {secs:.0f}s, "
          f"{n / secs:.0f} docs/s, {size / 2**20 / secs:.1f} MB/s")
    if tmp is not None:
        path.unlink()


if __name__ == "__main__":
    main()
