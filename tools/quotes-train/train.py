#!/usr/bin/env python3
"""Train dateline's quote-attribution model and write src/quotes/model/weights.rs.

usage: train.py [--features-bin PATH] [--polnear DIR] [--dev DIR] [--fixtures DIR...] [--report-only]

Each labelled set is a folder of articles/*.md with labels.json (the format of
../shared/reference/: {"file.md": [{"quote": ..., "speaker": ... | null}, ...]}).
PolNeAR's and dev's articles belong to their publishers: they are read here,
never copied. The fixtures are invented for dateline and live in the repository.

Steps, all deterministic (no randomness; folds by a hash of the file name):
1. `examples/quote_features` prints each quote's candidate speakers with features.
2. Quotes are matched to labelled ones as the scorer does (word overlap >= 0.8);
   a candidate is positive when it names the labelled speaker (a shorter or
   one-word-longer form of the same name counts, accents folded).
3. Gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier,
   fixed settings, no early stopping, so deterministic) score each candidate;
   a quote's confidence is its best candidate's probability over the sum of
   all its candidates' and the chance that none of them spoke (see confidence()).
4. Cross-validation by article over all sets together (5 folds) reports, at
   each threshold, the share of named speakers shown and the share of those
   naming the wrong person, for PolNeAR and for the hand-labelled sets (dev and
   the read fixtures); the default threshold is the lowest at which the
   hand-labelled sets hold --max-wrong and PolNeAR --max-wrong-polnear.
5. The final model is fitted on all sets and written with this script's digest.
Needs numpy and scikit-learn (1.9 made the checked-in trees).
"""
import argparse
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORD = re.compile(r"\w+", re.UNICODE)
# Small trees, few enough to walk for every candidate of every quote in a build.
TREES = dict(max_iter=60, learning_rate=0.2, max_leaf_nodes=15, early_stopping=False, random_state=0)


def words(text):
    return WORD.findall(unicodedata.normalize("NFKC", text or "").lower())


def overlap(a, b):
    ca, cb = collections.Counter(a), collections.Counter(b)
    return sum((ca & cb).values()) / max(len(a), len(b), 1)


def name_words(s):
    folded = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return {w for w in WORD.findall(folded) if len(w) > 1}


def same_person(pred, gold):
    a, b = name_words(pred), name_words(gold)
    return bool(a) and bool(b) and (a <= b or (b <= a and len(a - b) <= 1))


def names_speaker(name, gold):
    """Whether a candidate names the labelled speaker: the scorer's rule, the
    same words (O’Brien as O'Brien) or the same person."""
    return " ".join(words(name)) == " ".join(words(gold)) or same_person(name, gold)


def features(binary, folder, cache):
    labels = json.load(open(os.path.join(folder, "labels.json"), encoding="utf-8"))
    if not os.path.exists(cache):
        paths = [os.path.join(folder, "articles", f) for f in sorted(labels)]
        with open(cache, "w", encoding="utf-8") as out:
            subprocess.run([binary] + paths, stdout=out, check=True)
    found = {}
    for line in open(cache, encoding="utf-8"):
        obj = json.loads(line)
        found[os.path.basename(obj["path"])] = obj["quotes"]
    return labels, found


def features_digest(paths):
    """The digest of the features the model was fitted on, each article named
    by its file name alone, so it does not depend on where the checkout lives.
    The speaker each quote was shown with is left out: it depends on the
    weights the extractor ran with, which this run replaces."""
    h = hashlib.sha256()
    for path in paths:
        for line in open(path, encoding="utf-8"):
            obj = json.loads(line)
            obj["path"] = os.path.basename(obj["path"])
            for q in obj["quotes"]:
                q.pop("speaker", None)
            h.update(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode() + b"\n")
    return h.hexdigest()


def groups(labels, found):
    """One group per matched quote: (article, candidate matrix, positives, gold speaker)."""
    out = []
    for f, gold in sorted(labels.items()):
        preds = found.get(f, [])
        gw = [words(g["quote"]) for g in gold]
        pw = [words(p["text"]) for p in preds]
        pairs = sorted(
            ((overlap(pw[i], gw[j]), i, j) for i in range(len(preds)) for j in range(len(gold))), reverse=True
        )
        used_p, used_g = set(), set()
        for score, i, j in pairs:
            if score < 0.8:
                break
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            cands = preds[i]["candidates"]
            speaker = gold[j]["speaker"]
            x = np.array([c["x"] for c in cands], dtype=np.float64).reshape(len(cands), len(FEATURE_NAMES))
            y = np.array([bool(speaker) and names_speaker(c["name"], speaker) for c in cands], dtype=np.float64)
            names = [c["name"] for c in cands]
            out.append((f, x, y, speaker, names))
    return out


def fit(groups_):
    """Trees over every candidate of the quotes, the labelled speaker's positive."""
    data = [(g[1], g[2]) for g in groups_ if len(g[1])]
    x = np.vstack([d[0] for d in data])
    y = np.concatenate([d[1] for d in data])
    return HistGradientBoostingClassifier(**TREES).fit(x, y)


