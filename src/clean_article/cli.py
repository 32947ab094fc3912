"""The command line: a thin layer over the library.

    clean-article [FILES...]          print the article body of each file (stdin when none or "-")
    clean-article page.html           HTML files (.html, .htm, or --html) use the HTML model
    clean-article --site pages/       pages of one site read together: the site's template lines go
    clean-article label PAGES -o site.labels      pre-label a site's pages for you to correct
    clean-article train site.labels -o site.model  teach the model that site (or: train data/ -o m.npz)

URLs are not fetched: download the page first and pass the file (or pipe it with --html).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .api import classify, classify_html, default_model_path, load_model, read_sites
from .batch import CHUNK
from .labelled import LabelFormatError
from .labels import LABELS
from .lines import decode_bytes
from .model import ModelError
from .render import looks_like_html

__all__ = ["main", "clean_app", "train_app", "label_app"]

clean_app = typer.Typer(add_completion=False, help=__doc__)
train_app = typer.Typer(add_completion=False)
label_app = typer.Typer(add_completion=False)

_SUBCOMMANDS = {"train": train_app, "label": label_app}


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"clean-article: error: {message}", err=True)
    raise typer.Exit(code)


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if not path.exists():
        if name.startswith(("http://", "https://")):
            _fail(f"{name}: URLs are not fetched; download the page and pass the file")
        _fail(f"{name}: no such file")
    if path.is_dir():
        _fail(f"{name}: is a directory")
    try:
        return path.read_bytes()
    except OSError as e:
        _fail(f"{name}: cannot read ({e.strerror or e})")
    return b""


@clean_app.command()
def clean_command(
    files: Optional[List[str]] = typer.Argument(
        None, help="Text or HTML files or folders to clean; '-' or none reads stdin. URLs are not fetched."),
    html: bool = typer.Option(False, "--html", help="Read the input as HTML (automatic for .html/.htm "
                              "files and for input that starts with <!doctype html> or <html>)."),
    text: bool = typer.Option(False, "--text", help="Use the text model even if the input looks like HTML (HTML source is then rendered to lines without the DOM features)."),
    labels: bool = typer.Option(False, "--labels", help="Print every line with its label (one of the nine "
                                "kinds), that label's probability and the line (same as --format labels)."),
    keep: Optional[str] = typer.Option(None, "--keep", help="Labels to print, comma-separated (default: "
                                       "body), e.g. title,meta,body,caption."),
    drop: Optional[str] = typer.Option(None, "--drop", help="Labels not to print, comma-separated; alone it "
                                       "keeps every other label (e.g. --drop ad,paywall)."),
    format: str = typer.Option("text", "--format", help="'text' (the kept lines), 'labels' (every line: "
                               "label, probability, text) or 'json' (one JSON object per document with "
                               "every line, its label and all nine probabilities)."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model file (default: the shipped text "
                                         "model, or the shipped HTML model for HTML input)."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                              help="Body probability a line needs to be kept."),
    jsonl: bool = typer.Option(False, "--jsonl", help="Input is JSONL records {\"id\", \"text\" or \"html\"}; "
                               "output is JSONL {\"id\", \"text\", \"lines_kept\", \"lines\"} (or \"error\")."),
    jobs: int = typer.Option(1, "--jobs", min=-1, help="Worker processes for --jsonl (-1: one per core)."),
    fallback: str = typer.Option("none", "--fallback", help="When no line is kept: 'none' (empty output "
                                 "and a warning) or 'all' (print every line instead)."),
    site: bool = typer.Option(False, "--site", help="The files are pages of one site: read them together and "
                              "drop the lines that recur across them outside each page's article (the "
                              "site's menus, boxes and footers). Reads every file before printing (and holds "
                              "them in memory). With --jsonl: records of one site (a \"site\" field, or the "
                              f"host of a \"url\") within each {CHUNK} records are read together."),
) -> None:
    """Print the article body of each file (plain text from any HTML-to-text converter, or HTML)."""
    if html and text:
        _fail("--html and --text exclude each other")
    if fallback not in ("none", "all"):
        _fail(f"--fallback must be 'none' or 'all', not {fallback!r}")
    if jobs == 0:
        _fail("--jobs must be -1 (one per core) or at least 1")
    if format not in ("text", "labels", "json"):
        _fail(f"--format must be 'text', 'labels' or 'json', not {format!r}")
    if labels:
        format = "labels"
    kept_labels = _kept_labels(keep, drop)
    if jsonl:
        _clean_jsonl(files or ["-"], model, threshold, jobs, fallback == "all", kept_labels, site)
        return
    models = {}

    def get_model(as_html: bool):
        key = as_html and model is None
        if key not in models:
            try:
                models[key] = load_model(model, html=as_html)
            except ModelError as e:
                _fail(str(e))
        return models[key]

    if not html:  # a broken text model fails before any input is read
        get_model(False)
    names = _expand(files or ["-"])
    empty = skipped = 0
    progress = Progress(len(names) if len(names) > 1 else None)

    def documents():
        """(name, line results) of each readable file, as they are read."""
        nonlocal skipped
        for n, name in enumerate(names):
            progress.update(n)
            data = _read(name)
            if _looks_binary(data):
                skipped += 1
                typer.echo(f"clean-article: error: {name}: binary data, not text or HTML; skipped", err=True)
                continue
            as_html = html or (not text and looks_like_html(name, data))
            if as_html:
                yield name, classify_html(data, model=get_model(True), threshold=threshold), True
            else:
                yield name, classify(decode_bytes(data), model=get_model(False), threshold=threshold), False

    docs = documents()
    if site:
        docs = _read_together(list(docs), threshold, get_model)
    for n, (name, results, _) in enumerate(docs):
        if len(names) > 1 and format != "json":
            typer.echo(("\n" if n else "") + f"==> {name} <==")
        if format == "labels":
            for r in results:
                if r.label != "blank":
                    typer.echo(f"{r.label}\t{r.probabilities[r.label]:.3f}\t{r.text.strip()}")
            continue
        if format == "json":
            typer.echo(_json_document(name, results, kept_labels))
            continue
        kept = [r.text.strip() for r in results if r.label in kept_labels]
        if kept:
            typer.echo("\n".join(kept))
        elif any(r.label != "blank" for r in results):
            empty += 1
            if fallback == "all":
                typer.echo("\n".join(r.text.strip() for r in results if r.label != "blank"))
                typer.echo(f"clean-article: warning: {name}: no line was kept as {_kinds_name(kept_labels)}; "
                           "printed every line (--fallback all)", err=True)
            else:
                typer.echo(f"clean-article: warning: {name}: no line was kept as {_kinds_name(kept_labels)} "
                           "(--fallback all prints every line instead)", err=True)
        else:
            typer.echo(f"clean-article: warning: {name}: no text found", err=True)
    progress.close()
    if len(names) > 1:
        typer.echo(f"clean-article: {len(names)} documents, {empty} with no line kept, {skipped} skipped",
                   err=True)
    if skipped:
        raise typer.Exit(1)


def _read_together(docs: list, threshold: Optional[float], get_model) -> list:
    """--site: the documents (name, line results, is HTML) read together (api.read_sites); text and
    HTML pages of the site each keep their own model's threshold."""
    if len(docs) == 1:
        typer.echo("clean-article: warning: --site needs two or more pages of the site; cleaning the one "
                   "page alone", err=True)
    elif not docs:
        typer.echo("clean-article: warning: --site read no page", err=True)
    thresholds = [get_model(as_html).threshold if threshold is None else threshold for _, _, as_html in docs]
    marked = read_sites([results for _, results, _ in docs], [0] * len(docs), thresholds)
    return [(name, results, as_html) for (name, _, as_html), results in zip(docs, marked)]


