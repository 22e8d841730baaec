"""A Hessian is checked against the function itself wherever the variable is drawn from a set with
no interior (symmetric, positive definite…): there a gradient formula can be right at every draw
and still have the wrong derivative across the set, so its Jacobian is no witness."""

from __future__ import annotations

from identities import verify
from identities.define import (Determinant, Inverse, KroneckerProduct, commutation, gradient, hessian, identity, log,
                               matrix, mul, variable, cite)

X = matrix("X", "n", "n")


def _log_det(gradient_expr, hessian_expr, *conditions):
    return identity(id="log-det-hessian-probe", title="log det X", symbols=[variable(X, "the variable", *conditions)],
                    function=log(Determinant(X)),
                    claims=[gradient(X, gradient_expr), hessian(X, hessian_expr, vec="F")],
                    sources=(cite("magnus2019matrix", "§10.2"),))


def _hessian_rows(ident):
    return [r for r in verify(ident).rows if "hessian" in r.what.lower() and not r.what.startswith("negative")]


def test_on_spd_matrices_the_gradient_x_inverse_does_not_vouch_for_its_own_jacobian():
    # X⁻¹ = X⁻ᵀ at every symmetric draw, but the Jacobian of X ↦ X⁻¹ is −(X⁻ᵀ ⊗ X⁻¹), not the Hessian
    wrong = _log_det(Inverse(X), mul(-1, KroneckerProduct(Inverse(X).T, Inverse(X))), "spd")
    assert not all(r.ok for r in _hessian_rows(wrong))
    right = _log_det(Inverse(X), mul(-1, commutation("n", "n"), KroneckerProduct(Inverse(X).T, Inverse(X))), "spd")
    assert all(r.ok for r in _hessian_rows(right)), [(r.what, r.detail) for r in _hessian_rows(right)]


def test_on_an_open_set_the_hessian_of_log_det_is_checked_too():
    right = _log_det(Inverse(X).T, mul(-1, commutation("n", "n"), KroneckerProduct(Inverse(X).T, Inverse(X))),
                     "positive-determinant")
    assert verify(right).ok
