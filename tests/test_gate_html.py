"""Evaluation gate of the HTML model: the first 60 held-out (split=test) pages of the lxml rendering
with their DOM descriptors, sites the model never saw, with a pinned floor and a pinned sample hash
(lines, labels and DOM). When the data is rebuilt on purpose, update both in the same commit."""

import hashlib

import pytest

from clean_article.labelled import attach_dom, format_doc, iter_labelled, read_dom
from clean_article.training import evaluate_docs

from conftest import DATA

N_PAGES = 60
EVAL_SHA256 = "92ab631d8e587c861c64f0f33e7ff291c222e19bdc87bb6cf93dcd619e8f7442"
# measured 0.924 with the shipped HTML model (tenth session: collapsed sections read; 0.925 with React's
# streamed segments placed and a <button> left open over the page read); 0.921 in the ninth (fifth round of hand labels); before: 0.923
# (eighth session, 48 more hand pages), 0.924 (seventh: the kind head learns from every hand-labelled
# page), 0.926 (fifth: lenient second render, readability rule), 0.924, and 0.923 before the readability
# marks; the text model scores 0.908 on the same lines (0.904 before). The floor leaves about 0.02 for
# noise between platforms.
FLOOR = 0.90


@pytest.fixture(scope="module")
def sample():
    docs = []
    for doc in iter_labelled(DATA / "wcxb" / "lxml.labels.gz"):
        if doc.meta.get("split") == "test":
            docs.append(doc)
            if len(docs) == N_PAGES:
                break
    attach_dom(docs, read_dom(DATA / "wcxb" / "lxml.dom.gz"))
    return docs


def test_evaluation_sample_is_the_pinned_one(sample):
    h = hashlib.sha256()
    for doc in sample:
        h.update(format_doc(doc).encode("utf-8"))
        h.update("\n".join(doc.dom).encode("utf-8"))
    assert h.hexdigest() == EVAL_SHA256


def test_html_model_reads_the_dom(html_model):
    assert html_model.uses_dom


def test_shingle_f1_above_floor(html_model, sample):
    m = evaluate_docs(html_model, sample)
    assert m["shingle_f1"] >= FLOOR, m
