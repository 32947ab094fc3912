"""Line features: one code path for training and inference.

Each non-blank line becomes a sparse vector of hashed features, grouped in blocks; each entry of a
block is worth 1/sqrt(entries in the block), so that a long paragraph does not outvote a short line
by sheer word count:

- words (lower-cased ``\\w+`` tokens) and word bigrams;
- character 3-grams of each word, with word boundaries (robust to inflection and to glued words
  such as "FacebookTwitterWhatsapp");
- shape: length, word count, case, digits, punctuation, the first and last character, bullets,
  separators, dates, "N hours ago", copyright, URLs, indentation, blank lines around it, repeats in
  the page;
- position in the page (deciles, and distance in lines from the top and the bottom);
- the shape of the two lines before and after;
- for HTML pages, the line's DOM descriptors (render.render_html) and the block tag and link density
  of the lines before and after.

The whole page is featurised at once: its lines are joined and read as one array of code points, and
words, character n-grams, counts and their hashes are numpy operations over that array. A loop over
lines in Python was nine tenths of ``clean``'s time (feature version 1); this is the same information
at a fraction of the cost. Hashes are a 64-bit polynomial of the code points, finished by the
splitmix64 mixer, in numpy's wrap-around uint64 arithmetic: the same on every platform, Python and
process, so a model file needs no vocabulary and no scikit-learn at inference time.

A feature that occurs twice in a block (a word used twice on a line) is two entries of the row, which a
dot product sums: a block is unit length when its features are distinct, and a line that repeats
a word weighs a little more (version 1 counted the repeats first, which cost a sort per page). Words
are lower-cased a character at a time ("\u0130" keeps its dot, a final sigma is a sigma).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat
from operator import methodcaller

import numpy as np

from .lines import HTML_TAG

__all__ = ["FEATURE_VERSION", "N_FEATURES", "LineFeatures", "featurize", "item_rows", "line_shapes",
           "line_keys", "line_words", "word_id", "word_counts", "thread_headings", "related_headings",
           "copyright_lines", "markup_lines", "site_items", "kind_cues", "KIND_CUES", "N_KIND_CUES"]

FEATURE_VERSION = 2
_BITS = 20
N_FEATURES = 1 << _BITS
_MASK = N_FEATURES - 1
_MAX_WORDS = 64          # words per line that feed word and char-gram features
_MAX_LINE = 5000         # characters per line that feed features (a 10 MB line stays cheap)

_U = np.uint64
_R = _U(0x9E3779B97F4A7C15)                     # odd: invertible modulo 2**64
_R_INV = _U(pow(0x9E3779B97F4A7C15, -1, 1 << 64))
_SALT_WORD, _SALT_BIGRAM, _SALT_GRAM, _SALT_SHAPE = (_U(s) for s in (
    0x5A17_0001_D1B5_4A32, 0x5A17_0002_7F4A_7C15, 0x5A17_0003_94D0_49BB, 0x5A17_0004_BF58_476D))
_BOUNDARY = _U(0x110000)                         # above every code point: the word edge in 3-grams


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser on a uint64 array (wrap-around arithmetic)."""
    x = x ^ (x >> _U(30))
    x = x * _U(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U(27))
    x = x * _U(0x94D049BB133111EB)
    return x ^ (x >> _U(31))


def _ids(x: np.ndarray, salt: np.uint64) -> np.ndarray:
    """Feature ids in [0, N_FEATURES) of uint64 hash values."""
    return (_mix(x ^ salt) >> _U(64 - _BITS)).astype(np.int32)


# ---------------------------------------------------------------- characters
_WORD, _ALPHA, _UPPER, _DIGIT, _SPACE, _ALNUM, _SEP, _SENT = (1 << i for i in range(8))
_CLASS_PUNCT = ".!?:;,)\"'\u201d\u2019\u2026|\u00bb>-\u2013\u2014"
_CLASS_NAMES = ("U", "l", "d") + tuple(_CLASS_PUNCT) + ("o",)
_SEPARATORS = "|\u2022\u00b7\u00bb\u203a/>"


