"""How `make model-check` tells another CPU's rounding from a real change (scripts/train-model.py)."""
import importlib.util
import struct
import unittest
from pathlib import Path

import numpy as np

SPEC = importlib.util.spec_from_file_location(
    "train_model", Path(__file__).resolve().parents[2] / "scripts" / "train-model.py")
train_model = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(train_model)

CATEGORIES = len(train_model.CATEGORIES)
WEIGHTS = 1 << 15


def blob(weights, thresholds=(2.0, 1.5, 1.2, 1.1)):
    out = bytearray(b"SOSC" + bytes([1, 0, 15, CATEGORIES]))
    for t in thresholds:
        out += struct.pack("<4f", -5.0, 0.1, t, t)
    return bytes(out + weights.astype(np.int8).tobytes())


class ModelCheck(unittest.TestCase):
    def setUp(self):
        self.weights = np.random.default_rng(0).integers(-127, 128, CATEGORIES * WEIGHTS)
        self.committed = blob(self.weights)

    def test_the_same_file_matches(self):
        self.assertIsNone(train_model.differs(self.committed, self.committed))

    def test_a_few_weights_one_step_off_are_rounding(self):
        moved = self.weights.copy()
        moved[:40] = np.clip(moved[:40] + 1, -127, 127)
        self.assertIsNone(train_model.differs(self.committed, blob(moved)))

    def test_many_moved_weights_are_a_real_change(self):
        moved = self.weights.copy()
        moved[::50] = np.clip(moved[::50] + 1, -127, 127)
        self.assertIn("of weights differ", train_model.differs(self.committed, blob(moved)))

    def test_a_weight_two_steps_off_is_a_real_change(self):
        moved = self.weights.copy()
        moved[7] = 0 if moved[7] > 60 else moved[7] + 2
        self.assertIsNotNone(train_model.differs(self.committed, blob(moved)))

    def test_a_moved_threshold_is_a_real_change(self):
        self.assertIn("threshold", train_model.differs(
            self.committed, blob(self.weights, thresholds=(2.05, 1.5, 1.2, 1.1))))

    def test_a_different_shape_is_a_real_change(self):
        self.assertEqual(train_model.differs(self.committed, self.committed[:-1]),
                         "a different shape")


if __name__ == "__main__":
    unittest.main()
