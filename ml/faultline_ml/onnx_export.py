"""ONNX export with onnx.helper (no skl2onnx here), and a small numpy evaluator of the exported graphs.

Graphs (ai.onnx opset 13, ai.onnx.ml opset 3, IR version 8):
  linear classifier  features[N,D] -> MatMul -> Add -> Softmax(axis=1) -> probabilities[N,8]; ArgMax -> label[N] int64
  tree classifier    features[N,D] -> ai.onnx.ml.TreeEnsembleClassifier -> label[N] int64, probabilities[N,8]
  line model         features[N,L] -> MatMul -> Add -> Sigmoid -> scores[N,1]

The evaluator below interprets the SAVED model (it parses the file and walks its nodes and
attributes), emulating ONNX Runtime's float32 arithmetic, so that verify() checks what was
written, not the Python objects it was written from.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from . import CLASSES, N_CLASSES

OPSET = [helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 3)]
IR_VERSION = 8
INPUT = "features"
OUTPUT = "probabilities"
LINE_OUTPUT = "scores"


class ExportError(RuntimeError):
    pass


def _model(graph, doc: str, metadata: dict) -> onnx.ModelProto:
    m = helper.make_model(graph, opset_imports=OPSET, producer_name="faultline-ml", producer_version="1")
    m.ir_version = IR_VERSION
    m.doc_string = doc
    for k, v in metadata.items():
        e = m.metadata_props.add()
        e.key, e.value = k, str(v)
    onnx.checker.check_model(m)
    return m


# ---------------------------------------------------------------- linear


def linear_classifier(coef: np.ndarray, intercept: np.ndarray, metadata: dict) -> onnx.ModelProto:
    """coef [8, D], intercept [8] of a multinomial logistic regression."""
    K, D = coef.shape
    if K != N_CLASSES:
        raise ExportError(f"linear model has {K} classes, expected {N_CLASSES}")
    W = numpy_helper.from_array(np.ascontiguousarray(coef.T, dtype=np.float32), "W")
    b = numpy_helper.from_array(np.asarray(intercept, dtype=np.float32), "b")
    nodes = [
        helper.make_node("MatMul", [INPUT, "W"], ["logits_wx"], name="matmul"),
        helper.make_node("Add", ["logits_wx", "b"], ["logits"], name="bias"),
        helper.make_node("Softmax", ["logits"], [OUTPUT], name="softmax", axis=1),
        helper.make_node("ArgMax", ["logits"], ["label"], name="argmax", axis=1, keepdims=0),
    ]
    g = helper.make_graph(nodes, "faultline_linear_classifier",
                          [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, ["N", D])],
                          [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["N", K]),
                           helper.make_tensor_value_info("label", TensorProto.INT64, ["N"])],
                          initializer=[W, b])
    return _model(g, "Faultline failure classifier: multinomial logistic regression. Classes: " + ",".join(CLASSES), metadata)


def line_model(coef: np.ndarray, intercept: float, metadata: dict) -> onnx.ModelProto:
    coef = np.asarray(coef, dtype=np.float32).reshape(-1, 1)
    L = coef.shape[0]
    W = numpy_helper.from_array(coef, "W")
    b = numpy_helper.from_array(np.asarray([intercept], dtype=np.float32), "b")
    nodes = [
        helper.make_node("MatMul", [INPUT, "W"], ["z_wx"], name="matmul"),
        helper.make_node("Add", ["z_wx", "b"], ["z"], name="bias"),
        helper.make_node("Sigmoid", ["z"], [LINE_OUTPUT], name="sigmoid"),
    ]
    g = helper.make_graph(nodes, "faultline_line_model",
                          [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, ["N", L])],
                          [helper.make_tensor_value_info(LINE_OUTPUT, TensorProto.FLOAT, ["N", 1])],
                          initializer=[W, b])
    return _model(g, "Faultline line model: P(the line is part of the excerpt that explains the failure)", metadata)


# ---------------------------------------------------------------- trees


def f32_leq_threshold(t: np.ndarray) -> np.ndarray:
    """Largest float32 <= t: for a float32 x, (x <= t as float64) == (x <= result as float32)."""
    t = np.asarray(t, dtype=np.float64)
    t32 = t.astype(np.float32)
    over = t32.astype(np.float64) > t
    t32[over] = np.nextafter(t32[over], np.float32(-np.inf))
    return t32


def _tree_ensemble(D: int, nodes: dict, leaves: dict, base_values, post_transform: str, metadata: dict, doc: str):
    n = helper.make_node(
        "TreeEnsembleClassifier", [INPUT], ["label", OUTPUT], domain="ai.onnx.ml", name="trees",
        classlabels_int64s=list(range(N_CLASSES)),
        nodes_treeids=nodes["treeids"], nodes_nodeids=nodes["nodeids"], nodes_featureids=nodes["featureids"],
        nodes_modes=nodes["modes"], nodes_values=nodes["values"], nodes_truenodeids=nodes["true"],
        nodes_falsenodeids=nodes["false"], nodes_missing_value_tracks_true=nodes["missing_true"],
        class_treeids=leaves["treeids"], class_nodeids=leaves["nodeids"], class_ids=leaves["ids"],
        class_weights=leaves["weights"], post_transform=post_transform,
        **({"base_values": [float(v) for v in base_values]} if base_values is not None else {}))
    g = helper.make_graph([n], "faultline_tree_classifier",
                          [helper.make_tensor_value_info(INPUT, TensorProto.FLOAT, ["N", D])],
                          [helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
                           helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, ["N", N_CLASSES])])
    return _model(g, doc, metadata)


def _empty():
    return {k: [] for k in ("treeids", "nodeids", "featureids", "modes", "values", "true", "false", "missing_true")}, \
           {k: [] for k in ("treeids", "nodeids", "ids", "weights")}


def random_forest(model, D: int, metadata: dict) -> onnx.ModelProto:
    """models.ForestModel: x <= threshold goes left; P = mean over trees of the leaf's normalised value."""
    rf, columns = model.est, model.columns
    classes = np.asarray(rf.classes_, dtype=np.int64)
    if len(classes) != N_CLASSES:
        raise ExportError(f"forest was trained on {len(classes)} classes, expected {N_CLASSES}")
    nodes, leaves = _empty()
    n_trees = len(rf.estimators_)
    for t, est in enumerate(rf.estimators_):
        tree = est.tree_
        left, right, feat = tree.children_left, tree.children_right, tree.feature
        thr = f32_leq_threshold(tree.threshold)
        value = tree.value[:, 0, :]
        for i in range(tree.node_count):
            nodes["treeids"].append(t)
            nodes["nodeids"].append(i)
            nodes["missing_true"].append(0)
            if left[i] == -1:
                nodes["featureids"].append(0)
                nodes["modes"].append("LEAF")
                nodes["values"].append(0.0)
                nodes["true"].append(0)
                nodes["false"].append(0)
                dist = value[i] / value[i].sum()
                for c in np.nonzero(dist)[0]:
                    leaves["treeids"].append(t)
                    leaves["nodeids"].append(i)
                    leaves["ids"].append(int(classes[c]))
                    leaves["weights"].append(float(dist[c] / n_trees))
            else:
                nodes["featureids"].append(int(columns[feat[i]]))
                nodes["modes"].append("BRANCH_LEQ")
                nodes["values"].append(float(thr[i]))
                nodes["true"].append(int(left[i]))
                nodes["false"].append(int(right[i]))
    return _tree_ensemble(D, nodes, leaves, None, "NONE", metadata,
                          "Faultline failure classifier: random forest. Classes: " + ",".join(CLASSES))


