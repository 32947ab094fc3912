import numpy as np

from clean_article.features import N_FEATURES, featurize, line_shapes


def test_blank_lines_are_not_items():
    f = featurize(["Title", "", "   ", "Body text here."])
    assert f.rows.tolist() == [0, 3]
    assert f.n_lines == 4
    assert len(f.indptr) == 3


def test_features_are_deterministic_and_in_range():
    lines = ["Breaking news: the market fell.", "Share | Tweet", "3 hours ago"]
    a, b = featurize(lines), featurize(lines)
    assert np.array_equal(a.indices, b.indices) and np.array_equal(a.values, b.values)
    assert a.indices.min() >= 0 and a.indices.max() < N_FEATURES
    assert np.all(np.isfinite(a.values))


def test_shapes_see_dates_times_ago_bullets_and_separators():
    assert "ago" in line_shapes("Updated 5 hours ago")
    assert "date" in line_shapes("Published Sep 14, 2023, 9:37 AM IST")
    assert "time" in line_shapes("9:37 AM")
    assert "bullet" in line_shapes("• android")
    assert "sep" in line_shapes("Home | World | Sport")
    assert "copy" in line_shapes("© 2024 Example Media. All rights reserved.")
    assert "allcaps" in line_shapes("RELATED STORIES")


def test_neighbour_shapes_change_features():
    base = featurize(["Some words in a line.", "Next"])
    other = featurize(["Some words in a line.", "• NEXT 5 hours ago"])
    first_a = set(base.indices[base.indptr[0]:base.indptr[1]])
    first_b = set(other.indices[other.indptr[0]:other.indptr[1]])
    assert first_a != first_b


def test_huge_line_uses_a_bounded_prefix():
    f = featurize(["word%d " % i * 1 for i in range(1)] + [" ".join(f"w{i}" for i in range(200_000))])
    assert f.n_items == 2
    assert f.indptr[-1] - f.indptr[1] < 2000  # words and char-grams come from the first words only


PINNED_FIRST_IDS = [41167, 357159, 85647, 858500, 422113, 132380]
PINNED_ID_SUM = 24952797


def _row(f, k):
    return f.indices[f.indptr[k]:f.indptr[k + 1]], f.values[f.indptr[k]:f.indptr[k + 1]]


def test_hashes_are_pinned():
    # a model file stores weights by these ids: a change of hash (numpy version, platform, a refactor)
    # must show here, and bump FEATURE_VERSION
    f = featurize(["Breaking news: the market fell."])
    ids, _ = _row(f, 0)
    assert ids[:6].tolist() == PINNED_FIRST_IDS
    assert int(ids.astype(np.int64).sum()) == PINNED_ID_SUM


def test_a_lines_words_do_not_depend_on_the_rest_of_the_page():
    line = "Über 3 Ärzte sagen: İstanbul ist schön 😀 naïve café"
    a = featurize([line, "one", "two", "three"])
    b = featurize(["Other text before it, quite long.", "x" * 50, line, "one", "two", "three"])
    ids_a, _ = _row(a, 0)
    ids_b, _ = _row(b, 2)
    # words, bigrams and char grams are the same; the shape block differs (position, neighbours)
    n_text = 9 + 8 + 40         # 9 words, 8 bigrams, a 3-gram centred on each of the words' 40 characters
    assert sorted(ids_a[:n_text]) == sorted(ids_b[:n_text])


def test_case_and_surrogates_and_astral_characters():
    f = featurize(["HELLO World", "hello world"])
    (a, _), (b, _) = _row(f, 0), _row(f, 1)
    assert set(a[:3]) == set(b[:3])        # words are lower-cased
    f = featurize(["lone \ud800 surrogate", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ok", "\u0130stanbul"])
    assert f.n_items == 3 and np.all(np.isfinite(f.values))


def _squared_norm(f, k):
    summed = {}
    for i, x in zip(*(a.tolist() for a in _row(f, k))):
        summed[i] = summed.get(i, 0.0) + x
    return sum(x * x for x in summed.values())


def test_blocks_of_distinct_features_have_unit_length():
    # three blocks here (words, char grams, shape; no DOM): each unit length when its features differ
    assert np.isclose(_squared_norm(featurize(["A quick brown fox jumps", "Next line"]), 0), 3.0, atol=1e-4)
    # a repeated word is two entries of the row: the line weighs more (documented in features.py)
    assert _squared_norm(featurize(["news news news news", "Next line"]), 0) > 4.0
