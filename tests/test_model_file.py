import json
import pickle
import subprocess
import sys
import zipfile

import numpy as np
import pytest

from clean_article import LABELS, Model, ModelError, classify, clean, load_model
from clean_article.model import FORMAT_VERSION, KIND_CUE_VERSION, kind_context_width

PAGE = "Home\nNews\nSport\n\nA long paragraph of article text that goes on about the council budget and parks.\n© 2024"


def _arrays(path):
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def _write(path, arrays):
    with open(path, "wb") as fh:
        np.savez(fh, **arrays)


def _header(arrays):
    return json.loads(arrays["header"].tobytes().decode())


def _with_header(arrays, **changes):
    h = _header(arrays)
    h.update(changes)
    out = dict(arrays)
    out["header"] = np.frombuffer(json.dumps(h).encode(), dtype=np.uint8)
    return out


def test_round_trip_gives_identical_predictions(model, tmp_path):
    path = tmp_path / "m.npz"
    model.save(path)
    again = Model.load(path)
    lines = PAGE.split("\n")
    assert np.allclose(model.predict_proba(lines), again.predict_proba(lines))
    assert again.threshold == model.threshold
    assert again.info.get("training_data_sha256") == model.info.get("training_data_sha256")


def test_header_records_versions_labels_and_metrics(model, tmp_path):
    path = tmp_path / "m.npz"
    model.save(path)
    h = _header(_arrays(path))
    assert h["format_version"] == FORMAT_VERSION
    assert h["labels"][0] == "body" and len(h["labels"]) == 9
    for key in ("feature_version", "threshold", "training_data_sha256", "metrics"):
        assert key in h


@pytest.fixture()
def saved(model, tmp_path):
    path = tmp_path / "m.npz"
    model.save(path)
    return path, _arrays(path)


def test_refuses_future_format(saved, tmp_path):
    _, arrays = saved
    p = tmp_path / "future.npz"
    _write(p, _with_header(arrays, format_version=FORMAT_VERSION + 1))
    with pytest.raises(ModelError, match="format version"):
        Model.load(p)


def test_refuses_other_feature_version(saved, tmp_path):
    _, arrays = saved
    p = tmp_path / "feat.npz"
    _write(p, _with_header(arrays, feature_version=999))
    with pytest.raises(ModelError, match="feature version"):
        Model.load(p)


def test_refuses_wrong_shapes_and_nans(saved, tmp_path):
    _, arrays = saved
    p = tmp_path / "shape.npz"
    _write(p, {**arrays, "line_coef": arrays["line_coef"][:10]})
    with pytest.raises(ModelError, match="shape"):
        Model.load(p)
    bad = arrays["ctx_w0"].copy()
    bad[0, 0] = np.nan
    _write(p, {**arrays, "ctx_w0": bad})
    with pytest.raises(ModelError, match="NaN"):
        Model.load(p)


def test_refuses_corrupted_and_foreign_files(saved, tmp_path):
    path, _ = saved
    data = path.read_bytes()
    truncated = tmp_path / "trunc.npz"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError):
        Model.load(truncated)
    text = tmp_path / "text.npz"
    text.write_text("hello")
    with pytest.raises(ModelError, match="not a clean-article model"):
        Model.load(text)
    with pytest.raises(ModelError, match="not found"):
        load_model(tmp_path / "missing.npz")


class Boom:
    """Unpickling this object would create a file: the proof that a loader ran pickled code."""
    target = ""

    def __reduce__(self):
        return (open, (self.target, "w"))


def test_pickle_inside_is_never_executed(tmp_path):
    Boom.target = str(tmp_path / "pwned")
    p = tmp_path / "evil.npz"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("header.npy", pickle.dumps(Boom()))
    with pytest.raises(ModelError):
        Model.load(p)
    obj = np.array([Boom()], dtype=object)
    p2 = tmp_path / "evil2.npz"
    np.savez(p2, header=obj)
    with pytest.raises(ModelError):
        Model.load(p2)
    assert not (tmp_path / "pwned").exists()


def test_inference_does_not_import_scikit_learn():
    code = ("import sys; from clean_article import clean; clean('Home\\nSome article text here.'); "
            "print('sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_clean_with_explicit_model(model):
    assert isinstance(clean(PAGE, model=model), str)


def test_html_model_round_trip_and_input_kind_checked(html_model, tmp_path):
    from clean_article.render import render_html
    path = tmp_path / "h.npz"
    html_model.save(path)
    again = Model.load(path)
    assert again.uses_dom
    page = render_html("<nav><a href='/'>Home</a></nav><article><p>" + "Council budget text. " * 8
                       + "</p></article>")
    assert np.allclose(html_model.predict_proba(page.lines, page.dom), again.predict_proba(page.lines, page.dom))
    # an HTML model's context network reads more inputs than a text model's: a header that claims
    # otherwise is an inconsistent file, not a model to run
    p = tmp_path / "claims-text.npz"
    _write(p, _with_header(_arrays(path), input="text"))
    with pytest.raises(ModelError, match="context"):
        Model.load(p)


def test_shipped_models_match_their_checksums_and_a_changed_file_is_refused(model, tmp_path):
    from clean_article.model import checksum_path
    from conftest import ROOT
    for name in ("clean-article.npz", "clean-article-html.npz"):
        assert checksum_path(ROOT / "models" / name).is_file()
    path = tmp_path / "m.npz"
    model.save(path)
    assert checksum_path(path).read_text().split()[0] == __import__("hashlib").sha256(path.read_bytes()).hexdigest()
    Model.load(path)
    data = bytearray(path.read_bytes())
    data[-100] ^= 0xFF                     # one flipped byte: still maybe a readable zip, not our file
    path.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="checksum"):
        Model.load(path)