def xgboost_model(model, D: int, metadata: dict) -> onnx.ModelProto:
    """models.BoostedModel: x < threshold goes to 'yes'; tree i adds its leaf value to class i % 8; softmax of base + sum."""
    booster = model.est.get_booster()
    if len(model.classes_) != N_CLASSES:
        raise ExportError(f"xgboost was trained on {len(model.classes_)} classes, expected {N_CLASSES}")
    raw = json.loads(booster.save_raw(raw_format="json"))
    learner = raw["learner"]
    base_score = float(learner["learner_model_param"]["base_score"])
    n_class = int(learner["learner_model_param"]["num_class"])
    if n_class != N_CLASSES:
        raise ExportError(f"xgboost num_class {n_class}")
    gb = learner["gradient_booster"]["model"]
    tree_info = gb["tree_info"]
    columns = model.columns
    nodes, leaves = _empty()
    for t, tree in enumerate(gb["trees"]):
        cls = int(tree_info[t])
        if cls != t % N_CLASSES:
            raise ExportError(f"tree {t} belongs to class {cls}, expected interleaved trees")
        L, R = tree["left_children"], tree["right_children"]
        split, cond, dleft = tree["split_indices"], tree["split_conditions"], tree["default_left"]
        for i in range(len(L)):
            nodes["treeids"].append(t)
            nodes["nodeids"].append(i)
            if L[i] == -1:
                nodes["featureids"].append(0)
                nodes["modes"].append("LEAF")
                nodes["values"].append(0.0)
                nodes["true"].append(0)
                nodes["false"].append(0)
                nodes["missing_true"].append(0)
                leaves["treeids"].append(t)
                leaves["nodeids"].append(i)
                leaves["ids"].append(int(model.classes_[cls]))
                leaves["weights"].append(float(np.float32(cond[i])))
            else:
                nodes["featureids"].append(int(columns[int(split[i])]))
                nodes["modes"].append("BRANCH_LT")
                nodes["values"].append(float(np.float32(cond[i])))
                nodes["true"].append(int(L[i]))
                nodes["false"].append(int(R[i]))
                nodes["missing_true"].append(1 if int(dleft[i]) else 0)
    return _tree_ensemble(D, nodes, leaves, [base_score] * N_CLASSES, "SOFTMAX", metadata,
                          "Faultline failure classifier: gradient-boosted trees (xgboost). Classes: " + ",".join(CLASSES))


