"""The document models (multinomial logistic regression, random forest, xgboost) and the line model.

Every model is fit with per-row sample weights (balanced classes, see training_weights) and
predicts an [n, 8] probability matrix in the fixed class order, whatever classes its training
fold happened to contain.
"""

from __future__ import annotations

import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression

from . import N_CLASSES

SEED = 20261101

# Fixed, modest hyper-parameters. They were settled once with a small exploration on the same grouped folds
# (LR C in {1, 4, 16}; synthetic row weight in {0.25, 1, balanced}; tree column selection k in {300, 1000, all};
# line-model C in {0.1, 1, 10}), so the reported figures may be slightly optimistic; there is no per-fold search.
HYPER_PARAMETERS = {
    "lr": {"C": 16.0, "penalty": "l2", "solver": "lbfgs", "multi_class": "multinomial", "max_iter": 5000, "tol": 1e-6,
           "classWeight": "balanced (sample weights)"},
    "rf": {"select_k": 300, "n_estimators": 150, "max_features": "sqrt", "max_depth": 20, "min_samples_leaf": 1,
           "bootstrap": True, "classWeight": "balanced (sample weights)"},
    # select_k: 300 → 1000 → 2000 columns gave out-of-fold accuracy 0.660 → 0.704 → 0.718 (macro-F1 0.503 → 0.491 → 0.483).
    "xgb": {"select_k": 2000, "objective": "multi:softprob", "n_estimators": 150, "max_depth": 4, "learning_rate": 0.1,
            "subsample": 0.8, "colsample_bytree": 0.5, "min_child_weight": 1.0, "reg_lambda": 1.0,
            "tree_method": "hist", "max_bin": 64, "classWeight": "balanced (sample weights)"},
    # Unweighted: the line model ranks lines within a log, and balancing the rare excerpt lines cost hit@1
    # (0.534 balanced vs 0.581 unweighted out of fold; C in {0.03, 0.05, 0.1, 0.2, 1} tried on the same folds).
    "lines": {"C": 0.1, "penalty": "l2", "solver": "lbfgs", "max_iter": 2000, "tol": 1e-6,
              "classWeight": None},
    # Weight of one synthetic row relative to one real row, before class balancing. "balanced": the synthetic rows
    # together weigh as much as the real rows of the training fold (n_real / n_synthetic, at most 1).
    "syntheticRowWeight": "balanced",
}

ALGORITHMS = ("lr", "rf", "xgb")
NAMES = {"lr": "Logistic regression (multinomial)", "rf": "Random forest", "xgb": "Gradient-boosted trees (xgboost)",
         "baseline": "Regex knowledge base (BFA-style)"}


def training_weights(y: np.ndarray, source_weight: np.ndarray) -> np.ndarray:
    """Balanced class weights on top of per-row source weights, normalised to mean 1."""
    w = source_weight.astype(np.float64).copy()
    classes = np.unique(y)
    total = w.sum()
    for c in classes:
        m = y == c
        w[m] *= total / (len(classes) * w[m].sum())
    return w * (len(w) / w.sum())


def synthetic_row_weight(n_real: int, n_synthetic: int) -> float:
    v = HYPER_PARAMETERS["syntheticRowWeight"]
    if v == "balanced":
        return min(1.0, n_real / n_synthetic) if n_synthetic else 1.0
    return float(v)


def select_columns(X, y: np.ndarray, w: np.ndarray, k: int | None) -> np.ndarray:
    """The k columns most associated with the class (chi-squared on sample-weighted counts; features are >= 0),
    among the columns that are non-zero somewhere in the training rows. Trees only ever see these columns; the
    ONNX export maps them back to the featurizer's indices."""
    X = sp.csr_matrix(X)
    present = np.unique(X.indices).astype(np.int64)
    if k is None or k >= len(present):
        return present
    if X.data.size and X.data.min() < 0:
        raise ValueError("chi-squared column selection needs non-negative features")
    Y = sp.csr_matrix((w, (y, np.arange(len(y)))), shape=(N_CLASSES, len(y)))
    observed = (Y @ X).toarray()
    feature_sum = np.asarray(X.T @ w).ravel()
    class_share = np.asarray(Y.sum(axis=1)).ravel() / w.sum()
    expected = np.outer(class_share, feature_sum)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(expected > 0, (observed - expected) ** 2 / expected, 0.0).sum(axis=0)
    score = np.nan_to_num(score)[present]
    order = np.lexsort((present, -score))  # best first, ties by column index: deterministic
    return np.sort(present[order[:k]])


