"""The constructs in JAX and PyTorch: how each backend spells the operations the construct modules print.

A construct's code rule names an operation (``printer.call("cholesky_lower", A)``); in NumPy that is
the complex-step-valid helper the checker runs, and here each other library gets its own spelling:
a function of the library where it has a faithful one (``jnp.linalg.cholesky``,
``torch.linalg.matrix_exp``), else a helper function of :mod:`.jax_code` or :mod:`.torch_code`
written with the same conventions as the NumPy helper (eigenvector signs, the order of eigenvalues
and singular values, R with a positive diagonal).  Helpers that call no library are the NumPy
helpers themselves (``SHARED``): ``sym``, written with ``+`` and ``.T`` only, which mean the same in
the three libraries, and the parts of a factorization (``eigenvalues``, ``svd_u``, ``qr_r``…), which
call the backend's own ``eigh_sorted``, ``svd_thin`` and ``qr_reduced``.

The tables below are the whole of the difference, and tests/test_interop.py runs the printed code of
every identity in both libraries against the NumPy code.  An operation missing from a table and from
the helpers is refused when printed (:class:`~..printing.CodeUnavailable`), and the handbook then
says that code is not available for that identity.
"""

from __future__ import annotations

import inspect

from ..printing import JAX, NUMPY_HELPERS, TORCH, code_helper, code_operation
from . import jax_code, torch_code

__all__ = ["JAX_FUNCTIONS", "TORCH_FUNCTIONS", "SHARED"]

#: NumPy helpers that every backend prints as they are: they call no library function.
SHARED = ("sym", "eigenvalues", "eigenvectors", "svd_u", "svd_s", "svd_v", "qr_q", "qr_r")

#: Operations JAX has a library function for, by the name the rules call them.
JAX_FUNCTIONS = {
    "sigmoid": "jax.nn.sigmoid",
    "softplus": "jax.nn.softplus",   # log(1 + eˣ) as logaddexp(x, 0): exact for every x
    "expm": "jax.scipy.linalg.expm",
    "expm_frechet": "jax.scipy.linalg.expm_frechet({0}, {1}, compute_expm=False)",
    "sylvester": "jax.scipy.linalg.solve_sylvester",
    "cholesky_lower": "jnp.linalg.cholesky",
    "pinv_full_rank": "jnp.linalg.pinv",
    "nuclear_norm": 'jnp.linalg.norm({0}, "nuc")',
    "spectral_norm": "jnp.linalg.norm({0}, 2)",
}

#: Operations PyTorch has a library function for, by the name the rules call them.
TORCH_FUNCTIONS = {
    "sigmoid": "torch.sigmoid",
    "expm": "torch.linalg.matrix_exp",
    "cholesky_lower": "torch.linalg.cholesky",
    "pinv_full_rank": "torch.linalg.pinv",
    "nuclear_norm": 'torch.linalg.matrix_norm({0}, "nuc")',
    "spectral_norm": "torch.linalg.matrix_norm({0}, 2)",
}

for _backend, _functions, _module in ((JAX, JAX_FUNCTIONS, jax_code), (TORCH, TORCH_FUNCTIONS, torch_code)):
    for _op, _spelling in _functions.items():
        code_operation(_backend, _op, _spelling)
    for _name in _module.__all__:
        code_helper(_backend, _name, inspect.getsource(getattr(_module, _name)))
    for _name in SHARED:
        code_helper(_backend, _name, NUMPY_HELPERS[_name])
