"""Line features: one code path for training and inference.

Each non-blank line becomes a sparse vector of hashed features, grouped in blocks that are each
scaled to unit length so that a long paragraph does not outvote a short line by sheer word count:

- words (lower-cased ``\\w+`` tokens) and word bigrams;
- character 3-grams of each word, with word boundaries (robust to inflection and to glued words
  such as "FacebookTwitterWhatsapp");
- shape: length, word count, case, digits, punctuation, the last character, bullets, separators,
  dates, "N hours ago", copyright, URLs, indentation, blank lines around it, repeats in the page;
- position in the page (deciles, and distance in lines from the top and the bottom);
- the shape of the two lines before and after (prefixed ``p1:``, ``p2:``, ``n1:``, ``n2:``).

Hashing uses CRC-32 (stable across Python versions and processes, unlike ``hash()``), so a model file
needs no vocabulary and no scikit-learn at inference time.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass

import numpy as np

__all__ = ["FEATURE_VERSION", "N_FEATURES", "LineFeatures", "featurize", "item_rows", "line_shapes",
           "line_keys", "line_words", "word_id", "thread_headings"]

FEATURE_VERSION = 1
N_FEATURES = 1 << 20
_MASK = N_FEATURES - 1
_MAX_WORDS = 64          # words per line that feed word and char-gram features
_MAX_LINE = 5000         # characters per line that feed shape features (a 10 MB line stays cheap)

_TOKEN = re.compile(r"\w+")
_DATE = re.compile(
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|"
    r"\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4})", re.I)
_AGO = re.compile(r"\b\d+\s*(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago\b", re.I)
_TIME = re.compile(r"\b\d{1,2}:\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?", re.I)
_URL = re.compile(r"https?://|www\.|\.com\b|\.html?\b", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_BULLET = re.compile(r"^\s*(?:[•·▪►▸◦‣∙*>»\-–—]|\d{1,2}[.)])\s")
_SEPARATORS = set("|•·»›/>")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved", re.I)


def _h(s: str) -> int:
    return zlib.crc32(s.encode("utf-8", "surrogatepass")) & _MASK


def _bucket(x: float, edges: tuple) -> int:
    for i, e in enumerate(edges):
        if x < e:
            return i
    return len(edges)


_LEN_EDGES = (2, 5, 10, 20, 35, 50, 80, 120, 200, 400, 800)
_NW_EDGES = (1, 2, 3, 4, 6, 9, 13, 20, 30, 50, 100)
_RATIO_EDGES = (0.01, 0.05, 0.15, 0.3, 0.5, 0.7, 0.9)


def _char_class(c: str) -> str:
    if c.isalpha():
        return "U" if c.isupper() else "l"
    if c.isdigit():
        return "d"
    return c if c in ".!?:;,)\"'”’…|»>-–—" else "o"


def line_shapes(line: str) -> list[str]:
    """The shape descriptors of one line: what it looks like, not what it says."""
    s = line[:_MAX_LINE].strip()
    n = len(s)
    words = s.split()
    nw = len(words)
    # map() over the built-in str predicates runs in C: several times faster than generators
    letters = sum(map(str.isalpha, s))
    upper = sum(map(str.isupper, s))
    digits = sum(map(str.isdigit, s))
    punct = n - sum(map(str.isalnum, s)) - sum(map(str.isspace, s))
    titled = sum(map(str.isupper, (w[0] for w in words)))
    out = [
        f"len{_bucket(len(line.strip()), _LEN_EDGES)}",
        f"nw{_bucket(nw, _NW_EDGES)}",
        f"first{_char_class(s[0])}" if s else "first_",
        f"last{_char_class(s[-1])}" if s else "last_",
        f"caps{_bucket(upper / letters if letters else 0, _RATIO_EDGES)}",
        f"dig{_bucket(digits / n if n else 0, _RATIO_EDGES)}",
        f"pun{_bucket(punct / n if n else 0, _RATIO_EDGES)}",
        f"tit{_bucket(titled / nw if nw else 0, _RATIO_EDGES)}",
        f"sent{min(sum(s.count(c) for c in '.!?'), 6)}",
        f"ind{_bucket(len(line) - len(line.lstrip()), (1, 3, 5, 9, 17))}",
    ]
    if _BULLET.match(line):
        out.append("bullet")
    if not _SEPARATORS.isdisjoint(s):
        out.append("sep")
    if _DATE.search(s):
        out.append("date")
    if _AGO.search(s):
        out.append("ago")
    if _TIME.search(s):
        out.append("time")
    if _COPYRIGHT.search(s):
        out.append("copy")
    if _URL.search(s):
        out.append("url")
    if _EMAIL.search(s):
        out.append("email")
    if s.endswith(":"):
        out.append("colon")
    if letters and upper == letters and letters > 2:
        out.append("allcaps")
    return out


@dataclass
class LineFeatures:
    """Features of one page: a CSR matrix over its non-blank lines, and which lines those are."""

    indptr: np.ndarray     # (n_items + 1,) int64
    indices: np.ndarray    # (nnz,) int32, hashed feature ids
    values: np.ndarray     # (nnz,) float32
    rows: np.ndarray       # (n_items,) int64: the page line index of each item
    n_lines: int           # lines on the page, blank ones included

    @property
    def n_items(self) -> int:
        return len(self.rows)


class _WordCache:
    """Hashed ids of a word and of its char 3-grams; words repeat, hashing them once pays."""

    def __init__(self, limit: int = 200_000):
        self.limit = limit
        self.data: dict[str, tuple[int, list[int]]] = {}

    def get(self, word: str) -> tuple[int, list[int]]:
        hit = self.data.get(word)
        if hit is None:
            if len(self.data) >= self.limit:
                self.data.clear()
            padded = f"<{word}>"
            grams = [_h("c:" + padded[i:i + 3]) for i in range(max(1, len(padded) - 2))]
            hit = (_h("w:" + word), grams)
            self.data[word] = hit
        return hit


_CACHE = _WordCache()
_SHAPE_CACHE: dict[str, int] = {}


_TAGS = ("", "p1:", "p2:", "n1:", "n2:")   # the line itself, two lines before, two after
_SHAPE_IDS: dict[str, tuple[int, ...]] = {}


def _shape_ids(name: str) -> tuple[int, ...]:
    """Hashed ids of a shape descriptor as the line's own and as each neighbour's (cached)."""
    ids = _SHAPE_IDS.get(name)
    if ids is None:
        ids = _SHAPE_IDS[name] = tuple(_h("s:" + tag + name) for tag in _TAGS)
    return ids


def _hs(name: str) -> int:
    i = _SHAPE_CACHE.get(name)
    if i is None:
        i = _SHAPE_CACHE[name] = _h("s:" + name)
    return i


_NONE_IDS = tuple(_h("s:" + tag + "none") if tag else 0 for tag in _TAGS)


def _dom_ids(dom_tokens: list[list[str]], k: int) -> list[int]:
    # hashed directly, not through the shape cache: class names are open-ended, the cache must not grow
    ids = [_h("s:d:" + t) for t in dom_tokens[k] if not t.startswith("path=")]
    for off, tag in ((-1, "p1d:"), (1, "n1d:")):
        j = k + off
        if 0 <= j < len(dom_tokens):
            ids.extend(_hs(tag + t) for t in dom_tokens[j] if t.startswith(("t:", "ld")))
    return ids


_DIGITS = re.compile(r"\d+")


def line_words(line: str) -> list[str]:
    """The lower-cased word tokens of a line that feed the word features."""
    return [t.lower() for t in _TOKEN.findall(line[:_MAX_LINE])][:_MAX_WORDS]


def word_id(word: str) -> int:
    """The hashed feature id of a word (as in ``featurize``)."""
    return _CACHE.get(word)[0]


def line_keys(lines: list[str], rows) -> np.ndarray:
    """A hashed id of each item's whole text (lower-cased, digits as 0, spaces collapsed): a site
    model learns its template lines ("Trending now", "© 2024 Site") by these."""
    return np.array([_h("L:" + _DIGITS.sub("0", " ".join(lines[r].lower().split())[:500])) for r in rows],
                    dtype=np.int32)


def site_items(lines: list[str], rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The site layer's view of each item, as CSR arrays (indptr, ids, values): the item's whole-line
    key with value 1, then its distinct word ids with value 1/sqrt(n), so the word block has unit
    length. Training (site.py) and prediction (model.site_dot) both read it from here."""
    keys = line_keys(lines, rows)
    indptr, indices, values = [0], [], []
    for k, r in enumerate(rows):
        words = sorted({word_id(t) for t in line_words(lines[r])})
        indices.append(int(keys[k]))
        values.append(1.0)
        if words:
            indices.extend(words)
            values.extend([1.0 / np.sqrt(len(words))] * len(words))
        indptr.append(len(indices))
    return (np.array(indptr, dtype=np.int64), np.array(indices, dtype=np.int64),
            np.array(values, dtype=np.float64))