def _kept_labels(keep: Optional[str], drop: Optional[str]) -> frozenset:
    """--keep and --drop as a set of labels: --keep's labels (default body), or with --drop alone every
    label but those; a name that is not a label is an error."""
    def parse(option, value):
        names = {v.strip() for v in value.split(",") if v.strip()}
        unknown = sorted(names - set(LABELS))
        if unknown:
            _fail(f"{option}: unknown label(s) {', '.join(unknown)}; the labels are {', '.join(LABELS)}")
        return names
    kept = parse("--keep", keep) if keep is not None else (set(LABELS) if drop is not None else {"body"})
    if drop is not None:
        kept -= parse("--drop", drop)
    if not kept:
        _fail("--keep/--drop leave no label to print")
    return frozenset(kept)


def _kinds_name(kept: frozenset) -> str:
    return "article body" if kept == {"body"} else "/".join(lab for lab in LABELS if lab in kept)


def _json_document(name: str, results, kept: frozenset) -> str:
    import json
    lines = [{"index": r.index, "text": r.text, "label": r.label, "kept": r.label in kept,
              "probability": round(r.probabilities.get(r.label, 0.0), 4),
              "probabilities": {k: round(v, 4) for k, v in r.probabilities.items()}}
             for r in results if r.label != "blank"]
    return json.dumps({"file": name, "lines": lines})


