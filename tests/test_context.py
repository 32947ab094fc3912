"""The context pass's page-level inputs: the article span and the element paths of HTML lines."""

import numpy as np

from clean_article.model import _best_span, container_matrix, item_paths


def test_the_article_span_is_kadanes():
    # context_matrix's article span: the largest sum of gains, the first end that reaches it and the
    # latest start for that end, as the scan it replaced found them
    def scan(gain):
        best, best_lo, best_hi, run, lo = -np.inf, 0, -1, 0.0, 0
        for i, g in enumerate(gain):
            run, lo = (g, i) if run <= 0 else (run + g, lo)
            if run > best:
                best, best_lo, best_hi = run, lo, i
        return best_lo, best_hi

    rng = np.random.default_rng(0)
    for _ in range(3000):
        gain = rng.integers(-3, 4, size=rng.integers(0, 15)).astype(float)
        assert _best_span(gain) == scan(gain)


def test_element_paths_of_rendered_and_hand_edited_descriptors():
    dom = ["t:p path=1.4.9", "t:li ld5 path=1.4.12", "t:p", "t:div path=1.x.7", "path=", "t:p path=1..3",
           "path=1." + "9" * 30 + ".2"]
    depth, flat = item_paths(dom, range(7))
    assert depth.tolist() == [3, 3, 0, 2, 0, 2, 2]
    assert flat.tolist() == [1, 4, 9, 1, 4, 12, 1, 7, 1, 3, 1, 2]
    depth, flat = item_paths(dom, [0, 1])
    assert depth.tolist() == [3, 3] and flat.tolist() == [1, 4, 9, 1, 4, 12]
    # no "path=": no path, however much the descriptors look like one; a space inside a path ends it
    depth, flat = item_paths(["7", "1.2", "path=1.2 3", "path=4..5"], range(4))
    assert depth.tolist() == [0, 0, 2, 2] and flat.tolist() == [1, 2, 4, 5]


def test_lines_that_share_a_container_share_its_mean():
    p = np.array([0.9, 0.1, 0.8, 0.2])
    lengths = np.full(4, 50.0)
    near = container_matrix(p, lengths, item_paths(["path=1.2.3", "path=1.2.4", "path=1.5.6", "path=1.5.7"],
                                                   range(4)))
    apart = container_matrix(p, lengths, item_paths(["path=1.2.3", "path=1.5.4", "path=1.2.6", "path=1.5.7"],
                                                    range(4)))
    assert np.allclose(near[:, 2], 0.5)                      # level 1: elements 2 and 5, two lines each
    assert np.allclose(near[:, 4], 0.5) and near[0, 0] == 0.9  # level 2: element 1; level 0: the line
    # huge element numbers (a hand-edited file) give the same means as small ones
    big = container_matrix(p, lengths, item_paths(["path=1.2000000000.3", "path=1.2000000000.4",
                                                   "path=1.5.6", "path=1.5.7"], range(4)))
    assert np.allclose(big, near)
    assert np.isclose(apart[0, 2], 0.85) and np.isclose(apart[1, 2], 0.15)   # 0.9 with 0.8, 0.1 with 0.2


def test_the_context_pass_gives_the_same_probabilities_in_row_blocks():
    # by_row_blocks keeps each product small (BLAS_ROWS rows); the network is row-wise, so a long
    # page scored in blocks gets what one product over all its rows gives
    import numpy as np
    from clean_article import load_model
    from clean_article.model import BLAS_ROWS, _sigmoid
    model = load_model()
    rng = np.random.default_rng(0)
    ctx = rng.normal(size=(5 * BLAS_ROWS + 7, model.context_width)) * model.ctx_scale + model.ctx_mean
    h = ((ctx - model.ctx_mean) / model.ctx_scale).astype(np.float32)
    whole = _sigmoid(model._network(h)[:, 0].astype(np.float64))
    assert np.allclose(model._context_pass_matrix(ctx), whole, atol=1e-6)
