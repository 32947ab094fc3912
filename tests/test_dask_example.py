"""The documented many-machine path (examples/dask_jsonl.py) runs locally: a dask.bag pipeline of the
library call gives the same results as `clean-article --jsonl`."""

import json
import runpy

import pytest

from clean_article.batch import clean_records, read_jsonl

from conftest import DATA, ROOT

db = pytest.importorskip("dask.bag")


def test_dask_bag_pipeline_cleans_like_the_cli(tmp_path):
    article = (DATA / "examples" / "news-article.txt").read_text(encoding="utf-8")
    html = (DATA / "examples" / "news-article.html").read_text(encoding="utf-8")
    records = [{"id": i, "text": article} if i % 2 else {"id": i, "html": html} for i in range(12)]
    records.append({"id": "bad"})
    src = tmp_path / "in"
    src.mkdir()
    for part in range(2):
        (src / f"{part}.jsonl").write_text(
            "\n".join(json.dumps(r) for r in records[part::2]) + "\n", encoding="utf-8")
    example = runpy.run_path(str(ROOT / "examples" / "dask_jsonl.py"))
    out = tmp_path / "out"
    bag = example["clean_bag"](db.read_text(str(src / "*.jsonl")))
    bag.to_textfiles(str(out / "part-*.jsonl"), scheduler="processes")
    got = {}
    for path in sorted(out.glob("part-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            got[row["id"]] = row
    expected = {r["id"]: r for r in clean_records(
        read_jsonl(json.dumps(r) for r in records))}
    assert got == expected
    assert "error" in got["bad"] and "Kim Jong Un" in got[0]["text"] and "Kim Jong Un" in got[1]["text"]
