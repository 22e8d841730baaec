"""The house gradient of a real function of a complex matrix is what PyTorch stores in ``.grad``.

G = ∂f/∂Re Z + i ∂f/∂Im Z, with df = Re tr(Gᴴ dZ).  PyTorch's notes call its ``.grad`` the conjugate
Wirtinger derivative; these tests pin the exact relation — equality, with no factor — on the
catalog's complex identities and on losses the catalog does not hold.  PyTorch is not a dependency:
the tests run where it is installed (``make interop`` installs it and runs them, with
tests/test_interop.py) and are skipped, saying so, elsewhere.
"""

from __future__ import annotations

import numpy as np
import pytest

torch = pytest.importorskip(
    "torch", reason="PyTorch is not installed, so the complex-gradient convention is not compared with "
                    "torch.autograd here (make interop installs a CPU build of it and runs these tests)")

import identities  # noqa: E402  (after the skip)
from identities import check_gradient  # noqa: E402
from identities.engine.forms import claim_function  # noqa: E402
from identities.engine.verify import draws_for  # noqa: E402

#: The catalog's complex identities, each with its function written in PyTorch.
TORCH_LOSSES = {
    "complex-frobenius-norm": lambda Z: torch.trace(Z.conj().T @ Z).real,
    "complex-trace-linear": lambda Z, A: torch.trace(A @ Z).real,
}


def torch_grad(loss, Z, *constants):
    z = torch.tensor(Z, dtype=torch.complex128, requires_grad=True)
    loss(z, *(torch.tensor(c, dtype=torch.complex128) for c in constants)).backward()
    return z.grad.numpy()


@pytest.mark.parametrize("identity_id", sorted(TORCH_LOSSES))
def test_torch_grad_is_the_catalog_s_complex_gradient(identity_id):
    ident = identities.get(identity_id)
    claim = next(c for c in ident.claims if c.kind == "gradient")
    grad = claim_function(ident, claim)
    for dr in draws_for(ident, 0):
        args = dr.args(ident.parameters)
        Z = dr.values[claim.wrt.name]
        constants = [a for p, a in zip(ident.parameters, args) if p != claim.wrt]
        ours, theirs = np.asarray(grad(*args)), torch_grad(TORCH_LOSSES[identity_id], Z, *constants)
        assert np.allclose(theirs, ours, rtol=1e-12, atol=1e-12), identity_id
        assert not np.allclose(theirs, ours / 2, rtol=1e-3)     # not the textbook ∂f/∂Z̄ = G/2


@pytest.mark.parametrize("name, loss, numpy_loss", [
    ("|tr(AZ)|²", lambda Z, A: torch.abs(torch.trace(A @ Z)) ** 2, lambda Z, A: np.abs(np.trace(A @ Z)) ** 2),
    ("‖AZ − A‖²", lambda Z, A: torch.sum(torch.abs(A @ Z - A) ** 2), lambda Z, A: np.sum(np.abs(A @ Z - A) ** 2)),
])
def test_torch_grad_passes_the_checker_under_the_house_convention(name, loss, numpy_loss):
    rng = np.random.default_rng(5)
    A = rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3))
    Z = rng.standard_normal((3, 3)) + 1j * rng.standard_normal((3, 3))
    grad = lambda Z, A: torch_grad(loss, Z, A)
    assert check_gradient(numpy_loss, grad, Z, A).verdict == "passed", name
    assert check_gradient(numpy_loss, lambda Z, A: grad(Z, A) / 2, Z, A).diagnosis.startswith("factor ½"), name