def confidence(p):
    """Each candidate's share of a quote: its probability over all of theirs
    plus the chance that none of them is the speaker (1 - the best one's).
    The same sum is computed in src/quotes/model/mod.rs."""
    return p / (p.sum() + 1.0 - p.max())


def predict(model, g):
    """(name, confidence) of the best candidate, or (None, 0)."""
    if not len(g[1]):
        return None, 0.0
    c = confidence(model.predict_proba(g[1])[:, 1])
    k = int(np.argmax(c))
    return g[4][k], float(c[k])


def fold_of(f, k=5):
    return int(hashlib.sha256(f.encode()).hexdigest(), 16) % k


def cross_validate(gs, k=5, keep=lambda g: True):
    """Each quote predicted by the model fitted on the other folds' quotes that `keep` accepts."""
    preds = {}
    for fold in range(k):
        model = fit([g for g in gs if fold_of(g[0], k) != fold and keep(g)])
        for i, g in enumerate(gs):
            if fold_of(g[0], k) == fold:
                preds[i] = predict(model, g)
    return [preds[i] for i in range(len(gs))]


def scores(gs, preds, threshold):
    named = shown = right = wrong = exact = unnamed_shown = unnamed = 0
    for g, (name, p) in zip(gs, preds):
        gold = g[3]
        said = name if p >= threshold else None
        if not gold:
            unnamed += 1
            unnamed_shown += said is not None
            continue
        named += 1
        if said is None:
            continue
        shown += 1
        if " ".join(words(said)) == " ".join(words(gold)):
            exact += 1
            right += 1
        elif same_person(said, gold):
            right += 1
        else:
            wrong += 1
    return {
        "shown": shown / max(named, 1),
        "wrong": wrong / max(shown, 1),
        "exact": exact / max(named, 1),
        "unnamed_shown": unnamed_shown / max(unnamed, 1),
    }


def names_someone(g):
    """Whether a quote's label can be learned from. PolNeAR leaves a speaker
    described by a role ("the senator said") unresolved, as null: not that
    nobody is named, only that its machine could not say who. On quotes the
    rules tied to a role's holder ("Sen. Jo Roe" ... "the senator said") that
    null is not evidence against the holder, so such quotes are not fitted on.
    The hand-labelled sets name the holder."""
    return g[3] is not None or not len(g[1]) or not g[1][0][FEATURE_NAMES.index("ctx_role")]


def rule_preds(gs):
    rule = FEATURE_NAMES.index("rule")
    return [
        (next((nm for nm, x in zip(g[4], g[1]) if x[rule] > 0), None), 1.0) if len(g[1]) else (None, 0.0)
        for g in gs
    ]


def table(title, gs, preds, thresholds):
    print(title)
    for t in thresholds:
        s = scores(gs, preds, t)
        print(
            f"  p>={t:.2f}  shown {s['shown']:.3f}  wrong person {s['wrong']:.3f}  exact {s['exact']:.3f}"
            f"  unnamed given a name {s['unnamed_shown']:.3f}"
        )


def trees_rs(model):
    """The trees as Rust constants: every node in one array, each tree's root.
    Nodes are laid out depth first, so a split's left child is the next node
    and only the right one's place is stored (8 bytes a node, all the trees
    fitting in a core's first-level cache)."""
    nodes, roots = [], []

    def emit(tree, k):
        node = tree[k]
        if node["is_leaf"]:
            nodes.append(f"Node::leaf({float(node['value']):.7e})")
            return
        at = len(nodes)
        nodes.append(None)
        emit(tree, int(node["left"]))
        right = len(nodes)
        emit(tree, int(node["right"]))
        nodes[at] = f"Node::split({int(node['feature_idx'])}, {float(node['num_threshold']):.7e}, {right})"

    for tree in model._predictors:
        roots.append(len(nodes))
        emit(tree[0].nodes, 0)
    out = f"pub const BASE: f32 = {float(np.ravel(model._baseline_prediction)[0]):.7e};\n"
    out += f"pub const ROOTS: [u16; {len(roots)}] = [{', '.join(map(str, roots))}];\n"
    out += f"pub const NODES: [Node; {len(nodes)}] = [\n"
    out += "".join(f"    {n},\n" for n in nodes)
    return out + "];\n"


def choose_threshold(sets):
    """The lowest threshold at which every (groups, predictions, most wrong) set holds."""
    for t in [x / 100 for x in range(30, 100)]:
        if all(scores(gs, preds, t)["wrong"] <= most for gs, preds, most in sets):
            return t
    return 0.99


