"""Cleaning many documents: JSONL in and out, streaming, optionally in several processes.

A record is a JSON object with an ``id`` and either ``text`` or ``html``. ``clean_records`` yields one
result per record, in input order, holding the id, the body text, how many lines were kept of how many,
and an ``error`` instead when a record cannot be read; it never stops a batch for one bad record.
Records are processed in chunks, so memory stays flat however long the stream is; with ``jobs > 1`` each
chunk is split over worker processes by joblib.
"""

from __future__ import annotations

import json
from itertools import islice
from typing import Iterable, Iterator

__all__ = ["clean_record", "clean_records", "read_jsonl"]

CHUNK = 256   # records in memory at once (per chunk, across all workers)


def read_jsonl(lines: Iterable[str | bytes]) -> Iterator[dict]:
    """Parse JSONL; a line that is not a JSON object becomes a record with an ``error``."""
    for n, raw in enumerate(lines, 1):
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8-sig" if n == 1 else "utf-8", "replace")
        elif n == 1:
            raw = raw.lstrip("\ufeff")
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except (ValueError, RecursionError) as e:
            yield {"id": None, "_error": f"line {n}: not JSON ({getattr(e, 'msg', None) or e})"}
            continue
        if not isinstance(rec, dict):
            yield {"id": None, "_error": f"line {n}: a JSON {type(rec).__name__}, not an object"}
            continue
        rec.setdefault("id", n)
        yield rec


def clean_record(rec: dict, model_path: str | None = None, html_model_path: str | None = None,
                 threshold: float | None = None, fallback_all: bool = False,
                 keep: Iterable[str] | None = None) -> dict:
    """Clean one record (see the module docstring); models are loaded once per process and cached.
    ``keep`` names the labels to keep (default: body)."""
    from .api import _keep_set, _kept, load_model
    from .lines import split_lines
    from .render import render_html
    out = {"id": rec.get("id")}
    if "_error" in rec:
        out["error"] = rec["_error"]
        return out
    try:
        if isinstance(rec.get("html"), str):
            model = load_model(html_model_path if model_path is None else model_path, html=True)
            page = render_html(rec["html"])
            lines, dom = page.lines, page.dom
        elif isinstance(rec.get("text"), str):
            model = load_model(model_path)
            lines, dom = split_lines(rec["text"]), None
        else:
            out["error"] = "record has no 'text' or 'html' string"
            return out
        kept, items = _kept(lines, model, model.threshold if threshold is None else threshold, dom,
                            _keep_set(keep))
    except Exception as e:  # one broken record must not stop a crawl-sized batch
        out["error"] = f"{type(e).__name__}: {e}"
        return out
    kept = [line.strip() for line in kept]
    if not kept and fallback_all:
        kept = [line.strip() for line in lines if line.strip()]
        out["fallback"] = True
    out.update(text="\n".join(kept), lines_kept=len(kept), lines=items)
    return out


def clean_records(records: Iterable[dict], jobs: int = 1, **options) -> Iterator[dict]:
    """Clean a stream of records in input order, ``CHUNK`` at a time, with ``jobs`` processes."""
    it = iter(records)
    pool = None
    if jobs != 1:
        from joblib import Parallel
        pool = Parallel(n_jobs=jobs, batch_size=8)
    from joblib import delayed
    while True:
        chunk = list(islice(it, CHUNK))
        if not chunk:
            return
        if pool is None:
            yield from (clean_record(rec, **options) for rec in chunk)
        else:
            yield from pool(delayed(clean_record)(rec, **options) for rec in chunk)
