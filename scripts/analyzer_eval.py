#!/usr/bin/env python3
"""Cross-item evaluation of the mentalizing analyzer through the real `mentalize analyze` binary.

MIND-CA (../shared/data/mind-ca, CC BY 4.0): leave-one-question-file-out. The explanation-quality
weights and the 0/1/2 thresholds are fitted on five files and the binary is re-run with those
weights (`--weights`) on the held-out file. Reported on the pooled held-out predictions:
Spearman rho, partial rho controlling for word count, macro-F1.
Certainty (../shared/data/certainty, MIT): certainty weights fitted on `train` (Huber loss, ridge strength
chosen by 10-fold cross-validation on `train`), Spearman rho on `val`.

The MIND-CA task measures the quality of mental-state explanations, so the target figures score every
answer: the fold weights files set `evaluationOnlyBypassSafetyGate` (an evaluation-only switch that the
bundled weights never set), so story answers that mention violence are analysed rather than routed to
safety. The product-path figures (gate on, routed answers counted as 0) are printed as well.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shared_data() -> str:
    """The project's shared data: $MENTALIZE_SHARED_DATA, else ../shared/data beside this checkout,
    else beside the repository this one was cloned from (a throw-away clone in /tmp for CI)."""
    if os.environ.get("MENTALIZE_SHARED_DATA"):
        return os.environ["MENTALIZE_SHARED_DATA"]
    beside = os.path.join(ROOT, "..", "shared", "data")
    if os.path.isdir(beside):
        return beside
    origin = subprocess.run(["git", "-C", ROOT, "remote", "get-url", "origin"], capture_output=True, text=True).stdout.strip()
    if origin and os.path.isdir(origin):
        return os.path.join(os.path.abspath(origin), "..", "shared", "data")
    return beside


DATA = shared_data()
WEIGHTS = os.path.join(ROOT, "Sources", "MentalizeCore", "Resources", "Mentalizing", "weights.json")
QUALITY_FEATURES = [
    "has.otherBelief", "has.nestedState", "states", "causal.event", "holder.specificOther",
    "logWords", "has.deception", "dontKnow", "has.negatedKnowing", "states.embedded", "has.causalState",
    "nestedStates", "otherBelief", "beliefVerbs", "namedStates", "namedStatesWithContent",
    "has.namedState",
]
CERTAINTY_FEATURES = [
    "has.modal", "modals", "negations", "has.hedge", "hedges", "boosters", "modalHedges", "science.hedges",
    "science.boosters", "numbers", "percents", "firstPersonPlural", "conditionals", "questions", "logWords",
    "science.pastTense", "science.statistics", "science.openQuestions", "science.approximators",
    "science.attribution", "science.unknowns", "science.concession", "science.negatedCertainty",
    "science.reportingThat", "parentheses", "possibilityModals", "science.furtherResearch",
]
# Ridge strengths tried for the certainty fit; the one with the best 10-fold cross-validated rho on
# `train` is used. Huber loss (residuals beyond one rating point count linearly) because the ratings
# are noisy: near-identical "additional research is needed/required" sentences are rated 1 and 6.
CERTAINTY_RIDGES = (1.0, 3.0, 10.0, 30.0)
HUBER_DELTA = 1.0
CV_FOLDS, CV_SEED = 10, 0
TARGETS = {"rho": 0.50, "partial_rho": 0.35, "macro_f1": 0.60, "certainty_rho": 0.60}
RIDGE = 1.0


def run_binary(binary, texts, weights_path=None):
    """Analyses `texts` with `mentalize analyze`; returns the analysis objects in input order."""
    command = [binary, "analyze", "--progress-every", "0"]
    if weights_path:
        command += ["--weights", weights_path]
    payload = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts))
    result = subprocess.run(command, input=payload, capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    if len(rows) != len(texts):
        raise SystemExit(f"expected {len(texts)} output lines, got {len(rows)}")
    return [row.get("analysis") or {} for row in rows]


def feature_matrix(analyses, names):
    return np.array([[a.get("features", {}).get(n, 0.0) for n in names] for a in analyses], dtype=float)


def fit_ridge(x, y, ridge=RIDGE, huber_delta=None):
    """Least squares with an L2 penalty on the weights (not on the bias); with `huber_delta`, Huber loss
    instead of squared error (iteratively reweighted least squares)."""
    design = np.hstack([np.ones((x.shape[0], 1)), x])
    penalty = ridge * np.eye(design.shape[1])
    penalty[0, 0] = 0
    sample = np.ones(len(y))
    for _ in range(20 if huber_delta else 1):
        coef = np.linalg.solve(design.T @ (design * sample[:, None]) + penalty, design.T @ (sample * y))
        if huber_delta:
            residual = np.abs(y - design @ coef)
            sample = np.where(residual <= huber_delta, 1.0, huber_delta / np.maximum(residual, 1e-9))
    return float(coef[0]), {n: round(float(w), 4) for n, w in zip(names_of(x), coef[1:])}


def names_of(x):
    return fit_ridge.names[: x.shape[1]]


def macro_f1(gold, pred):
    scores = []
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(scores))


def fit_thresholds(scores, gold):
    """Two cut points on the training scores that maximise macro-F1."""
    grid = np.quantile(scores, np.linspace(0.02, 0.98, 49))
    best = (-1.0, [0.5, 1.5])
    for i, low in enumerate(grid):
        for high in grid[i:]:
            pred = [int(s >= low) + int(s >= high) for s in scores]
            f1 = macro_f1(gold, pred)
            if f1 > best[0]:
                best = (f1, [round(float(low), 4), round(float(high), 4)])
    return best[1]


def partial_spearman(x, y, z):
    rx, ry, rz = (stats.rankdata(v) for v in (x, y, z))
    rxy, rxz, ryz = (stats.pearsonr(a, b)[0] for a, b in ((rx, ry), (rx, rz), (ry, rz)))
    return (rxy - rxz * ryz) / np.sqrt((1 - rxz ** 2) * (1 - ryz ** 2))


def load_mindca():
    files = {}
    folder = os.path.join(DATA, "mind-ca")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".csv"):
            with open(os.path.join(folder, name), newline="", encoding="utf-8") as handle:
                rows = [r for r in csv.DictReader(handle) if r.get("Answer") is not None and r.get("Score", "").strip()]
            files[name[:-4]] = ([r["Answer"] for r in rows], [int(float(r["Score"])) for r in rows])
    return files


def load_certainty():
    splits = {}
    with open(os.path.join(DATA, "certainty", "sentence-certainty-dev.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            splits.setdefault(row["split"], []).append((row["finding"], float(row["sentence-level-certainty"])))
    return splits


def quality_model(analyses, gold):
    # Answers routed to safety carry no features; they are left out of the fit.
    pairs = [(a, g) for a, g in zip(analyses, gold) if "explanationQuality" in a]
    analyses, gold = [a for a, _ in pairs], [g for _, g in pairs]
    fit_ridge.names = QUALITY_FEATURES
    x = feature_matrix(analyses, QUALITY_FEATURES)
    bias, weights = fit_ridge(x, np.array(gold, dtype=float))
    scores = x @ np.array([weights[n] for n in QUALITY_FEATURES]) + bias
    return {"bias": round(bias, 4), "weights": weights, "thresholds": fit_thresholds(scores, gold)}


def certainty_cv_rho(x, y, ridge):
    """Spearman rho of the pooled out-of-fold predictions of 10-fold cross-validation on `train`."""
    order = np.random.RandomState(CV_SEED).permutation(len(y))
    predicted = np.zeros(len(y))
    for fold in np.array_split(order, CV_FOLDS):
        keep = np.ones(len(y), dtype=bool)
        keep[fold] = False
        bias, weights = fit_ridge(x[keep], y[keep], ridge, HUBER_DELTA)
        predicted[fold] = x[fold] @ np.array([weights[n] for n in CERTAINTY_FEATURES]) + bias
    return float(stats.spearmanr(predicted, y)[0])


def certainty_model(analyses, ratings):
    """The certainty weights fitted on `train`, and the figures of the choice: {ridge: CV rho}."""
    fit_ridge.names = CERTAINTY_FEATURES
    x, y = feature_matrix(analyses, CERTAINTY_FEATURES), np.array(ratings)
    cv_rhos = {ridge: certainty_cv_rho(x, y, ridge) for ridge in CERTAINTY_RIDGES}
    ridge = max(cv_rhos, key=cv_rhos.get)
    bias, weights = fit_ridge(x, y, ridge, HUBER_DELTA)
    return {"bias": round(bias, 4), "weights": weights}, cv_rhos


def write_weights(base, quality, certainty, path, bypass_gate=False):
    data = dict(base)
    data.pop("evaluationOnlyBypassSafetyGate", None)
    if bypass_gate:
        data["evaluationOnlyBypassSafetyGate"] = True
    data["explanationQuality"] = quality
    data["certainty"] = certainty
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1)
        handle.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mentalize", default=os.environ.get("MENTALIZE_BIN", os.path.join(ROOT, ".build", "release", "mentalize")))
    parser.add_argument("--write-weights", action="store_true", help="refit on all data and write the shipped weights.json")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args()
    with open(WEIGHTS, encoding="utf-8") as handle:
        base = json.load(handle)

    files = load_mindca()
    with tempfile.TemporaryDirectory() as tmp:
        bypass_path = os.path.join(tmp, "bypass.json")
        write_weights(base, base["explanationQuality"], base["certainty"], bypass_path, bypass_gate=True)
        features = {name: run_binary(args.mentalize, texts, bypass_path) for name, (texts, _) in files.items()}
        splits = load_certainty()
        cert_train = run_binary(args.mentalize, [t for t, _ in splits["train"]], bypass_path)
    cert_model, cert_cv = certainty_model(cert_train, [r for _, r in splits["train"]])
    print("certainty 10-fold CV rho on train by ridge strength: "
          + ", ".join(f"{ridge:g}: {rho:.3f}" for ridge, rho in cert_cv.items())
          + f" (fitted with {max(cert_cv, key=cert_cv.get):g})")

    if args.write_weights:
        all_analyses = [a for n in files for a in features[n]]
        all_gold = [g for n in files for g in files[n][1]]
        write_weights(base, quality_model(all_analyses, all_gold), cert_model, WEIGHTS)
        print(f"wrote {WEIGHTS}")
        return 0

    held = {"eval": ([], []), "product": ([], [])}  # (scores, levels) per path
    held_gold, held_words = [], []
    routed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (texts, gold) in files.items():
            train = [n for n in files if n != name]
            model = quality_model([a for n in train for a in features[n]], [g for n in train for g in files[n][1]])
            for path_name, bypass in (("eval", True), ("product", False)):
                fold_path = os.path.join(tmp, f"{name}-{path_name}.json")
                write_weights(base, model, cert_model, fold_path, bypass_gate=bypass)
                out = run_binary(args.mentalize, texts, fold_path)
                # Product path: answers routed to safety get no score and count as 0 (no explanation).
                scores = [a.get("explanationQuality", {}).get("score", 0.0) for a in out]
                levels = [a.get("explanationQuality", {}).get("level", 0) for a in out]
                held[path_name][0].extend(scores)
                held[path_name][1].extend(levels)
                if bypass:
                    rho = stats.spearmanr(scores, gold)[0]
                    print(f"  held out {name:14s} n={len(gold):4d} rho={rho:.3f} macroF1={macro_f1(gold, levels):.3f}")
                    held_words += [a.get("wordCount", 0) for a in out]
                else:
                    routed += sum(1 for a in out if "explanationQuality" not in a)
            held_gold += gold
        cert_path = os.path.join(tmp, "certainty.json")
        write_weights(base, base["explanationQuality"], cert_model, cert_path, bypass_gate=True)
        val = splits["val"]
        val_out = run_binary(args.mentalize, [t for t, _ in val], cert_path)
    (scores, levels), (product_scores, product_levels) = held["eval"], held["product"]
    figures = {
        "rho": float(stats.spearmanr(scores, held_gold)[0]),
        "partial_rho": float(partial_spearman(scores, held_gold, held_words)),
        "macro_f1": macro_f1(held_gold, levels),
        "certainty_rho": float(stats.spearmanr([a.get("certainty", 0.5) for a in val_out], [r for _, r in val])[0]),
        "certainty_train_cv_rho": max(cert_cv.values()),
        "length_only_rho": float(stats.spearmanr(held_words, held_gold)[0]),
        "product_path_rho": float(stats.spearmanr(product_scores, held_gold)[0]),
        "product_path_partial_rho": float(partial_spearman(product_scores, held_gold, held_words)),
        "product_path_macro_f1": macro_f1(held_gold, product_levels),
    }
    print("MIND-CA leave-one-question-file-out (pooled held-out answers, n=%d; target figures analyse every "
          "answer with the evaluation-only safety-gate bypass; product_path_* figures keep the gate, %d answers "
          "routed to safety and counted as 0):" % (len(held_gold), routed))
    for key in ("rho", "partial_rho", "macro_f1", "certainty_rho", "certainty_train_cv_rho", "length_only_rho",
                "product_path_rho", "product_path_partial_rho", "product_path_macro_f1"):
        target = TARGETS.get(key)
        mark = "" if target is None else (f"  target >= {target:.2f} " + ("ok" if figures[key] >= target else "MISSED"))
        print(f"  {key:24s} {figures[key]:.3f}{mark}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=1)
    missed = [k for k, t in TARGETS.items() if figures[k] < t]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