def test_header_values_of_the_wrong_type_are_refused(saved, tmp_path):
    _, arrays = saved
    p = tmp_path / "badvalue.npz"
    _write(p, _with_header(arrays, line_intercept="x"))
    with pytest.raises(ModelError, match="header is corrupted"):
        Model.load(p)


def test_refuses_a_kind_second_pass_that_does_not_fit(saved, tmp_path):
    _, arrays = saved
    k = len(_header(arrays)["kind_labels"])
    m = kind_context_width(k, "kind_cues" in _header(arrays))
    good = {"kind_ctx_mean": np.zeros(m), "kind_ctx_scale": np.ones(m), "kind_ctx_coef": np.zeros((m, k)),
            "kind_ctx_intercept": np.zeros(k)}
    p = tmp_path / "kctx.npz"
    _write(p, {**arrays, **good})
    assert Model.load(p).kind_ctx_coef.shape == (m, k)
    _write(p, {**arrays, **good, "kind_ctx_coef": np.zeros((m - 1, k))})
    with pytest.raises(ModelError, match="kind second-pass"):
        Model.load(p)
    partial = {name: a for name, a in {**arrays, **good}.items() if name != "kind_ctx_scale"}
    _write(p, partial)
    with pytest.raises(ModelError, match="kind second-pass"):
        Model.load(p)


def test_averaged_context_networks_compute_the_mean_logit():
    """The shipped context pass is several networks folded into one plain layer list (no new file
    arrays): its output must be the mean of the members' output logits, on any input."""
    from clean_article.training import average_networks
    rng = np.random.default_rng(0)

    def net():
        return [(rng.normal(size=(6, 5)), rng.normal(size=5)), (rng.normal(size=(5, 3)), rng.normal(size=3)),
                (rng.normal(size=(3, 1)), rng.normal(size=1))]

    def logits(layers, x):   # through the model's own context pass (unit scaling): logit of its output
        m = Model(line_coef=np.zeros(0), line_intercept=0.0, ctx_mean=np.zeros(6), ctx_scale=np.ones(6),
                  ctx_layers=layers, info={})
        p = np.clip(m._context_pass_matrix(x), 1e-12, 1 - 1e-12)
        return np.log(p / (1 - p))

    nets = [net() for _ in range(4)]
    x = rng.normal(size=(50, 6)) * 0.3   # logits small enough to invert the sigmoid exactly
    folded = average_networks(nets)
    assert [w.shape for w, _ in folded] == [(6, 20), (20, 12), (12, 1)]
    assert np.allclose(logits(folded, x), np.mean([logits(n, x) for n in nets], axis=0), atol=1e-6)
    assert average_networks(nets[:1]) is nets[0]


def test_the_shipped_text_model_has_the_chosen_threshold_and_records_the_training_pages_choice():
    from clean_article.training import TEXT_THRESHOLD
    m = load_model()
    assert m.threshold == TEXT_THRESHOLD
    assert 0.0 < m.info["threshold_on_training_pages"] < 1.0


def test_fit_ships_a_given_threshold_and_otherwise_the_training_pages_best():
    from clean_article.labelled import LabelledDoc
    from clean_article.training import fit
    body = ["The council voted on Tuesday to rebuild the harbour bridge after a long dispute.",
            "Work starts in spring and should take two years, the mayor said at the meeting."]
    docs = [LabelledDoc(f"site{i % 3}.example/p{i}", ["Home", "News"] + body + ["Contact us"],
                        ["nav", "nav", "body", "body", "other"], {"site": f"site{i % 3}.example"})
            for i in range(9)]
    quiet = lambda *_: None   # noqa: E731
    chosen = fit(docs, log=quiet)
    assert chosen.threshold == chosen.info["threshold_on_training_pages"]
    fixed = fit(docs, log=quiet, threshold=0.65)
    assert fixed.threshold == 0.65 and fixed.info["threshold_on_training_pages"] == chosen.threshold


def test_a_kind_head_without_cues_still_loads_and_one_of_unknown_cues_is_refused(saved, tmp_path):
    """Models made before the kind cues (no ``kind_cues`` in the header, a narrower second pass) keep
    working; a model whose kind head reads cues this version does not compute is refused."""
    _, arrays = saved
    k = len(_header(arrays)["kind_labels"])
    m = kind_context_width(k, cues=False)
    old = dict(arrays)
    old.update({"kind_ctx_mean": np.zeros(m), "kind_ctx_scale": np.ones(m), "kind_ctx_coef": np.zeros((m, k)),
                "kind_ctx_intercept": np.zeros(k)})
    h = _header(old)
    h.pop("kind_cues", None)
    old["header"] = np.frombuffer(json.dumps(h).encode(), dtype=np.uint8)
    p = tmp_path / "nocues.npz"
    _write(p, old)
    model = Model.load(p)
    assert not model.reads_kind_cues
    labels = {r.label for r in classify("Home\nA headline\n" + "A sentence of the story, long enough. " * 5,
                                        model=model)}
    assert labels <= set(LABELS)
    _write(p, _with_header(arrays, kind_cues=KIND_CUE_VERSION + 1))
    with pytest.raises(ModelError, match="kind cues version"):
        Model.load(p)
