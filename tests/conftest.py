from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def model():
    from clean_article import load_model
    return load_model()


@pytest.fixture(scope="session")
def seed_docs():
    from clean_article.labelled import read_labelled
    return read_labelled(DATA / "seeds.labels")


@pytest.fixture(scope="session")
def html_model():
    from clean_article import load_model
    return load_model(html=True)