def _props_of(chars: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per character: a bit field of properties (\\w, letter, upper case, digit, space, alphanumeric,
    separator, sentence end), the lower-case code point, and the class of the first/last-character
    feature."""
    n = len(chars)

    def flags(fn):
        return np.fromiter(map(fn, chars), dtype=bool, count=n)

    codes = np.frombuffer(chars.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    alpha, upper, digit = flags(str.isalpha), flags(str.isupper), flags(str.isdigit)
    space, alnum = flags(str.isspace), flags(str.isalnum)
    props = (alpha * _ALPHA | upper * _UPPER | digit * _DIGIT | space * _SPACE | alnum * (_ALNUM | _WORD)
             ).astype(np.uint8)
    props[np.isin(codes, [ord(c) for c in _SEPARATORS])] |= _SEP
    props[np.isin(codes, [ord(c) for c in ".!?"])] |= _SENT
    props[codes == ord("_")] |= _WORD
    lowered = "".join([lc if len(lc) == 1 else c for c, lc in zip(chars, map(str.lower, chars))])
    lower = np.frombuffer(lowered.encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint32)
    cls = np.full(n, len(_CLASS_NAMES) - 1, dtype=np.uint8)
    for i, c in enumerate(_CLASS_PUNCT):
        cls[codes == ord(c)] = 3 + i
    cls[digit] = 2
    cls[alpha] = np.where(upper[alpha], 0, 1)
    return props, lower, cls


@lru_cache(maxsize=1)
def _bmp_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """_props_of for every code point below 0x10000, built on first use (about 0.1 s), not at import."""
    return _props_of("".join(map(chr, range(0x10000))))


def _char_arrays(cp: np.ndarray, which=(0, 1)) -> list[np.ndarray]:
    """The arrays of _props_of (0: props, 1: lower, 2: class) for code points ``cp``: table lookups,
    and _props_of itself for the code points above the tables."""
    tables = _bmp_tables()
    if not len(cp) or cp.max() < 0x10000:
        return [tables[k][cp] for k in which]
    astral = cp >= 0x10000
    safe = np.where(astral, 0, cp)
    out = [tables[k][safe] for k in which]
    uniq, inv = np.unique(cp[astral], return_inverse=True)
    computed = _props_of("".join(map(chr, uniq.tolist())))
    for arr, k in zip(out, which):
        arr[astral] = computed[k][inv]
    return out


# ---------------------------------------------------------------- shapes
_LEN_EDGES = np.array((2, 5, 10, 20, 35, 50, 80, 120, 200, 400, 800))
_NW_EDGES = np.array((1, 2, 3, 4, 6, 9, 13, 20, 30, 50, 100))
_RATIO_EDGES = np.array((0.01, 0.05, 0.15, 0.3, 0.5, 0.7, 0.9))
_IND_EDGES = np.array((1, 3, 5, 9, 17))
_POS_EDGES = np.array((1, 2, 4, 8, 16, 32, 64))

# Patterns searched over the lower-cased page (items joined by "\n"; [^\S\n] is a space that does not
# cross into the next item). Each starts with a literal or a digit, which re scans for quickly: a
# leading \b or alternation made them most of featurize's time.
_SP = r"[^\S\n]"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# 12/09/2023, 2023-09-12, 12 sep 2023, and the "14, " of "sep 14, 2023" (group need: confirmed by the
# month before it, see _PATTERN_FLAGS; the year is a lookahead, so that it can still start a date of its
# own). The lookbehind is the \b of feature version 1: no match inside a longer run of digits or a word.
_DATE = re.compile(r"\d(?<!\w\d)(?:\d?[/.-]\d{1,2}[/.-]\d{2,4}|\d{3}-\d{2}-\d{2}|\d?" + _SP + "+" + _MONTH + ",?"
                   + _SP + r"+\d{4}|(?P<need>\d?(?:st|nd|rd|th)?,?" + _SP + r"+(?=\d{4})))")
_MONTH_BEFORE = re.compile(r"\b" + _MONTH + _SP + "+$")
_AGO = re.compile(r"(?P<need>ago)\b")         # "5 hours ago": the number and unit are checked before it
_AGO_BEFORE = re.compile(r"\b\d+" + _SP + r"*(?:sec|second|min|minute|hr|hour|day|week|month|year)s?" + _SP
                         + r"+$")
_TIME = re.compile(r":(?:(?<=(?<!\w)\d:)|(?<=(?<!\w)\d\d:))\d\d")   # 9:37, 12:30 (not 8000:80)
_EMAIL = re.compile(r"@(?<=\S@)\S+\.\w+")
_BULLET = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25ba\u25b8\u25e6\u2023\u2219*>\u00bb\-\u2013\u2014]|\d{1,2}[.)])"
                     + _SP, re.M)
# (name, pattern, a string the page must hold for the pattern to be tried at all, for a match whose
# group "need" took part: a pattern the text just before it must end with and how far back to look, and
# where a match can start: anywhere (re scans, fast for a literal first character), at a line's start
# that is not a letter ("lead"), or at a digit that does not follow a word character ("number"): the
# candidates are found with numpy, and the pattern is only tried there)
_PATTERN_FLAGS = (("bullet", _BULLET, "", None, "lead"), ("date", _DATE, "", (_MONTH_BEFORE, 14), "number"),
                  ("ago", _AGO, "ago", (_AGO_BEFORE, 24), None), ("time", _TIME, ":", None, None),
                  ("email", _EMAIL, "@", None, None))
# literal flags, found with str.find: copyright notices and URLs (".com" and ".htm(l)" only as a
# word's end)
_COPYRIGHT = ("\u00a9", "(c)", "copyright", "all rights reserved")
_URL = ("http://", "https://", "www.")
_URL_ENDS = (".com", ".html", ".htm")

# A shape is (family, value); the families a line's neighbours also see come first.
_SHAPE_FAMILIES = ("len", "nw", "first", "last", "caps", "dig", "pun", "tit", "sent", "ind",
                   "bullet", "sep", "date", "ago", "time", "copy", "url", "email", "colon", "allcaps")
_OWN_FAMILIES = ("pos", "top", "bot", "bias", "blank_before", "blank_after", "repeated", "notoken")
_VALUED = frozenset(_SHAPE_FAMILIES[:10] + _OWN_FAMILIES[:3])
_NONE_CODE = 32 * (len(_SHAPE_FAMILIES) + len(_OWN_FAMILIES))   # "no line there" (page edges)
_TAG = 1024            # code offset of each view: the line itself, two lines before, two after
_NEIGHBOURS = ((1, -1), (2, -2), (3, 1), (4, 2))


@lru_cache(maxsize=1)
def _shape_id_table() -> np.ndarray:
    return _ids(np.arange(5 * _TAG, dtype=np.uint64), _SALT_SHAPE)


@dataclass
class _Page:
    """A page's items joined into one string (each followed by "\n") and read as code points."""

    text: str
    cp: np.ndarray         # code points of text
    starts: np.ndarray     # (n,) where each item starts in text
    ends: np.ndarray       # (n,) where it ends (exclusive)
    item_of: np.ndarray    # (len(text),) the item of each character (the "\n" after it included)
    props: np.ndarray      # per character: the property bits of _props_of
    lower: np.ndarray      # per character: the lower-case code point (uint32)


def _cut(stripped: str) -> str:
    """The part of a stripped line that feeds its features (a 10 MB line stays cheap)."""
    return stripped if len(stripped) <= _MAX_LINE else stripped[:_MAX_LINE].rstrip()


def _read_page(items: list[str]) -> _Page:
    text = "\n".join(items) + "\n"
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    lens = np.fromiter(map(len, items), dtype=np.int64, count=len(items))
    starts = np.concatenate([[0], np.cumsum(lens + 1)[:-1]])
    item_of = np.repeat(np.arange(len(items)), lens + 1)
    return _Page(text, cp, starts, starts + lens, item_of, *_char_arrays(cp))


def _find_all(text: str, literal: str) -> list[int]:
    out = []
    i = text.find(literal)
    while i >= 0:
        out.append(i)
        i = text.find(literal, i + 1)
    return out


def _literal_items(text: str, page: _Page) -> dict[str, np.ndarray]:
    """The copy and url flags of each item, from literal matches in ``text`` (the page, lower-cased)."""
    out = {}
    for name, literals in (("copy", _COPYRIGHT), ("url", _URL)):
        pos = [i for lit in literals for i in _find_all(text, lit)]
        if name == "url":
            for end in _URL_ENDS:   # followed by a character that is not a word character
                pos.extend(i for i in _find_all(text, end) if not page.props[i + len(end)] & _WORD)
        hits = np.zeros(len(page.starts), dtype=bool)
        if pos:
            hits[page.item_of[pos]] = True
        out[name] = hits
    return out


def _match_starts(page: _Page, where: str) -> list[int]:
    """Where a pattern of _PATTERN_FLAGS can start (see there)."""
    props = page.props
    if where == "lead":         # a line's start: an item's, or after a newline inside one (re.M's ^)
        lead = np.flatnonzero(np.concatenate([[True], page.cp[:-1] == 10]))
        return lead[(props[lead] & _ALPHA) == 0].tolist()
    digit = (props & _DIGIT) != 0
    digit[1:] &= (props[:-1] & _WORD) == 0
    return np.flatnonzero(digit).tolist()


def _flag_items(text: str, page: _Page, pattern: re.Pattern, guard: str, before, where) -> np.ndarray:
    """Which items hold a match of ``pattern`` in ``text`` (the page, lower-cased)."""
    hits = np.zeros(len(page.starts), dtype=bool)
    if guard not in text:
        return hits
    check, back = before or (None, 0)
    if where is None:
        matches = pattern.finditer(text)
    else:
        match = pattern.match
        matches = [m for m in map(match, repeat(text), _match_starts(page, where)) if m]
    pos = [m.start() for m in matches
           if check is None or m.group("need") is None or check.search(text, max(m.start() - back, 0), m.start())]
    if pos:
        hits[page.item_of[pos]] = True
    return hits


_COUNTED_BITS = (_SENT, _SEP, _ALNUM, _SPACE, _DIGIT, _UPPER, _ALPHA)


@lru_cache(maxsize=1)
def _bit_count_tables() -> np.ndarray:
    """For each property byte, its _COUNTED_BITS as 16-bit fields of two words (4 and 3 fields)."""
    v = np.arange(256, dtype=np.uint64)
    out = np.zeros((2, 256), dtype=np.uint64)
    for k, bit in enumerate(_COUNTED_BITS):
        out[k // 4] |= ((v & _U(bit)) != 0).astype(np.uint64) << _U(16 * (k % 4))
    return out


def _bit_counts(props: np.ndarray, starts: np.ndarray) -> list[np.ndarray]:
    """Per item, how many of its characters have each of _COUNTED_BITS: one sum per item of packed
    16-bit fields (an item has at most _MAX_LINE + 1 characters, so no field overflows)."""
    tables = _bit_count_tables()
    fields = [np.add.reduceat(tables[k][props], starts).astype("<u8").view("<u2").reshape(-1, 4).T
              for k in range(2)]
    return [f.astype(np.int64) for f in np.vstack(fields)[:len(_COUNTED_BITS)]]


def _shape_matrix(page: _Page, full_len: np.ndarray, indent: np.ndarray) -> np.ndarray:
    """Per item, the code (32 * family + value) of each family of _SHAPE_FAMILIES, -1 where a flag is
    off."""
    n = len(page.starts)
    props = page.props
    space = (props & _SPACE) != 0
    sent, seps, alnum, spaces, digits, upper, letters = _bit_counts(props, page.starts)
    starts = np.flatnonzero(~space & np.concatenate([[True], space[:-1]]))    # whitespace-separated words
    nw = np.bincount(page.item_of[starts], minlength=n)
    titled = np.bincount(page.item_of[starts[(props[starts] & _UPPER) != 0]], minlength=n)
    length = page.ends - page.starts
    spaces = spaces - 1                                                # the "\n" after each item
    punct = length - alnum - spaces

    last = page.cp[page.ends - 1]
    first, last_cls = _char_arrays(page.cp[np.concatenate([page.starts, page.ends - 1])], (2,))[0].reshape(2, n)
    lowered = page.lower.astype("<u4", copy=False).tobytes().decode("utf-32-le", "surrogatepass")
    flags = {name: _flag_items(lowered, page, *spec) for name, *spec in _PATTERN_FLAGS}
    flags.update(_literal_items(lowered, page))
    flags["sep"] = seps > 0
    flags["colon"] = last == ord(":")
    flags["allcaps"] = (letters == upper) & (letters > 2)
    num, den = np.stack([upper, digits, punct, titled]), np.stack([letters, length, length, nw])
    caps, dig, pun, tit = np.searchsorted(_RATIO_EDGES, np.where(den > 0, num / np.maximum(den, 1), 0.0),
                                          side="right")
    values = {
        "len": np.searchsorted(_LEN_EDGES, full_len, side="right"),
        "nw": np.searchsorted(_NW_EDGES, nw, side="right"),
        "first": first, "last": last_cls,
        "caps": caps, "dig": dig, "pun": pun, "tit": tit, "sent": np.minimum(sent, 6),
        "ind": np.searchsorted(_IND_EDGES, indent, side="right"),
    }
    k = len(values)            # the valued families come first in _SHAPE_FAMILIES, then the flags
    code = 32 * np.arange(len(_SHAPE_FAMILIES))
    out = np.empty((n, len(_SHAPE_FAMILIES)), dtype=np.int64)
    out[:, :k] = code[:k] + np.stack([values[fam] for fam in _SHAPE_FAMILIES[:k]], axis=1)
    out[:, k:] = np.where(np.stack([flags[fam] for fam in _SHAPE_FAMILIES[k:]], axis=1), code[k:], -1)
    return out


def _decode(codes) -> list[str]:
    names = _SHAPE_FAMILIES + _OWN_FAMILIES
    out = []
    for c in codes:
        if c < 0:
            continue
        fam, value = names[c // 32], c % 32
        if fam in ("first", "last"):
            out.append(fam + _CLASS_NAMES[value])
        else:
            out.append(f"{fam}{value}" if fam in _VALUED else fam)
    return out


def line_shapes(line: str) -> list[str]:
    """The shape descriptors of one line, by name ("len3", "caps0", "date", "bullet"...): what it looks
    like, not what it says. The same computation featurize runs over a whole page."""
    s = line.strip()
    if not s:
        return []
    page = _read_page([_cut(s)])
    return _decode(_shape_matrix(page, np.array([len(s)]), np.array([len(line) - len(line.lstrip())]))[0])


class LineFeatures:
    """Features of one page: a sparse vector for each non-blank line (an item), and which lines those are.

    The entries come in parts (words, bigrams, char 3-grams, shapes, DOM), each sorted by item; an
    entry of a block is worth 1/sqrt(the item's entries in that block). ``indptr``, ``indices`` and
    ``values`` lay them out as one CSR matrix, built on first use (training and the kind head read it);
    ``dot`` multiplies the entries with a weight vector without building it, which is all the body
    probability needs (building the matrix was a tenth of ``clean``'s time).

    Also kept per item, for the passes after the line model: ``lengths`` (the stripped line's length
    in characters) and ``words`` (its number of ``\\w+`` words); None when the features came from a CSR
    matrix (``from_csr``).
    """

    def __init__(self, parts: tuple[np.ndarray, np.ndarray, np.ndarray], rows: np.ndarray, n_lines: int,
                 lengths: np.ndarray | None = None, words: np.ndarray | None = None):
        # (ids, counts, scale): the ids of all parts one after another, each part's in item order; per
        # part and item (parts, n_items) the number of entries and the weight of each (_parts)
        self.parts = parts
        self.rows = rows       # (n_items,) int64: the page line index of each item
        self.n_lines = n_lines  # lines on the page, blank ones included
        self.lengths, self.words = lengths, words
        self._csr: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @classmethod
    def from_csr(cls, indptr: np.ndarray, indices: np.ndarray, values: np.ndarray, rows: np.ndarray,
                 n_lines: int) -> "LineFeatures":
        f = cls(_parts([], len(rows)), rows, n_lines)
        f._csr = (indptr, indices, values)
        return f

    @property
    def n_items(self) -> int:
        return len(self.rows)

    def _matrix(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._csr is None:
            self._csr = _assemble(self.parts, self.n_items)
        return self._csr

    @property
    def indptr(self) -> np.ndarray:
        """(n_items + 1,) int64: where each item's entries start in ``indices`` and ``values``."""
        return self._matrix()[0]

    @property
    def indices(self) -> np.ndarray:
        """(nnz,) int32: hashed feature ids; per item the parts follow in order."""
        return self._matrix()[1]

    @property
    def values(self) -> np.ndarray:
        """(nnz,) float32."""
        return self._matrix()[2]

    def dot(self, coef: np.ndarray) -> np.ndarray:
        """Each item's dot product with a weight vector over all feature ids, as float64."""
        if self._csr is not None:
            indptr, indices, values = self._csr
            return _run_sums(coef[indices] * values, np.diff(indptr)).astype(np.float64)
        ids, counts, scale = self.parts
        # one run of entries per part and item, in the order of ids
        sums = _run_sums(coef[ids], counts.ravel()).reshape(counts.shape)
        return (sums * scale).sum(axis=0, dtype=np.float64)

    def dot_table(self, index: np.ndarray, table: np.ndarray) -> np.ndarray:
        """Each item's product with a sparse weight table: ``index`` maps a feature id to its row of
        ``table`` (k columns), where row 0 holds zeros for the ids without weights. Returns (n_items, k)
        float64. A gather and runs of sums: the kind head's first pass, without building the CSR matrix."""
        if self._csr is not None:
            indptr, indices, values = self._csr
            return _run_sums(table[index[indices]] * values[:, None], np.diff(indptr))
        ids, counts, scale = self.parts
        sums = _run_sums(table[index[ids]], counts.ravel()).reshape(counts.shape + table.shape[1:])
        return (sums * scale[..., None]).sum(axis=0)


def _run_sums(x: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Sums of consecutive runs of ``x`` (of its rows, for a 2-D ``x``) of the given lengths (0 for an
    empty run)."""
    if len(x) == 0:
        return np.zeros((len(counts),) + x.shape[1:], dtype=x.dtype)
    sums = np.add.reduceat(np.concatenate([x, np.zeros((1,) + x.shape[1:], x.dtype)]),
                           np.cumsum(counts) - counts, axis=0)
    return np.where((counts > 0).reshape((-1,) + (1,) * (x.ndim - 1)), sums, 0)


_POWERS: tuple[np.ndarray, np.ndarray] | None = None
_POWERS_KEPT = 1 << 20      # tables for pages up to a million characters are kept (16 MB)


def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    """R**i and R**-i modulo 2**64 for i < size. Tables for pages up to _POWERS_KEPT characters are
    kept between calls; the tuple is replaced whole, so a thread never sees a half-built one."""
    global _POWERS
    tables = _POWERS
    if tables is None or len(tables[0]) < size:
        m = max(size, 1 << 16)
        tables = tuple(np.cumprod(np.concatenate([[_U(1)], np.full(m - 1, r, dtype=np.uint64)])) for r in (_R, _R_INV))
        if m <= _POWERS_KEPT:
            _POWERS = tables
    return tables[0][:size], tables[1][:size]


def _word_features(page: _Page, n: int):
    """(item, id) of the word and bigram entries, of the char 3-gram entries, and the number of words
    of each item."""
    w = (page.props & _WORD) != 0
    prev = np.concatenate([[False], w[:-1]])
    nxt = np.concatenate([w[1:], [False]])
    ws = np.flatnonzero(w & ~prev)
    we = np.flatnonzero(w & ~nxt) + 1
    witem = page.item_of[ws]
    per_item = np.bincount(witem, minlength=n)
    rank = np.arange(len(ws)) - (np.cumsum(per_item) - per_item)[witem]
    keep = rank < _MAX_WORDS
    # where each item's kept words end: its last character, or the end of its _MAX_WORDS-th word
    cut = page.ends.copy()
    cut[witem[rank == _MAX_WORDS - 1]] = we[rank == _MAX_WORDS - 1]
    ws, we, witem = ws[keep], we[keep], witem[keep]
    lower = page.lower.astype(np.uint64)
    # polynomial hash of each word, position-free: sum of c_i R^i over the word, times R^-start
    size = len(lower)
    powers, inverse = _powers(size)
    prefix = np.empty(size + 1, dtype=np.uint64)
    prefix[0] = 0
    np.cumsum(lower * powers, out=prefix[1:])
    raw = (prefix[we] - prefix[ws]) * inverse[ws] + (we - ws).astype(np.uint64)
    word_ids = _ids(raw, _SALT_WORD)
    pair = np.flatnonzero(witem[1:] == witem[:-1])
    bigram_ids = _ids(raw[pair] * _R + raw[pair + 1], _SALT_BIGRAM)
    # char 3-grams of "<word>": one centred on each character of a kept word
    centre = np.flatnonzero(w & (np.arange(size) < cut[page.item_of]))
    z = np.concatenate([[_BOUNDARY], np.where(w, lower, _BOUNDARY), [_BOUNDARY]])
    grams = (z[:-2] * _U(0x100000001B3) + z[1:-1] * _U(0x1000193) + z[2:])[centre]
    return ((witem, word_ids), (witem[pair], bigram_ids)), (page.item_of[centre], _ids(grams, _SALT_GRAM)), per_item


def _parts(parts, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """LineFeatures' entries from [(block, item, ids)], each part's entries in item order: all ids,
    the entries per part and item, and their weight: 1/sqrt(the item's entries in the block)."""
    counts = np.array([np.bincount(item, minlength=n) for _, item, _ in parts], dtype=np.int64).reshape(len(parts), n)
    blocks = sorted({block for block, _, _ in parts})
    of_part = np.array([blocks.index(block) for block, _, _ in parts], dtype=np.intp)
    totals = np.zeros((len(blocks), n), dtype=np.int64)     # each block's entries per item
    np.add.at(totals, of_part, counts)
    scale = (1.0 / np.sqrt(np.maximum(totals, 1)))[of_part].astype(np.float32)
    ids = np.concatenate([ids for _, _, ids in parts]).astype(np.int32) if parts else np.zeros(0, np.int32)
    return ids, counts, scale


def _assemble(parts: tuple[np.ndarray, np.ndarray, np.ndarray], n: int):
    """CSR arrays of LineFeatures' entries: per item the parts follow in order."""
    all_ids, counts, scale = parts
    indptr = np.concatenate([[0], np.cumsum(counts.sum(axis=0))]).astype(np.int64)
    indices = np.empty(indptr[-1], dtype=np.int32)
    values = np.empty(indptr[-1], dtype=np.float32)
    offset = indptr[:-1].copy()
    start = 0
    for c, sc in zip(counts, scale):
        m = int(c.sum())
        pos = np.arange(m) + np.repeat(offset - (np.cumsum(c) - c), c)   # items are sorted
        indices[pos] = all_ids[start:start + m]
        values[pos] = np.repeat(sc, c)
        offset += c
        start += m
    return indptr, indices, values


_DOM_IDS: dict[str, tuple[int, int, int]] = {}
_DOM_IDS_KEPT = 200_000


def _dom_token_ids(token: str) -> tuple[int, int, int]:
    """The feature ids of a DOM descriptor: as the line's own ("d:"), and for the block tag and link
    density, as the line before's ("p1d:") and the line after's ("n1d:"); -1 where there is none.
    Kept between pages: pages share most descriptors."""
    ids = _DOM_IDS.get(token)
    if ids is None:
        near = token.startswith(("t:", "ld"))
        ids = (_h("d:" + token), _h("p1d:" + token) if near else -1, _h("n1d:" + token) if near else -1)
        if len(_DOM_IDS) >= _DOM_IDS_KEPT:
            _DOM_IDS.clear()
        _DOM_IDS[token] = ids
    return ids


def _dom_entries(dom: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(item, id) of the DOM block from each item's descriptors (render.render_html, which puts the
    element path last), in three parts: the line's own descriptors but its path, then the block tag
    and link density of the line just before, then those of the line just after. Lines of sibling
    elements share their descriptors but the path: each distinct set is read once."""
    n = len(dom)
    heads = [head if sep else tail for head, sep, tail in map(methodcaller("rpartition", "path="), dom)]
    distinct = {h: k for k, h in enumerate(dict.fromkeys(heads))}
    head_of = np.fromiter(map(distinct.__getitem__, heads), dtype=np.int64, count=n)
    own = [h.split() for h in distinct]
    flat = list(chain.from_iterable(own))
    position = {t: k for k, t in enumerate(dict.fromkeys(flat))}
    table = np.fromiter(chain.from_iterable(map(_dom_token_ids, position)), dtype=np.int64,
                        count=3 * len(position)).reshape(-1, 3)
    head_ids = table[np.fromiter(map(position.__getitem__, flat), dtype=np.int64, count=len(flat))]
    # each line's entries: its head's run of head_ids
    size = np.fromiter(map(len, own), dtype=np.int64, count=len(own))
    start = np.cumsum(size) - size
    counts = size[head_of]
    item = np.repeat(np.arange(n), counts)
    ids = head_ids[np.repeat(start[head_of] - (np.cumsum(counts) - counts), counts) + np.arange(len(item))]
    near = ids[:, 1] >= 0
    before = near & (item < n - 1)
    after = near & (item > 0)
    return [(item, ids[:, 0]), (item[before] + 1, ids[before, 1]), (item[after] - 1, ids[after, 2])]


def item_rows(lines: list[str]) -> list[int]:
    """Indices of the lines the model labels: the non-blank ones."""
    return [i for i, line in enumerate(lines) if line.strip()]


def _shape_parts(own: np.ndarray, shapes: np.ndarray) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """The shape block's entries: each item's own codes, its shape codes, then those of the items
    _NEIGHBOURS away (code + tag * _TAG; _NONE_CODE where the page ends), one part each."""
    table = _shape_id_table()
    n = len(shapes)
    item, col = np.nonzero(own >= 0)
    out = [(2, item, table[own[item, col]])]
    item, col = np.nonzero(shapes >= 0)
    codes = shapes[item, col]
    out.append((2, item, table[codes]))
    for tag, off in _NEIGHBOURS:
        seer = item - off                         # the item that sees this one as its neighbour
        ok = (seer >= 0) & (seer < n)
        edge = np.arange(min(-off, n)) if off < 0 else np.arange(max(n - off, 0), n)   # sees no line
        seen = (seer[ok], table[codes[ok] + tag * _TAG])
        none = (edge, np.full(len(edge), table[_NONE_CODE + tag * _TAG]))
        first, second = (none, seen) if off < 0 else (seen, none)
        out.append((2, np.concatenate([first[0], second[0]]), np.concatenate([first[1], second[1]])))
    return out


def featurize(lines: list[str], dom: list[str] | None = None) -> LineFeatures:
    """Sparse features of every non-blank line of a page (blank lines only shape their neighbours).

    ``dom``, when the page came from HTML (render.render_html), holds each line's DOM descriptors:
    they form one more block, with the block tag and link density of the lines before and after."""
    if dom is not None and len(dom) != len(lines):
        raise ValueError(f"dom has {len(dom)} entries for {len(lines)} lines")
    n_lines = len(lines)
    stripped_all = list(map(str.strip, lines))
    length_all = np.fromiter(map(len, stripped_all), dtype=np.int64, count=n_lines)
    rows_a = np.flatnonzero(length_all)
    n = len(rows_a)
    if n == 0:
        return LineFeatures(_parts([], 0), np.zeros(0, np.int64), n_lines)
    rows = rows_a.tolist()
    stripped = list(map(stripped_all.__getitem__, rows))
    full_len = length_all[rows_a]
    page = _read_page(stripped if full_len.max() <= _MAX_LINE else list(map(_cut, stripped)))
    indent = (np.fromiter(map(len, lines), dtype=np.int64, count=n_lines)
              - np.fromiter(map(len, map(str.lstrip, lines)), dtype=np.int64, count=n_lines))[rows_a]
    shapes = _shape_matrix(page, full_len, indent)

    k = np.arange(n)
    nonblank = np.zeros(n_lines + 2, dtype=bool)
    nonblank[rows_a + 1] = True                         # padded: lines -1 and n_lines are blank
    repeats = Counter(stripped)
    (words, bigrams), grams, word_counts = _word_features(page, n)
    own = np.full((n, len(_OWN_FAMILIES)), -1, dtype=np.int64)
    base = 32 * len(_SHAPE_FAMILIES)
    own[:, 0] = base + np.minimum(10 * rows_a // max(n_lines, 1), 9)
    own[:, 1] = base + 32 + np.searchsorted(_POS_EDGES, k, side="right")
    own[:, 2] = base + 64 + np.searchsorted(_POS_EDGES, n - 1 - k, side="right")
    own[:, 3] = base + 96
    own[~nonblank[rows_a], 4] = base + 128
    own[~nonblank[rows_a + 2], 5] = base + 160
    own[np.fromiter(map(repeats.__getitem__, stripped), dtype=np.int64, count=n) > 1, 6] = base + 192
    own[word_counts == 0, 7] = base + 224
    long = np.flatnonzero(full_len > _MAX_LINE)          # words past the cut count too (the thread rule)
    if len(long):
        word_counts = word_counts.copy()
        word_counts[long] = [len(_TOKEN.findall(stripped[k])) for k in long.tolist()]
    parts = [(0, *words), (0, *bigrams), (1, *grams), *_shape_parts(own, shapes)]
    if dom is not None:
        parts.extend((3, item, ids) for item, ids in _dom_entries([dom[r] for r in rows]))
    return LineFeatures(_parts(parts, n), rows_a, n_lines, lengths=full_len.astype(np.float64),
                        words=word_counts)


# ---------------------------------------------------------------- the site layer and the thread rule
_TOKEN = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")


def _h(s: str) -> int:
    return zlib.crc32(s.encode("utf-8", "surrogatepass")) & _MASK


_WORD_IDS: dict[str, int] = {}


def word_counts(lines: list[str], rows) -> np.ndarray:
    """Each item's number of ``\\w+`` words, over the whole line (what LineFeatures.words holds)."""
    return np.fromiter((len(_TOKEN.findall(lines[r])) for r in rows), dtype=np.int64, count=len(rows))


# Markup left in text: "<script language='JavaScript' src='http://ad.doubleclick.net/...'></script>",
# '<a href="http://ads.example.com/click"><img src=...></a>'. Converters emit it from noscript blocks,
# comments and unclosed tags; it is an ad's or a widget's code, not article text. Tags are
# lines.HTML_TAG, the pattern that finds page source in text.
MARKUP_SHARE = 0.5     # of a line's characters inside tags, for the line to be markup


def markup_lines(lines: list[str], rows) -> np.ndarray:
    """Whether each item (``rows`` its line indices) is mostly HTML markup: at least MARKUP_SHARE of
    its stripped characters (of the first _MAX_LINE) inside tags (bool array). A sentence that names
    a tag ("the <iframe> element") is not, nor is an address in angle brackets."""
    rows = rows.tolist() if isinstance(rows, np.ndarray) else rows
    out = np.zeros(len(rows), dtype=bool)
    for k in [k for k, r in enumerate(rows) if "<" in lines[r] and ">" in lines[r]]:
        s = lines[rows[k]].strip()[:_MAX_LINE]
        out[k] = sum(m.end() - m.start() for m in HTML_TAG.finditer(s)) >= MARKUP_SHARE * len(s)
    return out


def line_words(line: str) -> list[str]:
    """The lower-cased word tokens of a line that the site layer reads."""
    return [t.lower() for t in _TOKEN.findall(line[:_MAX_LINE])][:_MAX_WORDS]


def word_id(word: str) -> int:
    """The site layer's hashed id of a word."""
    i = _WORD_IDS.get(word)
    if i is None:
        if len(_WORD_IDS) >= 200_000:
            _WORD_IDS.clear()
        i = _WORD_IDS[word] = _h("w:" + word)
    return i


def line_text(line: str) -> str:
    """A line as the same line on another page reads: lower-cased, spaces collapsed. Site-model keys,
    label checks and template lines (template.py) compare lines by it."""
    return " ".join(line.lower().split())


def _line_key(line: str) -> tuple[int, bool]:
    """A line's whole-line key and whether it has a letter (in the first _MAX_LINE characters, the
    part the other features read). Digits are 0 in the key ("\u00a9 2024 Site" is "\u00a9 2023
    Site"), except in a line without a letter ("$29.95", "1113"): with them as 0, every price of the
    site would share one key, and the labels of a few pages' prices would decide all of them."""
    head = line[:_MAX_LINE]
    letters = any(c.isalpha() for c in head)
    text = line_text(head)[:500]
    return _h("L:" + (_DIGITS.sub("0", text) if letters else text)), letters


def line_keys(lines: list[str], rows) -> np.ndarray:
    """A hashed id of each item's whole text (_line_key): a site model learns its template lines
    ("Trending now", "\u00a9 2024 Site") by these."""
    return np.array([_line_key(lines[r])[0] for r in rows], dtype=np.int32)


SITE_FEATURE_VERSION = 2   # 2: a line without a letter keys on its own digits and has no words


def site_items(lines: list[str], rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The site layer's view of each item, as CSR arrays (indptr, ids, values): the item's whole-line
    key with value 1, then its distinct word ids with value 1/sqrt(n), so the word block has unit
    length; a line without a letter has its key only (its numbers are the page's, not the site's).
    Training (site.py) and prediction (model.site_dot) both read it from here (SITE_FEATURE_VERSION)."""
    indptr, indices, values = [0], [], []
    for r in rows:
        key, letters = _line_key(lines[r])
        words = sorted({word_id(t) for t in line_words(lines[r])}) if letters else ()
        indices.append(key)
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
# every heading above holds one of these: a cheap test (str.find) before the full patterns
_THREAD_WORDS = ("comment", "repl", "respons", "thought", "reaction", "trackback", "pingback", "say", "opinion",
                 "talkback", "discussion", "conversation")


def thread_headings(lines: list[str], rows, lengths: np.ndarray | None = None) -> np.ndarray:
    """Whether each item (a non-blank line, ``rows`` its indices) reads like the heading of a comment
    section (bool array). ``lengths``: the items' stripped lengths, when known (LineFeatures.lengths)."""
    out = np.zeros(len(rows), dtype=bool)
    rows = rows.tolist() if isinstance(rows, np.ndarray) else rows
    # the few candidates for the full patterns: short items that hold a trigger word, found by str.find
    # in the joined, lower-cased items (a regex alternation over every line was a tenth of clean's time)
    if lengths is None:
        lengths = np.fromiter((len(lines[r].strip()) for r in rows), dtype=np.int64, count=len(rows))
    short = np.flatnonzero(lengths <= 200).tolist()
    if not short:
        return out
    items = stripped = [lines[rows[k]].strip() for k in short]
    text = "\n".join(items).lower()
    sizes = list(map(len, items))
    if len(text) != sum(sizes) + len(items) - 1:        # lower() changed a length ("\u0130")
        items = [x.lower() for x in items]
        text, sizes = "\n".join(items), list(map(len, items))
    starts = np.cumsum([0] + [n + 1 for n in sizes[:-1]])
    hits = [i for word in _THREAD_WORDS for i in _find_all(text, word)]
    for j in sorted(set((np.searchsorted(starts, hits, side="right") - 1).tolist())):
        k, s = short[j], stripped[j]
        out[k] = bool((len(s) <= 80 and _THREAD_HEADING.match(s)) or _THREAD_NOTICE.search(s))
    return out


# The heading of a list of teasers for other content (LABELS.md's `related`): "Related Stories",
# "More articles in Soccer", "Recent Posts", "People who read this also read:", "Also on HuffPost:",
# "You may also like", "Read more:", "Don't miss". The starts come from the `related` lines of the
# hand-labelled pages (data/hand.labels), the label guide, and the kept text of dragnet and l3s-gn1
# pages (so those two sets flatter the rule; README, bench.thread_rule). Each branch runs to the end of the line,
# with no text after a colon: ">> Related: How to choose a VPN" inside an article is one link to one
# story, not a list. A heading with a digit ("Top 10 tips") is taken to be the article's own, and so is
# "See also": in documentation its list of API names and guides is part of the page's content.
_TEASER_NOUNS = (r"(?:articles?|stories|story|posts?|news|headlines?|reads?|reading|videos?|links|coverage|"
                 r"galleries|blogs?|entries|content|items|topics)")
_RELATED_HEADING = re.compile(
    r"^[\s>»•·*#|\-–—]*(?:"
    r"related(?:\s+[\w&'’-]+){0,3}|"
    r"(?:more|other|recent|latest|popular|trending|top|most\s+\w+|similar|recommended|further|previous)\b"
    r"[\w\s'’&,-]{0,40}?\b" + _TEASER_NOUNS + r"\b[\w\s'’&,-]{0,30}|"
    r"more\s+(?:from|in|on|about)\b[\w\s'’&,.-]{1,40}|"
    r"(?:you|readers)\s+(?:may|might|will)\s+(?:also\s+)?(?:like|love|enjoy|be\s+interested\s+in)(?:\s+\w+){0,2}|"
    r"people\s+who\s+[\w\s'’]{0,40}|"
    r"also\s+(?:on|in|from)\s+[\w\s'’&.-]{1,30}|"
    r"read\s+(?:more|next|also)(?:\s+\w+){0,3}\s*:|"
    r"keep\s+reading|don[’']?t\s+miss(?:\s+\w+){0,2}|what\s+to\s+read\s+next|"
    r"around\s+the\s+web|from\s+the\s+web|(?:promoted|sponsored)\s+(?:stories|content|links)"
    r")\s*(?::|»|›|>>|\.\.\.|…)?\s*$", re.I)
# the first word of every heading above: a cheap test before the full pattern
_RELATED_FIRST = frozenset("related more other recent latest popular trending top most similar recommended "
                           "further previous you readers people also read keep don't don’t dont what "
                           "around from promoted sponsored".split())
_RELATED_MAX_WORDS = 8
_BULLETS = " >»•·*#|-–—\t"


def related_headings(lines: list[str], rows, words: np.ndarray | None = None) -> np.ndarray:
    """Whether each item (``rows`` its line indices) reads like the heading of a list of teasers for
    other content (bool array). ``words``: the items' ``\\w+`` counts, when known (LineFeatures.words)."""
    rows = rows.tolist() if isinstance(rows, np.ndarray) else rows
    if words is None:
        words = word_counts(lines, rows)
    out = np.zeros(len(rows), dtype=bool)
    for k in np.flatnonzero((words > 0) & (words <= _RELATED_MAX_WORDS)).tolist():
        s = lines[rows[k]].strip()
        head = s.lstrip(_BULLETS).split(None, 1)
        if (head and head[0].lower().rstrip(":.…»›>") in _RELATED_FIRST and not any(c.isdigit() for c in s)
                and _RELATED_HEADING.match(s)):
            out[k] = True
    return out


# A copyright notice: "© 2008 The Associated Press. All rights reserved.", "Copyright 2012 Dow Jones &
# Company, Inc.", "(c) Reuters 2008". It opens the line, and the line says "all rights reserved" or
# names a year. A photo credit ("© 2012 Getty Images") is not a notice: it sits under a picture,
# inside the article.
_COPYRIGHT_OPEN = re.compile(r"[\s>»•·*#|\-–—(\[]*(?:©|\(c\)|copyright\b)", re.I)
_COPYRIGHT_CLAIM = re.compile(r"all\s+rights\s+reserved|\b(?:19|20)\d\d\b", re.I)
_PHOTO_CREDIT = re.compile(r"photo|image|picture|getty|shutterstock|istock|illustration", re.I)
_COPYRIGHT_MAX_WORDS = 40


def copyright_lines(lines: list[str], rows, words: np.ndarray | None = None) -> np.ndarray:
    """Whether each item (``rows`` its line indices) is a copyright notice (bool array). ``words``:
    the items' ``\\w+`` counts, when known (LineFeatures.words)."""
    rows = rows.tolist() if isinstance(rows, np.ndarray) else rows
    if words is None:
        words = word_counts(lines, rows)
    out = np.zeros(len(rows), dtype=bool)
    for k in np.flatnonzero(words <= _COPYRIGHT_MAX_WORDS).tolist():
        s = lines[rows[k]]
        if (("©" in s or "opyright" in s or "OPYRIGHT" in s or "(c)" in s or "(C)" in s)
                and _COPYRIGHT_OPEN.match(s) and _COPYRIGHT_CLAIM.search(s) and not _PHOTO_CREDIT.search(s)):
            out[k] = True
    return out


# Words that name a kind of boilerplate, one pattern per kind. The kind head's line pass learns words
# from a few thousand hand-labelled lines, so a caption credit or a subscription prompt worded as on no
# labelled page goes unnoticed; these patterns carry the words a reader knows those kinds by to every
# page (the second pass weighs them, with the line's and its neighbours' place on the page).
KIND_CUES = (
    ("caption", r"\b(?:photo(?:graph)?s?|image|picture|credit|getty|reuters|ap photo|afp|shutterstock|istock"
                r"|courtesy|illustration|pictured|file)\b|©|\(c\)"),
    ("paywall", r"subscri|paywall|premium|free articles?|sign in|log ?in|already a|member|unlimited"
                r"|per month|/mo\b|/month|\$\d|trial|access"),
    ("ad", r"advertis|sponsor|promot|newsletter|sign up|signup|inbox|email address|% off|\bshop\b|deal|offer"
           r"|download (?:our|the) app|partner"),
    ("meta", r"^\s*by\b|\bauthor|\bupdated|\bpublished|\bposted|min(?:ute)?s? read|\bwritten by|\bedited by"
             r"|\breviewed by|\btags?:|\bfiled under|\bcategor"),
    ("other", r"cookie|consent|privacy|©|copyright|all rights reserved|comment|reply|replies|terms"),
    ("related", r"related|recommended|you may also|more from|read more|recent|popular|trending|most read"
                r"|next|previous|also like|see also"),
)
# Matched against the lower-cased line, without re.I: the same matches, several times faster. A line
# that matches none of them (most lines) is found by one search of their union.
_KIND_CUES = tuple(re.compile(p) for _, p in KIND_CUES)
_ANY_KIND_CUE = re.compile("|".join(f"(?:{p})" for _, p in KIND_CUES))
N_KIND_CUES = len(KIND_CUES) + 2
_CUE_CHARS = 300


def kind_cues(lines: list[str], rows) -> np.ndarray:
    """Each item's kind cues (``rows``: its line indices), an (n, N_KIND_CUES) 0/1 array: whether its
    first 300 characters match each KIND_CUES pattern, whether it reads as a sentence (capital first,
    full stop last), and whether it has at most three words."""
    rows = rows.tolist() if isinstance(rows, np.ndarray) else rows
    out = np.zeros((len(rows), N_KIND_CUES))
    for k, r in enumerate(rows):
        s = lines[r].strip()
        head = s[:_CUE_CHARS].lower()
        if _ANY_KIND_CUE.search(head):
            for j, pattern in enumerate(_KIND_CUES):
                if pattern.search(head):
                    out[k, j] = 1.0
        out[k, -2] = s[:1].isupper() and s.endswith(".")
        out[k, -1] = len(s.split(None, 3)) <= 3
    return out