_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 11, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    """In the first 8 KB: many control characters, NUL bytes as more than a twentieth of it (a tar
    archive, zero padding), or NULs in what is not text once they are removed (bytes that are not
    UTF-8): an image, a PDF, an archive, not a page. A page with a few stray NULs is text; so is
    UTF-16, which starts with a BOM that decode_bytes reads."""
    head = data[:8192]
    if not head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    nuls = head.count(0)
    if nuls > len(head) // 20:
        return True
    if nuls >= 8 and nuls > len(head) // 1000:
        rest = head.replace(b"\x00", b"")
        undecodable = rest.decode("utf-8", "replace").count("\ufffd")
        return undecodable > len(rest) // 100 or controls - nuls > len(rest) * 0.05
    return controls > len(head) * 0.3


def _expand(names: list[str]) -> list[str]:
    """Files as given; a folder stands for its files (recursively, sorted, hidden ones skipped)."""
    out = []
    for name in names:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not found:
                _fail(f"{name}: folder holds no files")
            out.extend(found)
        else:
            out.append(name)
    return out


def _clean_jsonl(names: list[str], model: Optional[Path], threshold: Optional[float], jobs: int,
                 fallback_all: bool, keep: frozenset, by_site: bool = False) -> None:
    import json
    from .batch import clean_records, read_jsonl
    try:  # a broken model is one error line before any record is read
        load_model(model)
    except ModelError as e:
        _fail(str(e))

    sizes = [Path(n).stat().st_size if n != "-" and Path(n).is_file() else 0 for n in names]
    done_bytes = [0]      # bytes of the input files read so far, for the progress bar
    stdin_used = "-" in names

    def records():
        for name, size in zip(names, sizes):
            if name == "-":
                yield from read_jsonl(sys.stdin.buffer)
                continue
            path = Path(name)
            if not path.is_file():
                _fail(f"{name}: no such file")
            base = done_bytes[0]
            with open(path, "rb") as fh:
                for rec in read_jsonl(fh):
                    done_bytes[0] = base + fh.tell()
                    yield rec
            done_bytes[0] = base + size

    total = sum(sizes)
    progress = Progress(None if stdin_used or not total else 1.0)
    n = errors = empty = 0
    options = {"model_path": str(model) if model else None, "threshold": threshold,
               "fallback_all": fallback_all, "keep": keep}
    for out in clean_records(records(), jobs=jobs, by_site=by_site, **options):
        n += 1
        if "error" in out:
            errors += 1
        elif not out["lines_kept"] and out["lines"]:
            empty += 1
        typer.echo(json.dumps(out))  # ASCII escapes: a lone surrogate in a record cannot break stdout
        progress.update(n, done_bytes[0] / total if total else None)
    secs = progress.close()
    typer.echo(f"clean-article: {n} documents in {secs:.1f}s "
               f"({n / secs if secs else 0:.0f}/s), {empty} with no line kept, {errors} errors", err=True)