# The heading that opens a comment section: "Comments (41)", "{ 167 comments }", "Leave a Reply",
# "3 thoughts on ...", "40 Responses to ...", "Join the discussion", "Add Comment", "Talkback". Every
# branch runs to the end of the (short) line, so a sentence that merely starts with these words
# ("300 responses were sent to the council") is not a heading; a bare "Discussion" or "Responses" is
# not one either, as reports and papers have sections of those names.
_THREAD_HEADING = re.compile(
    r"^[\W_]*(?:"
    r"\d[\d,]*\s+(?:comments?|responses?|replies|thoughts?|reactions?)"
    r"(?:\s+(?:to|on)\s.*|\W+\s*(?:read them|add one)\b.*)?|"
    r"\d+\s+of\s+\d+\s+comments\s+loaded\b.*|"
    r"(?:(?:reader|user|readers'?|your|latest|all|view|show|read|hide)\s+)?comments?\s*(?:\(\d[\d,]*\)|\d[\d,]*)?|"
    r"(?:responses?|replies)\s*\(\d[\d,]*\)|trackbacks?|pingbacks?|"
    r"(?:leave|post|add|write|submit)\s+(?:a\s+|your\s+|an\s+)?(?:reply|comment|response|opinion)(?:\s+cancel\s+reply)?|"
    r"have\s+your\s+say|talkback(?:\s*-\s*add your opinion|\s+here)?|join\s+the\s+(?:discussion|conversation)|"
    r"comments\s+are\s+(?:now\s+)?closed(?:\s+for\s+this\s+(?:story|article|post|entry))?|no\s+comments(?:\s+yet)?"
    r")[\W_]*$", re.I)
