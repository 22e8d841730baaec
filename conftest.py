"""Shared pytest set-up: stable NumPy reprs for doctests (NumPy 2 prints np.float64(1.0) otherwise)."""

import numpy as np
import pytest


@pytest.fixture(autouse=True)
def _stable_numpy_printing(doctest_namespace):
    np.set_printoptions(legacy="1.25", precision=6, suppress=True)
    doctest_namespace["np"] = np
    yield
    np.set_printoptions(legacy=False)
