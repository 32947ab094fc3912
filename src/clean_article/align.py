"""Label rendered lines by aligning them with text whose labels are known.

``align_lines``: `body` or not, from a gold article text.

Gold sets give the article as text, not as lines of our rendering. A line is `body` when most of its
words sit in word n-grams that also occur in the gold text, matched in reading order: the page's token
stream (all lines joined) is scanned for 4-grams of the gold, and each gold n-gram is consumed when
matched, so a teaser that repeats the article's first sentence above the article does not claim it
when the article itself does. Short lines (a subheading, "Menu") are covered only by n-grams that run
across their boundaries into a neighbouring body line, so an isolated menu word never matches.

``project_labels``: the nine labels of a hand-labelled rendering of a page carried over to another
converter's rendering of the same HTML, word by word (see its docstring).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

__all__ = ["align_lines", "project_labels"]

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _word_stream(lines: list[str]) -> tuple[list[str], list[int], list[int]]:
    """The page's words in reading order (lower-cased), the line each word is on, and each line's
    number of words."""
    stream: list[str] = []
    owner: list[int] = []
    line_tokens = [0] * len(lines)
    for i, line in enumerate(lines):
        toks = _tokens(line)
        line_tokens[i] = len(toks)
        stream.extend(toks)
        owner.extend([i] * len(toks))
    return stream, owner, line_tokens


def align_lines(lines: list[str], gold: str, n: int = 4, min_cover: float = 0.5) -> list[bool]:
    """For each line, whether it belongs to the gold text (blank lines: False)."""
    gold_tokens = _tokens(gold)
    stream, owner, line_tokens = _word_stream(lines)
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


def project_labels(src_lines: list[str], src_labels: list[str], dst_lines: list[str],
                   dst_body: list[bool] | None = None) -> tuple[list[str], int]:
    """The labels of ``src_lines`` carried over to ``dst_lines``, another rendering of the same page,
    and how many non-blank ``dst_lines`` had to be guessed.

    Both renderings are read as word streams and matched in reading order (difflib's longest matching
    blocks); each word of a destination line votes with the label of the source line it matched, and a
    line whose words are at least half matched takes the majority label. Lines the match does not cover
    (a separator, an icon glyph, words a converter glued together, a hidden menu that only one converter
    renders) are guessed from the lines around them: the label of the one before (or after, at the top
    of the page). When ``dst_body`` says which destination lines are body (the auto labels), a guessed
    line follows it: body when it is body, otherwise the nearest label around it that is not body
    ("other" when there is none). Blank lines get ""."""
    a, a_owner, _ = _word_stream(src_lines)
    b, b_owner, words = _word_stream(dst_lines)
    votes = [Counter() for _ in dst_lines]
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            votes[b_owner[block.b + k]][src_labels[a_owner[block.a + k]]] += 1
    out: list[str | None] = []
    for i, line in enumerate(dst_lines):
        if not line.strip():
            out.append("")
        elif words[i] and sum(votes[i].values()) >= 0.5 * words[i]:
            out.append(votes[i].most_common(1)[0][0])
        else:
            out.append(None)
    guessed = [i for i, lab in enumerate(out) if lab is None]
    fits = (lambda lab: lab and lab != "body") if dst_body is not None else bool
    for i in guessed:
        if dst_body is not None and dst_body[i]:
            out[i] = "body"
            continue
        before = next((out[j] for j in range(i - 1, -1, -1) if fits(out[j])), None)
        after = next((out[j] for j in range(i + 1, len(out)) if fits(out[j])), None)
        out[i] = before or after or "other"
    return out, len(guessed)
