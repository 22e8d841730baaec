"""Code in the guide pages runs under pytest (Sybil reads the MyST Markdown); conf.py, the extension and
the pages generated from the catalog (``id/``, ``family/``: no code of their own) are not test modules."""

import numpy as np
from sybil import Sybil
from sybil.parsers.myst import DocTestDirectiveParser, PythonCodeBlockParser

collect_ignore = ["conf.py", "_ext", "_scripts", "_build", "_katex", "_static", "id", "family"]


def _stable_numpy_printing(namespace):
    np.set_printoptions(legacy="1.25", precision=6, suppress=True)


def _restore(namespace):
    np.set_printoptions(legacy=False)


pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), DocTestDirectiveParser()],
    patterns=["*.md"],
    setup=_stable_numpy_printing,
    teardown=_restore,
).pytest()
