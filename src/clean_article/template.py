"""Template lines: what recurs across pages of one site.

A site prints the same lines on every page: its menu, its "Most Popular" box, its newsletter prompt,
its footer. One page at a time such a line can read like prose and the model keeps it; across the
site's pages it repeats, while each article's own text does not. When pages of one site are cleaned
together (``api.clean_site``, ``clean-article --site``), a line the model keeps is *template* when:

- the same text (case and spacing aside) is on MIN_PAGES pages of the site (on both, in a site of
  two) that are not near-copies of each other: pages with the same article lines (however many
  copies a crawl holds) are one page, and so are two pages that share at least half (NEAR_COPY) of
  the article lines each has on at most one other page, as a product's variants do;
- it occurs once on its own page: a field under each item of a listing is content, not template;
- it lies outside the page's own article: above the first or below the last kept line of at least
  OWN_MIN_WORDS words that no other page has. A paragraph that two articles share (a standard
  disclaimer, a quoted statement) sits between the article's own lines and stays; a page with no
  such line of its own loses nothing, since where its article lies is unknown.

Template lines keep a tenth of their body probability, as the revision rules' lines do
(model.THREAD_DISCOUNT). Measured in the README (bench.site_template): on l3s-gn1's news sites it
takes out share links and "Most Popular" teasers and loses next to no article text (+0.003 to +0.004
F1); on wcxb-dev's shops and documentation, whose pages share real content, it drops about as much
article text as boilerplate.
"""

from __future__ import annotations

from collections import Counter, defaultdict

__all__ = ["template_lines", "NEAR_COPY", "OWN_MIN_WORDS", "MIN_PAGES"]

NEAR_COPY = 0.5        # share of each page's article lines that two near-copies have in common
OWN_MIN_WORDS = 8      # words of a kept line that can mark the span of the page's own article
MIN_PAGES = 3          # distinct pages a template line is on (all of them, in a site of two)


def _key(line: str) -> str:
    return " ".join(line.lower().split())


def _near_copy_groups(long_keys: list[set[str]]) -> list[int]:
    """A group number for each page; near-copies share one. Pages with the same article lines
    (``long_keys``) are one page, however many copies a crawl holds. Of the distinct pages, two that
    share at least NEAR_COPY of the article lines each has on at most one other page are joined: a
    line on three or more pages is the site's own, no sign that two pages are one."""
    group = []
    first: dict[frozenset, int] = {}
    for i, keys in enumerate(long_keys):
        group.append(first.setdefault(frozenset(keys), i) if keys else i)
    postings: dict[str, list[int]] = defaultdict(list)
    for i in sorted(set(group)):
        for k in long_keys[i]:
            postings[k].append(i)
    private: Counter = Counter()      # per page: its article lines on at most one other page
    pairs: Counter = Counter()
    for pages in postings.values():
        if len(pages) <= 2:
            private.update(pages)
            if len(pages) == 2:
                pairs[pages[0], pages[1]] += 1
    parent = {i: i for i in set(group)}

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for (a, b), count in pairs.items():
        if count >= NEAR_COPY * max(private[a], private[b]):
            parent[find(a)] = find(b)
    return [find(g) for g in group]


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
    need = max(2, min(MIN_PAGES, len(set(group))))
    groups_of: dict[str, set[int]] = defaultdict(set)
    for i, counts in enumerate(on_page):
        for k in counts:
            groups_of[k].add(group[i])
    out = []
    for i, (ks, kp) in enumerate(zip(keys, kept)):
        # on MIN_PAGES pages that are not near-copies (on each of them, in a smaller site)
        shared = [bool(k) and keep and on_page[i][k] == 1 and len(groups_of[k]) >= need
                  for k, keep in zip(ks, kp)]
        own = [j for j, (k, keep) in enumerate(zip(ks, kp))
               if keep and len(groups_of[k]) == 1 and len(k.split()) >= OWN_MIN_WORDS]
        if not own:     # where this page's article lies is unknown: take nothing out of it
            out.append([])
            continue
        out.append([j for j, s in enumerate(shared) if s and not own[0] <= j <= own[-1]])
    return out
