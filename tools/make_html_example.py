"""Write data/examples/news-article.html: the hand-labelled seed 001 laid out as a typical news page
(navigation, headline, byline, article, teaser list, footer), so the HTML path has an example whose
every line's role is known. The markup is ours; the text is the user's seed scrape.

    python -m tools.make_html_example
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from clean_article.labelled import read_labelled

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    doc = next(d for d in read_labelled(ROOT / "data" / "seeds.labels") if d.doc_id == "seed-001")
    items = [(lab, text.strip()) for lab, text in zip(doc.labels, doc.lines) if lab]
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           f'<title>{escape(next(t for l, t in items if l == "title"))}</title>',
           '<script>window.dataLayer = [];</script><style>.nav{display:flex}</style></head><body>',
           '<header class="site-header"><a class="logo" href="/">Newsable</a>',
           '<nav class="main-nav"><ul>']
    out += [f'<li><a href="/{escape(t.lower())}">{escape(t)}</a></li>' for l, t in items if l == "nav"]
    out += ['<li><a href="/india">India</a></li><li><a href="/sports">Sports</a></li></ul></nav></header>',
            '<main><article class="post">']
    related = [t for l, t in items if l == "related"]
    for lab, text in items:
        if lab == "title":
            out.append(f'<h1 class="entry-title">{escape(text)}</h1>')
        elif lab == "meta":
            out.append(f'<div class="byline">By <a href="/author/spriha-rai">{escape(text)}</a> '
                       '<time datetime="2023-09-14">Sep 14, 2023</time></div>')
        elif lab == "body":
            out.append(f'<p>{escape(text)}</p>')
    out.append('</article>')
    out.append('<aside class="related-posts"><h3>' + escape(related[1]) + '</h3><ul>')
    rest = related[2:]
    for i in range(0, len(rest) - 2, 3):
        out.append(f'<li><a href="/story/{i}"><h4>{escape(rest[i])}</h4></a><p class="excerpt">'
                   f'{escape(rest[i + 1])}</p><span class="ago">{escape(rest[i + 2])}</span></li>')
    out += ['</ul></aside></main>',
            '<footer class="site-footer"><p>© 2023 Newsable. All rights reserved.</p>'
            '<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>'
            '<li><a href="/contact">Contact</a></li></ul></footer></body></html>']
    path = ROOT / "data" / "examples" / "news-article.html"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