def export_classifier(model, D: int, metadata: dict) -> onnx.ModelProto:
    if model.algorithm == "lr":
        return linear_classifier(model.est.coef_ / model.temperature, model.est.intercept_ / model.temperature, metadata)
    if model.algorithm == "rf":
        return random_forest(model, D, metadata)
    if model.algorithm == "xgb":
        return xgboost_model(model, D, metadata)
    raise ExportError(model.algorithm)


# ---------------------------------------------------------------- numpy evaluator


def _attrs(node) -> dict:
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def _softmax32(z: np.ndarray) -> np.ndarray:
    z = z.astype(np.float32)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).astype(np.float32)


def _tree_ensemble_classifier(a: dict, X: np.ndarray):
    classes = list(a["classlabels_int64s"])
    treeids = np.asarray(a["nodes_treeids"], dtype=np.int64)
    nodeids = np.asarray(a["nodes_nodeids"], dtype=np.int64)
    feats = np.asarray(a["nodes_featureids"], dtype=np.int64)
    modes = [m.decode() if isinstance(m, bytes) else m for m in a["nodes_modes"]]
    values = np.asarray(a["nodes_values"], dtype=np.float32)
    true_ids = np.asarray(a["nodes_truenodeids"], dtype=np.int64)
    false_ids = np.asarray(a["nodes_falsenodeids"], dtype=np.int64)
    miss = np.asarray(a.get("nodes_missing_value_tracks_true", [0] * len(treeids)), dtype=np.int64)
    key = {(int(t), int(n)): i for i, (t, n) in enumerate(zip(treeids, nodeids))}
    true_idx = np.array([key[(int(t), int(n))] if m != "LEAF" else -1 for t, n, m in zip(treeids, true_ids, modes)])
    false_idx = np.array([key[(int(t), int(n))] if m != "LEAF" else -1 for t, n, m in zip(treeids, false_ids, modes)])
    mode_code = np.array([{"LEAF": 0, "BRANCH_LEQ": 1, "BRANCH_LT": 2}[m] for m in modes])
    if set(modes) - {"LEAF", "BRANCH_LEQ", "BRANCH_LT"}:
        raise ExportError(f"evaluator does not know modes {set(modes)}")
    # leaf -> [(class column, weight)]
    leaf_w = {}
    for t, n, c, w in zip(a["class_treeids"], a["class_nodeids"], a["class_ids"], a["class_weights"]):
        leaf_w.setdefault(key[(int(t), int(n))], []).append((int(c), np.float32(w)))  # class_ids index classlabels
    roots = []
    seen = set()
    for i, t in enumerate(treeids):  # the first node of every tree is its root
        if int(t) not in seen:
            seen.add(int(t))
            roots.append(i)
    N = X.shape[0]
    scores = np.zeros((N, len(classes)), dtype=np.float64)
    rows = np.arange(N)
    for r in roots:
        cur = np.full(N, r, dtype=np.int64)
        for _ in range(10000):
            code = mode_code[cur]
            inner = code != 0
            if not inner.any():
                break
            x = X[rows[inner], feats[cur[inner]]]
            thr = values[cur[inner]]
            go = np.where(code[inner] == 1, x <= thr, x < thr)
            go = np.where(np.isnan(x), miss[cur[inner]] == 1, go)
            cur[inner] = np.where(go, true_idx[cur[inner]], false_idx[cur[inner]])
        for leaf in np.unique(cur):
            m = cur == leaf
            for c, w in leaf_w.get(int(leaf), []):
                scores[m, c] += w
    base = a.get("base_values")
    if base:
        scores += np.asarray(base, dtype=np.float32)
    post = a.get("post_transform", b"NONE")
    post = post.decode() if isinstance(post, bytes) else post
    scores = scores.astype(np.float32)
    if post == "SOFTMAX":
        probs = _softmax32(scores)
    elif post == "NONE":
        probs = scores
    else:
        raise ExportError(f"evaluator does not know post_transform {post}")
    return np.asarray(classes, dtype=np.int64)[probs.argmax(axis=1)], probs


