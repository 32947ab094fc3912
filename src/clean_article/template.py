"""Template lines: what recurs across pages of one site.

A site prints the same lines on every page: its menu, its "Most Popular" box, its newsletter prompt,
its footer. One page at a time such a line can read like prose and the model keeps it; across the
site's pages it repeats, while each article's own text does not. When pages of one site are cleaned
together (``api.clean_site``, ``clean-article --site``), a line the model keeps is *template* when:

- the same text (case and spacing aside) is on another page of the site that is not a near-copy of
  this one: two pages that share at least half of their article lines (NEAR_COPY) are one page twice,
  as a crawl's duplicates and a product's variants are;
- it occurs once on its own page: a field under each item of a listing is content, not template;
- it lies outside the page's own article: above the first or below the last kept line of at least
  OWN_MIN_WORDS words that no other page has. A paragraph that two articles share (a standard
  disclaimer, a quoted statement) sits between the article's own lines and stays.

Template lines keep a tenth of their body probability, as the revision rules' lines do
(model.THREAD_DISCOUNT). Measured in the README (bench.site_template): on l3s-gn1's news sites it
takes out "Most Popular" boxes and teaser lists and loses next to no article text; on wcxb-dev's
shops and documentation, whose pages share real content, the guards above keep the losses small.
"""

from __future__ import annotations

from collections import Counter, defaultdict

__all__ = ["template_lines", "NEAR_COPY", "OWN_MIN_WORDS"]

NEAR_COPY = 0.5        # share of the smaller page's article lines two near-copies have in common
OWN_MIN_WORDS = 8      # words of a kept line that can mark the span of the page's own article


def _key(line: str) -> str:
    return " ".join(line.lower().split())


def _near_copy_groups(long_keys: list[set[str]]) -> list[int]:
    """A group number for each page: pages that share at least NEAR_COPY of the smaller one's
    article lines (``long_keys``) are joined (union-find over the pairs that share any line)."""
    n = len(long_keys)
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    postings: dict[str, list[int]] = defaultdict(list)
    for i, keys in enumerate(long_keys):
        for k in keys:
            postings[k].append(i)
    shared: Counter = Counter()
    for pages in postings.values():
        if 1 < len(pages) <= 50:       # a long line on more pages than that is template, not article
            for a_i, a in enumerate(pages):
                for b in pages[a_i + 1:]:
                    shared[a, b] += 1
    for (a, b), count in shared.items():
        if count >= NEAR_COPY * min(len(long_keys[a]), len(long_keys[b])):
            parent[find(a)] = find(b)
    return [find(i) for i in range(n)]


def template_lines(pages: list[list[str]], kept: list[list[bool]]) -> list[list[int]]:
    """For pages of one site, each given as its lines and which of them the model keeps, the indices
    of each page's kept lines that are the site's template (see the module docstring)."""
    if len(pages) != len(kept) or any(len(p) != len(k) for p, k in zip(pages, kept)):
        raise ValueError("pages and kept must have the same shape")
    keys = [[_key(line) for line in lines] for lines in pages]
    on_page = [Counter(k for k in ks if k) for ks in keys]
    long_keys = [{k for k, keep in zip(ks, kp) if keep and len(k.split()) >= OWN_MIN_WORDS}
                 for ks, kp in zip(keys, kept)]
    group = _near_copy_groups(long_keys)
    groups_of: dict[str, set[int]] = defaultdict(set)
    for i, counts in enumerate(on_page):
        for k in counts:
            groups_of[k].add(group[i])
    out = []
    for i, (ks, kp) in enumerate(zip(keys, kept)):
        # on another page than its near-copies: the line's pages fall in more than this page's group
        shared = [bool(k) and keep and on_page[i][k] == 1 and len(groups_of[k]) > 1 for k, keep in zip(ks, kp)]
        own = [j for j, (k, keep) in enumerate(zip(ks, kp))
               if keep and not shared[j] and len(k.split()) >= OWN_MIN_WORDS]
        lo, hi = (own[0], own[-1]) if own else (len(ks), -1)
        out.append([j for j, s in enumerate(shared) if s and not lo <= j <= hi])
    return out
