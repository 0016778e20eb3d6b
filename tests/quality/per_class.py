#!/usr/bin/env python3
"""Recall per cue class (speech, belief, stance, evidence) on a gold set.

    saidwho predict GOLD.jsonl > pred.jsonl
    python3 tests/quality/per_class.py GOLD.jsonl pred.jsonl

PolNeAR gold has no cue classes, so each gold attribution is classed the way
the engine classes a quote (crates/core/src/attribution/cue_class.rs), from
the same word lists: the first cue word whose lemma is a belief, stance or
evidence verb in `cue_classes.tsv`, else evidence when the source's last
word is in `document_words.txt`, else speech. Quotes are matched as
`score.py quotes` matches them (its own functions). Per class: gold count,
recall, end-to-end recall (speaker right too), and how often a matched
quote's predicted `cue_class` agrees.
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("SAIDWHO_SHARED", os.path.join(HERE, "../../../shared"))
LEXICON = os.path.join(HERE, "../../crates/core/data/lexicon")
sys.path.insert(0, os.path.join(SHARED, "eval"))
import score  # noqa: E402

CLASSES = ("speech", "belief", "stance", "evidence")


def rows(name):
    with open(os.path.join(LEXICON, name), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].rstrip()
            if line.strip():
                yield [c.strip() for c in line.split("\t")]


def load_lexicon():
    by_lemma = {r[0]: r[1] for r in rows("cue_classes.tsv")}
    forms = {}
    for r in rows("reporting_verbs.tsv"):
        lemma = r[0]
        for f in ([lemma] + (r[1].split(" ") if len(r) > 1 else [])):
            forms[f] = by_lemma.get(lemma, "speech")
    documents = {r[0] for r in rows("document_words.txt")}
    return forms, documents


def classify(text, cue_spans, source_spans, forms, documents):
    for s, e in cue_spans:
        for w in re.findall(r"[^\W\d_]+", text[s:e]):
            c = forms.get(w.lower())
            if c and c != "speech":
                return c
    if source_spans:
        s, e = source_spans[-1]
        words = re.findall(r"[^\W\d_]+", text[s:e])
        if words and words[-1].lower() in documents:
            return "evidence"
    return "speech"


def main(gold_path, pred_path):
    forms, documents = load_lexicon()
    gold, preds = score.load_pair(gold_path, pred_path, "attributions")
    c = collections.defaultdict(collections.Counter)
    for _, doc in gold:
        text = doc["text"]
        g, _ = score._gold_attributions(doc, doc["id"])
        raw = doc["attributions"]
        pdoc = preds.get(doc["id"], (0, {"quotes": []}))[1]
        p = score._pred_quotes(pdoc, text, doc["id"])
        pq = pdoc.get("quotes", [])
        klass = [classify(text, raw[x["index"]].get("cue", []), x["source"], forms, documents) for x in g]
        for k in klass:
            c[k]["gold"] += 1
        for gi, pi, _ in score.greedy_match([x["toks"] for x in g], [x["toks"] for x in p]):
            k = c[klass[gi]]
            k["found"] += 1
            k["e2e"] += score.speaker_ok(g[gi]["source"], p[pi]["speaker_span"])
            k["agree"] += pq[pi].get("cue_class") == klass[gi]
    print("| cue class | gold | recall | end-to-end recall | predicted class agrees |")
    print("|---|---:|---:|---:|---:|")
    for k in CLASSES:
        x = c[k]
        pct = lambda a, b: "%.1f" % (100 * a / b) if b else "-"
        print("| %s | %d | %s | %s | %s |" % (k, x["gold"], pct(x["found"], x["gold"]),
                                            pct(x["e2e"], x["gold"]), pct(x["agree"], x["found"])))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
