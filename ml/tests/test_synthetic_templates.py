"""The synthetic generator's cause templates (ml/templates/*.txt): every record parses into a usable template,
and generation stays deterministic (standard library only).

    /usr/bin/python3 -m unittest discover -s ml/tests -v
"""

import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import synthetic  # noqa: E402


class TemplatesTest(unittest.TestCase):
    def test_every_cause_names_a_class_a_step_and_its_reason(self):
        self.assertGreater(len(synthetic.CAUSES), 100)
        for c in synthetic.CAUSES:
            self.assertIn(c.label, synthetic.LABELS)
            self.assertTrue(c.step)
            lines = c.text.split("\n")
            self.assertIn("[[", lines, c.text[:80])
            self.assertIn("]]", lines, c.text[:80])
            self.assertNotIn("%%INCLUDE", c.text)

    def test_every_class_has_causes_in_every_framing(self):
        for label in synthetic.LABELS:
            framings = {f for c in synthetic.CAUSES if c.label == label
                        for f in (synthetic.FRAMINGS if c.framings == "*" else c.framings)}
            self.assertEqual(set(synthetic.FRAMINGS), framings, label)

    def test_a_record_keeps_its_text_exactly_and_includes_snippets(self):
        with tempfile.TemporaryDirectory() as d:
            Path(d, "a.txt").write_text("@# comment\n@snippet TAIL\n\nlast line\n\n"
                                        "@cause test ecos='npm pip' step=test code=2 w=2\n[[\nFAIL x\n]]\n%%INCLUDE TAIL%%\n\n"
                                        "@ok\n\n\n", encoding="utf-8")
            (c,) = synthetic.load_causes(d)
        self.assertEqual(("test", ["npm", "pip"], "*", "test", 2, 2.0), (c.label, c.ecos, c.framings, c.step, c.code, c.w))
        self.assertEqual("[[\nFAIL x\n]]\n\nlast line", c.text)
        self.assertEqual("", c.ok)

    def test_generation_is_deterministic(self):
        with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
            for out in (a, b):
                synthetic.main(["--out", out, "--per-class", "2", "--seed", "3"])
            self.assertEqual(Path(a, "labels.jsonl").read_text(), Path(b, "labels.jsonl").read_text())
            self.assertEqual(16, len(Path(a, "labels.jsonl").read_text().splitlines()))
            logs = sorted(p.name for p in Path(a, "logs").iterdir())
            for name in logs:
                self.assertEqual(Path(a, "logs", name).read_bytes(), Path(b, "logs", name).read_bytes(), name)


if __name__ == "__main__":
    unittest.main()
