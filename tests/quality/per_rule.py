#!/usr/bin/env python3
"""Precision and recall of each attribution rule on a gold set.

    saidwho predict --with-rules GOLD.jsonl > pred.jsonl
    python3 tests/quality/per_rule.py GOLD.jsonl pred.jsonl

Quotes are matched to gold attributions exactly as `shared/eval/score.py
quotes` matches them (one-to-one, token Jaccard >= 0.5, all attributions),
using that script's own functions. Per rule: how many quotes it found, how
many match a gold attribution (precision), the share of all gold
attributions those are (recall), and how many of the matched ones have the
right speaker span.
"""
import collections
import os
import sys

SHARED = os.environ.get("SAIDWHO_SHARED", os.path.join(os.path.dirname(__file__), "../../../shared"))
sys.path.insert(0, os.path.join(SHARED, "eval"))
import score  # noqa: E402  (the project's scorer: same matching)


def main(gold_path, pred_path):
    gold, preds = score.load_pair(gold_path, pred_path, "attributions")
    per_rule = collections.defaultdict(collections.Counter)
    n_gold = 0
    for _, doc in gold:
        text = doc["text"]
        g, _ = score._gold_attributions(doc, doc["id"])
        n_gold += len(g)
        pdoc = preds.get(doc["id"], (0, {"quotes": []}))[1]
        p = score._pred_quotes(pdoc, text, doc["id"])
        rules = [q.get("found_by", "?") for q in pdoc.get("quotes", [])]
        for r in rules:
            per_rule[r]["pred"] += 1
        for gi, pi, _ in score.greedy_match([x["toks"] for x in g], [x["toks"] for x in p]):
            c = per_rule[rules[pi]]
            c["tp"] += 1
            c["speaker_ok"] += score.speaker_ok(g[gi]["source"], p[pi]["speaker_span"])
    print("| rule | quotes | precision | recall (share of gold) | speaker right |")
    print("|---|---:|---:|---:|---:|")
    for rule, c in sorted(per_rule.items(), key=lambda kv: -kv[1]["pred"]):
        prec = 100 * c["tp"] / c["pred"] if c["pred"] else 0
        rec = 100 * c["tp"] / n_gold if n_gold else 0
        spk = "%.1f%%" % (100 * c["speaker_ok"] / c["tp"]) if c["tp"] else "-"
        print("| `%s` | %d | %.1f%% | %.1f%% | %s |" % (rule, c["pred"], prec, rec, spk))
    tp = sum(c["tp"] for c in per_rule.values())
    pred = sum(c["pred"] for c in per_rule.values())
    print("| all | %d | %.1f%% | %.1f%% | |" % (pred, 100 * tp / max(pred, 1), 100 * tp / max(n_gold, 1)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
