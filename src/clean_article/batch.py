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
from typing import Callable, Iterable, Iterator

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


def _read_record(rec: dict, model_path: str | None, html_model_path: str | None,
                 threshold: float | None, work: Callable) -> tuple[dict, object]:
    """(the record's output so far, ``work(model, lines, dom, threshold)``), or (its output holding an
    ``error``, None): one broken record must not stop a crawl-sized batch."""
    from .api import load_model
    from .lines import split_lines
    from .render import render_html
    out = {"id": rec.get("id")}
    if "_error" in rec:
        out["error"] = rec["_error"]
        return out, None
    try:
        if isinstance(rec.get("html"), str):
            model = load_model(html_model_path if model_path is None else model_path, html=True)
            page = render_html(rec["html"])
            lines, dom = page.lines, page.dom
        elif isinstance(rec.get("text"), str):
            model, lines, dom = load_model(model_path), split_lines(rec["text"]), None
        else:
            out["error"] = "record has no 'text' or 'html' string"
            return out, None
        return out, work(model, lines, dom, model.threshold if threshold is None else threshold)
    except Exception as e:
        out["error"] = f"{type(e).__name__}: {e}"
        return out, None


def _finish(out: dict, lines: list[str], kept: list[str], fallback_all: bool) -> dict:
    """The output of a record whose ``lines`` were read and ``kept`` kept."""
    kept = [line.strip() for line in kept]
    if not kept and fallback_all:
        kept = [line.strip() for line in lines if line.strip()]
        out["fallback"] = True
    out.update(text="\n".join(kept), lines_kept=len(kept), lines=sum(1 for line in lines if line.strip()))
    return out


def clean_record(rec: dict, model_path: str | None = None, html_model_path: str | None = None,
                 threshold: float | None = None, fallback_all: bool = False,
                 keep: Iterable[str] | None = None) -> dict:
    """Clean one record (see the module docstring); models are loaded once per process and cached.
    ``keep`` names the labels to keep (default: body)."""
    from .api import _keep_set, _kept
    keep = _keep_set(keep)
    out, read = _read_record(rec, model_path, html_model_path, threshold,
                             lambda model, lines, dom, t: (lines, _kept(lines, model, t, dom, keep)))
    return out if read is None else _finish(out, *read, fallback_all)


def _classify_record(rec: dict, model_path: str | None = None, html_model_path: str | None = None,
                     threshold: float | None = None, fallback_all: bool = False,
                     keep: Iterable[str] | None = None) -> tuple:
    """For ``by_site``: a record of a site, as (output so far, its line results, the threshold they
    were read with); a record of no site is cleaned at once: (its output, None, None)."""
    from .api import _keep_set, _results
    if site_of(rec) is None:
        return clean_record(rec, model_path, html_model_path, threshold, fallback_all, keep), None, None
    kinds = _keep_set(keep) != {"body"}     # the kind head only when a kind other than body is kept
    out, read = _read_record(rec, model_path, html_model_path, threshold,
                             lambda model, lines, dom, t: (_results(lines, model, t, dom, kinds=kinds), t))
    return (out, None, None) if read is None else (out, *read)


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
            out = _finish(out, [r.text for r in res], [r.text for r in res if r.label in keep], fallback_all)
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
