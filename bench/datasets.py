"""Loaders for the gold sets in ../shared/datasets: each yields Page(id, site, html, gold, kind)."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from clean_article.lines import decode_bytes
from clean_article.render import parse_html

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets"


@dataclass
class Page:
    page_id: str
    site: str
    html: str
    gold: str
    kind: str = "article"


def _read_html(path: Path) -> str:
    data = gzip.open(path).read()
    return decode_bytes(data)


def dragnet(split: str = "test", root: Path = SHARED / "dragnet") -> Iterator[Page]:
    names = (root / f"{'training' if split == 'train' else 'test'}.txt").read_text().split()
    for name in names:
        html_path = root / "HTML" / f"{name}.html.gz"
        gold_path = root / "Corrected" / f"{name}.html.corrected.txt.gz"
        if not html_path.exists() or not gold_path.exists():
            continue
        gold = decode_bytes(gzip.open(gold_path).read())
        gold = gold.split("!@#$%^&*()  COMMENTS")[0]
        yield Page(name, name, _read_html(html_path), gold)


_L3S_GOLD_CLASSES = ("x-nc-sel1", "x-nc-sel2")


def l3s_gold(annotated_html: str, classes=_L3S_GOLD_CLASSES) -> str:
    """The text whose nearest enclosing ``x-nc-sel*`` span has one of ``classes`` (spans nest, so
    ``text_content()`` of a span would also take its children of other classes)."""
    root = parse_html(annotated_html)
    if root is None:
        return ""
    parts: list[str] = []

    def walk(el, current):
        if not isinstance(el.tag, str):
            return
        cls = el.get("class") or ""
        mine = cls if el.tag == "span" and cls.startswith("x-nc-sel") else current
        if el.tag in ("script", "style"):
            return
        if el.text and mine in classes:
            parts.append(el.text)
        for child in el:
            walk(child, mine)
            if child.tail and mine in classes:
                parts.append(child.tail)
        if el.tag in ("p", "div", "br", "li", "h1", "h2", "h3", "td", "tr") and mine in classes:
            parts.append("\n")

    walk(root, None)
    return re.sub(r"\n\s*\n+", "\n", " ".join(parts)).strip()


def l3s_gn1(root: Path = SHARED / "l3s-gn1", classes=_L3S_GOLD_CLASSES) -> Iterator[Page]:
    sites = {}
    mapping = root / "url-mapping.txt"
    if mapping.exists():
        for line in mapping.read_text(errors="replace").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                uid, url = parts[0].strip("<>").removeprefix("urn:uuid:"), parts[-1]
                m = re.match(r"https?://([^/]+)", url)
                if m:
                    sites[uid] = m.group(1).lower().removeprefix("www.")
    for path in sorted((root / "original").glob("*.html.gz")):
        uid = path.name[:-len(".html.gz")]
        annotated = root / "annotated" / path.name
        if not annotated.exists():
            continue
        yield Page(uid, sites.get(uid, uid), _read_html(path), l3s_gold(_read_html(annotated), classes))


def wcxb(root: Path = SHARED / "wcxb-dev") -> Iterator[Page]:
    """All pages with HTML and ground truth; page type and domain from metadata.json, or from the
    ground-truth file for the pages metadata.json does not list."""
    meta = json.loads((root / "metadata.json").read_text())["files"]
    for html_path in sorted((root / "html").glob("*.html.gz")):
        fid = html_path.name.split(".")[0]
        gt_path = root / "ground-truth" / f"{fid}.json"
        if not gt_path.exists():
            continue
        record = json.loads(gt_path.read_text())
        info = meta.get(fid) or {}
        domain = info.get("domain") or _domain(record.get("url", "")) or fid
        kind = info.get("page_type") or record.get("_internal", {}).get("page_type", {}).get("primary") \
            or "article"
        gt = record["ground_truth"]
        yield Page(fid, domain, _read_html(html_path), gt.get("main_content") or "", kind)


def _domain(url: str) -> str:
    m = re.match(r"https?://([^/:]+)", url or "")
    return m.group(1).lower().removeprefix("www.") if m else ""


def domain_split(domain: str) -> str:
    """The wcxb-dev split of a domain: whole domains are held out (SHA-1 of the domain modulo 5 == 0)."""
    return "test" if int(hashlib.sha1(domain.encode()).hexdigest(), 16) % 5 == 0 else "train"


def wcxb_heldout(root: Path = SHARED / "wcxb-dev") -> Iterator[Page]:
    """wcxb-dev pages of the held-out domains: never trained on by the shipped model."""
    return (p for p in wcxb(root) if domain_split(p.site) == "test")