def _expand(proba: np.ndarray, classes: np.ndarray) -> np.ndarray:
    out = np.zeros((proba.shape[0], N_CLASSES), dtype=np.float64)
    out[:, classes] = proba
    return out


class LinearModel:
    algorithm = "lr"

    def __init__(self, hp: dict, seed: int = SEED):
        self.hp = hp
        self.seed = seed
        self.temperature = 1.0  # softmax temperature from the out-of-fold calibration (1 = as trained)

    def fit(self, X, y, w):
        hp = self.hp
        self.est = LogisticRegression(C=hp["C"], penalty=hp["penalty"], solver=hp["solver"], multi_class=hp["multi_class"],
                                      max_iter=hp["max_iter"], tol=hp["tol"], random_state=self.seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            self.est.fit(X, y, sample_weight=w)
        return self

    def predict_proba(self, X):
        z = self.est.decision_function(X) / self.temperature
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return _expand(p / p.sum(axis=1, keepdims=True), self.est.classes_)


class ForestModel:
    algorithm = "rf"

    def __init__(self, hp: dict, seed: int = SEED, n_jobs: int = 2):
        self.hp = hp
        self.seed = seed
        self.n_jobs = n_jobs

    def fit(self, X, y, w):
        hp = self.hp
        X = sp.csr_matrix(X)
        self.columns = select_columns(X, y, w, hp.get("select_k"))
        self.est = RandomForestClassifier(n_estimators=hp["n_estimators"], max_features=hp["max_features"],
                                          max_depth=hp["max_depth"], min_samples_leaf=hp["min_samples_leaf"],
                                          bootstrap=hp["bootstrap"], n_jobs=self.n_jobs, random_state=self.seed)
        self.est.fit(X[:, self.columns], y, sample_weight=w)
        return self

    def predict_proba(self, X):
        return _expand(self.est.predict_proba(sp.csr_matrix(X)[:, self.columns]), self.est.classes_)


class BoostedModel:
    """xgboost on DENSE float32 columns, so that a zero is a value (ONNX gets dense input), never "missing".

    Only the select_k columns most associated with the class (select_columns) are given to xgboost; split
    indices are mapped back to the featurizer's indices on export.
    """
    algorithm = "xgb"

    def __init__(self, hp: dict, seed: int = SEED, n_jobs: int = 2):
        self.hp = hp
        self.seed = seed
        self.n_jobs = n_jobs

    def _dense(self, X) -> np.ndarray:
        X = sp.csr_matrix(X)
        return np.asarray(X[:, self.columns].todense(), dtype=np.float32)

    def fit(self, X, y, w):
        import xgboost as xgb

        hp = self.hp
        X = sp.csr_matrix(X)
        self.columns = select_columns(X, y, w, hp.get("select_k"))
        self.classes_ = np.unique(y)
        code = np.searchsorted(self.classes_, y)
        self.est = xgb.XGBClassifier(objective=hp["objective"], n_estimators=hp["n_estimators"], max_depth=hp["max_depth"],
                                     learning_rate=hp["learning_rate"], subsample=hp["subsample"],
                                     colsample_bytree=hp["colsample_bytree"], min_child_weight=hp["min_child_weight"],
                                     reg_lambda=hp["reg_lambda"], tree_method=hp["tree_method"], max_bin=hp["max_bin"],
                                     missing=np.nan, n_jobs=self.n_jobs, random_state=self.seed, verbosity=0)
        self.est.fit(self._dense(X), code, sample_weight=w)
        return self

    def predict_proba(self, X):
        p = self.est.predict_proba(self._dense(X))
        if len(self.classes_) == 1:
            p = np.ones((p.shape[0], 1))
        return _expand(p, self.classes_)


def make(algorithm: str, hp: dict | None = None, seed: int = SEED):
    hp = hp or HYPER_PARAMETERS[algorithm]
    return {"lr": LinearModel, "rf": ForestModel, "xgb": BoostedModel}[algorithm](hp, seed)


class LineModel:
    """Binary logistic regression: is this candidate line part of the excerpt that explains the failure?"""

    def __init__(self, hp: dict | None = None, seed: int = SEED):
        self.hp = hp or HYPER_PARAMETERS["lines"]
        self.seed = seed

    def fit(self, X, y):
        hp = self.hp
        self.est = LogisticRegression(C=hp["C"], penalty=hp["penalty"], solver=hp["solver"], max_iter=hp["max_iter"],
                                      tol=hp["tol"], class_weight=hp["classWeight"], random_state=self.seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            self.est.fit(X, y)
        return self

    def score(self, X) -> np.ndarray:
        """P(excerpt line), the value the ONNX model outputs."""
        return self.est.predict_proba(X)[:, 1]
