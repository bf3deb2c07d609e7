"""Reading the matrices the C# exporter writes under <features>/<source>/.

Per source directory (real, synthetic, optionally feedback):
  featurizer.json  {"version", "documentDimension", "lineDimension", "classes", "root"}
  docs.svm         one row per log, label = class index, zero-based feature indices
  docs.jsonl       one JSON per row: {"id", "repo", "label", "source", "log"}
  lines.svm        one row per candidate line of every log (consecutive per log), label 1 = excerpt line
  lines.jsonl      one JSON per log: {"id", "rows", "lineNumbers", "keyword", "excerptLines"}
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.datasets import load_svmlight_file

from . import CLASSES

SOURCES = ("real", "synthetic", "feedback")


class DataError(RuntimeError):
    pass


@dataclass
class Source:
    name: str
    directory: Path
    meta: dict
    X: sp.csr_matrix  # documents, float64 holding float32-exact values
    y: np.ndarray  # class index per document
    docs: list  # docs.jsonl rows
    Xl: sp.csr_matrix  # candidate lines
    yl: np.ndarray  # 1 = line is part of the ground-truth excerpt
    line_docs: list  # lines.jsonl rows
    line_offsets: np.ndarray = field(default=None)  # rows of document i are line_offsets[i]:line_offsets[i+1]

    @property
    def n(self) -> int:
        return self.X.shape[0]

    @property
    def root(self) -> Path | None:
        r = self.meta.get("root")
        return Path(r) if r else None

    @property
    def groups(self) -> np.ndarray:
        return np.array([d.get("repo") or "" for d in self.docs], dtype=object)

    def line_doc_index(self) -> np.ndarray:
        """Document index of every line row."""
        return np.repeat(np.arange(self.n), np.diff(self.line_offsets))

    def line_rows(self, doc_idx) -> np.ndarray:
        """Line rows of the given documents, in order."""
        doc_idx = np.asarray(doc_idx, dtype=np.int64)
        if len(doc_idx) == 0:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate([np.arange(self.line_offsets[i], self.line_offsets[i + 1]) for i in doc_idx]).astype(np.int64)


def _f32_exact(X: sp.csr_matrix) -> sp.csr_matrix:
    """Serving feeds float32 features to ONNX: train on exactly the float32 values."""
    X = X.tocsr()
    X.data = X.data.astype(np.float32).astype(np.float64)
    X.sort_indices()
    return X


def _load_svm(path: Path, n_features: int):
    if path.stat().st_size == 0:
        return sp.csr_matrix((0, n_features), dtype=np.float64), np.zeros(0)
    X, y = load_svmlight_file(str(path), n_features=n_features, zero_based=True)
    return _f32_exact(X), y


def _jsonl(path: Path) -> list:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_source(directory: Path, name: str) -> Source:
    meta = json.loads((directory / "featurizer.json").read_text(encoding="utf-8"))
    for key in ("version", "documentDimension", "lineDimension", "classes"):
        if key not in meta:
            raise DataError(f"{directory}/featurizer.json lacks {key!r}")
    if list(meta["classes"]) != CLASSES:
        raise DataError(f"{directory}/featurizer.json classes {meta['classes']} != {CLASSES}")
    D, L = int(meta["documentDimension"]), int(meta["lineDimension"])

    X, yf = _load_svm(directory / "docs.svm", D)
    docs = _jsonl(directory / "docs.jsonl")
    if len(docs) != X.shape[0]:
        raise DataError(f"{name}: docs.svm has {X.shape[0]} rows, docs.jsonl {len(docs)}")
    y = yf.astype(np.int64)
    if np.any(y != yf) or np.any((y < 0) | (y >= len(CLASSES))):
        raise DataError(f"{name}: docs.svm labels must be class indices 0..{len(CLASSES) - 1}")
    for i, d in enumerate(docs):
        lab = d.get("label")
        idx = CLASSES.index(lab) if isinstance(lab, str) and lab in CLASSES else lab
        if idx is not None and idx != y[i]:
            raise DataError(f"{name}: row {i} ({d.get('id')}): docs.jsonl label {lab!r} != docs.svm label {y[i]}")

    Xl, ylf = _load_svm(directory / "lines.svm", L)
    line_docs = _jsonl(directory / "lines.jsonl")
    if len(line_docs) != len(docs):
        raise DataError(f"{name}: lines.jsonl has {len(line_docs)} documents, docs.jsonl {len(docs)}")
    rows = np.array([int(ld["rows"]) for ld in line_docs], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(rows)]).astype(np.int64)
    if offsets[-1] != Xl.shape[0]:
        raise DataError(f"{name}: lines.jsonl rows sum to {offsets[-1]}, lines.svm has {Xl.shape[0]}")
    for i, (d, ld) in enumerate(zip(docs, line_docs)):
        if str(d.get("id")) != str(ld.get("id")):
            raise DataError(f"{name}: row {i}: docs.jsonl id {d.get('id')} != lines.jsonl id {ld.get('id')}")
        if len(ld.get("keyword", [])) != ld["rows"] or len(ld.get("lineNumbers", [])) != ld["rows"]:
            raise DataError(f"{name}: {ld.get('id')}: keyword/lineNumbers length != rows")
    yl = ylf.astype(np.int64)
    return Source(name, directory, meta, X, y, docs, Xl, yl, line_docs, offsets)


def load_all(features_dir: Path) -> dict:
    features_dir = Path(features_dir)
    if not (features_dir / "real" / "featurizer.json").exists():
        raise DataError(f"{features_dir}/real/featurizer.json not found: run the C# exporter first")
    out = {}
    for name in SOURCES:
        d = features_dir / name
        if (d / "featurizer.json").exists():
            out[name] = load_source(d, name)
    ref = out["real"].meta
    for name, s in out.items():
        for key in ("version", "documentDimension", "lineDimension"):
            if s.meta[key] != ref[key]:
                raise DataError(f"source {name}: featurizer {key} {s.meta[key]!r} != real's {ref[key]!r}: re-export all sources")
    return out


def real_sure(real: Source) -> dict:
    """id -> the dataset's `sure` flag (False where two categories were plausible), from <root>/labels.jsonl if present."""
    root = real.root
    if root is None or not (root / "labels.jsonl").exists():
        return {}
    return {str(r["id"]): bool(r.get("sure", True)) for r in _jsonl(root / "labels.jsonl")}
