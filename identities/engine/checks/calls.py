"""Every call of the user's code goes through one session: fresh copies of the arguments, a count,
a watch for in-place changes, the time limit, and errors that say which call raised them.

Which failures are expected, and which propagate:

* at a **finite-difference point** X ± hV (and the ladder's nudged point) the function may leave its
  domain: an ``ArithmeticError`` (ZeroDivisionError, OverflowError, FloatingPointError), a
  ``numpy.linalg.LinAlgError`` or a ``ValueError`` (``math.log(-1)``; shape errors cannot arise
  there, the function already ran at X with the same shapes), or non-finite values.  Such a step is
  skipped and counted;
* a ``TypeError`` at the **first complex-step evaluation** means the function does not take complex
  input: the check falls back to finite differences and says so in its notes;
* every other exception, at any call, propagates as :class:`FunctionError` chained to the original,
  naming the call (its number and purpose).
"""

from __future__ import annotations

import time
import warnings
from typing import Callable

import numpy as np

from .inputs import describe, fresh, numbers, same
from .outputs import Outputs

__all__ = ["FunctionError", "OutOfTime", "LeftDomain", "NoComplexInput", "Session", "DOMAIN_ERRORS"]

#: Exceptions that mean "this finite-difference point lies outside the function's domain".
DOMAIN_ERRORS = (ArithmeticError, np.linalg.LinAlgError, ValueError)

#: The clock the time limit is measured on (a module attribute, so that tests can drive it).
clock: Callable[[], float] = time.monotonic


class FunctionError(RuntimeError):
    """The user's function or derivative raised; the message names the call, the cause is chained."""


class OutOfTime(Exception):
    """The check's time limit would be passed by the next call."""

    def __init__(self, calls: int, elapsed: float, limit: float):
        super().__init__(f"time limit of {limit:g} s reached after {calls} calls of the function "
                         f"({elapsed:.1f} s)")
        self.calls, self.elapsed, self.limit = calls, elapsed, limit


class LeftDomain(Exception):
    """A finite-difference point where the function is not defined (raised or non-finite)."""


class NoComplexInput(Exception):
    """The function raised TypeError on complex input."""


class Session:
    """The calls of one check: the function F (counted in ``calls``) and the derivative D."""

    def __init__(self, name: str, F: Callable, D: Callable, derivative: str, timeout: float | None,
                 several: bool = False):
        self.name, self.F, self.D, self.derivative_name, self.timeout = name, F, D, derivative, timeout
        self.outputs = Outputs(name, several)  # a function returning a tuple (several outputs), if allowed
        self.calls = 0
        self.derivative_calls = 0
        self.started = clock()
        self.slowest = 0.0
        self.changed: dict[tuple[str, int], str] = {}

    # -- the two kinds of call ------------------------------------------------------------------
    def function(self, args: list, purpose: str, domain: bool = False, complex_input: bool = False,
                 made: tuple[int, ...] = ()) -> np.ndarray:
        """F(*args) as an array of numbers.  *domain*: domain errors raise LeftDomain; *complex_input*:
        a TypeError raises NoComplexInput; *made*: positions of arrays the checker made for this one
        call (a perturbed point), passed without a copy — nothing reads them afterwards."""
        self._check_time()
        self.calls += 1
        where = f"call {self.calls}, {purpose}"
        try:
            out = self._invoke(self.F, "the function", args, where, made)
        except FunctionError as exc:
            cause = exc.__cause__
            if domain and isinstance(cause, DOMAIN_ERRORS):
                raise LeftDomain(f"{type(cause).__name__}: {cause}") from None
            if complex_input and isinstance(cause, TypeError):
                raise NoComplexInput(f"TypeError: {cause}") from None
            raise
        out = self.outputs.joined(out, where)
        arr = numbers(out)
        if arr is None:
            raise TypeError(f"{self.name}: the function returned {describe(out)} at {where}; it must return "
                            "a real number or an array of real numbers")
        if domain and not np.all(np.isfinite(arr)):
            raise LeftDomain("non-finite values")
        return arr

    def derivative(self, args: list, purpose: str):
        """D(*args), the raw value (the caller converts it)."""
        self._check_time()
        self.derivative_calls += 1
        return self._invoke(self.D, self.derivative_name, args,
                            f"its call {self.derivative_calls}, {purpose}")

    # -- shared mechanics -----------------------------------------------------------------------
    def _invoke(self, fn: Callable, who: str, args: list, where: str, made: tuple[int, ...] = ()):
        passed = [a if i in made else fresh(a) for i, a in enumerate(args)]
        start = clock()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                with np.errstate(all="ignore"):
                    out = fn(*passed)
        except Exception as exc:
            raise FunctionError(f"{self.name}: {who} raised {type(exc).__name__} at {where}: {exc}") from exc
        finally:
            self.slowest = max(self.slowest, clock() - start)
        for i, (p, a) in enumerate(zip(passed, args)):
            if i not in made and not same(p, a):
                self.changed.setdefault((who, i), where)
        return out

    def _check_time(self) -> None:
        if self.timeout is None:
            return
        elapsed = clock() - self.started
        if elapsed + self.slowest > self.timeout:
            raise OutOfTime(self.calls, elapsed, self.timeout)

    def notes(self) -> list[str]:
        """One note per argument that the function or the derivative changed in place."""
        return [f"{who} modifies argument {i} in place (first at {where}); every call received a fresh copy, "
                "so your data is untouched and the check measured the intended inputs"
                for (who, i), where in self.changed.items()]