_THREAD_NOTICE = re.compile(r"\bthe following comments are owned by\b", re.I)
# every heading above holds one of these: a cheap test before the full patterns
_THREAD_WORDS = re.compile(r"comment|repl|respons|thought|reaction|trackback|pingback|say|opinion|talkback|"
                           r"discussion|conversation", re.I)


def thread_headings(lines: list[str], rows) -> np.ndarray:
    """Whether each item (a non-blank line, ``rows`` its indices) reads like the heading of a comment
    section (bool array)."""
    out = np.zeros(len(rows), dtype=bool)
    for k, r in enumerate(rows):
        line = lines[r]
        if len(line) > 400:
            continue
        s = line.strip()
        if len(s) > 200 or not _THREAD_WORDS.search(s):
            continue
        out[k] = bool((len(s) <= 80 and _THREAD_HEADING.match(s)) or _THREAD_NOTICE.search(s))
    return out


def item_rows(lines: list[str]) -> list[int]:
    """Indices of the lines the model labels: the non-blank ones."""
    return [i for i, line in enumerate(lines) if line.strip()]


def featurize(lines: list[str], dom: list[str] | None = None) -> LineFeatures:
    """Sparse features of every non-blank line of a page (blank lines only shape their neighbours).

    ``dom``, when the page came from HTML (render.render_html), holds each line's DOM descriptors:
    they form one more block, with the block tag and link density of the lines before and after."""
    if dom is not None and len(dom) != len(lines):
        raise ValueError(f"dom has {len(dom)} entries for {len(lines)} lines")
    n_lines = len(lines)
    rows = item_rows(lines)
    n = len(rows)
    stripped = [lines[r].strip() for r in rows]
    shape_ids_of = [[_shape_ids(name) for name in line_shapes(lines[r])] for r in rows]
    repeats = Counter(stripped)
    dom_tokens = [dom[r].split() for r in rows] if dom is not None else None
    # every block's hashed ids are collected with the block's number; duplicates are counted and each
    # block scaled to unit length in one numpy pass at the end (much faster than per-line Counters)
    ids: list[int] = []
    blocks: list[int] = []
    n_blocks = 0

    def add(block_ids: list[int]) -> None:
        nonlocal n_blocks
        if block_ids:
            ids.extend(block_ids)
            blocks.extend([n_blocks] * len(block_ids))
        n_blocks += 1

    for k, r in enumerate(rows):
        text = stripped[k]
        toks = line_words(text)
        words, grams = [], []
        for t in toks:
            w, g = _CACHE.get(t)
            words.append(w)
            grams.extend(g)
        words.extend(_h("b:" + a + " " + b) for a, b in zip(toks, toks[1:]))
        add(words)
        add(grams)
        own = [f"pos{min(int(10 * r / max(n_lines, 1)), 9)}",
               f"top{_bucket(k, (1, 2, 4, 8, 16, 32, 64))}",
               f"bot{_bucket(n - 1 - k, (1, 2, 4, 8, 16, 32, 64))}", "bias"]
        if r == 0 or not lines[r - 1].strip():
            own.append("blank_before")
        if r == n_lines - 1 or not lines[r + 1].strip():
            own.append("blank_after")
        if repeats[text] > 1:
            own.append("repeated")
        if not toks:
            own.append("notoken")
        shape_ids = [_hs(s) for s in own]
        shape_ids.extend(t[0] for t in shape_ids_of[k])
        for col, j in ((1, k - 1), (2, k - 2), (3, k + 1), (4, k + 2)):
            if 0 <= j < n:
                shape_ids.extend(t[col] for t in shape_ids_of[j])
            else:
                shape_ids.append(_NONE_IDS[col])
        add(shape_ids)
        add(_dom_ids(dom_tokens, k) if dom_tokens is not None else [])
    per_item = 4  # blocks per item: words, char grams, shape, DOM
    key = (np.asarray(blocks, dtype=np.int64) << 20) | np.asarray(ids, dtype=np.int64)
    uniq, counts = np.unique(key, return_counts=True)
    block_of = uniq >> 20
    counts = counts.astype(np.float64)
    norms = np.sqrt(np.bincount(block_of, weights=counts * counts, minlength=n_blocks))
    values = counts / norms[block_of]
    item_of = block_of // per_item
    indptr = np.concatenate([[0], np.cumsum(np.bincount(item_of, minlength=n))]).astype(np.int64)
    return LineFeatures(
        indptr=indptr,
        indices=(uniq & _MASK).astype(np.int32),
        values=values.astype(np.float32),
        rows=np.asarray(rows, dtype=np.int64),
        n_lines=n_lines,
    )
