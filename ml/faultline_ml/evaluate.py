"""Grouped cross-validation on the real logs, document metrics and line-ranking metrics."""

from __future__ import annotations

import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold

from . import CLASSES, N_CLASSES
from .models import LineModel, make, synthetic_row_weight, training_weights

K = 10  # lines shown to the user


def grouped_folds(real, n_splits: int, seed: int):
    """Folds over the real logs, grouped by repository (a project never in train and test), stratified as far as groups allow."""
    cv = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "the least populated class has only 3 members": known, reported
        return [(tr, te) for tr, te in cv.split(np.zeros(real.n), real.y, real.groups)]


def training_set(real, extras, real_idx, syn_weight=None):
    """Real training rows + every row of the extra sources (synthetic, feedback): X, y, sample weights, synthetic flags."""
    if syn_weight is None:
        syn_weight = synthetic_row_weight(len(real_idx) + sum(s.n for s in extras if s.name != "synthetic"),
                                          sum(s.n for s in extras if s.name == "synthetic"))
    Xs, ys, src_w, is_syn = [real.X[real_idx]], [real.y[real_idx]], [np.ones(len(real_idx))], [np.zeros(len(real_idx), bool)]
    for s in extras:
        if s.n == 0:
            continue
        Xs.append(s.X)
        ys.append(s.y)
        syn = s.name == "synthetic"
        src_w.append(np.full(s.n, syn_weight if syn else 1.0))
        is_syn.append(np.full(s.n, syn))
    y = np.concatenate(ys)
    w = training_weights(y, np.concatenate(src_w))
    return sp.vstack(Xs, format="csr"), y, w, np.concatenate(is_syn)


def cross_validate(algorithm: str, real, extras, folds, seed: int, hp=None):
    """Out-of-fold probabilities [n_real, 8] for the real logs."""
    oof = np.zeros((real.n, N_CLASSES))
    for tr, te in folds:
        X, y, w, _ = training_set(real, extras, tr)
        model = make(algorithm, hp, seed).fit(X, y, w)
        oof[te] = model.predict_proba(real.X[te])
    return oof


def doc_metrics(y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    labels = list(range(N_CLASSES))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {
        "accuracy": float(accuracy_score(y_true, y_pred)),
        "macroF1": float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)),
        "perClass": {c: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
                     for i, c in enumerate(CLASSES)},
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).astype(int).tolist(),
    }


# ---------------------------------------------------------------- lines


# A key line is returned when its log-odds are within this margin of the best line's (FailureAnalyzer.LogitMargin).
LOGIT_MARGIN = 2.0
MAX_RETURNED = 5


def _logit(p):
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _rank_metrics(order_per_doc, source, doc_idx, scores=None):
    """Mean hit@1/3/10 (an excerpt line at rank 1, in the top 3, in the top 10), precision@10 and recall@10
    (found / excerptLines, and capped at 10) over documents; with scores, also the lines the server would return
    (log-odds within LOGIT_MARGIN of the best, at most MAX_RETURNED) and the share of them in the excerpt."""
    prec, rec, rec_cap, hit1, hit3, hit10, returned, returned_prec = [], [], [], [], [], [], [], []
    for i, order in zip(doc_idx, order_per_doc):
        start, end = source.line_offsets[i], source.line_offsets[i + 1]
        n_rows = end - start
        excerpt = int(source.line_docs[i].get("excerptLines") or 0)
        if excerpt <= 0:
            continue
        labels = source.yl[start:end]
        top = labels[np.asarray(order[:K], dtype=np.int64)] if n_rows else np.zeros(0)
        found = int(top.sum())
        prec.append(found / max(1, min(K, n_rows)))
        rec.append(found / excerpt)
        rec_cap.append(found / min(excerpt, K))
        hit1.append(float(top[:1].sum() > 0))
        hit3.append(float(top[:3].sum() > 0))
        hit10.append(float(found > 0))
        if scores is not None and len(order):
            s = scores[start:end]
            kept = [r for r in order[:MAX_RETURNED] if _logit(s[r]) >= _logit(s[order[0]]) - LOGIT_MARGIN]
            returned.append(len(kept))
            returned_prec.append(float(labels[kept].mean()))
    m = {"hitAt1": float(np.mean(hit1)), "hitAt3": float(np.mean(hit3)), "hitAt10": float(np.mean(hit10)),
         "precisionAt10": float(np.mean(prec)), "recallAt10": float(np.mean(rec)),
         "recallAt10Capped": float(np.mean(rec_cap)), "documents": len(prec)}
    if returned:
        m["returnedLines"] = float(np.mean(returned))
        m["returnedPrecision"] = float(np.mean(returned_prec))
    return m


def model_ranking(scores: np.ndarray, source, doc_idx):
    """Per document, what the server shows: candidate rows by descending score (ties: later line first), one per
    block (a row whose line lies in the block of a better row is dropped)."""
    orders = []
    for i in doc_idx:
        start, end = source.line_offsets[i], source.line_offsets[i + 1]
        s = scores[start:end]
        ln = np.asarray(source.line_docs[i]["lineNumbers"], dtype=np.int64)
        blocks = source.line_docs[i].get("blocks") or [[n, n] for n in ln]
        kept, taken = [], []
        for r in np.lexsort((-ln, -s)):
            if any(first <= ln[r] <= last for first, last in taken):
                continue
            kept.append(int(r))
            taken.append(blocks[r])
        orders.append(kept)
    return orders


