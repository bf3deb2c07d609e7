#!/usr/bin/python3
"""Writes the tiny ONNX models the ONNX Runtime binding tests run, plus their expected outputs.

Run with Debian's python3-onnx (1.12) and numpy:  /usr/bin/python3 make_test_models.py
The outputs are committed; rerun only when the models change. The expected values are computed
here with numpy, independently of ONNX Runtime, so the tests check the runtime, not a copy of it.
"""
import json
import os
import re

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
MODELS = os.path.join(HERE, "Models")

# affine.onnx: probabilities = softmax(features @ W + B), features float [N,3] -> probabilities float [N,2].
W = np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]], dtype=np.float32)
B = np.array([0.1, -0.2], dtype=np.float32)

# trees.onnx: two trees over 3 features, 2 classes, post_transform NONE, every leaf weighting both classes
# (so the runtime reports the raw per-class sums rather than its one-class "binary" shortcut).
# Each node: (tree, node, feature, threshold, true_node, false_node) for BRANCH_LEQ (x <= threshold goes true),
# or (tree, node, weights) for a LEAF.
BRANCHES = [
    (0, 0, 0, 0.5, 1, 2),
    (0, 2, 2, -1.0, 3, 4),
    (1, 0, 1, 1.25, 1, 2),
]
LEAVES = [
    (0, 1, (0.7, 0.3)),
    (0, 3, (0.2, 0.8)),
    (0, 4, (0.5, 0.5)),
    (1, 1, (0.1, -0.1)),
    (1, 2, (-0.2, 0.2)),
]

# Inputs chosen away from every threshold so float32 vs float64 comparisons cannot flip a branch.
ROWS = np.array(
    [
        [0.0, 0.0, 0.0],
        [1.0, 2.0, -2.0],
        [0.6, 1.0, 0.0],
        [-3.0, 5.0, -1.5],
        [2.5, -0.5, 3.0],
    ],
    dtype=np.float32,
)


def affine_model() -> onnx.ModelProto:
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["features", "W"], ["logits_raw"]),
            helper.make_node("Add", ["logits_raw", "B"], ["logits"]),
            helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
        ],
        "affine",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 3])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])],
        initializer=[numpy_helper.from_array(W, "W"), numpy_helper.from_array(B, "B")],
    )
    return helper.make_model(graph, producer_name="faultline-tests", opset_imports=[helper.make_opsetid("", 13)])


def trees_model() -> onnx.ModelProto:
    nodes = sorted(
        [(t, n, "BRANCH_LEQ", f, v, tn, fn) for t, n, f, v, tn, fn in BRANCHES]
        + [(t, n, "LEAF", 0, 0.0, 0, 0) for t, n, _ in LEAVES]
    )
    classifier = helper.make_node(
        "TreeEnsembleClassifier",
        ["features"],
        ["label", "probabilities"],
        domain="ai.onnx.ml",
        nodes_treeids=[n[0] for n in nodes],
        nodes_nodeids=[n[1] for n in nodes],
        nodes_modes=[n[2] for n in nodes],
        nodes_featureids=[n[3] for n in nodes],
        nodes_values=[n[4] for n in nodes],
        nodes_truenodeids=[n[5] for n in nodes],
        nodes_falsenodeids=[n[6] for n in nodes],
        class_treeids=[t for t, _, w in LEAVES for _ in w],
        class_nodeids=[n for _, n, w in LEAVES for _ in w],
        class_ids=[c for _, _, w in LEAVES for c in range(len(w))],
        class_weights=[x for _, _, w in LEAVES for x in w],
        classlabels_int64s=[0, 1],
        post_transform="NONE",
    )
    graph = helper.make_graph(
        [classifier],
        "trees",
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["N", 3])],
        [
            helper.make_tensor_value_info("label", TensorProto.INT64, ["N"]),
            helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2]),
        ],
    )
    return helper.make_model(
        graph,
        producer_name="faultline-tests",
        opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("ai.onnx.ml", 3)],
    )


def affine_expected(rows: np.ndarray) -> np.ndarray:
    logits = rows.astype(np.float64) @ W.astype(np.float64) + B.astype(np.float64)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def trees_expected(rows: np.ndarray) -> np.ndarray:
    branches = {(t, n): (f, v, tn, fn) for t, n, f, v, tn, fn in BRANCHES}
    leaves = {(t, n): w for t, n, w in LEAVES}
    out = np.zeros((len(rows), 2))
    for i, row in enumerate(rows):
        for tree in sorted({t for t, _, _ in LEAVES}):
            node = 0
            while (tree, node) in branches:
                f, v, tn, fn = branches[(tree, node)]
                node = tn if row[f] <= np.float32(v) else fn
            out[i] += leaves[(tree, node)]
    return out


def main() -> None:
    os.makedirs(MODELS, exist_ok=True)
    for name, model in (("affine", affine_model()), ("trees", trees_model())):
        onnx.checker.check_model(model)
        onnx.save(model, os.path.join(MODELS, f"{name}.onnx"))
    expected = {
        "affine": {
            "weights": W.tolist(),
            "bias": B.tolist(),
            "rows": ROWS.tolist(),
            "probabilities": affine_expected(ROWS).tolist(),
        },
        "trees": {"rows": ROWS.tolist(), "probabilities": trees_expected(ROWS).tolist()},
    }
    text = json.dumps(expected, indent=2)
    # One matrix row per line: collapse the innermost number lists that indent=2 spreads out.
    text = re.sub(r"\[\s*([-0-9.e+]+(?:,\s*[-0-9.e+]+)*)\s*\]", lambda m: "[" + re.sub(r"\s+", " ", m.group(1)) + "]", text)
    with open(os.path.join(MODELS, "expected.json"), "w", encoding="utf-8") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
