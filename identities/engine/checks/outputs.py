"""A function with several outputs, seen by the checker as one: its outputs joined into one flat array.

``check_vjp`` and ``check_differential`` accept a function that returns a tuple, one array per
output (as ``np.linalg.eigh`` returns the eigenvalues and the eigenvectors).  The checker measures
the joined array, so its pairing with a random direction W is ⟨W, DF[V]⟩ = Σₖ ⟨Wₖ, DFₖ[V]⟩, summed
over the outputs; the user's code gets the same form back: a VJP receives one upstream gradient per
output, in the order of the outputs, and a differential returns one array per output.
"""

from __future__ import annotations

import numpy as np

from .inputs import Refused, describe, numbers

__all__ = ["Outputs"]


class Outputs:
    """The outputs of one check's function: their shapes, learned at the first call that returns a
    tuple and held to afterwards (None while the function returns a single array)."""

    def __init__(self, name: str, allowed: bool):
        self.name, self.allowed = name, allowed
        self.shapes: tuple[tuple[int, ...], ...] | None = None

    def joined(self, out, where: str):
        """The function's value as one array: a tuple of outputs flattened and concatenated."""
        if not isinstance(out, tuple):
            return out
        if not self.allowed:
            raise TypeError(f"{self.name}: the function returned a tuple of {len(out)} at {where}; only "
                            "check_vjp and check_differential take a function with several outputs")
        arrays = []
        for k, value in enumerate(out, 1):
            array = numbers(value)
            if array is None:
                raise TypeError(f"{self.name}: output {k} of the function is {describe(value)} at {where}; each "
                                "output must be a real number or an array of real numbers")
            arrays.append(array)
        shapes = tuple(a.shape for a in arrays)
        if not shapes:
            raise TypeError(f"{self.name}: the function returned an empty tuple at {where}; it has no output")
        if self.shapes is None:
            self.shapes = shapes
        elif shapes != self.shapes:
            raise TypeError(f"{self.name}: the function returned outputs of shapes {list(shapes)} at {where}, but "
                            f"{list(self.shapes)} at its first call")
        return np.concatenate([a.ravel() for a in arrays])

    def split(self, flat) -> tuple:
        """A flat array (an upstream direction) in the function's form: one array per output, or
        itself alone for a function with a single output."""
        if self.shapes is None:
            return (flat,)
        flat = np.ravel(flat)
        bounds = np.cumsum([0] + [int(np.prod(s)) for s in self.shapes])
        return tuple(flat[a:b].reshape(s) for a, b, s in zip(bounds[:-1], bounds[1:], self.shapes))

    def claimed(self, value, who: str):
        """A derivative's value given in the function's form (one array per output) as one flat
        array; a value of the wrong form is a wrong answer (Refused), with the output it concerns."""
        if self.shapes is None:
            return value
        if not isinstance(value, (tuple, list)) or len(value) != len(self.shapes):
            raise Refused(f"{who} must return one array per output of the function ({len(self.shapes)} of "
                          f"them), not {describe(value)}")
        arrays = []
        for k, (part, shape) in enumerate(zip(value, self.shapes), 1):
            array = np.asarray(part)
            if array.shape != shape:
                raise Refused(f"{who} has shape {array.shape} for output {k}, which has shape {shape}")
            arrays.append(array)
        return np.concatenate([a.ravel() for a in arrays])
