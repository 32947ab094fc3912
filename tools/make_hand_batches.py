"""Pick wcxb-dev training pages for hand labelling and write them as pre-filled batches.

    python -m tools.make_hand_batches OUT_DIR [--articles 42] [--batches 6] [--seed 11]
                                      [--focus paywall-caption-ad|related-ad|ad-meta]

Candidates: training-split pages (no held-out domain) of sites that data/hand.labels does not hold yet,
25-230 non-blank lines. Each is scored by how likely it holds the kinds the kind head knows worst
(``--focus``, one scoring function each in SCORES; the rounds of data/README.md name theirs):
``paywall-caption-ad`` (second round) by paywall markup in its HTML ("paywall", "piano", "regwall",
"subscribe to continue"...), subscription lines, figcaptions and photo-credit lines, "Advertisement" /
"Sponsored" / newsletter lines; ``related-ad`` (third and fifth rounds) by teaser-list markup and
headings ("related", "recommended", "you may also like", "most read", Taboola/Outbrain widgets) and ad
slots, "Advertisement", sponsored and newsletter lines; ``ad-meta`` (fourth round) by ad slots and ad
lines and by byline, date, reading-time and tag lines and their markup. The best-scoring pages are
taken, one per site: ``--articles`` articles and one page of each other type. Each is written in one
converter's rendering (lxml, html-text, inscriptis in turn), line for line from
data/wcxb/<converter>.labels.gz, pre-filled: lines the aligner marked body are ``body``, every other
line the shipped model's most likely kind, with ``?`` where its probability is under 0.7. Labellers
correct the batches (data/hand-notes/GUIDE.md); ``python -m tools.build_hand_data`` then checks them
and writes data/hand.labels.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
from pathlib import Path

import numpy as np

from bench.datasets import SHARED
from clean_article import load_model
from clean_article.features import featurize
from clean_article.labelled import read_labelled, write_labelled
from clean_article.labels import BODY

DATA = Path(__file__).resolve().parent.parent / "data"
HTML = SHARED / "wcxb-dev" / "html"
CONVERTERS = ("lxml", "html-text", "inscriptis")
OTHER_TYPES = ("product", "forum", "listing", "collection", "service", "documentation")

_PAYWALL_HTML = re.compile(r"paywall|piano|tp-modal|regwall|subscriber-only|subscribers-only|premium-content"
                           r"|metered|meter-|article-limit|free articles|subscribe to (continue|read)"
                           r"|to continue reading|already a subscriber|subscribe now", re.I)
_PAYWALL = re.compile(r"subscri|premium|free articles|sign in to|log in to (read|continue)|already a"
                      r"|unlimited access|per month|/month", re.I)
_CAPTION = re.compile(r"photo|image|picture|credit|getty|reuters|\bap\b|shutterstock|courtesy|illustration", re.I)
_AD = re.compile(r"advertis|sponsored|promoted|newsletter|sign up", re.I)
_RELATED_HTML = re.compile(r"related|recommend|more-stories|more-news|most-read|most-popular|trending|taboola"
                           r"|outbrain|read-next|readnext|you-may-like|also-like", re.I)
_RELATED = re.compile(r"^(related|recommended|you (may|might) also|more (from|stories|news|in|on)|most (read|popular"
                      r"|viewed)|trending|read (next|more|also)|also read|see also|recent (posts|articles|stories)"
                      r"|latest (news|stories|posts)|top stories|popular|don't miss|up next|further reading)", re.I)
_AD_HTML = re.compile(r"adsbygoogle|googletag|ad-slot|adslot|ad-container|ad-unit|dfp-|advertisement|sponsored", re.I)
_META = re.compile(r"^(by|written by|posted by|published|updated|posted on|last updated|filed under|tags?:|categories?:"
                   r"|topics?:|about the author)\b|\d+ min(ute)?s? read|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                   r"[a-z]*\.? \d{1,2},? \d{4}\b", re.I)
_META_HTML = re.compile(r"byline|dateline|rel=\"author\"|class=\"[^\"]*author|<time\b|post-tags|article-tags|tag-list", re.I)


def _ad_lines(lines: list[str]) -> int:
    """How many lines under 120 characters read "Advertisement", "Sponsored", newsletter or sign-up."""
    return sum(1 for line in lines if len(line) < 120 and _AD.search(line))


def score(lines: list[str], html: str) -> int:
    """How likely a page holds paywall prompts, captions and ads (each count capped)."""
    short = [line for line in lines if len(line) < 200]
    paywall_html = len(_PAYWALL_HTML.findall(html))
    captions = min(html.lower().count("<figcaption"), 6) + sum(1 for line in short if _CAPTION.search(line))
    paywall = sum(1 for line in short if _PAYWALL.search(line))
    ads = _ad_lines(lines)
    return 3 * min(paywall_html, 3) + 2 * min(paywall, 4) + min(captions, 6) + min(ads, 4)


def score_related_ad(lines: list[str], html: str) -> int:
    """How likely a page holds teaser lists and ads (each count capped)."""
    related_html = len(_RELATED_HTML.findall(html))
    related = sum(1 for line in lines if len(line) < 80 and _RELATED.search(line.strip()))
    ad_html = len(_AD_HTML.findall(html))
    ads = _ad_lines(lines)
    return 2 * min(related, 4) + min(related_html, 6) + 2 * min(ads, 4) + min(ad_html, 6)


def score_ad_meta(lines: list[str], html: str) -> int:
    """How likely a page holds ads and many article meta lines (bylines, dates, tags, author boxes)."""
    ad_html = len(_AD_HTML.findall(html))
    ads = _ad_lines(lines)
    meta = sum(1 for line in lines if len(line) < 100 and _META.search(line.strip()))
    meta_html = len(_META_HTML.findall(html))
    return 2 * min(ads, 5) + min(ad_html, 6) + min(meta, 5) + min(meta_html, 4)


# --focus: which kinds the picked pages should hold most of, and the page score that looks for them
SCORES = {"paywall-caption-ad": score, "related-ad": score_related_ad, "ad-meta": score_ad_meta}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=42)
    ap.add_argument("--batches", type=int, default=6)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--focus", choices=sorted(SCORES), default="paywall-caption-ad",
                    help="which kinds the picked pages should hold most of")
    args = ap.parse_args()
    page_score = SCORES[args.focus]
    done = {d.meta["site"] for d in read_labelled(DATA / "hand.labels")}
    auto = {c: {d.meta["source"]: d for d in read_labelled(DATA / "wcxb" / f"{c}.labels.gz")} for c in CONVERTERS}
    candidates = []
    for source, d in auto["lxml"].items():
        n = sum(1 for line in d.lines if line.strip())
        if d.meta.get("split") != "train" or d.meta["site"] in done or not 25 <= n <= 230:
            continue
        with gzip.open(HTML / f"{source.split('/')[1]}.html.gz", "rt", errors="replace") as fh:
            candidates.append((page_score([line for line in d.lines if line.strip()], fh.read()), source, d.meta))
    rng = random.Random(args.seed)
    rng.shuffle(candidates)
    candidates.sort(key=lambda c: -c[0])          # best first; ties in random order
    picked, sites, articles, others = [], set(), args.articles, list(OTHER_TYPES)
    for _, source, meta in candidates:
        if meta["site"] in sites:
            continue
        if meta["type"] == "article" and articles > 0:
            articles -= 1
        elif meta["type"] in others:
            others.remove(meta["type"])
        else:
            continue
        picked.append(source)
        sites.add(meta["site"])
    rng.shuffle(picked)
    model = load_model()
    pages = []
    for i, source in enumerate(picked):
        conv = CONVERTERS[i % len(CONVERTERS)]
        d = auto[conv][source]
        f = featurize(d.lines)
        q = model.kind_proba(f, d.lines, model.learned_item_proba(f, d.lines))
        labels, unsure = [""] * len(d.lines), [False] * len(d.lines)
        for k, r in enumerate(f.rows):
            j = int(np.argmax(q[k]))
            labels[r] = BODY if d.labels[r] == BODY else model.kind_labels[j]
            unsure[r] = d.labels[r] != BODY and q[k, j] < 0.7
        d.doc_id = f"hand-{source.split('/')[1]}-{conv}"
        d.meta = {"converter": conv, "site": d.meta["site"], "type": d.meta["type"], "split": "train",
                  "source": source, "labelled": "hand"}
        d.labels, d.unsure = labels, unsure
        pages.append(d)
    args.out.mkdir(parents=True, exist_ok=True)
    for b in range(args.batches):
        batch = pages[b::args.batches]
        if batch:
            write_labelled(batch, args.out / f"batch{b}.labels")
            print(f"{args.out / f'batch{b}.labels'}: {', '.join(d.doc_id for d in batch)}")


if __name__ == "__main__":
    main()