FEATURE_NAMES = []
FIXTURES = os.path.join(ROOT, "tools", "quotes-train", "fixtures")
# The invented sets that were read while the rules grew; heldout/ and heldout2/
# are only ever scored, so they stay out of training.
READ_FIXTURES = ("local", "wire", "hard", "varied")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features-bin", default=os.path.join(ROOT, "target", "release", "examples", "quote_features"))
    ap.add_argument("--polnear", default=os.path.join(ROOT, "..", "shared", "reference", "polnear-train"))
    ap.add_argument("--dev", default=os.path.join(ROOT, "..", "shared", "reference", "news-quotes-dev"))
    ap.add_argument("--fixtures", nargs="*", default=[os.path.join(FIXTURES, s) for s in READ_FIXTURES])
    ap.add_argument("--cache", default=os.path.join(ROOT, "target", "quotes-train"))
    ap.add_argument("--max-wrong", type=float, default=0.02)
    ap.add_argument("--max-wrong-polnear", type=float, default=0.045)
    ap.add_argument("--report-only", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    src = open(os.path.join(ROOT, "src", "quotes", "attribution.rs"), encoding="utf-8").read()
    block = re.search(r"FEATURES: \[&str; \d+\] = \[(.*?)\];", src, re.S).group(1)
    FEATURE_NAMES.extend(re.findall(r'"(\w+)"', block))
    n = len(FEATURE_NAMES)
    caches = [os.path.join(args.cache, "polnear.jsonl"), os.path.join(args.cache, "dev.jsonl")]
    caches += [os.path.join(args.cache, f"fixtures-{os.path.basename(d)}.jsonl") for d in args.fixtures]
    pol = groups(*features(args.features_bin, args.polnear, caches[0]))
    dev = groups(*features(args.features_bin, args.dev, caches[1]))
    fixtures = [g for d, c in zip(args.fixtures, caches[2:]) for g in groups(*features(args.features_bin, d, c))]
    hand = dev + fixtures
    pol_unresolved = {id(g) for g in pol if not names_someone(g)}
    thresholds = [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    cv = cross_validate(pol + hand, keep=lambda g: id(g) not in pol_unresolved)
    pol_cv, hand_cv, dev_cv = cv[: len(pol)], cv[len(pol) :], cv[len(pol) : len(pol) + len(dev)]
    table("PolNeAR train, rules alone", pol, rule_preds(pol), [0.0])
    table("dev, rules alone", dev, rule_preds(dev), [0.0])
    table("PolNeAR train, 5-fold cross-validation by article", pol, pol_cv, thresholds)
    table("hand-labelled (dev and read fixtures), same cross-validation", hand, hand_cv, thresholds)
    # The hand-labelled sets fix the bar. PolNeAR's machine-resolved names carry
    # label noise (about a third of its wrong-person cases on the he/she route
    # are the label's error, docs/quotes.md), so it is held to a looser bar:
    # 4.5%, 1.5 points under the 6% target for its held-out test split.
    t = choose_threshold([(hand, hand_cv, args.max_wrong), (pol, pol_cv, args.max_wrong_polnear)])
    print(
        f"threshold: {t:.2f} (<= {args.max_wrong:.1%} wrong person on hand-labelled sets, "
        f"<= {args.max_wrong_polnear:.1%} on PolNeAR, both cross-validated)"
    )
    table("at the threshold: PolNeAR cross-validation", pol, pol_cv, [t])
    table("at the threshold: hand-labelled cross-validation", hand, hand_cv, [t])
    table("at the threshold: dev within it", dev, dev_cv, [t])
    model = fit([g for g in pol if id(g) not in pol_unresolved] + hand)
    gains = collections.Counter()
    for tree in model._predictors:
        nodes = tree[0].nodes
        for node in nodes[nodes["is_leaf"] == 0]:
            gains[FEATURE_NAMES[node["feature_idx"]]] += float(node["gain"])
    total = sum(gains.values())
    print("share of the trees' gain by feature:")
    for name, v in gains.most_common():
        print(f"  {name:18} {v / total:.3f}")
    if args.report_only:
        return
    digest = hashlib.sha256(open(__file__, "rb").read()).hexdigest()
    data = features_digest(caches)
    out = "// Generated by tools/quotes-train/train.py: do not edit.\n"
    out += "#![allow(dead_code)] // FEATURES and SCRIPT_SHA256 are read by the tests only.\n"
    out += "#![allow(clippy::excessive_precision)]\n#![cfg_attr(rustfmt, rustfmt::skip)]\n"
    out += "use super::Node;\n"
    out += f"// Trained on {len(pol) + len(hand)} labelled quotes; features digest sha256:{data}.\n"
    out += f"pub const FEATURES: [&str; {n}] = [{', '.join(repr(f).replace(chr(39), chr(34)) for f in FEATURE_NAMES)}];\n"
    out += trees_rs(model)
    out += f"/// Least probability for a speaker to be shown (see train.py's choose_threshold).\n"
    out += f"pub const THRESHOLD: f32 = {t:.2f};\n"
    out += f'pub const SCRIPT_SHA256: &str = "{digest}";\n'
    path = os.path.join(ROOT, "src", "quotes", "model", "weights.rs")
    open(path, "w", encoding="utf-8").write(out)
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
