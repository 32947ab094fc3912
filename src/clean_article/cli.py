"""The command line: a thin layer over the library.

    clean-article [FILES...]          print the article body of each file (stdin when none or "-")
    clean-article train [...]         rebuild a model from labelled files
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .api import classify, load_model
from .lines import decode_bytes
from .model import ModelError

__all__ = ["main", "clean_app", "train_app"]

clean_app = typer.Typer(add_completion=False, help=__doc__)
train_app = typer.Typer(add_completion=False)

_SUBCOMMANDS = {"train": train_app}


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"clean-article: error: {message}", err=True)
    raise typer.Exit(code)


def _read(name: str) -> str:
    if name == "-":
        return decode_bytes(sys.stdin.buffer.read())
    path = Path(name)
    if not path.exists():
        _fail(f"{name}: no such file")
    if path.is_dir():
        _fail(f"{name}: is a directory")
    try:
        return decode_bytes(path.read_bytes())
    except OSError as e:
        _fail(f"{name}: cannot read ({e.strerror or e})")
    return ""


@clean_app.command()
def clean_command(
    files: Optional[List[str]] = typer.Argument(None, help="Text files to clean; '-' or none reads stdin."),
    labels: bool = typer.Option(False, "--labels", help="Print every line with its label and body probability."),
    model: Optional[Path] = typer.Option(None, "--model", help="Model file (default: the shipped model)."),
    threshold: Optional[float] = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                              help="Body probability a line needs to be kept."),
) -> None:
    """Print the article body of each text file (plain text from any HTML-to-text converter)."""
    try:
        m = load_model(model)
    except ModelError as e:
        _fail(str(e))
    names = files or ["-"]
    for n, name in enumerate(names):
        text = _read(name)
        if len(names) > 1:
            typer.echo(("\n" if n else "") + f"==> {name} <==")
        results = classify(text, model=m, threshold=threshold)
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


@train_app.command()
def train_command(
    data: Path = typer.Argument(Path("data"), help="Folder of labelled files (*.labels, *.labels.gz)."),
    out: Path = typer.Option(Path("clean-article.npz"), "-o", "--out", help="Model file to write."),
    seed: int = typer.Option(0, help="Random seed (training is reproducible for a given seed)."),
) -> None:
    """Train a model from labelled files, print held-out metrics, save it."""
    try:
        from .training import train_from_dir
    except ImportError as e:  # scikit-learn missing
        _fail(f"training needs scikit-learn ({e})")
    try:
        train_from_dir(data, out, seed=seed, log=lambda s: typer.echo(s, err=True))
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
