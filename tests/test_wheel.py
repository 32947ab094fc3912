import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def test_built_wheel_carries_both_models(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), "-q"], check=True)
    (wheel,) = tmp_path.glob("clean_article-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "clean_article/__init__.py" in names
    for name in ("clean-article.npz", "clean-article-html.npz"):
        assert f"clean_article/models/{name}" in names
        assert f"clean_article/models/{name}.sha256" in names     # checked when the model loads
        model_bytes = zipfile.ZipFile(wheel).read(f"clean_article/models/{name}")
        assert model_bytes == (ROOT / "models" / name).read_bytes()
