"""Template lines: what recurs across pages of one site.

A site prints the same lines on every page: its menu, its "Most Popular" box, its newsletter prompt,
its footer. One page at a time such a line can read like prose and the model keeps it; across the
site's pages it repeats, while each article's own text does not. When pages of one site are cleaned
together (``api.clean_site``, ``clean-article --site``), a line the model keeps is *template* when:

- the same text (case and spacing aside) is on MIN_PAGES pages of the site (on both, in a site of
  two) that are not near-copies of each other: pages with the same article lines (however many
  copies a crawl holds) are one page, and so are pages that share at least half (NEAR_COPY) of the
  larger one's article lines, as versions of an article under other URLs and a product's variants
  do. So a lead paragraph that one section page quotes stays in its article; quoted by two more
  pages, it is taken for template;
- it occurs once on its own page: a field under each item of a listing is content, not template;
- it lies outside the page's own article: above the first or below the last kept line of at least
  OWN_MIN_WORDS words that no other page has. A paragraph that two articles share (a standard
  disclaimer, a quoted statement) sits between the article's own lines and stays; a page with no
  such line of its own loses nothing, since where its article lies is unknown.

Template lines keep a tenth of their body probability, as the revision rules' lines do
(model.THREAD_DISCOUNT). Measured in the README (bench.site_template): on l3s-gn1's news sites it
takes out share links and "Most Popular" teasers and loses next to no article text (+0.003 to +0.005
F1); on wcxb-dev's shops and documentation, whose pages share real content, it drops about as much
article text as boilerplate.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .features import line_text

__all__ = ["template_lines", "NEAR_COPY", "NEAR_COPY_MAX_PAGES", "OWN_MIN_WORDS", "MIN_PAGES"]

NEAR_COPY = 0.5        # share of the larger page's article lines that two near-copies have in common
NEAR_COPY_MAX_PAGES = 50   # an article line on more distinct pages is the site's, and not counted
OWN_MIN_WORDS = 8      # words of a kept line that can mark the span of the page's own article
MIN_PAGES = 3          # distinct pages a template line is on (all of them, in a site of two)


def _near_copy_groups(long_keys: list[set[str]]) -> list[int]:
    """A group number for each page; near-copies share one. Pages with the same article lines
    (``long_keys``) are one page, however many copies a crawl holds. Of the distinct pages, two that
    share at least NEAR_COPY of the larger one's article lines are joined (versions of one article
    under other URLs, a product's variants), however many versions there are. Measured against the
    larger page, the site's template lines that every page has do not make a short page a near-copy
    of a long one."""
    group = []
    first: dict[frozenset, int] = {}
    for i, keys in enumerate(long_keys):
        group.append(first.setdefault(frozenset(keys), i) if keys else i)
    postings: dict[str, list[int]] = defaultdict(list)
    for i in sorted(set(group)):
        for k in long_keys[i]:
            postings[k].append(i)
    pairs: Counter = Counter()
    for pages in postings.values():
        if 1 < len(pages) <= NEAR_COPY_MAX_PAGES:
            for a_i, a in enumerate(pages):
                for b in pages[a_i + 1:]:
                    pairs[a, b] += 1
    parent = {i: i for i in set(group)}

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for (a, b), count in pairs.items():
        if count >= NEAR_COPY * max(len(long_keys[a]), len(long_keys[b])):
            parent[find(a)] = find(b)
    return [find(g) for g in group]


def template_lines(pages: list[list[str]], kept: list[list[bool]]) -> list[list[int]]:
    """For pages of one site, each given as its lines and which of them the model keeps, the indices
    of each page's kept lines that are the site's template (see the module docstring)."""
    if len(pages) != len(kept) or any(len(p) != len(k) for p, k in zip(pages, kept)):
        raise ValueError("pages and kept must have the same shape")
    keys = [[line_text(line) for line in lines] for lines in pages]
    on_page = [Counter(k for k in ks if k) for ks in keys]
    long_keys = [{k for k, keep in zip(ks, kp) if keep and len(k.split()) >= OWN_MIN_WORDS}
                 for ks, kp in zip(keys, kept)]
    group = _near_copy_groups(long_keys)
    # pages with nothing kept (an empty page, a "Page not found" stub) do not make the site bigger
    need = max(2, min(MIN_PAGES, len({group[i] for i, kp in enumerate(kept) if any(kp)})))
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