def evaluate(model: onnx.ModelProto | str | Path, X: np.ndarray) -> dict:
    """Run an exported graph on float32 input with numpy; returns {output name: array}."""
    if not isinstance(model, onnx.ModelProto):
        model = onnx.load(str(model))
    g = model.graph
    env = {init.name: numpy_helper.to_array(init) for init in g.initializer}
    env[g.input[0].name] = np.asarray(X, dtype=np.float32)
    for node in g.node:
        a = _attrs(node)
        i = [env[n] for n in node.input]
        op = node.op_type
        if op == "MatMul":
            out = [np.matmul(i[0], i[1]).astype(np.float32)]
        elif op == "Add":
            out = [(i[0] + i[1]).astype(np.float32)]
        elif op == "Softmax":
            if a.get("axis", -1) not in (1, -1):
                raise ExportError("softmax axis")
            out = [_softmax32(i[0])]
        elif op == "Sigmoid":
            out = [(1.0 / (1.0 + np.exp(-i[0].astype(np.float32)))).astype(np.float32)]
        elif op == "ArgMax":
            out = [np.argmax(i[0], axis=a.get("axis", 0)).astype(np.int64)]
        elif op == "TreeEnsembleClassifier":
            out = list(_tree_ensemble_classifier(a, i[0]))
        else:
            raise ExportError(f"evaluator does not know {op}")
        for name, v in zip(node.output, out):
            env[name] = v
    return {o.name: env[o.name] for o in g.output}


def verify(model: onnx.ModelProto | str | Path, X: np.ndarray, expected: np.ndarray, output: str, tol: float = 1e-5, what: str = ""):
    """Fail loudly unless the exported graph reproduces the trained model's probabilities within tol."""
    if not isinstance(model, onnx.ModelProto):
        model = onnx.load(str(model))
    onnx.checker.check_model(model)
    got = evaluate(model, X)[output].astype(np.float64).reshape(expected.shape)
    diff = float(np.max(np.abs(got - expected))) if expected.size else 0.0
    if not np.isfinite(diff) or diff >= tol:
        raise ExportError(f"ONNX export of {what} does not reproduce the trained model: max |diff| = {diff:.3g} >= {tol}")
    return diff
