"""The declarative record of one identity, validated when it is built.

An identity module builds one :class:`Identity` from SymPy expressions; a mistake in it — an
undeclared symbol, a derivative of the wrong shape, an unknown condition — is refused at import
with a sentence that names the identity and says what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import sympy as sp

from .callables import choose_claim, code_listing, function_of, house_function
from .conditions import CONDITIONS, check_combination
from .nodes import Differential, Named, ScalarConstant, unname
from .refusals import refusal
from .structures import CONVENTIONS, STRUCTURES
from .symbols import DIMS, is_complex, is_scalar
from .sources import COOKBOOK, Source, known_key


__all__ = ["Var", "Claim", "Published", "Step", "Derivation", "Identity", "DefinitionError", "ID_PATTERN", "CLAIM_KINDS"]

#: An id is a lowercase slug; match it with ``ID_PATTERN.fullmatch`` (``$`` would accept a trailing newline).
ID_PATTERN = re.compile(r"[a-z][a-z0-9]*(-[a-zA-Z0-9]+)*")
Role = Literal["variable", "constant", "upstream"]
CLAIM_KINDS = ("gradient", "differential", "jacobian", "hessian", "vjp", "equal")
#: Kinds of claim whose meaning for a structured variable depends on a convention (see CONVENTIONS).
CONVENTION_KINDS = ("gradient", "vjp")
#: Kinds of claim that may be taken with respect to a scalar (their value is a number or a column).
SCALAR_KINDS = ("gradient", "vjp", "jacobian")
_FORWARD_PREFERENCE = ("gradient", "differential", "jacobian")


class DefinitionError(ValueError):
    """An identity module declares something inconsistent; the message names the identity."""


@dataclass(frozen=True)
class Var:
    """A symbol of an identity: the matrix symbol, a scalar parameter (``scalar``), or a sampled
    scalar constant such as the k of Xᵏ; what it is, its role, its conditions and, for a structured
    matrix, its structure (see ``identities.engine.structures``).  An upstream gradient names the
    output it belongs to in ``of`` (None: the only output)."""

    symbol: sp.MatrixSymbol | sp.Symbol | ScalarConstant
    description: str
    role: Role = "constant"
    conditions: tuple[str, ...] = ()
    structure: str | None = None
    of: str | None = None

    @property
    def name(self) -> str:
        return self.symbol.name

    @property
    def shape(self) -> tuple:
        """The shape of the matrix; () for a scalar parameter; a sampled constant is 1×1, like the
        other scalars of the catalog's formulas."""
        if self.is_scalar:
            return ()
        return self.symbol.shape if self.is_matrix else (sp.Integer(1), sp.Integer(1))

    @property
    def is_matrix(self) -> bool:
        return isinstance(self.symbol, sp.MatrixSymbol)

    @property
    def is_scalar(self) -> bool:
        """A scalar parameter, differentiated like a matrix: its derivative is a number."""
        return is_scalar(self.symbol)

    @property
    def is_complex(self) -> bool:
        return is_complex(self.symbol)


@dataclass(frozen=True)
class Claim:
    """One stored derivative in the house convention.

    kind          what ``expr`` is
    ------------  -----------------------------------------------------------------------
    gradient      ∇_X f, shape of X: df = tr((∇_X f)ᵀ dX)
    differential  DF(X)[dX], an expression in X and dX, shape of F
    jacobian      ∂vec F/∂vec X, (size F)×(size X), in vec order ``vec``
    hessian       H with d²f = vec(dX)ᵀ H vec(dX), in vec order ``vec``
    vjp           ∇_X L = Σₖ DFₖ(X)*[F̄ₖ] in the upstream gradients F̄ₖ (one per output), shape of X
    equal         the function itself equals ``expr`` (an algebraic identity; ``wrt`` is None)

    A gradient or VJP with respect to a structured variable names its ``convention``: ``"sym"``
    (the gradient in the trace inner product restricted to the structure) or ``"free"`` (the
    derivative by the free entries).  The derivative with respect to a scalar is a number.  A
    differential of one output of several names it in ``of``.
    """

    kind: str
    wrt: sp.MatrixSymbol | sp.Symbol | None
    expr: sp.Expr
    vec: str = "F"
    convention: str | None = None
    of: str | None = None

    @property
    def key(self) -> tuple:
        """What tells this claim from the identity's others, by value: a claim read back from the
        verification cache equals its original by key even where SymPy's ``==`` of an unevaluated
        expression rebuilt by pickling does not."""
        return (self.kind, getattr(self.wrt, "name", None), self.vec, self.convention, self.of)


