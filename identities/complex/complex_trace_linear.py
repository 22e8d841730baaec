"""The real part of tr(AZ) has the gradient Aᴴ, the conjugate of the holomorphic derivative Aᵀ.

For a complex n×m matrix A and a complex m×n variable Z, F(Z) = tr(AZ) is holomorphic: dF = tr(A dZ),
with no dZ̄ term, and its complex derivative is ∂F/∂Z = Aᵀ, as for real matrices (the Matrix
Cookbook's eq. 100, which its Sec. 4.1.2 notes holds for complex X too). A complex number cannot be
minimised, though; an objective is real. For f = Re tr(AZ), df = Re tr(A dZ), and matching this with
df = Re tr(Gᴴ dZ), the house convention for a real function of a complex matrix, gives Gᴴ = A, so the
gradient is G = Aᴴ, an m×n matrix like Z.

The two answers are conjugates of each other, and confusing them is the classic mistake: Aᵀ is the
derivative of the holomorphic F, Aᴴ the gradient of its real part. The gradient is what steepest
descent uses and what PyTorch returns in ``Z.grad`` for the loss Re tr(AZ); for a real A the two
coincide, which is why the slip survives tests with real data. The same convention gives the
reverse-mode rule of any holomorphic layer: for Y = AZ with upstream gradient Ȳ, the loss
Re tr(ȲᴴAZ) has gradient AᴴȲ.

>>> import numpy as np
>>> from identities import check_gradient, get, verify
>>> verify(get("complex-trace-linear")).ok
True
>>> A = np.array([[1.0 + 1.0j, 2.0], [0.5j, -1.0]]); Z = np.array([[0.5, 1.0j], [2.0 - 1.0j, 1.0]])
>>> f = lambda A, Z: np.real(np.trace(A @ Z))
>>> check_gradient(f, lambda A, Z: A.conj().T, A, Z, wrt=1).ok
True
>>> check_gradient(f, lambda A, Z: A.T, A, Z, wrt=1).ok
False
"""

from identities.define import *

A = matrix("A", "n", "m", complex=True)
Z = matrix("Z", "m", "n", complex=True)
dZ = d(Z)

IDENTITY = identity(
    id="complex-trace-linear",
    title="Gradient of the real part of a linear trace of a complex matrix",
    symbols=[variable(Z, "the variable, a complex m×n matrix"), constant(A, "a constant complex n×m matrix")],
    function=real_part(Trace(mul(A, Z))),
    claims=[gradient(Z, conj_transpose(A)), differential_of(Z, real_part(Trace(mul(A, dZ))))],
    derivation=derivation(
        Z,
        step(real_part(Trace(mul(A, dZ))), "tr(AZ) is linear in Z, and Re is real-linear"),
        step(real_part(Trace(mul(conj_transpose(conj_transpose(A)), dZ))),
             "A = (Aᴴ)ᴴ, so df = Re tr(Gᴴ dZ) with G = Aᴴ"),
    ),
    see_also=("complex-frobenius-norm", "trace-linear"),
    sources=(cookbook(locator="eq. (100), ∂ tr(XA)/∂X = Aᵀ, with §4.1.2's remark that it holds for complex X; "
                              "eq. (233), the complex gradient of a real function"),
             cite("pytorch2026autograd", "'Autograd for Complex Numbers': z.grad of a real loss")),
    aliases=("complex trace gradient", "gradient of Re tr(AZ)", "wirtinger trace"),
)
