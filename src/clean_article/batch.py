"""Cleaning many documents: JSONL in and out, streaming, optionally in several processes.

A record is a JSON object with an ``id`` and either ``text`` or ``html``. ``clean_records`` yields one
result per record, in input order, holding the id, the body text, how many lines were kept of how many,
and an ``error`` instead when a record cannot be read; it never stops a batch for one bad record.
Records are processed in chunks, so memory stays flat however long the stream is; with ``jobs > 1`` each
chunk is split over worker processes by joblib. With ``by_site`` the records of one site (a ``site``
field, or the host of a ``url``) within a chunk are cleaned together: the lines that recur across
them outside each page's article, the site's template, are dropped (template.py).
"""

from __future__ import annotations

import json
from itertools import islice
from typing import Iterable, Iterator

__all__ = ["clean_record", "clean_records", "read_jsonl", "site_of"]

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


def _record_lines(rec: dict, model_path: str | None, html_model_path: str | None):
    """(model, lines, dom) of a record, or an error message."""
    from .api import load_model
    from .lines import split_lines
    from .render import render_html
    if isinstance(rec.get("html"), str):
        model = load_model(html_model_path if model_path is None else model_path, html=True)
        page = render_html(rec["html"])
        return model, page.lines, page.dom
    if isinstance(rec.get("text"), str):
        return load_model(model_path), split_lines(rec["text"]), None
    return "record has no 'text' or 'html' string"


def _finish(out: dict, lines: list[str], kept: list[str], items: int, fallback_all: bool) -> dict:
    kept = [line.strip() for line in kept]
    if not kept and fallback_all:
        kept = [line.strip() for line in lines if line.strip()]
        out["fallback"] = True
    out.update(text="\n".join(kept), lines_kept=len(kept), lines=items)
    return out


def clean_record(rec: dict, model_path: str | None = None, html_model_path: str | None = None,
                 threshold: float | None = None, fallback_all: bool = False,
                 keep: Iterable[str] | None = None) -> dict:
    """Clean one record (see the module docstring); models are loaded once per process and cached.
    ``keep`` names the labels to keep (default: body)."""
    from .api import _keep_set, _kept
    out = {"id": rec.get("id")}
    if "_error" in rec:
        out["error"] = rec["_error"]
        return out
    try:
        found = _record_lines(rec, model_path, html_model_path)
        if isinstance(found, str):
            out["error"] = found
            return out
        model, lines, dom = found
        kept = _kept(lines, model, model.threshold if threshold is None else threshold, dom, _keep_set(keep))
        items = sum(1 for line in lines if line.strip())
    except Exception as e:  # one broken record must not stop a crawl-sized batch
        out["error"] = f"{type(e).__name__}: {e}"
        return out
    return _finish(out, lines, kept, items, fallback_all)


def _classify_record(rec: dict, model_path: str | None = None, html_model_path: str | None = None,
                     threshold: float | None = None, fallback_all: bool = False,
                     keep: Iterable[str] | None = None) -> tuple:
    """For ``by_site``: a record of a site, as (output so far, its line results, the threshold they
    were read with); a record of no site is cleaned at once: (its output, None, None)."""
    from .api import _keep_set, _results
    if site_of(rec) is None or "_error" in rec:
        return clean_record(rec, model_path, html_model_path, threshold, fallback_all, keep), None, None
    out = {"id": rec.get("id")}
    try:
        found = _record_lines(rec, model_path, html_model_path)
        if isinstance(found, str):
            out["error"] = found
            return out, None, None
        model, lines, dom = found
        t = model.threshold if threshold is None else threshold
        # the kind head only when a kind other than body is kept (it is a fifth of the time)
        return out, _results(lines, model, t, dom, kinds=_keep_set(keep) != {"body"}), t
    except Exception as e:  # one broken record must not stop a crawl-sized batch
        out["error"] = f"{type(e).__name__}: {e}"
        return out, None, None


def site_of(rec: dict) -> str | None:
    """The site a record belongs to: its ``site`` field, or the host name of its ``url``."""
    site = rec.get("site")
    if isinstance(site, str) and site:
        return site
    url = rec.get("url")
    if isinstance(url, str) and "://" in url:
        from urllib.parse import urlsplit
        try:
            host = urlsplit(url).hostname
        except ValueError:
            return None
        return host[4:] if host and host.startswith("www.") else host
    return None


def _clean_by_site(chunk: list[dict], classified: list, fallback_all: bool = False,
                   keep: Iterable[str] | None = None, **_) -> list[dict]:
    """A chunk's records, those of each site read together (api.read_sites)."""
    from .api import _keep_set, read_sites
    keep = _keep_set(keep)
    results = read_sites([c[1] for c in classified], [site_of(rec) for rec in chunk],
                         [c[2] for c in classified])
    outs = []
    for (out, _, _), res in zip(classified, results):
        if res is not None:
            kept = [r.text for r in res if r.label in keep]
            out = _finish(out, [r.text for r in res], kept, sum(1 for r in res if r.label != "blank"),
                          fallback_all)
        outs.append(out)
    return outs


def clean_records(records: Iterable[dict], jobs: int = 1, by_site: bool = False, **options) -> Iterator[dict]:
    """Clean a stream of records in input order, ``CHUNK`` at a time, with ``jobs`` processes. With
    ``by_site``, the records of one site (``site_of``) within a chunk are read together, and the lines
    that recur across them outside each page's article are dropped (template.py)."""
    it = iter(records)
    pool = None
    if jobs != 1:
        from joblib import Parallel
        pool = Parallel(n_jobs=jobs, batch_size=8)
    from joblib import delayed
    work = _classify_record if by_site else clean_record
    while True:
        chunk = list(islice(it, CHUNK))
        if not chunk:
            return
        if pool is None:
            done = [work(rec, **options) for rec in chunk]
        else:
            done = pool(delayed(work)(rec, **options) for rec in chunk)
        yield from (_clean_by_site(chunk, done, **options) if by_site else done)