@dataclass(frozen=True)
class Published:
    """A derivative as a source prints it, where the print differs from the catalog's claim.

    Either it is wrong as printed (``holds_when`` empty), or it holds only under conditions the
    source does not state or states elsewhere (``holds_when``: (symbol name, condition) pairs).
    Verification shows both halves: the printed form is rejected at the identity's own inputs, and
    accepted at inputs that also meet ``holds_when``.
    """

    source: Source
    claim: Claim
    holds_when: tuple[tuple[str, str], ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Step:
    """One line of a derivation: an expression equal to the line before it, and why.

    ``vec`` says the line vectorises the previous one (in that order), so they are compared after vec.
    """

    expr: sp.Expr
    reason: str
    vec: str | None = None


@dataclass(frozen=True)
class Derivation:
    """Checked steps from the differential of the function to the stored derivative.

    The first line must equal the directional derivative along the perturbations of ``wrt``
    (the second differential when ``order`` is 2; ⟨F̄, dF⟩ when the claims are VJPs); each line
    must equal the one before; the stored derivative, paired with the perturbations, must equal
    the last line.
    """

    wrt: tuple[sp.MatrixSymbol, ...]
    steps: tuple[Step, ...]
    order: int = 1


@dataclass(frozen=True)
class Identity:
    """One entry of the catalog. Built by :func:`identities.define.identity`; read by the docs and CLI.

    A function with several outputs has a tuple of expressions as ``function`` and a tuple of names
    as ``output``; :attr:`outputs` pairs them in either case.
    """

    id: str
    title: str
    symbols: tuple[Var, ...]
    function: sp.Expr | tuple[sp.Expr, ...]
    output: str | tuple[str, ...]
    claims: tuple[Claim, ...]
    derivation: Derivation | None = None
    see_also: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    aliases: tuple[str, ...] = ()
    published: tuple[Published, ...] = ()
    family: str = ""
    module: str = ""
    path: str = ""
    doc: str = ""

    # -- what the other parts read ---------------------------------------------------------
    def var(self, name: str) -> Var:
        for v in self.symbols:
            if v.name == name:
                return v
        raise KeyError(f"{self.id}: no symbol {name!r}")

    @property
    def cookbook(self) -> tuple[int, ...]:
        """The Matrix Cookbook (2012) equation numbers whose formulas this identity states, in order:
        those its sources cite, then those of the published forms it shows wrong or conditional."""
        cited = [n for s in self.sources if s.key == COOKBOOK for n in s.equations]
        cited += [n for p in self.published if p.source.key == COOKBOOK for n in p.source.equations]
        return tuple(dict.fromkeys(cited))

    @property
    def parameters(self) -> tuple[sp.MatrixSymbol, ...]:
        """The arguments of the function, in declaration order (upstream gradients excluded)."""
        return tuple(v.symbol for v in self.symbols if v.role != "upstream")

    def numpy(self, kind: str | None = None, wrt=None, *, vec: str | None = None, convention: str | None = None,
              of: str | None = None):
        """The identity as a NumPy callable, printed from the stored expressions: the very function the
        checker verifies.

        ``numpy()`` is the function itself, taking :attr:`parameters` in order (a tuple of arrays for
        several outputs).  ``numpy(kind, wrt)`` is one claim in the house convention: ``kind`` is
        one of ``"gradient"``, ``"differential"``, ``"jacobian"``, ``"hessian"``, ``"vjp"``,
        ``"equal"`` (the right-hand side of an algebraic identity, no ``wrt``), and ``wrt`` the variable
        (its symbol or its name).  The claim takes :attr:`parameters` in order, then the upstream
        gradients, one per output, for a VJP, or the perturbation dX for a differential.  Where the
        identity has several claims of that kind and variable, ``vec`` (``"F"`` or ``"C"``),
        ``convention`` (``"sym"`` or ``"free"``) or ``of`` (an output's name) chooses one.  A kind or
        variable the identity does not have raises a ValueError that says what it has.

        The callable's ``source`` is its NumPy code and ``params`` its argument names.

        >>> import numpy as np
        >>> from identities import get
        >>> log_det = get("log-det")
        >>> [p.name for p in log_det.parameters]
        ['X']
        >>> X = np.array([[2.0, 1.0], [0.5, 3.0]])
        >>> bool(np.isclose(log_det.numpy()(X), np.log(np.linalg.det(X))))
        True
        >>> grad = log_det.numpy("gradient", "X")
        >>> bool(np.allclose(grad(X), np.linalg.inv(X).T))
        True
        >>> log_det.numpy("hessian", "X")
        Traceback (most recent call last):
        ...
        ValueError: identity 'log-det' has no hessian with respect to X; it has: gradient with respect to X
        """
        if kind is None:
            if wrt is not None or vec is not None or convention is not None or of is not None:
                raise ValueError("name the kind of claim (e.g. numpy('gradient', 'X')) before its variable or "
                                 "keywords; numpy() alone is the function")
            return function_of(self)
        if kind not in CLAIM_KINDS:
            raise ValueError(f"unknown claim kind {kind!r}; the kinds are {', '.join(CLAIM_KINDS)}")
        return house_function(self, choose_claim(self, kind, wrt, vec=vec, convention=convention, of=of))

    def code(self, backend: str = "numpy") -> str:
        """Copy-ready code for the identity in one array library: ``"numpy"`` (the code the checker
        runs and :meth:`numpy` executes), ``"jax"`` (``jax.numpy``, in float64) or ``"torch"`` (PyTorch,
        on float64 tensors) — the function and every claim's house form, printed from the stored
        expressions, as the identity's page shows them.  A construct the library has no faithful
        equivalent of raises :class:`~identities.CodeUnavailable` naming it.

        >>> from identities import get
        >>> print(get("log-det").code("torch"))
        import torch
        <BLANKLINE>
        <BLANKLINE>
        def f(X):
            return torch.log(torch.linalg.det(X))
        <BLANKLINE>
        <BLANKLINE>
        def grad_X(X):
            return torch.linalg.inv(X.T)
        <BLANKLINE>
        """
        return code_listing(self, backend)

    @property
    def outputs(self) -> tuple[tuple[str, sp.Expr], ...]:
        """(name, expression) of each output, in order; one pair for a function with a single output."""
        if isinstance(self.output, tuple):
            return tuple(zip(self.output, self.function))
        return ((self.output, self.function),)

    @property
    def several_outputs(self) -> bool:
        return isinstance(self.output, tuple)

    def output_expr(self, name: str) -> sp.Expr:
        """The expression of the output called *name*."""
        for out, expr in self.outputs:
            if out == name:
                return expr
        raise KeyError(f"{self.id}: no output {name!r}")

    def output_of(self, v: Var) -> str:
        """The name of the output an upstream gradient belongs to."""
        return v.of if v.of is not None else self.outputs[0][0]

    @property
    def upstreams(self) -> tuple[sp.MatrixSymbol, ...]:
        """The upstream gradients, one per output and in the order of the outputs; empty without a backward pass."""
        ups = {self.output_of(v): v.symbol for v in self.symbols if v.role == "upstream"}
        return tuple(ups[name] for name, _ in self.outputs if name in ups)

    @property
    def conditions(self) -> tuple[tuple[str, str], ...]:
        """(symbol name, condition name) pairs, in declaration order."""
        return tuple((v.name, c) for v in self.symbols for c in v.conditions)

    @property
    def is_scalar(self) -> bool:
        return not self.several_outputs and _shape(self.function) == (1, 1)

    @property
    def is_algebraic(self) -> bool:
        """An identity that states equalities only (no derivative): Woodbury, Kronecker algebra."""
        return all(c.kind == "equal" for c in self.claims)

    def structure_of(self, symbol) -> str | None:
        """The structure of a declared symbol (None for an unstructured one)."""
        return next((v.structure for v in self.symbols if v.symbol == symbol), None)

    @property
    def derivation_mode(self) -> str | None:
        """What the derivation's first line differentiates: "second-order" (d²f), "reverse"
        (dL = ⟨F̄, dF⟩, when every perturbed variable has a VJP claim) or "forward" (dF); None
        without a derivation."""
        der = self.derivation
        if der is None:
            return None
        if der.order == 2:
            return "second-order"
        if self.upstreams and all(any(c.kind == "vjp" and c.wrt == w for c in self.claims) for w in der.wrt):
            return "reverse"
        return "forward"

    def derivation_targets(self) -> tuple[Claim, ...]:
        """One claim per perturbed variable: the one the derivation's last line is compared with (a
        Hessian after a second-order derivation, a VJP after a reverse one, else a gradient, a
        differential or a Jacobian, in that order of preference)."""
        der = self.derivation
        if der is None:
            return ()
        kinds = {"second-order": ("hessian",), "reverse": ("vjp",)}.get(self.derivation_mode, _FORWARD_PREFERENCE)
        chosen = []
        for w in der.wrt:
            claim = next((c for kind in kinds for c in self.claims
                          if c.wrt == w and c.kind == kind and c.convention != "free"), None)
            if claim is None:
                raise DefinitionError(f"identity {self.id!r}: the derivation perturbs {w} but no claim of kind "
                                      f"{'/'.join(kinds)} is taken with respect to it")
            chosen.append(claim)
        return tuple(chosen)

    def validate(self) -> "Identity":
        """Refuse inconsistent definitions, naming the identity and the fault."""
        _validate(self)
        return self


def _fail(identity_id: str, message: str):
    raise DefinitionError(f"identity {identity_id!r}: {message}")


def _matrix_symbols(expr) -> set:
    """The symbols an expression computes with: matrix symbols, scalar parameters and sampled scalar
    constants (the labels of named parts and the dimension letters are not among them)."""
    if not isinstance(expr, sp.Basic):
        return set()
    expr = unname(expr)
    scalars = {s for s in expr.atoms(sp.Symbol) if not isinstance(s, sp.Dummy) and DIMS.get(s.name) != s}
    return set(expr.atoms(sp.MatrixSymbol, ScalarConstant)) | scalars


def _expressions(ident: Identity):
    """Every expression of the record, with the words that say where it is."""
    for name, expr in ident.outputs:
        yield (f"the output {name}" if ident.several_outputs else "the function"), expr
    for claim in ident.claims:
        yield ("the right-hand side of the equality" if claim.wrt is None else
               f"the {claim.kind} with respect to {claim.wrt.name}"), claim.expr
    for i, step in enumerate(ident.derivation.steps if ident.derivation else (), 1):
        yield f"derivation step {i}", step.expr

def _manifestly_real(expr) -> bool:
    """Whether *expr* is real by its form: a real part, an absolute value, a real number, or sums,
    products and integer powers of those (a real function of complex matrices is written so)."""
    if isinstance(expr, (sp.re, sp.im, sp.Abs)) or (expr.is_number and expr.is_real):
        return True
    if isinstance(expr, (sp.Add, sp.Mul)):
        return all(_manifestly_real(a) for a in expr.args)
    if isinstance(expr, sp.Pow):
        return _manifestly_real(expr.base) and expr.exp.is_integer is True
    return False
def _shape(expr) -> tuple:
    """The shape of a matrix expression; (1, 1) for a scalar."""
    return expr.shape if getattr(expr, "is_Matrix", False) else (1, 1)


def _validate_outputs(ident: Identity, fail) -> None:
    several = isinstance(ident.output, tuple), isinstance(ident.function, tuple)
    if any(several) and not (all(several) and len(ident.output) == len(ident.function) >= 2):
        fail("a function with several outputs is written function=(expr, …) with output=(name, …), one name per "
             "expression and at least two of each")
    names = [name for name, _ in ident.outputs]
    for name in names:
        if not isinstance(name, str) or not name.isidentifier():
            fail(f"an output is named by an identifier such as 'U' or 'lambda', not {name!r}")
    if len(set(names)) != len(names):
        fail(f"output names repeat: {names}")
    clash = set(names) & {v.name for v in ident.symbols}
    if ident.several_outputs and clash:
        fail(f"the output {sorted(clash)[0]!r} has the name of a symbol; rename one of them")


def _validate_upstreams(ident: Identity, fail) -> None:
    shapes = {name: _shape(expr) for name, expr in ident.outputs}
    seen: dict[str, str] = {}
    for v in ident.symbols:
        if v.role != "upstream":
            if v.of is not None:
                fail(f"symbol {v.name} is a {v.role}; only an upstream gradient belongs to an output (of=)")
            continue
        if v.of is None and ident.several_outputs:
            fail(f"the upstream gradient {v.name} must say which of the outputs {list(shapes)} it belongs to "
                 f"(upstream(..., of=...))")
        name = ident.output_of(v)
        if name not in shapes:
            fail(f"the upstream gradient {v.name} belongs to {name!r}, which is not an output; the outputs are "
                 f"{list(shapes)}")
        if name in seen:
            fail(f"the output {name!r} has two upstream gradients, {seen[name]} and {v.name}")
        seen[name] = v.name
        if v.shape != shapes[name]:
            fail(f"the upstream gradient {v.name} must have the shape {shapes[name]} of the output {name!r}")
    if any(c.kind == "vjp" for c in ident.claims):
        missing = [name for name in shapes if name not in seen]
        if missing:
            fail(f"a vjp needs one upstream gradient (role 'upstream') per output; {missing[0]!r} has none")


def _output_shape(ident: Identity, claim: Claim, fail) -> tuple:
    """The shape of the function *claim* differentiates: the output a differential names, else the
    function's (refusing kinds that need a single output when there are several)."""
    names = [n for n, _ in ident.outputs]
    if claim.kind == "differential":
        if ident.several_outputs and claim.of is None:
            fail(f"the function has several outputs {names}: say which one a differential is of "
                 "(differential_of(..., of=...))")
        if claim.of is not None and claim.of not in names:
            fail(f"a differential is of {claim.of!r}, which is not an output")
        return _shape(ident.output_expr(claim.of) if claim.of is not None else ident.function)
    if claim.of is not None:
        fail(f"only a differential names the output it is of; a {claim.kind} may not (of={claim.of!r})")
    if ident.several_outputs and claim.kind != "vjp":
        fail(f"a {claim.kind} needs a function with one output; with several, state a differential per output "
             "or a vjp")
    return (1, 1) if ident.several_outputs else _shape(ident.function)

def _validate_symbol(ident: Identity, v: Var, dimensions: set[str]) -> None:
    fail = lambda msg: _fail(ident.id, msg)
    if v.role not in ("variable", "constant", "upstream"):
        fail(f"symbol {v.name}: unknown role {v.role!r}")
    if not v.is_matrix and not v.is_scalar:
        if not isinstance(v.symbol, ScalarConstant):
            fail(f"symbol {v.name}: declare matrices with matrix() or vector() and constants with integer() "
                 f"or number(), not {type(v.symbol).__name__}")
        if v.role != "constant":
            fail(f"symbol {v.name} is a sampled constant (values {v.symbol.values}); it can only be a constant, "
                 f"never differentiated, not a {v.role}")
        if v.conditions:
            fail(f"symbol {v.name} is a constant with given values; conditions {v.conditions} apply to matrices")
        if v.name in dimensions:
            fail(f"symbol {v.name} has the name of a dimension of this identity; the page could not tell them "
                 "apart, so rename one")
        return
    if v.is_scalar and v.name in dimensions:
        fail(f"symbol {v.name} has the name of a dimension of this identity; rename it")
    try:
        check_combination(v.conditions, v.is_complex, v.is_scalar)
    except ValueError as exc:
        fail(f"symbol {v.name}: {exc}")
    if any(CONDITIONS[c].square for c in v.conditions) and v.shape[0] != v.shape[1]:
        fail(f"symbol {v.name} has shape {v.shape} but {v.conditions} need a square matrix")
    if v.structure is None:
        return
    if v.structure not in STRUCTURES:
        fail(f"symbol {v.name}: unknown structure {v.structure!r}; known: {', '.join(STRUCTURES)}")
    if v.is_scalar or v.is_complex or v.shape[0] != v.shape[1]:
        fail(f"symbol {v.name}: a structure applies to a real square matrix")
    try:
        STRUCTURES[v.structure].check_conditions(v.conditions)
    except ValueError as exc:
        fail(f"symbol {v.name}: {exc}")

def _expected_shape(kind: str, wrt, f_shape) -> tuple:
    rows, cols = (1, 1) if is_scalar(wrt) else wrt.shape
    return {
        "gradient": (rows, cols),
        "vjp": (rows, cols),
        "differential": f_shape,
        "jacobian": (f_shape[0] * f_shape[1], rows * cols),
        "hessian": (rows * cols, rows * cols),
    }[kind]
def _validate_claim(ident: Identity, claim: Claim, declared: set, variables: set, differentials: set, fail) -> None:
    if claim.kind not in CLAIM_KINDS:
        fail(f"unknown claim kind {claim.kind!r}; use one of {CLAIM_KINDS}")
    extra = differentials if claim.kind == "differential" else set()
    stray = _matrix_symbols(claim.expr) - declared - extra
    if stray:
        fail(f"the {claim.kind} uses undeclared symbols {sorted(s.name for s in stray)}")
    f_shape = _output_shape(ident, claim, fail)
    if claim.kind == "equal":
        if claim.wrt is not None or claim.convention is not None:
            fail("an equality is a claim about the function itself: it takes no variable and no convention")
        if sp.simplify(sp.Matrix(_shape(claim.expr)) - sp.Matrix(f_shape)) != sp.zeros(2, 1):
            fail(f"the equality's right-hand side has shape {_shape(claim.expr)}, but the function has {f_shape}")
        return
    if claim.wrt not in variables:
        fail(f"a {claim.kind} is taken with respect to {claim.wrt}, which is not a declared variable")
    if claim.vec not in ("F", "C"):
        fail(f"vec order {claim.vec!r} must be 'F' or 'C'")
    wrt = ident.var(claim.wrt.name)
    if wrt.is_scalar and claim.kind not in SCALAR_KINDS:
        fail(f"a {claim.kind} with respect to the scalar {wrt.name} is not supported; state its derivative as "
             f"a gradient (a number)")
    if wrt.is_scalar and claim.kind in ("gradient", "vjp") and getattr(claim.expr, "is_Matrix", False):
        fail(f"the {claim.kind} with respect to the scalar {wrt.name} is a number, but the claim is a matrix "
             f"expression; write a 1×1 product as a trace, tr(…)")
    if not wrt.is_scalar and claim.kind in ("gradient", "vjp") and not getattr(claim.expr, "is_Matrix", False):
        fail(f"the {claim.kind} with respect to the matrix {wrt.name} is written as a scalar expression, but it has "
             f"the shape of {wrt.name}; if {wrt.name} is a number, declare it with scalar({wrt.name!r})")
    if wrt.is_complex and claim.kind in ("jacobian", "hessian"):
        fail(f"a {claim.kind} with respect to the complex {wrt.name} is not supported; state a gradient, a "
             "differential or a VJP")
    if wrt.is_complex and claim.kind == "gradient" and not _manifestly_real(ident.function):
        fail(f"a gradient with respect to the complex {wrt.name} is defined for a real-valued function; write the "
             "function as a real number, for instance its real part re(…)")
    structured = wrt.structure is not None
    if structured and claim.kind in ("jacobian", "hessian"):
        fail(f"a {claim.kind} with respect to the {wrt.structure} variable {wrt.name} is not unique; state a "
             "gradient or a differential")
    if claim.kind in CONVENTION_KINDS and structured and claim.convention not in CONVENTIONS:
        fail(f"the {claim.kind} with respect to the {wrt.structure} variable {wrt.name} must name its convention: "
             + "; ".join(f"convention={k!r} for {w}" for k, w in CONVENTIONS.items()))
    if claim.convention is not None and not (structured and claim.kind in CONVENTION_KINDS):
        fail(f"convention={claim.convention!r} applies to a gradient or VJP with respect to a structured variable; "
             f"{wrt.name} is {'structured' if structured else 'not structured'} and this is a {claim.kind}")
    expected = _expected_shape(claim.kind, claim.wrt, f_shape)
    got = _shape(claim.expr)
    if sp.simplify(sp.Matrix(got) - sp.Matrix(expected)) != sp.zeros(2, 1):
        fail(f"the {claim.kind} with respect to {claim.wrt} has shape {got}, expected {expected}")
    if claim.kind in ("gradient", "hessian") and not ident.is_scalar:
        fail(f"a {claim.kind} needs a scalar function; this one has shape {_shape(ident.function)}")
def _validate_derivation(ident: Identity, declared: set, variables: set, fail) -> None:
    d = ident.derivation
    if not d.steps:
        fail("a derivation needs at least one step")
    for w in d.wrt:
        if w not in variables:
            fail(f"the derivation perturbs {w}, which is not a declared variable")
        if is_scalar(w):
            fail(f"the derivation perturbs the scalar {w}; derivations perturb matrix variables")
        if ident.structure_of(w) is not None and not any(c.wrt == w and c.convention == "sym" for c in ident.claims):
            fail(f"the derivation perturbs the structured variable {w}: its last line is a trace pairing, so it "
                 "needs a claim with convention='sym'")
    allowed = declared | {Differential(w) for w in d.wrt}
    for i, step in enumerate(d.steps, 1):
        stray = _matrix_symbols(step.expr) - allowed
        if stray:
            fail(f"derivation step {i} uses undeclared symbols {sorted(s.name for s in stray)}")
        if not step.reason.strip():
            fail(f"derivation step {i} needs a reason")
        if step.vec is not None and not isinstance(step.expr, sp.Basic):
            fail(f"derivation step {i} is not an expression")
    if ident.several_outputs and ident.derivation_mode != "reverse":
        fail("a derivation of a function with several outputs is written in reverse mode, from "
             "dL = Σₖ⟨Ȳₖ, dYₖ⟩: give a vjp claim for each perturbed variable")
    ident.derivation_targets()  # refuses a perturbed variable without the claim the last line must equal
    if d.order == 2 and not any(c.kind == "gradient" and c.wrt == d.wrt[0] for c in ident.claims):
        fail(f"a second-order derivation needs a gradient claim with respect to {d.wrt[0]}: the second "
             "differential is checked through it")

def _validate(ident: Identity) -> None:
    fail = lambda msg: _fail(ident.id, msg)
    if not isinstance(ident.id, str) or not ID_PATTERN.fullmatch(ident.id):
        fail("ids are lowercase slugs such as 'log-det' (letters, digits, single hyphens)")
    if not ident.title.strip():
        fail("a title is required")
    names = [v.name for v in ident.symbols]
    if len(set(names)) != len(names):
        fail(f"symbol names repeat: {names}")
    declared = {v.symbol for v in ident.symbols}
    dimensions = {s for v in ident.symbols if v.is_matrix for size in v.shape for s in sp.sympify(size).free_symbols}
    for v in ident.symbols:
        _validate_symbol(ident, v, {s.name for s in dimensions})
    scalars = {v.symbol for v in ident.symbols if v.is_scalar}
    for where, expr in _expressions(ident):
        problem = refusal(expr, dimensions | scalars)
        if problem:
            fail(f"{where}: {problem}")
    matrices = {v.symbol for v in ident.symbols if v.is_matrix}
    differentials = {Differential(s) for s in matrices}
    taken = {Differential(s).name: s.name for s in matrices}
    for v in ident.symbols:
        if v.name in taken:
            fail(f"symbol {v.name} has the name of the perturbation of {taken[v.name]}; rename it")
    _validate_outputs(ident, fail)
    unknown = set().union(*(_matrix_symbols(expr) for _, expr in ident.outputs)) - declared
    if unknown:
        fail(f"the function uses undeclared symbols {sorted(s.name for s in unknown)}")
    if not ident.claims:
        fail("at least one claim (gradient, differential, jacobian, hessian, vjp or equal) is required")
    _validate_upstreams(ident, fail)
    variables = {v.symbol for v in ident.symbols if v.role == "variable"}
    for claim in ident.claims:
        _validate_claim(ident, claim, declared, variables, differentials, fail)
    keys = [c.key for c in ident.claims]
    if len(set(keys)) != len(keys):
        fail("two claims of the same kind are taken with respect to the same variable (and vec order, convention "
             "and output): state each derivative once")
    if ident.derivation is not None:
        _validate_derivation(ident, declared, variables, fail)
    names = {}
    everything = sp.Tuple(*(expr for _, expr in ident.outputs), *(c.expr for c in ident.claims),
                          *(s.expr for s in (ident.derivation.steps if ident.derivation else ())))
    for part in sorted(everything.atoms(Named), key=lambda p: p.name):  # str() of a big part is slow
        if part.name in {v.name for v in ident.symbols} or part.name in taken:
            fail(f"the named sub-expression {part.name!r} has the name of a symbol")
        if names.setdefault(part.name, part.expr) != part.expr:
            fail(f"the name {part.name!r} is given to two different sub-expressions")
        if part.symbol.shape != part.expr.shape:
            fail(f"the named sub-expression {part.name!r} is labelled with shape {part.symbol.shape} but has "
                 f"shape {part.expr.shape}")
    for other in ident.see_also:
        if not isinstance(other, str) or not ID_PATTERN.fullmatch(other):
            fail(f"see_also entry {other!r} is not an id")
    _validate_sources(ident, fail)
    for pub in ident.published:
        _validate_published(ident, pub, declared, variables, differentials, fail)


def _validate_published(ident: Identity, pub, declared, variables, differentials, fail) -> None:
    """A printed form is a claim like the others, cited, whose extra conditions the sampler can meet."""
    if not isinstance(pub, Published):
        fail(f"published entry {pub!r} is not published(source, claim, ...)")
    if not isinstance(pub.source, Source) or known_key(pub.source.key):
        fail(f"a published form cites its source with cite(...) or cookbook(...), not {pub.source!r}")
    if pub.claim.kind == "equal":
        fail("a published form is a derivative; an equality is stated with equal() among the claims")
    _validate_claim(ident, pub.claim, declared, variables, differentials, fail)
    if any(c.kind == pub.claim.kind and c.wrt == pub.claim.wrt and c.expr == pub.claim.expr for c in ident.claims):
        fail(f"the published {pub.claim.kind} is the identity's own claim; record only prints that differ")
    for name, condition in pub.holds_when:
        try:
            v = ident.var(name)
        except KeyError:
            fail(f"the published form holds when {name} is {condition}, but there is no symbol {name}")
        try:
            check_combination(tuple(dict.fromkeys(v.conditions + (condition,))), v.is_complex, scalar=v.is_scalar)
        except ValueError as exc:
            fail(f"the published form needs {name} {condition}: {exc}")


def _validate_sources(ident: Identity, fail) -> None:
    """Every identity cites at least one work of the bibliography, by key, with a real locator."""
    if not ident.sources:
        fail("cite at least one source: cite(key, locator) or cookbook(number) from the bibliography")
    for source in ident.sources:
        if not isinstance(source, Source):
            fail(f"source {source!r} is not a citation; write cite(key, locator) or cookbook(number)")
        problem = known_key(source.key)
        if problem:
            fail(f"source {source.key!r}: {problem}")
        if source.equations and source.key != COOKBOOK:
            fail(f"source {source.key!r}: equation numbers are recorded for the Matrix Cookbook only; "
                 "give other works a locator such as 'eq. (5.9)'")
        if any(not isinstance(n, int) or isinstance(n, bool) or n < 1 for n in source.equations):
            fail(f"Matrix Cookbook equation numbers must be positive integers, not {source.equations!r}")