def keyword_ranking(source, doc_idx):
    """The keyword-search baseline: candidate lines containing an error keyword, the last one in the log first."""
    orders = []
    for i in doc_idx:
        kw = np.asarray(source.line_docs[i]["keyword"], dtype=np.int64)
        ln = np.asarray(source.line_docs[i]["lineNumbers"], dtype=np.int64)
        idx = np.nonzero(kw == 1)[0]
        orders.append(idx[np.argsort(-ln[idx], kind="stable")])
    return orders


def cross_validate_lines(real, extras, folds, seed: int):
    """Out-of-fold line scores for the real logs' candidate rows, and the metrics of model vs keyword search."""
    scores = np.zeros(real.Xl.shape[0])
    for tr, te in folds:
        Xs, ys = [real.Xl[real.line_rows(tr)]], [real.yl[real.line_rows(tr)]]
        for s in extras:
            if s.Xl.shape[0]:
                Xs.append(s.Xl)
                ys.append(s.yl)
        model = LineModel(seed=seed).fit(sp.vstack(Xs, format="csr"), np.concatenate(ys))
        rows = real.line_rows(te)
        scores[rows] = model.score(real.Xl[rows])
    all_docs = np.arange(real.n)
    model_m = _rank_metrics(model_ranking(scores, real, all_docs), real, all_docs, scores)
    kw_m = _rank_metrics(keyword_ranking(real, all_docs), real, all_docs)
    per_class = {}
    for c in range(N_CLASSES):
        d = np.nonzero(real.y == c)[0]
        if len(d):
            per_class[CLASSES[c]] = {"model": _rank_metrics(model_ranking(scores, real, d), real, d, scores),
                                     "keyword": _rank_metrics(keyword_ranking(real, d), real, d)}
    return scores, model_m, kw_m, per_class


def candidate_coverage(source) -> dict:
    """How much of the ground-truth excerpt the exporter's candidate lines cover at all (an upper bound for any ranking)."""
    found, total, with_any = 0, 0, 0
    for i, ld in enumerate(source.line_docs):
        n = int(source.yl[source.line_offsets[i]:source.line_offsets[i + 1]].sum())
        found += n
        total += int(ld.get("excerptLines") or 0)
        with_any += n > 0
    return {"excerptLinesInCandidates": found, "excerptLines": total, "documentsWithExcerptCandidate": with_any,
            "documents": source.n, "candidateRows": int(source.Xl.shape[0])}


# ---------------------------------------------------------------- uncertainty

COVERAGE_LEVELS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
TARGET_ACCURACY = 0.85  # the seed's accuracy target: predictions above the threshold should meet it


def temperature(oof: np.ndarray, y: np.ndarray) -> float:
    """The softmax temperature that minimises the out-of-fold log loss (one parameter: it reorders nothing)."""
    logits = np.log(np.clip(oof, 1e-12, 1))
    best_t, best_loss = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.25), np.log(8), 200)):
        p = _softmax(logits / t)
        loss = -np.mean(np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1)))
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    return best_t


def tempered(oof: np.ndarray, t: float) -> np.ndarray:
    return _softmax(np.log(np.clip(oof, 1e-12, 1)) / t)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def reliability(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> dict:
    """Per confidence bin: logs, mean confidence, accuracy; and the expected calibration error."""
    conf, pred = probs.max(axis=1), probs.argmax(axis=1)
    edges = np.linspace(0, 1, bins + 1)
    rows, ece = [], 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (conf > lo) & (conf <= hi)
        if not mask.any():
            continue
        acc, mean = float((pred[mask] == y[mask]).mean()), float(conf[mask].mean())
        rows.append({"from": float(lo), "to": float(hi), "logs": int(mask.sum()), "confidence": mean, "accuracy": acc})
        ece += mask.mean() * abs(acc - mean)
    return {"bins": rows, "ece": float(ece)}


def coverage_curve(probs: np.ndarray, y: np.ndarray) -> list:
    """Accuracy on the most confident share of logs, for each coverage level, with the confidence it takes."""
    conf, correct = probs.max(axis=1), probs.argmax(axis=1) == y
    order = np.argsort(-conf, kind="stable")
    out = []
    for level in COVERAGE_LEVELS:
        k = max(1, int(round(level * len(y))))
        out.append({"coverage": level, "accuracy": float(correct[order[:k]].mean()), "threshold": float(conf[order[k - 1]])})
    return out


def uncertainty_threshold(probs: np.ndarray, y: np.ndarray, target: float = TARGET_ACCURACY) -> dict:
    """The lowest confidence above which the out-of-fold accuracy reaches the target (the widest coverage that does)."""
    conf, correct = probs.max(axis=1), probs.argmax(axis=1) == y
    order = np.argsort(-conf, kind="stable")
    running = np.cumsum(correct[order]) / np.arange(1, len(y) + 1)
    ok = np.nonzero(running >= target)[0]
    k = int(ok.max()) + 1 if len(ok) else 1
    threshold = float(conf[order[k - 1]])
    covered = conf >= threshold
    return {"threshold": threshold, "target": target, "coverage": float(covered.mean()),
            "accuracy": float(correct[covered].mean()), "uncertainAccuracy": float(correct[~covered].mean()) if (~covered).any() else None}
