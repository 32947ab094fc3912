"""Measure the revision rules (model.thread_start, the comment thread; model.copyright_end, the
copyright notice; model.related_runs, teaser lists; features.markup_lines, HTML markup left in the
text; model.link_lists, an HTML page's link lists; model.element_outsiders, the readability rule;
model.comment_boxes, doubtful lines in comment-named elements outside readability's element):
every set, converter and the HTML model, with and without them, on the same model and pages.

    python -m bench.thread_rule [--sets dragnet-test,l3s-gn1,wcxb-heldout] [--min-words 50,100,200]

Prints shingle F1 per set (wcxb-heldout also per page type) without any rule ("off"), with the
comment-thread rule alone at each minimum of body words above the heading ("thread N"), with it and
the copyright rule ("+copyright"), with the teaser-list rule too ("+related"), with the markup rule
too ("four"), with the link-list rule too ("+links"), with the readability rule too ("+readability")
and with all seven at the shipped minimum ("all", what clean does). The link-list rule, the
readability rule (model.element_outsiders, lines outside readability's article element) and the
comment-box rule read the DOM, so "four", "+links", "+readability" and "all" differ only for the
HTML model.
"""

from __future__ import annotations

import argparse
import itertools

from clean_article import load_model
from clean_article import model as model_module
from clean_article.metrics import aggregate, page_scores

from .converters import render
from .run import SETS, _kept_html, _kept_text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--converters", default="html-text,inscriptis,html")
    ap.add_argument("--min-words", default="50,100,200")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--model", default=None)
    ap.add_argument("--html-model", default=None)
    args = ap.parse_args()
    default = model_module.THREAD_MIN_WORDS
    thread, both = {"thread_rule"}, {"thread_rule", "copyright_rule"}
    three = both | {"related_rule"}
    settings = ([("off", default, set())] + [(f"thread {w}", int(w), thread) for w in args.min_words.split(",")]
                + [("+copyright", default, both), ("+related", default, three),
                   ("four", default, set(model_module.REVISION_RULES) - {"link_list_rule", "readability_rule",
                                                                          "comment_box_rule"}),
                   ("+links", default, set(model_module.REVISION_RULES) - {"readability_rule", "comment_box_rule"}),
                   ("+readability", default, set(model_module.REVISION_RULES) - {"comment_box_rule"}),
                   ("all", default, set(model_module.REVISION_RULES))])
    for set_name in args.sets.split(","):
        pages = list(itertools.islice(SETS[set_name](), args.limit))
        for conv in args.converters.split(","):
            if conv == "html":
                model = load_model(args.html_model, html=True)
                inputs, keep = [p.html for p in pages], _kept_html
            else:
                model = load_model(args.model)
                inputs, keep = [render(p.html, conv) for p in pages], _kept_text
            groups = {"all": range(len(pages))}
            if set_name == "wcxb-heldout":
                for kind in sorted({p.kind for p in pages}):
                    groups[kind] = [i for i, p in enumerate(pages) if p.kind == kind]
            cells = []
            for name, words, rules in settings:
                model_module.THREAD_MIN_WORDS, model_module.RULES_ON = words, rules
                try:
                    kept = [keep(x, model) for x in inputs]
                finally:
                    model_module.THREAD_MIN_WORDS, model_module.RULES_ON = default, set(model_module.REVISION_RULES)
                scores = [page_scores(page.gold, "\n".join(t.strip() for t, k in zip(*d) if k))
                          for page, d in zip(pages, kept)]
                cells.append((name, {g: aggregate([scores[i] for i in idx])["f1"] for g, idx in groups.items()}))
            for g in groups:
                row = "  ".join(f"{name} {f1[g]:.3f}" for name, f1 in cells)
                print(f"{set_name:<14}{conv:<12}{g:<15}n={len(groups[g]):<4} {row}", flush=True)


if __name__ == "__main__":
    main()
