"""Evaluation gate: the shipped model on a fixed sample of held-out sites, with pinned F1 floors.

The sample is the first 60 held-out (split=test) pages of each converter's wcxb file, sites the model
never saw. Its SHA-256 is pinned so that a change of the data cannot quietly move the goalposts: when the
data is rebuilt on purpose, update EVAL_SHA256 and re-measure the floors in the same commit.
"""

import hashlib

import pytest

from clean_article.labelled import format_doc, iter_labelled
from clean_article.training import evaluate_docs

from conftest import DATA

N_PAGES = 60
EVAL_SHA256 = "d11b0f455948cf4aea06d5450a685f748834718601a720c8b925b1f47c7ea8fc"
# measured with the shipped model, minus about 0.02 for noise between platforms
# measured 0.906, 0.907, 0.908 (tenth session: the lxml rendering places React's streamed segments and
# reads a <button> left open over the page; 0.906, 0.907, 0.906 in the ninth, 0.908, 0.913, 0.910 in the
# eighth; 0.908, 0.907, 0.904 before)
FLOORS = {"html-text": 0.89, "inscriptis": 0.89, "lxml": 0.89}


def _sample(converter):
    docs = []
    for doc in iter_labelled(DATA / "wcxb" / f"{converter}.labels.gz"):
        if doc.meta.get("split") == "test":
            docs.append(doc)
            if len(docs) == N_PAGES:
                break
    return docs


@pytest.fixture(scope="module")
def samples():
    return {conv: _sample(conv) for conv in FLOORS}


def test_evaluation_sample_is_the_pinned_one(samples):
    h = hashlib.sha256()
    for conv in sorted(samples):
        for doc in samples[conv]:
            h.update(format_doc(doc).encode("utf-8"))
    assert h.hexdigest() == EVAL_SHA256


@pytest.mark.parametrize("converter", sorted(FLOORS))
def test_shingle_f1_above_floor(model, samples, converter):
    m = evaluate_docs(model, samples[converter])
    assert m["shingle_f1"] >= FLOORS[converter], m
