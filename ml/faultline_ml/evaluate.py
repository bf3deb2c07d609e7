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


def _rank_metrics(order_per_doc, source, doc_idx):
    """Mean precision@K, recall@K (found / excerptLines) and capped recall@K (found / min(excerptLines, K)) over documents."""
    prec, rec, rec_cap, hit_any = [], [], [], []
    for i, order in zip(doc_idx, order_per_doc):
        start, end = source.line_offsets[i], source.line_offsets[i + 1]
        n_rows = end - start
        excerpt = int(source.line_docs[i].get("excerptLines") or 0)
        if n_rows == 0 or excerpt <= 0:
            continue
        labels = source.yl[start:end]
        found = int(labels[order[:K]].sum())
        prec.append(found / min(K, n_rows))
        rec.append(found / excerpt)
        rec_cap.append(found / min(excerpt, K))
        hit_any.append(1.0 if found > 0 else 0.0)
    return {"precisionAt10": float(np.mean(prec)), "recallAt10": float(np.mean(rec)),
            "recallAt10Capped": float(np.mean(rec_cap)), "hitAt10": float(np.mean(hit_any)), "documents": len(prec)}


def model_ranking(scores: np.ndarray, source, doc_idx):
    """Per document, its candidate rows by descending score (ties: later line first)."""
    orders = []
    for i in doc_idx:
        start, end = source.line_offsets[i], source.line_offsets[i + 1]
        s = scores[start:end]
        ln = np.asarray(source.line_docs[i]["lineNumbers"], dtype=np.int64)
        orders.append(np.lexsort((-ln, -s)))
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
    model_m = _rank_metrics(model_ranking(scores, real, all_docs), real, all_docs)
    kw_m = _rank_metrics(keyword_ranking(real, all_docs), real, all_docs)
    per_class = {}
    for c in range(N_CLASSES):
        d = np.nonzero(real.y == c)[0]
        if len(d):
            per_class[CLASSES[c]] = {"model": _rank_metrics(model_ranking(scores, real, d), real, d),
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
