"""Cleaning a crawl on many machines with Dask: the library call inside a dask.bag pipeline.

    python examples/dask_jsonl.py 'crawl/*.jsonl' cleaned/          # local processes
    python examples/dask_jsonl.py 'crawl/*.jsonl' cleaned/ --scheduler tcp://HOST:8786   # a cluster

Each worker needs `pip install clean-article` (the wheel carries the models); the model is loaded once
per worker process and cached. Input records are JSONL `{"id", "text"}` or `{"id", "html"}`; output
files hold one JSON line per record with the body (`text`), line counts, or an `error` for a record that
could not be read, exactly as `clean-article --jsonl` writes them. Dask does the partitioning,
scheduling, retries and file output; clean-article only cleans a record.
"""

from __future__ import annotations

import argparse
import json

from clean_article.batch import clean_record, read_jsonl


def _parse(line: str) -> dict:
    return next(iter(read_jsonl([line])), {"id": None, "_error": "empty line"})


def clean_bag(lines):
    """A dask bag of JSONL lines -> a dask bag of JSONL result lines (blank lines dropped)."""
    return (lines.filter(lambda line: line.strip())
                 .map(_parse)
                 .map(clean_record)
                 .map(json.dumps))


def main() -> None:
    import dask.bag as db
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", help="glob of JSONL files")
    ap.add_argument("out_dir", help="folder for the output part files")
    ap.add_argument("--scheduler", default="processes",
                    help="'processes', 'threads', 'synchronous' or a dask.distributed address")
    args = ap.parse_args()
    if "://" in args.scheduler:
        from dask.distributed import Client
        Client(args.scheduler)
        scheduler = None
    else:
        scheduler = args.scheduler
    lines = db.read_text(args.inputs, blocksize="16MiB")
    clean_bag(lines).to_textfiles(f"{args.out_dir.rstrip('/')}/part-*.jsonl", scheduler=scheduler)


if __name__ == "__main__":
    main()
