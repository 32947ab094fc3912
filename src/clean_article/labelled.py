"""The labelled-document format: many documents in one text file that a person can edit.

::

    @doc seed-000 source=seeds/000.txt converter=scrape split=train
    meta<TAB> date 2023-09-14 Asianet Newsable
    <empty line = a blank line of the page>
    title<TAB>Vladimir Putin accepts Kim Jong Un's invitation
    body?<TAB>Russian President Vladimir Putin on Thursday ...

- ``@doc ID key=value ...`` starts a document; the values hold no spaces.
- Every other non-empty line is ``LABEL<TAB>TEXT``: the text after the first tab is the page line,
  byte for byte. A ``?`` after the label marks a low-confidence guess (written by ``clean-article label``
  for the user to check); the reader ignores it.
- An empty line is a blank line of the page. Lines starting with ``#`` before the first ``@doc`` are
  comments. Files may be gzip-compressed (``.gz``).

The same reader serves training, tests and the benchmark.
"""

from __future__ import annotations

import gzip
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from .labels import LABELS

__all__ = ["LabelledDoc", "LabelFormatError", "read_labelled", "write_labelled", "iter_labelled",
           "read_dom", "write_dom", "attach_dom", "dom_file", "read_labelled_with_dom"]

BLANK = ""  # the label of a blank page line


class LabelFormatError(ValueError):
    """A labelled file that does not follow the format; the message names the file and line."""


@dataclass
class LabelledDoc:
    """One page: its lines, one label per line ("" for blank lines), and its header fields."""

    doc_id: str
    lines: list[str]
    labels: list[str]
    meta: dict[str, str] = field(default_factory=dict)
    unsure: list[bool] | None = None
    dom: list[str] | None = None   # per line DOM descriptors when the page came from HTML
    # Training's body/not-body target of each line when it is not "the label is body": a copy whose kinds
    # were carried over from another rendering (training.project_hand_pages) keeps its own auto-labelled
    # body. Not written to files.
    body: list[bool] | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _open_text(path: str | Path) -> TextIO:
    path = Path(path)
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="\n")
    return open(path, encoding="utf-8", newline="\n")


def iter_labelled(path: str | Path) -> Iterator[LabelledDoc]:
    """Yield the documents of a labelled file one by one; raise LabelFormatError with the line number
    on any malformed line."""
    doc: LabelledDoc | None = None
    with _open_text(path) as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw[:-1] if raw.endswith("\n") else raw
            if line.endswith("\r"):
                line = line[:-1]
            if line.startswith("@doc"):
                if doc is not None:
                    yield doc
                doc = _parse_header(line, path, lineno)
                continue
            if doc is None:
                if line.strip() == "" or line.startswith("#"):
                    continue
                raise LabelFormatError(f"{path}:{lineno}: text before the first '@doc' header")
            if line == "":
                doc.lines.append("")
                doc.labels.append(BLANK)
                doc.unsure.append(False)
                continue
            label, sep, text = line.partition("\t")
            unsure = label.endswith("?")
            label = label.rstrip("?").strip()
            if not sep:
                raise LabelFormatError(
                    f"{path}:{lineno}: expected LABEL<TAB>TEXT, found no tab in {line[:60]!r}")
            if label not in LABELS:
                raise LabelFormatError(
                    f"{path}:{lineno}: unknown label {label!r}; expected one of {', '.join(LABELS)}")
            if not text.strip():
                label = BLANK
            doc.lines.append(text)
            doc.labels.append(label)
            doc.unsure.append(unsure)
    if doc is not None:
        yield doc


def _parse_header(line: str, path, lineno: int) -> LabelledDoc:
    parts = line.split()
    if len(parts) < 2:
        raise LabelFormatError(f"{path}:{lineno}: '@doc' header without a document id")
    meta = {}
    for part in parts[2:]:
        key, sep, value = part.partition("=")
        if not sep:
            raise LabelFormatError(f"{path}:{lineno}: header field {part!r} is not key=value")
        meta[key] = value
    return LabelledDoc(parts[1], [], [], meta, [])


