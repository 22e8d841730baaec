"""Command line: ``python -m identities list | show ID | verify [ID ...] | mutants [ID ...]``.

Exit codes: 0 all good, 1 a verification failed or a mutant survived, 2 bad usage or unknown id.
"""

from __future__ import annotations

import argparse
import signal
import sys

import sympy as sp

from . import all_identities, get, mutants, verify
from .engine.conditions import CONDITIONS
from .engine.forms import definition, forms, where
from .engine.printing import unicode
from .engine.registry import UnknownIdentity

__all__ = ["main"]


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (try --help)\n")


def _resolve(ids: list[str]):
    return [get(i) for i in ids] if ids else list(all_identities())


def _shape(v) -> str:
    rows, cols = v.shape
    return f"{unicode(sp.sympify(rows))}×{unicode(sp.sympify(cols))}"


def cmd_list(_args) -> int:
    idents = all_identities()
    width = max(len(i.id) for i in idents)
    for ident in idents:
        print(f"{ident.id:<{width}}  {ident.family:<12} {ident.title}")
    return 0


def cmd_show(args) -> int:
    ident = get(args.id)
    print(f"{ident.id} — {ident.title}  [{ident.family}]")
    print()
    print("  " + definition(ident)[1])
    for claim in ident.claims:
        for form in forms(ident, claim):
            marker = "  " if form.house else "    "
            print(f"{marker}{form.unicode}      ({form.label})")
    lines = where(ident)
    if lines:
        print("where\n" + "\n".join(f"  {text}" for _, text in lines))
    print("\nsymbols:")
    for v in ident.symbols:
        conds = ", ".join(CONDITIONS[c].words for c in v.conditions)
        print(f"  {v.name:<6} {_shape(v):<8} {v.role:<9} {v.description}" + (f" — {conds}" if conds else ""))
    if ident.derivation is not None:
        print("\nderivation:")
        for k, st in enumerate(ident.derivation.steps, 1):
            print(f"  {k}. {unicode(st.expr)}      ({st.reason})")
    if ident.sources:
        print("\nsources:\n" + "\n".join(f"  {s}" for s in ident.sources))
    if ident.see_also:
        print("\nsee also: " + ", ".join(ident.see_also))
    if ident.aliases:
        print("aliases: " + ", ".join(ident.aliases))
    return 0


def cmd_verify(args) -> int:
    idents = _resolve(args.ids)
    width = max(len(i.id) for i in idents)
    failed = 0
    print(f"{'id':<{width}}  {'result':<6}  {'checks':>6}  {'method':<32} {'sizes':<44} max error")
    for ident in idents:
        report = verify(ident, seed=args.seed)
        failed += not report.ok
        sizes = " | ".join(report.sizes)
        print(f"{ident.id:<{width}}  {'ok' if report.ok else 'FAILED':<6}  {len(report.rows):>6}  "
              f"{', '.join(report.methods):<32} {sizes:<44} {report.max_rel_error:.1e}")
        if args.verbose or not report.ok:
            for row in report.rows if args.verbose else report.failures:
                print(f"    {'ok ' if row.ok else 'BAD'} {row.what} — {row.method}, err {row.rel_error:.1e} {row.detail}")
    print(f"\n{len(idents) - failed} of {len(idents)} identities verified (seed {args.seed})")
    return 1 if failed else 0


def cmd_mutants(args) -> int:
    idents = _resolve(args.ids)
    survivors = 0
    for ident in idents:
        report = mutants(ident, seed=args.seed)
        survivors += len(report.survivors)
        if args.verbose:
            print(report)
        else:
            print(f"{ident.id}: {len(report.killed)} killed, {len(report.equivalent)} equivalent, "
                  f"{len(report.survivors)} survived")
            for m in report.equivalent + report.survivors:
                print(f"    {m.status}: {m.description} → {unicode(m.expr)} ({m.reason})")
    return 1 if survivors else 0


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m identities", description="The matrix-calculus identity catalog.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("list", help="list every identity").set_defaults(run=cmd_list)
    show = sub.add_parser("show", help="show one identity: statement, layouts, shapes, conditions, sources")
    show.add_argument("id")
    show.set_defaults(run=cmd_show)
    for name, run, text in (("verify", cmd_verify, "verify identities (all when none is named)"),
                            ("mutants", cmd_mutants, "check that each identity's classic wrong versions fail")):
        p = sub.add_parser(name, help=text)
        p.add_argument("ids", nargs="*", metavar="ID")
        p.add_argument("--seed", type=int, default=0, help="seed of the random draws (default 0)")
        p.add_argument("-v", "--verbose", action="store_true", help="print every row")
        p.set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):  # `python -m identities show … | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except UnknownIdentity as exc:
        print(f"python -m identities: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
