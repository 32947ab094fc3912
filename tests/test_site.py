"""Retraining on a site: pre-filled labels, the site model, its card, and refusals."""

import numpy as np
import pytest

from clean_article import Model, clean, load_model
from clean_article.labelled import LabelledDoc, read_labelled, write_labelled
from clean_article.site import C_GRID, UNSURE_BAND, check_labels, fit_site, prefill, train_site

from conftest import DATA

PROMO = ("Our weekly newsletter brings you the best stories from our award-winning team of reporters "
         "around the world, every Sunday morning.")


def _site_pages():
    """The seeds' article paragraphs with one recurring promo line in the middle: a site template the
    shipped model keeps (it reads like prose) and a site's labels can teach it to drop."""
    pages = []
    for d in read_labelled(DATA / "seeds.labels"):
        body = [t for lab, t in zip(d.labels, d.lines) if lab == "body"]
        half = len(body) // 2
        lines = body[:half] + [PROMO] + body[half:]
        labels = ["body"] * half + ["ad"] + ["body"] * (len(body) - half)
        pages.append(LabelledDoc(d.doc_id, lines, labels, {"kinds": "yes"}))
    return pages


def test_prefill_writes_model_guesses_and_marks_unsure(model):
    page = _site_pages()[0]
    (doc,) = prefill([("page one.txt", page.lines, None)], model)
    assert doc.lines == page.lines and doc.doc_id == "page_one.txt"
    probs = model.predict_proba(page.lines)
    for lab, shaky, p in zip(doc.labels, doc.unsure, probs):
        assert (lab == "body") == (p >= model.threshold)
        assert shaky == (UNSURE_BAND[0] <= p <= UNSURE_BAND[1])


def test_site_model_learns_the_sites_template_line(model):
    pages = _site_pages()
    train, test = pages[:4], pages[4]
    assert PROMO in clean("\n".join(test.lines), model=model)      # the base keeps it
    site = fit_site(train, model)
    assert len(site.site_rows) > 0 and site.info["site"]["C"] > 0
    out = clean("\n".join(test.lines), model=site).split("\n")
    assert PROMO not in out
    # every body line the base model keeps, the site model keeps (the base model trained on
    # 2026-11-24's rebuilt data leaves this page's first and last paragraphs near its threshold: the
    # site layer lifts the first over it, not the last)
    body = [t for lab, t in zip(test.labels, test.lines) if lab == "body"]
    base = clean("\n".join(test.lines), model=model).split("\n")
    assert all(line in out for line in body if line in base)
    assert sum(line in out for line in body) >= sum(line in base for line in body) >= len(body) - 2


def test_site_model_file_round_trip_and_card(model, tmp_path):
    labels = tmp_path / "site.labels"
    write_labelled(_site_pages()[:4], labels)
    base = tmp_path / "base.npz"
    model.save(base)
    out = tmp_path / "site.model"
    site = train_site([labels], base, out, log=lambda m: None)
    again = Model.load(out)
    lines = _site_pages()[4].lines
    assert np.allclose(site.predict_proba(lines), again.predict_proba(lines))
    card = (tmp_path / "site.model.md").read_text()
    assert "base model" in card and "site.labels" in card and "leave-one-page-out" in card


def test_identity_layer_predicts_what_the_base_does(model):
    pages = _site_pages()[:3]
    identity = fit_site(pages, model, C=0.0)
    assert len(identity.site_rows) == 0
    lines = _site_pages()[4].lines
    assert np.allclose(identity.predict_proba(lines), model.predict_proba(lines), atol=1e-6)


def test_a_chosen_layer_beat_the_base_in_cross_validation(model):
    site = fit_site(_site_pages()[:4], model)
    cv = site.info["site"]["cv"]
    assert site.info["site"]["C"] in C_GRID
    assert cv["site_f1"] > cv["base_f1"] and cv["pages"] == 4


def test_labels_that_cannot_train_a_model_are_refused(model):
    with pytest.raises(ValueError, match="no labelled pages"):
        fit_site([], model)
    one_class = [LabelledDoc("a", ["one line", "two lines"], ["body", "body"], {})]
    with pytest.raises(ValueError, match="all 2 labelled lines are body"):
        fit_site(one_class, model)
    empty = [LabelledDoc("a", ["", ""], ["", ""], {})]
    with pytest.raises(ValueError, match="no labelled lines"):
        fit_site(empty, model)


def test_few_and_contradicting_labels_are_warned_about():
    a = LabelledDoc("a", ["Share this story", "Real text here"], ["nav", "body"], {})
    b = LabelledDoc("b", ["Share this story", "Other text"], ["body", "nav"], {})
    warnings = check_labels([a, b])
    assert any("only 2 labelled page" in w for w in warnings)
    assert any("labelled body on one page and not body on another" in w for w in warnings)


def test_a_site_model_is_not_a_base(model):
    site = fit_site(_site_pages()[:4], model)
    with pytest.raises(ValueError, match="itself a site model"):
        fit_site(_site_pages()[:4], site)


def test_the_site_layer_trusts_whole_template_lines_more_than_their_words(model):
    """A line the user never labelled that merely shares the template line's words moves far less
    than the template line itself (site.WORD_PENALTY): from a few pages, words learn the labelled
    pages' vocabulary as much as the site's boxes."""
    pages = _site_pages()
    site = fit_site(pages[:4], model, C=10.0)
    echo = ("Reporters from our team around the world met on Sunday morning to discuss the best "
            "stories of the week for the weekly newsletter.")
    lines = pages[4].lines + [echo]
    moved = np.log(site.predict_proba(lines) / model.predict_proba(lines))
    promo, other = moved[lines.index(PROMO)], moved[-1]
    assert promo < -1.0 and abs(other) < abs(promo) / 4


def test_a_line_without_letters_is_its_own_key_and_has_no_words():
    """Prices and counts are the page's, not the site's template: "$29.95" and "$39.95" do not share a
    key (as "© 2023 Site" and "© 2024 Site" do), and give the site layer no words to learn."""
    from clean_article.features import line_keys, site_items
    lines = ["$29.95", "$39.95", "1113", "© 2023 Example News", "© 2024 Example News"]
    keys = line_keys(lines, range(len(lines))).tolist()
    assert keys[0] != keys[1] and keys[3] == keys[4]
    indptr, ids, _ = site_items(lines, list(range(len(lines))))
    assert list(indptr[1:4] - indptr[:3]) == [1, 1, 1] and indptr[4] - indptr[3] > 1


def test_a_site_model_of_older_site_features_is_refused(model, tmp_path):
    from clean_article import ModelError
    site = fit_site(_site_pages()[:4], model, C=10.0)
    assert len(site.site_rows) and site.info["site"]["feature_version"] == 2
    site.info["site"]["feature_version"] = 1
    site.save(tmp_path / "old.model")
    with pytest.raises(ModelError, match="retrain it from its labels"):
        Model.load(tmp_path / "old.model")
