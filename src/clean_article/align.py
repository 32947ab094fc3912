"""Label rendered lines `body` or not by aligning them with a gold article text.

Gold sets give the article as text, not as lines of our rendering. A line is `body` when most of its
words sit in word n-grams that also occur in the gold text, matched in reading order: the page's token
stream (all lines joined) is scanned for 4-grams of the gold, and each gold n-gram is consumed when
matched, so a teaser that repeats the article's first sentence above the article does not claim it
when the article itself does. Short lines (a subheading, "Menu") are covered only by n-grams that run
across their boundaries into a neighbouring body line, so an isolated menu word never matches.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["align_lines"]

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def align_lines(lines: list[str], gold: str, n: int = 4, min_cover: float = 0.5) -> list[bool]:
    """For each line, whether it belongs to the gold text (blank lines: False)."""
    gold_tokens = _tokens(gold)
    stream: list[str] = []
    owner: list[int] = []
    line_tokens = [0] * len(lines)
    for i, line in enumerate(lines):
        toks = _tokens(line)
        line_tokens[i] = len(toks)
        stream.extend(toks)
        owner.extend([i] * len(toks))
    if not gold_tokens or not stream:
        return [False] * len(lines)
    k = min(n, len(gold_tokens))
    remaining = Counter(tuple(gold_tokens[j:j + k]) for j in range(len(gold_tokens) - k + 1))
    covered = [False] * len(stream)
    # Two passes: first consume n-grams from long lines (where the article most likely is), then the
    # rest, so a short teaser line earlier on the page cannot use up the article's own n-grams.
    passes = ((lambda ln: line_tokens[ln] >= 8), (lambda ln: line_tokens[ln] < 8))
    for wanted in passes:
        for j in range(len(stream) - k + 1):
            if not wanted(owner[j]):
                continue
            gram = tuple(stream[j:j + k])
            if remaining.get(gram, 0) > 0:
                remaining[gram] -= 1
                for t in range(j, j + k):
                    covered[t] = True
    hits = [0] * len(lines)
    for t, c in enumerate(covered):
        if c:
            hits[owner[t]] += 1
    return [_is_body(hits[i], line_tokens[i], min_cover) for i in range(len(lines))]


def _is_body(hits: int, tokens: int, min_cover: float) -> bool:
    # A converter that fails on broken markup can glue a whole page into one line; when such a line
    # holds a long run of the article, keeping it loses less than dropping the article.
    return tokens > 0 and (hits >= min_cover * tokens or (hits >= 50 and hits >= 0.25 * tokens))