class Progress:
    """A one-line progress bar on stderr when it is a terminal and the output goes elsewhere (a file or
    a pipe), so the bar never mixes with the printed text; nothing when stderr is piped or redirected.
    ``total`` is the end of the count (a number of documents, or 1.0 for a fraction of input bytes);
    without it the line shows a count and a rate."""

    def __init__(self, total: float | None = None, stream=None, unit: str = "documents"):
        import time
        self.stream = stream if stream is not None else sys.stderr
        self.on = bool(getattr(self.stream, "isatty", lambda: False)()) and not sys.stdout.isatty()
        self.total, self.unit, self._clock = total, unit, time.perf_counter
        self.start = self._last = self._clock()
        self.shown = False

    def update(self, count: int, done: float | None = None, force: bool = False) -> None:
        """Show ``count`` documents done; ``done`` is the position towards ``total`` (default: count)."""
        if not self.on:
            return
        now = self._clock()
        if not force and now - self._last < 0.2:
            return
        self._last = now
        rate = count / (now - self.start) if now > self.start else 0.0
        line = f"clean-article: {count} {self.unit}, {rate:.0f}/s"
        if self.total:
            frac = min(max((count if done is None else done) / self.total, 0.0), 1.0)
            width = 30
            fill = int(frac * width)
            line = f"[{'#' * fill}{'.' * (width - fill)}] {frac:4.0%}  " + line
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def close(self) -> float:
        """Clear the bar; returns the seconds since the start."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
        return self._clock() - self.start


@train_app.command()
def train_command(
    inputs: List[Path] = typer.Argument(..., help="Labelled files of one site (a site model on top of "
                                        "--base), or a folder like data/ (a model from scratch)."),
    out: Path = typer.Option(..., "-o", "--out", help="Model file to write (a model card goes beside it)."),
    base: str = typer.Option("default", "--base", help="Site models: the model to start from, 'default' "
                             "(the shipped text or HTML model, as the pages are) or a model file."),
    seed: int = typer.Option(0, help="From scratch: random seed (training is reproducible)."),
    input: str = typer.Option("text", "--input", help="From scratch: 'text' or 'html'."),
) -> None:
    """Train a model: from a site's labelled pages (quick, starts from a base model), or from a folder
    of labelled files (the full training that train.py runs)."""
    try:
        from .site import train_site
        from .training import train_from_dir
    except ImportError as e:  # scikit-learn missing
        _fail(f"training needs scikit-learn ({e})")
    log = lambda s: typer.echo(s, err=True)  # noqa: E731
    if out.is_dir() or not out.parent.is_dir():
        _fail(f"{out}: cannot write a model there (a folder, or its folder does not exist)")
    for path in inputs:
        if not path.exists():
            _fail(f"{path}: no such file")
    try:
        if len(inputs) == 1 and inputs[0].is_dir():
            train_from_dir(inputs[0], out, seed=seed, input=input, log=log)
            return
        if any(p.is_dir() for p in inputs):
            _fail("give either labelled files or one folder, not both")
        train_site(list(inputs), _base_path(base, inputs), out, log=log)
    except (ValueError, LabelFormatError, ModelError) as e:
        _fail(str(e))
    except OSError as e:
        _fail(f"{getattr(e, 'filename', None) or out}: {e.strerror or e}")


def _base_path(base: str, inputs: list[Path]) -> Path:
    if base != "default":
        return Path(base)
    from .labelled import dom_file
    html = any(dom_file(p).is_file() for p in inputs)
    return default_model_path(html=html)


@label_app.command()
def label_command(
    pages: List[str] = typer.Argument(..., help="Text or HTML pages of one site."),
    out: Path = typer.Option(..., "-o", "--out", help="Labelled file to write (HTML pages also get a "
                             "DOM side file beside it: x.labels -> x.dom.gz)."),
    html: bool = typer.Option(False, "--html", help="Read every page as HTML."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model that pre-fills the labels."),
) -> None:
    """Write pages in the editable labelled format, every line pre-filled with the model's label; lines
    it is unsure of are marked with '?'. Correct the labels in a text editor, then `clean-article train`."""
    from .labelled import write_dom, write_labelled
    from .site import pages_from_files, prefill
    from .labelled import dom_file
    read = lambda name: _read(name)  # noqa: E731
    found = pages_from_files(pages, read, html=True if html else None)
    text_pages = [p for p in found if p[2] is None]
    html_pages = [p for p in found if p[2] is not None]
    if text_pages and html_pages:
        _fail("these pages mix text and HTML; label them into separate files")
    try:
        m = load_model(model, html=bool(html_pages))
    except ModelError as e:
        _fail(str(e))
    docs = prefill(found, m)
    seen: dict[str, int] = {}
    for d in docs:  # document ids must be unique within a file
        n = seen.get(d.doc_id, 0)
        seen[d.doc_id] = n + 1
        if n:
            d.doc_id = f"{d.doc_id}-{n + 1}"
    try:
        write_labelled(docs, out)
        if html_pages:
            write_dom(docs, dom_file(out))
    except OSError as e:
        _fail(f"{out}: cannot write ({e.strerror or e})")
    unsure = sum(sum(d.unsure) for d in docs)
    lines = sum(1 for d in docs for lab in d.labels if lab)
    typer.echo(f"wrote {out}: {len(docs)} pages, {lines} lines pre-labelled, {unsure} marked '?' to check"
               + (f"; DOM in {dom_file(out).name}" if html_pages else ""), err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: ``clean-article train ...`` goes to the training command, anything else cleans."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in _SUBCOMMANDS:
        app, argv = _SUBCOMMANDS[argv[0]], argv[1:]
        prog = f"clean-article {sys.argv[1] if len(sys.argv) > 1 else ''}".strip()
    else:
        app, prog = clean_app, "clean-article"
    try:
        app(args=argv, prog_name=prog, standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
