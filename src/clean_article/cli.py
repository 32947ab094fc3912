"""The command line: a thin layer over the library.

    clean-article [FILES...]          print the article body of each file (stdin when none or "-")
    clean-article page.html           HTML files (.html, .htm, or --html) use the HTML model
    clean-article train [...]         rebuild a model from labelled files

URLs are not fetched: download the page first and pass the file (or pipe it with --html).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .api import classify, classify_html, load_model
from .lines import decode_bytes
from .model import ModelError

__all__ = ["main", "clean_app", "train_app"]

clean_app = typer.Typer(add_completion=False, help=__doc__)
train_app = typer.Typer(add_completion=False)

_SUBCOMMANDS = {"train": train_app}


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"clean-article: error: {message}", err=True)
    raise typer.Exit(code)


_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_HTML_START = (b"<!doctype html", b"<html")


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


def _looks_like_html(name: str, data: bytes) -> bool:
    if name.lower().endswith(_HTML_SUFFIXES):
        return True
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_START)


@clean_app.command()
def clean_command(
    files: Optional[List[str]] = typer.Argument(
        None, help="Text or HTML files to clean; '-' or none reads stdin. URLs are not fetched."),
    html: bool = typer.Option(False, "--html", help="Read the input as HTML (automatic for .html/.htm "
                              "files and for input that starts with <!doctype html> or <html>)."),
    text: bool = typer.Option(False, "--text", help="Read the input as plain text even if it looks like HTML."),
    labels: bool = typer.Option(False, "--labels", help="Print every line with its label and body probability."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model file (default: the shipped text "
                                         "model, or the shipped HTML model for HTML input)."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                              help="Body probability a line needs to be kept."),
) -> None:
    """Print the article body of each file (plain text from any HTML-to-text converter, or HTML)."""
    if html and text:
        _fail("--html and --text exclude each other")
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
    names = files or ["-"]
    for n, name in enumerate(names):
        data = _read(name)
        as_html = html or (not text and _looks_like_html(name, data))
        if len(names) > 1:
            typer.echo(("\n" if n else "") + f"==> {name} <==")
        if as_html:
            results = classify_html(data, model=get_model(True), threshold=threshold)
        else:
            results = classify(decode_bytes(data), model=get_model(False), threshold=threshold)
        if labels:
            for r in results:
                if r.label != "blank":
                    typer.echo(f"{r.label}\t{r.body_probability:.3f}\t{r.text.strip()}")
            continue
        kept = [r.text.strip() for r in results if r.is_body]
        if kept:
            typer.echo("\n".join(kept))
        elif any(r.label != "blank" for r in results):
            typer.echo(f"clean-article: warning: {name}: no line was kept as article body", err=True)
        else:
            typer.echo(f"clean-article: warning: {name}: no text found", err=True)


@train_app.command()
def train_command(
    data: Path = typer.Argument(Path("data"), help="Folder of labelled files (*.labels, *.labels.gz)."),
    out: Path = typer.Option(Path("clean-article.npz"), "-o", "--out", help="Model file to write."),
    seed: int = typer.Option(0, help="Random seed (training is reproducible for a given seed)."),
    input: str = typer.Option("text", "--input", help="'text' or 'html' (pages with DOM side files)."),
) -> None:
    """Train a model from labelled files, print held-out metrics, save it."""
    try:
        from .training import train_from_dir
    except ImportError as e:  # scikit-learn missing
        _fail(f"training needs scikit-learn ({e})")
    try:
        train_from_dir(data, out, seed=seed, input=input, log=lambda s: typer.echo(s, err=True))
    except (FileNotFoundError, ValueError) as e:
        _fail(str(e))


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
