"""The squared Frobenius norm of a complex matrix has the gradient 2Z — twice its Wirtinger derivative.

For a complex m×n matrix Z, ‖Z‖²_F = tr(ZᴴZ) = Σ |Z_ij|² is real, so it has a gradient in the house
convention for complex variables: the complex matrix G with df = Re tr(Gᴴ dZ) for every complex
perturbation dZ. Writing Z = X + iY, f = Σ X_ij² + Y_ij², whose partial derivatives are 2X and 2Y,
so G = ∂f/∂X + i ∂f/∂Y = 2Z. In the differential: d tr(ZᴴZ) = tr(dZᴴ Z) + tr(Zᴴ dZ), and the first
term is the complex conjugate of the second, so df = 2 Re tr(Zᴴ dZ) = Re tr((2Z)ᴴ dZ). The function is
written Re tr(ZᴴZ) because the trace, computed in complex arithmetic, carries a zero imaginary part.

The Wirtinger derivatives are ∂f/∂Z̄ = Z and ∂f/∂Z = Z̄ (the Matrix Cookbook's eqs. 247 and 246);
the gradient is twice the first, G = 2 ∂f/∂Z̄ (its eq. 248). Reporting Z — the conjugate Wirtinger
derivative itself — is the classic factor-of-two slip, and Z̄ the classic conjugation slip. PyTorch
returns exactly G in ``Z.grad``, so G needs no conversion to compare with it; steepest descent on f
steps along −G. For real Z this is the familiar ∂‖X‖²_F/∂X = 2X.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("complex-frobenius-norm")).ok
True
>>> Z = np.array([[1.0 + 2.0j, 0.5], [-1.0j, 2.0 - 1.0j]])
>>> f = lambda Z: np.real(np.trace(Z.conj().T @ Z))
>>> check_gradient(f, lambda Z: 2 * Z, Z).ok
True
>>> check_gradient(f, lambda Z: Z, Z).diagnosis.split(":")[0]
'factor ½'
"""

from identities.define import *

Z = matrix("Z", "m", "n", complex=True)
dZ = d(Z)

IDENTITY = identity(
    id="complex-frobenius-norm",
    title="Gradient of the squared Frobenius norm of a complex matrix",
    symbols=[variable(Z, "the variable, a complex m×n matrix")],
    function=real_part(Trace(mul(conj_transpose(Z), Z))),
    claims=[gradient(Z, mul(2, Z))],
    derivation=derivation(
        Z,
        step(real_part(add(Trace(mul(conj_transpose(dZ), Z)), Trace(mul(conj_transpose(Z), dZ)))),
             "product rule, with d(Zᴴ) = (dZ)ᴴ"),
        step(mul(2, real_part(Trace(mul(conj_transpose(Z), dZ)))),
             "tr(dZᴴ Z) is the complex conjugate of tr(Zᴴ dZ), and Re w̄ = Re w"),
        step(real_part(Trace(mul(conj_transpose(mul(2, Z)), dZ))),
             "df = Re tr(Gᴴ dZ) with G = 2Z"),
    ),
    see_also=("complex-trace-linear", "frobenius-norm-squared"),
    sources=(cookbook(248, locator="the complex gradient of eq. (233); the Wirtinger derivatives, eqs. (246) and (247)"),
             cite("pytorch2026autograd", "'Autograd for Complex Numbers': z.grad of a real loss")),
    aliases=("complex frobenius norm gradient", "gradient of ||Z||_F^2 complex", "wirtinger frobenius norm"),
)
