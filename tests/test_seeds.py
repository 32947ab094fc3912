"""Leave-one-seed-out: trained without a seed scrape, the model still keeps most of its body lines.

Each fold trains a small model (the four other seeds plus a fixed sample of wcxb-derived training
pages) so that the suite stays fast; the shipped model is trained on far more."""

import numpy as np
import pytest

from clean_article.labelled import read_labelled
from clean_article.training import TEXT_THRESHOLD, fit

from conftest import DATA

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def background():
    docs = [d for d in read_labelled(DATA / "wcxb" / "html-text.labels.gz") if d.meta.get("split") == "train"]
    rng = np.random.default_rng(0)
    return [docs[i] for i in sorted(rng.permutation(len(docs))[:150])]


_MODELS = {}


def _kept(seed_docs, background, held_out):
    """Share of the left-out seed's body lines and non-body lines that the fold's model keeps."""
    if held_out not in _MODELS:
        train = [d for i, d in enumerate(seed_docs) if i != held_out] + background
        _MODELS[held_out] = fit(train, seed=0, log=lambda *_: None, threshold=TEXT_THRESHOLD)
    model, doc = _MODELS[held_out], seed_docs[held_out]
    p = model.predict_proba(doc.lines)
    body = [i for i, lab in enumerate(doc.labels) if lab == "body"]
    other = [i for i, lab in enumerate(doc.labels) if lab and lab != "body"]
    return np.mean(p[body] >= model.threshold), np.mean(p[other] >= model.threshold)


@pytest.mark.parametrize("held_out", range(5))
def test_left_out_seed_keeps_most_body_lines(seed_docs, background, held_out):
    kept_body, _ = _kept(seed_docs, background, held_out)
    assert kept_body >= 0.75, f"{seed_docs[held_out].doc_id}: kept {kept_body:.0%} of body lines"


_TEASERS_ABOVE = pytest.mark.xfail(
    reason="known weakness (issue 3): on seed-002 the headline lists above the article, on seed-003 "
           "teasers with summaries of over 30 words under 'Latest from -Top News', are kept as body",
    strict=False)


@pytest.mark.parametrize("held_out", [0, 1, pytest.param(2, marks=_TEASERS_ABOVE),
                                      pytest.param(3, marks=_TEASERS_ABOVE), 4])
def test_left_out_seed_drops_most_boilerplate(seed_docs, background, held_out):
    _, kept_other = _kept(seed_docs, background, held_out)
    assert kept_other <= 0.25, f"{seed_docs[held_out].doc_id}: kept {kept_other:.0%} of non-body lines"
