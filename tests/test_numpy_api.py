"""Identity.numpy(): the function and each claim as NumPy callables, the very ones the checker verifies."""

from __future__ import annotations

import numpy as np
import pytest

import identities
from identities import check_gradient, check_jacobian, check_vjp, get
from identities.engine.forms import claim_function, function_of
from identities.engine.verify import draws_for


def _selectors(claim) -> dict:
    return {"vec": claim.vec, "convention": claim.convention, "of": claim.of}


def _same(a, b) -> bool:
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return np.array_equal(np.asarray(a), np.asarray(b))


@pytest.mark.parametrize("ident", identities.all_identities(), ids=lambda i: i.id)
def test_every_callable_is_the_one_verify_evaluates_and_agrees_with_it_at_a_sampled_point(ident):
    draw = draws_for(ident, 0)[0]
    args = draw.args(ident.parameters)
    f = ident.numpy()
    assert f.params == tuple(p.name for p in ident.parameters)
    assert _same(f(*args), function_of(ident)(*args))
    rng = np.random.default_rng(0)
    for claim in ident.claims:
        wrt = None if claim.wrt is None else claim.wrt.name
        g = ident.numpy(claim.kind, wrt, **_selectors(claim))
        verified = claim_function(ident, claim)
        assert g.params == verified.params and g.source == verified.source
        extra = [rng.standard_normal(np.asarray(a).shape) for a in
                 (draw.args(ident.upstreams) if claim.kind == "vjp" else [])]
        if claim.kind == "differential":
            extra = [rng.standard_normal(draw.values[claim.wrt.name].shape)]
        if any(np.iscomplexobj(a) for a in args):
            extra = [e + 0j for e in extra]
        assert _same(g(*args, *extra), verified(*args, *extra))


def test_the_gradient_callable_passes_the_public_checker_against_the_function_callable():
    ident = get("trace-quadratic")
    X, A = draws_for(ident, 3)[0].args(ident.parameters)
    check = check_gradient(ident.numpy(), ident.numpy("gradient", "X"), X, A, wrt=0)
    assert check.verdict == "passed", check


def test_the_jacobian_callable_in_either_vec_order_passes_the_public_checker():
    ident = get("commutation-transpose")
    (X,) = draws_for(ident, 1)[0].args(ident.parameters)
    for order in ("F", "C"):
        check = check_jacobian(ident.numpy(), ident.numpy("jacobian", "X", vec=order), X, vec=order)
        assert check.verdict == "passed", (order, check)


def test_the_vjp_callable_of_a_function_with_several_outputs_passes_the_public_checker():
    ident = get("eigh-backward")
    (A,) = draws_for(ident, 2)[0].args(ident.parameters)
    check = check_vjp(ident.numpy(), ident.numpy("vjp", "A"), A)
    assert check.verdict == "passed", check


def test_a_differential_of_one_output_of_several_is_chosen_by_of():
    ident = get("qr-backward")
    dQ, dR = ident.numpy("differential", "A", of="Q"), ident.numpy("differential", "A", of="R")
    assert dQ.params == dR.params == ("A", "dA")
    with pytest.raises(ValueError, match=r"choose one with of='Q', of='R'"):
        ident.numpy("differential", "A")


def test_a_symbol_names_the_variable_as_well_as_its_name():
    ident = get("log-det")
    (X,) = ident.parameters
    assert ident.numpy("gradient", X) is ident.numpy("gradient", "X")


@pytest.mark.parametrize("id_, args, keywords, words", [
    ("log-det", ("hessian", "X"), {}, "identity 'log-det' has no hessian with respect to X; it has: gradient "
                                      "with respect to X"),
    ("log-det", ("gradient", "Y"), {}, "has no gradient with respect to Y; it has: gradient with respect to X"),
    ("log-det", ("grad", "X"), {}, "unknown claim kind 'grad'; the kinds are gradient, differential"),
    ("log-det", ("gradient",), {}, "say which variable the gradient is taken with respect to, e.g. "
                                   "numpy('gradient', 'X')"),
    ("log-det", (None, "X"), {}, "name the kind of claim"),
    ("woodbury", ("equal", "A"), {}, "an equality is taken with respect to no variable"),
    ("log-det-symmetric", ("gradient", "X"), {}, "choose one with convention='sym', convention='free'"),
    ("log-det-symmetric", ("gradient", "X"), {"convention": "lower"}, "has no gradient with respect to X, "
                                                                      "convention='lower'"),
    ("commutation-transpose", ("jacobian", "X"), {}, "choose one with vec='F', vec='C'"),
])
def test_a_claim_the_identity_does_not_have_is_one_sentence_saying_what_it_has(id_, args, keywords, words):
    with pytest.raises(ValueError) as info:
        get(id_).numpy(*args, **keywords)
    message = str(info.value)
    assert words in message and "\n" not in message, message


def test_an_equality_callable_is_its_right_hand_side():
    ident = get("woodbury")
    args = draws_for(ident, 0)[0].args(ident.parameters)
    assert np.allclose(ident.numpy("equal")(*args), ident.numpy()(*args))
