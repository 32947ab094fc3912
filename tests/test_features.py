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