def read_labelled(paths: str | Path | Iterable[str | Path]) -> list[LabelledDoc]:
    """Read every document of one or several labelled files."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    docs: list[LabelledDoc] = []
    for path in paths:
        docs.extend(iter_labelled(path))
    return docs


def format_doc(doc: LabelledDoc) -> str:
    header = " ".join(["@doc", doc.doc_id] + [f"{k}={v}" for k, v in doc.meta.items()])
    out = [header]
    unsure = doc.unsure or [False] * len(doc.lines)
    for text, label, shaky in zip(doc.lines, doc.labels, unsure):
        clean_text = text.replace("\n", " ").replace("\r", " ")
        if not clean_text.strip():
            out.append("")
        else:
            out.append(f"{label}{'?' if shaky else ''}\t{clean_text}")
    return "\n".join(out) + "\n"


def _open_write(path: str | Path) -> TextIO:
    path = Path(path)
    if path.suffix == ".gz":
        return gzip.open(path, "wt", encoding="utf-8", newline="\n")
    return open(path, "w", encoding="utf-8", newline="\n")


def write_labelled(docs: Iterable[LabelledDoc], path: str | Path) -> int:
    """Write documents to ``path`` (gzip if it ends in .gz); returns the number written."""
    n = 0
    with _open_write(path) as fh:
        for doc in docs:
            fh.write(format_doc(doc))
            n += 1
    return n


# DOM side files: ``NAME.dom.gz`` beside ``NAME.labels.gz`` holds, for documents rendered from HTML,
# each line's DOM descriptors (render.render_html): ``@doc ID`` then one line per page line, in order.

def write_dom(docs: Iterable[LabelledDoc], path: str | Path) -> int:
    """Write the DOM descriptors of documents that have them; returns the number written."""
    n = 0
    with _open_write(path) as fh:
        for doc in docs:
            if doc.dom is None:
                continue
            fh.write(f"@doc {doc.doc_id}\n")
            fh.writelines(d.replace("\n", " ") + "\n" for d in doc.dom)
            n += 1
    return n


def read_dom(path: str | Path) -> dict[str, list[str]]:
    """DOM descriptors by document id from a DOM side file."""
    out: dict[str, list[str]] = {}
    current: list[str] | None = None
    with _open_text(path) as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if line.startswith("@doc "):
                current = out.setdefault(line.split()[1], [])
            elif current is None:
                raise LabelFormatError(f"{path}:{lineno}: text before the first '@doc' header")
            else:
                current.append(line)
    return out


def attach_dom(docs: list[LabelledDoc], dom: dict[str, list[str]], path: str | Path = "") -> int:
    """Give each document its DOM descriptors; a count that does not match its lines is an error."""
    n = 0
    for doc in docs:
        d = dom.get(doc.doc_id)
        if d is None:
            continue
        if len(d) != len(doc.lines):
            raise LabelFormatError(f"{path}: document {doc.doc_id} has {len(doc.lines)} lines but "
                                   f"{len(d)} DOM entries")
        doc.dom = d
        n += 1
    return n


def dom_file(labels_path: Path) -> Path:
    """The DOM side file of a labelled file: ``x.labels.gz`` or ``x.labels`` -> ``x.dom.gz``; any
    other name gets ``.dom.gz`` appended."""
    labels_path = Path(labels_path)
    name = labels_path.name
    for suffix in (".labels.gz", ".labels"):
        if name.endswith(suffix) and len(name) > len(suffix):
            return labels_path.with_name(name[: -len(suffix)] + ".dom.gz")
    return labels_path.with_name(name + ".dom.gz")


def read_labelled_with_dom(path: str | Path) -> tuple[list[LabelledDoc], Path | None]:
    """The documents of one labelled file with their DOM descriptors attached when the file has a DOM
    side file; returns (documents, the side file or None)."""
    docs = read_labelled(path)
    side = dom_file(Path(path))
    if not side.is_file():
        return docs, None
    attach_dom(docs, read_dom(side), side)
    return docs, side
