"""Cyclic trace: tr(ABC) = tr(BCA) = tr(CAB), the move that brings dX to the end of a trace.

The trace of a product is unchanged when the factors are rotated: the last factor may move to
the front, or the first to the back, whenever the products stay defined. Only cyclic rotations
are allowed; tr(ABC) and tr(BAC) differ in general. The factors need not be square, only the
product inside the trace. In the differential method this is the tool that turns a differential
into the form tr(M dX), from which the gradient is read off as Mᵀ.

The checked instance is f = tr(AXB) with X of shape m×n and constants A (k×m) and B (n×k), so
that AXB is k×k. Its differential tr(A dX B) has dX in the middle; rotating B to the front gives
tr(BA dX), with BA of shape n×m. The gradient follows as (BA)ᵀ = AᵀBᵀ.

>>> from identities import get, verify
>>> verify(get("rule-trace-cyclic")).ok
True
"""

from identities.define import *

A = matrix("A", "k", "m")
X = matrix("X", "m", "n")
B = matrix("B", "n", "k")
dX = d(X)

IDENTITY = identity(
    id="rule-trace-cyclic",
    title="Cyclic property of the trace: tr(A dX B) = tr(BA dX)",
    symbols=[
        variable(X, "the variable, m×n"),
        constant(A, "the left factor, k×m"),
        constant(B, "the right factor, n×k"),
    ],
    function=Trace(mul(A, X, B)),
    claims=[differential_of(X, Trace(mul(B, A, dX)))],
    derivation=derivation(
        X,
        step(Trace(mul(A, dX, B)), "the trace is linear, so d tr(AXB) = tr(A dX B)"),
        step(Trace(mul(B, A, dX)), "cyclic property: move the last factor B to the front"),
    ),
    see_also=("rule-frobenius-identification", "trace-AXB"),
    sources=(cookbook(locator="§1.1, the cyclic property Tr(ABC) = Tr(BCA) = Tr(CAB), applied after eq. (36), "
                               "d tr(X) = tr(dX)"),),
    aliases=("cyclic trace", "trace rotation", "cyclic property"),
)
