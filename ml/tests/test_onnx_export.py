"""Self-test of the ONNX export and its numpy evaluator on small random data (no exported features needed).

    /usr/bin/python3 -m unittest discover -s ml/tests -v
"""

import sys
import unittest
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from faultline_ml import N_CLASSES, models, onnx_export  # noqa: E402


def make_data(n=400, d=60, seed=0):
    rng = np.random.RandomState(seed)
    X = sp.random(n, d, density=0.15, random_state=rng, format="csr")
    X.data = X.data.astype(np.float32).astype(np.float64)
    y = np.asarray(X[:, :N_CLASSES].argmax(axis=1)).ravel()
    flip = rng.rand(n) < 0.2
    y[flip] = rng.randint(0, N_CLASSES, size=int(flip.sum()))
    y[:N_CLASSES] = np.arange(N_CLASSES)  # every class present
    return X, y


class ExportTest(unittest.TestCase):
    def setUp(self):
        self.X, self.y = make_data()
        self.w = models.training_weights(self.y, np.ones(len(self.y)))
        self.Xd = np.asarray(self.X.todense(), dtype=np.float32)

    def check(self, algorithm, hp=None):
        m = models.make(algorithm, hp).fit(self.X, self.y, self.w)
        onx = onnx_export.export_classifier(m, self.X.shape[1], {})
        diff = onnx_export.verify(onx, self.Xd, m.predict_proba(self.X), "probabilities", what=algorithm)
        self.assertLess(diff, 1e-5)
        out = onnx_export.evaluate(onx, self.Xd)
        np.testing.assert_array_equal(out["label"], out["probabilities"].argmax(axis=1))

    def test_linear(self):
        self.check("lr")

    def test_forest(self):
        self.check("rf", {**models.HYPER_PARAMETERS["rf"], "n_estimators": 20, "select_k": 30})

    def test_xgboost(self):
        self.check("xgb", {**models.HYPER_PARAMETERS["xgb"], "n_estimators": 10, "select_k": 30})

    def test_line_model(self):
        yl = (self.y == 1).astype(int)
        lm = models.LineModel().fit(self.X, yl)
        onx = onnx_export.line_model(lm.est.coef_[0], float(lm.est.intercept_[0]), {})
        self.assertLess(onnx_export.verify(onx, self.Xd, lm.score(self.X).reshape(-1, 1), "scores"), 1e-5)

    def test_verify_fails_loudly(self):
        m = models.make("lr").fit(self.X, self.y, self.w)
        onx = onnx_export.export_classifier(m, self.X.shape[1], {})
        with self.assertRaises(onnx_export.ExportError):
            onnx_export.verify(onx, self.Xd, m.predict_proba(self.X) + 1e-3, "probabilities")

    def test_float32_threshold(self):
        # a float64 threshold between two float32 values: x <= t must give the same branch in float32
        a = np.float32(0.1)
        b = np.nextafter(a, np.float32(1))
        t = (float(a) + float(b)) / 2
        t32 = onnx_export.f32_leq_threshold(np.array([t, float(a), float(b)]))
        self.assertEqual(t32[0], a)  # a <= t (true) and b <= t (false) both hold with a float32 threshold of a
        self.assertEqual(t32[1], a)
        self.assertEqual(t32[2], b)
        for x in (a, b, np.float32(0.0), np.float32(1.0)):
            self.assertEqual(float(x) <= t, x <= t32[0])


if __name__ == "__main__":
    unittest.main()
