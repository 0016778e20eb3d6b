"""The Python package as its users call it: results, bad input, the same
records as the command line, threads, and a Dask cluster."""
import importlib.util
import json
import os
import subprocess
import sys

import pytest
import saidwho

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../.."))
SHARED = os.environ.get("SAIDWHO_SHARED", os.path.join(ROOT, "../shared"))
CLI = os.environ.get("SAIDWHO_CLI", os.path.join(ROOT, "target/debug/saidwho"))
DEV = os.path.join(SHARED, "data/polnear/dev.jsonl")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cli_predict(path):
    out = subprocess.run([CLI, "predict", path], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_quotes_speakers_and_code_point_offsets():
    text = "😀 “We will rebuild,” said Mayor Keiko Tanaka. “Every house.”"
    r = saidwho.analyze(text)
    q = r["quotes"][0]
    assert q["speaker"] == "Keiko Tanaka"
    assert [text[s:e] for s, e in q["span"]] == ["“We will rebuild,”", "“Every house.”"]
    assert r["offsets"] == "code points"
    assert q["cue_class"] == "speech" and 0 < q["confidence"] <= 1
    assert "ner-v4" in saidwho.MODELS and saidwho.__version__


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="not valid UTF-8"):
        saidwho.analyze(b"ok \xff")
    with pytest.raises(TypeError, match="must be str"):
        saidwho.analyze(42)
    assert saidwho.analyze("")["quotes"] == []
    assert saidwho.analyze("“Bytes,” she said.".encode())["quotes"]


def test_predict_equals_the_command_line_on_polnear_dev():
    analyzer = saidwho.Analyzer()
    ours = [analyzer.predict(d["id"], d["text"]) for d in read_jsonl(DEV)]
    theirs = cli_predict(DEV)
    assert len(ours) == len(theirs) == 84
    for a, b in zip(ours, theirs):
        assert a == b, a["id"]


def test_analyze_equals_the_command_line_json(tmp_path):
    for d in read_jsonl(DEV):
        path = tmp_path / "article.txt"
        path.write_text(d["text"], encoding="utf-8")
        out = subprocess.run([CLI, "analyze", str(path), "--json"], check=True,
                             capture_output=True, text=True).stdout
        assert saidwho.analyze(d["text"]) == json.loads(out), d["id"]


def test_analyze_many_equals_analyze_on_any_number_of_threads():
    texts = [d["text"] for d in read_jsonl(DEV)[:20]]
    analyzer = saidwho.Analyzer()
    one = [analyzer.analyze(t) for t in texts]
    assert analyzer.analyze_many(texts, threads=1) == one
    assert analyzer.analyze_many(texts, threads=2) == one
    assert analyzer.analyze_many([]) == []


def test_a_dask_local_cluster_of_two_workers_gives_the_command_line_records(tmp_path):
    from dask.distributed import Client, LocalCluster

    spec = importlib.util.spec_from_file_location("dask_quotes", os.path.join(ROOT, "docs/examples/dask_quotes.py"))
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    docs = read_jsonl(os.path.join(SHARED, "data/polnear/train.jsonl")) + read_jsonl(DEV)
    records = [{"id": "%s#%d" % (d["id"], k), "text": d["text"]}
               for k in range(2) for d in docs][:1000]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        ours = example.predict_with_dask(records, client)
    theirs = cli_predict(str(path))
    assert len(ours) == len(theirs) == 1000
    for a, b in zip(ours, theirs):
        assert a == b, a["id"]
