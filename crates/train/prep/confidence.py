#!/usr/bin/env python3
"""Quote confidence from PolNeAR train, by 5-fold cross-validation.

    python3 crates/train/prep/confidence.py      (or: cargo xtask calibrate)

For each fold k of PolNeAR train (document k, k+5, …), the reported-speech
tagger is trained on the other four fifths (`saidwho-train clauses
--leave-out k`) and `saidwho predict --with-rules` analyses the fold with it,
so every training article is analysed by a model that never saw it. Over
all 840 articles:

- prints the cross-validation scores (`score.py quotes`, both tracks), the
  figure to report beside dev;
- writes `crates/core/data/confidence.tsv`: for each rule that finds quotes
  and whether it found a speaker, how often such a quote was right end to
  end (it matches a human attribution and its speaker span overlaps the
  human source; no speaker is right when the human gave none), as a
  percentage with add-one smoothing, and the count. Rows with fewer than 20
  quotes are left out; the engine then uses the rule's row without the
  speaker split, or the row `*`.

Deterministic: the trainer and the analyser are; the table is sorted.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../../.."))
SHARED = os.environ.get("SAIDWHO_SHARED", os.path.join(ROOT, "../shared"))
TRAIN = os.path.join(SHARED, "data/polnear/train.jsonl")
OUT = os.path.join(ROOT, "crates/core/data/confidence.tsv")
FOLDS = 5
MIN_COUNT = 20
sys.path.insert(0, os.path.join(SHARED, "eval"))
import score  # noqa: E402  (the project's scorer: same matching)


def run(args, **kw):
    subprocess.run(args, check=True, cwd=ROOT, **kw)


def predict_folds(tmp):
    """-> (gold path, prediction path), every document predicted by a model
    trained without its fold."""
    run(["cargo", "build", "--release", "-q", "-p", "saidwho-cli", "-p", "saidwho-train"])
    bin_dir = os.path.join(ROOT, "target/release")
    with open(TRAIN, encoding="utf-8") as f:
        lines = [l for l in f if l.strip()]
    gold_path = os.path.join(tmp, "gold.jsonl")
    pred_path = os.path.join(tmp, "pred.jsonl")
    with open(gold_path, "w", encoding="utf-8") as gold, open(pred_path, "w", encoding="utf-8") as pred:
        for k in range(FOLDS):
            model = os.path.join(tmp, "clauses-%d.bin" % k)
            run([os.path.join(bin_dir, "saidwho-train"), "clauses", "--leave-out", str(k), "--out", model],
                stderr=subprocess.DEVNULL)
            fold = [l for n, l in enumerate(lines) if n % FOLDS == k]
            fold_path = os.path.join(tmp, "fold-%d.jsonl" % k)
            with open(fold_path, "w", encoding="utf-8") as f:
                f.writelines(fold)
            gold.writelines(fold)
            out = subprocess.run([os.path.join(bin_dir, "saidwho"), "--clause-model", model, "predict",
                                  "--with-rules", fold_path], check=True, cwd=ROOT,
                                 capture_output=True, text=True).stdout
            pred.write(out)
            print("fold %d/%d: %d articles" % (k + 1, FOLDS, len(fold)), file=sys.stderr)
    return gold_path, pred_path


def tally(gold_path, pred_path):
    """-> {(rule, 'speaker'|'none'): Counter(n, right)}."""
    gold, preds = score.load_pair(gold_path, pred_path, "attributions")
    counts = collections.defaultdict(collections.Counter)
    for _, doc in gold:
        text = doc["text"]
        g, _ = score._gold_attributions(doc, doc["id"])
        pdoc = preds[doc["id"]][1]
        p = score._pred_quotes(pdoc, text, doc["id"])
        keys = [(q.get("found_by", "?"), "speaker" if q.get("speaker_span") else "none")
                for q in pdoc["quotes"]]
        right = [False] * len(p)
        for gi, pi, _ in score.greedy_match([x["toks"] for x in g], [x["toks"] for x in p]):
            right[pi] = score.speaker_ok(g[gi]["source"], p[pi]["speaker_span"])
        for key, ok in zip(keys, right):
            for k in (key, (key[0], "*"), ("*", "*")):
                counts[k]["n"] += 1
                counts[k]["right"] += ok
    return counts


def write_table(counts):
    rows = []
    for (rule, speaker), c in sorted(counts.items()):
        if c["n"] < MIN_COUNT:
            continue
        pct = round(100 * (c["right"] + 1) / (c["n"] + 2))
        rows.append("%s\t%s\t%d\t%d\n" % (rule, speaker, pct, c["n"]))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# How often a quote was right end to end (quote and speaker), by the rule\n"
                "# that found it and whether it found a speaker: PolNeAR train, each article\n"
                "# analysed with a reported-speech model trained without it (5-fold).\n"
                "# Written by crates/train/prep/confidence.py; do not edit by hand.\n"
                "# rule\tspeaker (speaker|none|*)\tpercent right (add-one)\tquotes\n")
        f.writelines(rows)
    print("wrote %s (%d rows)" % (OUT, len(rows)), file=sys.stderr)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = predict_folds(tmp)
        res = score.score_quotes(gold_path, pred_path)
        print(score.format_quotes(res))
        write_table(tally(gold_path, pred_path))


if __name__ == "__main__":
    main()
