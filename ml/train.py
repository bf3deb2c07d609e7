#!/usr/bin/python3
"""Train, evaluate and export Faultline's failure classifier and line model.

    /usr/bin/python3 ml/train.py --features ml/build/features --out models --report ml/evaluation.md

Reads the matrices the C# exporter wrote (ml/build/features/{real,synthetic,feedback}/), evaluates
the regex baseline and three document models with 5-fold cross-validation grouped by project on the
real logs, evaluates the line model, trains the best document model and the logistic-regression
challenger on all data, exports them to ONNX (verified against the trained models with a numpy
evaluator of the written graphs) and writes models/<version>/{classifier.onnx, lines.onnx,
card.json, card.md, reference.json}, models/models.json and the evaluation report.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402

from faultline_ml import CLASSES, N_CLASSES  # noqa: E402
from faultline_ml import baseline, data, evaluate, models, onnx_export, report  # noqa: E402

INTENDED_USE = (
    "Classify the log of a failed CI job (GitHub Actions, GitLab CI, Jenkins, Travis CI) into one of eight failure "
    "categories, to aggregate why a team's pipelines fail, and point at the log lines most likely to explain the "
    "failure. It assists triage and analytics; a user can correct the category (feedback), and the per-class "
    "probabilities are stored so that low-confidence predictions can be shown as such.")


MAX_DIR_BYTES = 5_000_000


def log(msg: str):
    print(f"[train {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pick_reference_docs(real, n: int = 12) -> list:
    """~n real logs spread over the classes, deterministically: one per class in class order, then more from the largest
    classes, preferring projects not picked yet."""
    by_class = {c: sorted(np.nonzero(real.y == c)[0], key=lambda i: (real.docs[i]["repo"], str(real.docs[i]["id"])))
                for c in range(N_CLASSES)}
    picked, repos = [], set()

    def take(c):
        cand = [i for i in by_class[c] if i not in picked]
        fresh = [i for i in cand if real.docs[i]["repo"] not in repos]
        pool = fresh or cand
        if pool:
            i = pool[len(pool) // 2]
            picked.append(int(i))
            repos.add(real.docs[i]["repo"])

    for c in range(N_CLASSES):
        take(c)
    for c in sorted(range(N_CLASSES), key=lambda c: (-len(by_class[c]), c)):
        if len(picked) >= n:
            break
        take(c)
    return picked[:n]


def verification_rows(n_total: int, k: int = 200) -> np.ndarray:
    return np.unique(np.linspace(0, n_total - 1, num=min(k, n_total)).round().astype(np.int64))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--features", default="ml/build/features", type=Path)
    ap.add_argument("--out", default="models", type=Path)
    ap.add_argument("--report", default="ml/evaluation.md", type=Path)
    ap.add_argument("--version-prefix", default="fl-2026.11")
    ap.add_argument("--created-at", default="2026-11-01T00:00:00Z", help="fixed so that reruns are byte-stable")
    ap.add_argument("--folds", default=5, type=int)
    ap.add_argument("--seed", default=models.SEED, type=int)
    ap.add_argument("--algorithms", default="lr,rf,xgb", help="document models to evaluate (comma-separated)")
    ap.add_argument("--no-ablation", action="store_true", help="skip the evaluation without synthetic data")
    args = ap.parse_args(argv)
    t0 = time.time()
    np.random.seed(args.seed)
    algorithms = [a for a in args.algorithms.split(",") if a]
    timings = {}

    # ------------------------------------------------------------ data
    srcs = data.load_all(args.features)
    real = srcs["real"]
    extras = [srcs[k] for k in ("synthetic", "feedback") if k in srcs]
    feedback_only = [srcs[k] for k in ("feedback",) if k in srcs]
    meta = real.meta
    D, L = int(meta["documentDimension"]), int(meta["lineDimension"])
    n_syn = srcs["synthetic"].n if "synthetic" in srcs else 0
    n_fb = srcs["feedback"].n if "feedback" in srcs else 0
    log(f"featurizer {meta['version']}: D={D} L={L}; real {real.n} logs / {len(set(real.groups))} repos, "
        f"synthetic {n_syn}, feedback {n_fb}; line rows: real {real.Xl.shape[0]}, "
        f"extra {sum(s.Xl.shape[0] for s in extras)}")
    if n_syn == 0:
        log("WARNING: no synthetic source: rare classes (infrastructure, timeout, other) will be weak")

    # ------------------------------------------------------------ baseline
    t = time.time()
    base_pred, base_causes = baseline.classify_source(real)
    base_metrics = evaluate.doc_metrics(real.y, base_pred)
    timings["baseline"] = time.time() - t
    log(f"baseline: accuracy {base_metrics['accuracy']:.3f} macro-F1 {base_metrics['macroF1']:.3f} ({timings['baseline']:.0f}s)")

    # ------------------------------------------------------------ document models, grouped CV
    folds = evaluate.grouped_folds(real, args.folds, args.seed)
    for i, (tr, te) in enumerate(folds):
        assert not set(real.groups[tr]) & set(real.groups[te]), "a repository in both train and test"
    results = {}  # (algorithm, "all"|"real") -> {"oof", "metrics"}
    settings = [("all", extras)] + ([] if args.no_ablation or not n_syn else [("real", feedback_only)])
    for setting, ex in settings:
        for alg in algorithms:
            t = time.time()
            oof = evaluate.cross_validate(alg, real, ex, folds, args.seed)
            m = evaluate.doc_metrics(real.y, oof.argmax(axis=1))
            results[(alg, setting)] = {"oof": oof, "metrics": m}
            timings[f"cv {alg} {setting}"] = time.time() - t
            log(f"cv {alg:3s} {'with' if setting == 'all' else 'without'} synthetic: accuracy {m['accuracy']:.3f} "
                f"macro-F1 {m['macroF1']:.3f} ({timings[f'cv {alg} {setting}']:.0f}s)")

    # ------------------------------------------------------------ line model, grouped CV
    t = time.time()
    line_scores, line_m, kw_m, line_per_class = evaluate.cross_validate_lines(real, extras, folds, args.seed)
    timings["cv lines"] = time.time() - t
    coverage = evaluate.candidate_coverage(real)
    log(f"lines: model hit@1 {line_m['hitAt1']:.3f} hit@3 {line_m['hitAt3']:.3f} hit@10 {line_m['hitAt10']:.3f}; keyword hit@1 "
        f"{kw_m['hitAt1']:.3f} hit@3 {kw_m['hitAt3']:.3f}")
    log(f"lines: model P@10 {line_m['precisionAt10']:.3f} R@10 {line_m['recallAt10']:.3f}; keyword P@10 "
        f"{kw_m['precisionAt10']:.3f} R@10 {kw_m['recallAt10']:.3f} ({timings['cv lines']:.0f}s)")
    line_m_real = None
    if not args.no_ablation and n_syn:
        t = time.time()
        _, line_m_real, _, _ = evaluate.cross_validate_lines(real, feedback_only, folds, args.seed)
        timings["cv lines real"] = time.time() - t

    # ------------------------------------------------------------ choose, train on all data
    # The seed's target is accuracy; macro-F1 (dominated by classes with 3 to 6 real logs) breaks ties.
    def rank(a):
        m = results[(a, "all")]["metrics"]
        return (round(m["accuracy"], 3), m["macroF1"], -algorithms.index(a))
    best = max(algorithms, key=rank)
    challenger = "lr" if best != "lr" else max([a for a in algorithms if a != "lr"] or ["lr"], key=rank)
    log(f"default: {best}; challenger: {challenger}")
    # Calibration: a softmax temperature for linear models (one parameter, fitted on the out-of-fold probabilities);
    # then the confidence below which a prediction is "uncertain", chosen on the same out-of-fold predictions.
    uncertainty = {}
    for a in dict.fromkeys([best, challenger]):
        oof = results[(a, "all")]["oof"]
        t_a = evaluate.temperature(oof, real.y) if a == "lr" else 1.0
        calibrated = evaluate.tempered(oof, t_a) if a == "lr" else oof
        uncertainty[a] = {"temperature": t_a, "reliabilityBefore": evaluate.reliability(oof, real.y),
                          "reliability": evaluate.reliability(calibrated, real.y),
                          "coverageCurve": evaluate.coverage_curve(calibrated, real.y),
                          "threshold": evaluate.uncertainty_threshold(calibrated, real.y)}
        th = uncertainty[a]["threshold"]
        log(f"{a}: temperature {t_a:.2f}, ECE {uncertainty[a]['reliabilityBefore']['ece']:.3f} -> "
            f"{uncertainty[a]['reliability']['ece']:.3f}; uncertain below {th['threshold']:.3f} "
            f"(coverage {th['coverage']:.2f}, accuracy {th['accuracy']:.3f})")
    X_all, y_all, w_all, is_syn = evaluate.training_set(real, extras, np.arange(real.n))
    t = time.time()
    final = {a: models.make(a, seed=args.seed).fit(X_all, y_all, w_all) for a in dict.fromkeys([best, challenger])}
    for a, model in final.items():
        if hasattr(model, "temperature"):
            model.temperature = uncertainty[a]["temperature"]
    Xl_all = sp.vstack([real.Xl] + [s.Xl for s in extras if s.Xl.shape[0]], format="csr")
    yl_all = np.concatenate([real.yl] + [s.yl for s in extras if s.Xl.shape[0]])
    line_final = models.LineModel(seed=args.seed).fit(Xl_all, yl_all)
    timings["final fits"] = time.time() - t

    # ------------------------------------------------------------ export + verify
    args.out.mkdir(parents=True, exist_ok=True)
    created = args.created_at
    fv = meta["version"]
    common_meta = {"featurizerVersion": fv, "createdAt": created, "classes": ",".join(CLASSES)}
    line_onnx = onnx_export.line_model(line_final.est.coef_[0], float(line_final.est.intercept_[0]),
                                       {**common_meta, "documentDimension": D, "lineDimension": L})
    vr_lines = verification_rows(Xl_all.shape[0])
    Xv_lines = Xl_all[vr_lines]
    line_diff = onnx_export.verify(line_onnx, np.asarray(Xv_lines.todense(), dtype=np.float32),
                                   line_final.score(Xv_lines).reshape(-1, 1), "scores", what="line model")
    ref_docs = pick_reference_docs(real)
    syn_share = float(is_syn.mean()) if len(is_syn) else 0.0
    data_card = {"realLogs": int(real.n), "realRepos": int(len(set(real.groups))), "syntheticLogs": int(n_syn),
                 "feedbackLogs": int(n_fb), "syntheticShare": round(syn_share, 6)}
    line_card = {"hitAt1": line_m["hitAt1"], "hitAt3": line_m["hitAt3"], "hitAt10": line_m["hitAt10"],
                 "keywordHitAt1": kw_m["hitAt1"], "keywordHitAt3": kw_m["hitAt3"], "keywordHitAt10": kw_m["hitAt10"],
                 "precisionAt10": line_m["precisionAt10"], "recallAt10": line_m["recallAt10"],
                 "recallAt10Capped": line_m["recallAt10Capped"],
                 "keywordPrecisionAt10": kw_m["precisionAt10"], "keywordRecallAt10": kw_m["recallAt10"],
                 "keywordRecallAt10Capped": kw_m["recallAt10Capped"]}
    vr = verification_rows(X_all.shape[0])
    Xv = X_all[vr]
    exported = {}
    written_versions = []
    for alg, model in final.items():
        version = f"{args.version_prefix}-{alg}"
        d = args.out / version
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
        onx = onnx_export.export_classifier(model, D, {**common_meta, "version": version, "algorithm": alg})
        diff = onnx_export.verify(onx, np.asarray(Xv.todense(), dtype=np.float32), model.predict_proba(Xv),
                                  "probabilities", what=version)
        (d / "classifier.onnx").write_bytes(onx.SerializeToString())
        (d / "lines.onnx").write_bytes(line_onnx.SerializeToString())
        # check what was written, from the file
        onnx_export.verify(d / "classifier.onnx", np.asarray(Xv.todense(), dtype=np.float32), model.predict_proba(Xv),
                           "probabilities", what=version)
        onnx_export.verify(d / "lines.onnx", np.asarray(Xv_lines.todense(), dtype=np.float32),
                           line_final.score(Xv_lines).reshape(-1, 1), "scores", what="line model")
        items = []
        for i in ref_docs:
            p = model.predict_proba(real.X[i])[0]
            s, e = real.line_offsets[i], real.line_offsets[i + 1]
            rows = np.arange(s, min(e, s + 20))
            sc = line_final.score(real.Xl[rows]) if len(rows) else []
            lns = real.line_docs[i]["lineNumbers"][:len(rows)]
            items.append({"source": "real", "id": str(real.docs[i]["id"]), "log": real.docs[i]["log"],
                          "label": CLASSES[real.y[i]], "probabilities": [float(x) for x in p],
                          "lineScores": {str(int(ln)): float(v) for ln, v in zip(lns, sc)}})
        (d / "reference.json").write_text(json.dumps({"featurizerVersion": fv, "version": version, "tolerance": 1e-5,
                                                      "items": items}, indent=2) + "\n", encoding="utf-8")
        hp = {k: v for k, v in models.HYPER_PARAMETERS[alg].items()}
        hp.update({"seed": args.seed, "syntheticRowWeight": models.HYPER_PARAMETERS["syntheticRowWeight"],
                   "lineModel": models.HYPER_PARAMETERS["lines"]})
        m = results[(alg, "all")]["metrics"]
        card = {
            "version": version, "algorithm": alg, "createdAt": created, "featurizerVersion": fv, "classes": CLASSES,
            "documentDimension": D, "lineDimension": L, "inputName": onnx_export.INPUT, "outputName": onnx_export.OUTPUT,
            "lineModel": {"file": "lines.onnx", "inputName": onnx_export.INPUT, "outputName": onnx_export.LINE_OUTPUT},
            "metrics": m, "lineMetrics": line_card,
            "calibration": {"temperature": uncertainty[alg]["temperature"],
                            "eceBefore": uncertainty[alg]["reliabilityBefore"]["ece"],
                            "ece": uncertainty[alg]["reliability"]["ece"], "bins": uncertainty[alg]["reliability"]["bins"]},
            "uncertainty": {"threshold": uncertainty[alg]["threshold"]["threshold"],
                            "targetAccuracy": uncertainty[alg]["threshold"]["target"],
                            "coverage": uncertainty[alg]["threshold"]["coverage"],
                            "accuracy": uncertainty[alg]["threshold"]["accuracy"]},
            "coverageCurve": uncertainty[alg]["coverageCurve"],
            "baseline": {"accuracy": base_metrics["accuracy"], "macroF1": base_metrics["macroF1"]},
            "data": data_card, "hyperParameters": hp, "intendedUse": INTENDED_USE,
            "limits": limits(real, m, data_card),
            "sha256": {"classifier.onnx": sha256(d / "classifier.onnx"), "lines.onnx": sha256(d / "lines.onnx")},
        }
        (d / "card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
        notes = [f"Chosen as the default model: best out-of-fold accuracy of {', '.join(algorithms)}." if alg == best else
                 f"Challenger: the default is `{args.version_prefix}-{best}`."]
        (d / "card.md").write_text(report.card_markdown(card, notes), encoding="utf-8")
        sizes = {f.name: f.stat().st_size for f in sorted(d.iterdir())}
        exported[alg] = {"version": version, "diff": diff, "lineDiff": line_diff, "sizes": sizes}
        written_versions.append(version)
        log(f"wrote {d}: classifier.onnx {sizes['classifier.onnx'] / 1e6:.2f} MB, max |onnx - model| {diff:.2g}")
        if sum(sizes.values()) > MAX_DIR_BYTES:
            log(f"WARNING: {d} is {sum(sizes.values()) / 1e6:.1f} MB, more than {MAX_DIR_BYTES / 1e6:.0f} MB: shrink the trees")
    # stale model directories of this prefix that this run did not write
    for a in models.ALGORITHMS:
        stale = args.out / f"{args.version_prefix}-{a}"
        if stale.is_dir() and stale.name not in written_versions:
            shutil.rmtree(stale)
    (args.out / "models.json").write_text(json.dumps({"default": f"{args.version_prefix}-{best}",
                                                      "challenger": f"{args.version_prefix}-{challenger}"}, indent=2) + "\n",
                                          encoding="utf-8")

    # ------------------------------------------------------------ report
    timings["total"] = time.time() - t0
    ctx = {
        "meta": meta, "srcs": srcs, "real": real, "results": results, "algorithms": algorithms, "best": best,
        "challenger": challenger, "baseline": base_metrics, "baseline_pred": base_pred, "baseline_causes": base_causes,
        "line": line_m, "keyword": kw_m, "line_real": line_m_real, "line_per_class": line_per_class, "coverage": coverage,
        "exported": exported, "data_card": data_card, "uncertainty": uncertainty, "timings": timings, "seed": args.seed, "folds": folds,
        "prefix": args.version_prefix, "args": args,
    }
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report.evaluation_markdown(ctx), encoding="utf-8")
    log(f"wrote {args.report}; total {timings['total']:.0f}s")
    return 0


def limits(real, m: dict, data_card: dict) -> list:
    sure = data.real_sure(real)
    unsure = sum(1 for v in sure.values() if v is False)
    counts = np.bincount(real.y, minlength=N_CLASSES)
    rare = [f"{CLASSES[c]} ({counts[c]})" for c in range(N_CLASSES) if counts[c] < 10]
    out = [
        f"The real labelled data are {data_card['realLogs']} Travis CI logs (2017-2019) of {data_card['realRepos']} open-source "
        "projects; GitHub Actions, GitLab CI and Jenkins logs, and private/enterprise projects, are represented only by "
        "synthetic logs.",
        "Rare classes in the real data: " + ", ".join(rare) + "; their figures rest on a handful of logs and mostly on "
        "synthetic training logs, so expect them to be less reliable on real logs than the macro-F1 suggests.",
        f"{data_card['syntheticShare']:.0%} of the training rows are synthetic (generated logs); the evaluation uses real "
        "logs only, but synthetic logs may teach patterns that real logs express differently.",
        "One label per job: a log with several problems (e.g. a lint error and a failing test) gets the category of the "
        "root cause as labelled, the model may name the other.",
        "Labels come from the hand-marked LogChunks excerpts"
        + (f"; {unsure} of {data_card['realLogs']} real logs are marked as not sure (two categories plausible)." if unsure else "."),
        "The line model ranks the candidate lines the featurizer selects; an excerpt line that is not a candidate can "
        "never be shown.",
        "Probabilities are calibrated by one softmax temperature on out-of-fold predictions (linear models only); "
        "below the card's uncertainty threshold the product says it is uncertain rather than naming a category.",
    ]
    if m["macroF1"] < 0.85:
        out.insert(0, f"Out-of-fold macro-F1 on real logs is {m['macroF1']:.3f}, below the 0.85 design target.")
    return out


if __name__ == "__main__":
    sys.exit(main())
