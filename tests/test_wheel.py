import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_built_wheel_carries_the_model(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), "-q"], check=True)
    (wheel,) = tmp_path.glob("clean_article-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "clean_article/models/clean-article.npz" in names
    assert "clean_article/__init__.py" in names
    model_bytes = zipfile.ZipFile(wheel).read("clean_article/models/clean-article.npz")
    assert model_bytes == (ROOT / "models" / "clean-article.npz").read_bytes()
