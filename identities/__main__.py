"""Command line: ``python -m identities list | show ID | verify [ID ...] | mutants [ID ...] | cookbook | ids |
export | conventions | find QUERY``.

``verify`` and ``mutants`` take ``-j N`` to check N identities at a time in separate processes
(``-j 0``: one per core); the output is the same, in the same order, whatever N.

Exit codes:

- 0: everything asked for is fine (every identity verified, every wrong version rejected, something found);
- 1: a verification failed, a mutant survived, a check could not decide, or ``find`` found nothing;
  ``ids``: a published id or statement broke its promise (each fault is one line on stdout);
  ``export``: the catalog is written, but an identity's verification record says it failed;
- 2: bad usage: an unknown command, option or id, a negative seed or job count, a formula that cannot
  be read (one line on stderr, naming the column);
- 3: a catalog module is broken (a syntax error, an exception at import, an inconsistent
  definition): one line on stderr naming its file and line; or the data of the Cookbook map is
  inconsistent (one line naming the file and the equation).

No user error prints a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import sympy as sp

from . import all_identities, get, mutants, verify
from .engine import cookbook
from .engine.conditions import CONDITIONS
from .engine.forms import definitions, forms, where
from .engine.printing import unicode
from .engine.sources import citation
from .engine.record import DefinitionError
from .engine.registry import UnknownIdentity

__all__ = ["main", "EXIT_OK", "EXIT_FAILED", "EXIT_USAGE", "EXIT_BROKEN_CATALOG"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_BROKEN_CATALOG = 0, 1, 2, 3
PROG = "python -m identities"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (try --help)\n")


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a non-negative integer, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a non-negative integer, got {text!r}")
    return value


def _resolve(ids: list[str]):
    return [get(i) for i in ids] if ids else list(all_identities())


def _shape(v) -> str:
    if v.is_scalar:
        return "scalar"
    rows, cols = v.shape
    return f"{unicode(sp.sympify(rows))}×{unicode(sp.sympify(cols))}"


def _report_in_worker(command: str, identity_id: str, seed: int):
    return (verify if command == "verify" else mutants)(get(identity_id), seed)


def _reports(command: str, idents, seed: int, jobs: int):
    """The reports of *idents* in their order, computed *jobs* at a time (0: one per core)."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(idents) < 2:
        for ident in idents:
            yield _report_in_worker(command, ident.id, seed)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(idents))) as pool:
        yield from pool.map(_report_in_worker, [command] * len(idents), [i.id for i in idents],
                            [seed] * len(idents))


def cmd_list(_args) -> int:
    idents = all_identities()
    width = max(len(i.id) for i in idents)
    for ident in idents:
        print(f"{ident.id:<{width}}  {ident.family:<12} {ident.title}")
    return EXIT_OK


def cmd_show(args) -> int:
    ident = get(args.id)
    print(f"{ident.id} — {ident.title}  [{ident.family}]")
    print()
    for _, line in definitions(ident):
        print("  " + line)
    for claim in ident.claims:
        for form in forms(ident, claim):
            marker = "  " if form.house else "    "
            print(f"{marker}{form.unicode}      ({form.label})")
    lines = where(ident)
    if lines:
        print("where\n" + "\n".join(f"  {text}" for _, text in lines))
    print("\nsymbols:")
    for v in ident.symbols:
        conds = ", ".join((["complex"] if v.is_complex else []) + ([f"{v.structure} structure"] if v.structure else [])
                          + [CONDITIONS[c].words for c in v.conditions])
        print(f"  {v.name:<6} {_shape(v):<8} {v.role:<9} {v.description}" + (f" — {conds}" if conds else ""))
    if ident.derivation is not None:
        print("\nderivation:")
        for k, st in enumerate(ident.derivation.steps, 1):
            print(f"  {k}. {unicode(st.expr)}      ({st.reason})")
    if ident.sources:
        print("\nsources:\n" + "\n".join(f"  {citation(s)}" for s in ident.sources))
    if ident.see_also:
        print("\nsee also: " + ", ".join(ident.see_also))
    if ident.aliases:
        print("aliases: " + ", ".join(ident.aliases))
    return EXIT_OK


def cmd_verify(args) -> int:
    idents = _resolve(args.ids)
    width = max(len(i.id) for i in idents)
    failed = 0
    start = time.perf_counter()
    print(f"{'id':<{width}}  {'result':<6}  {'checks':>6}  {'method':<32} {'sizes':<44} max error")
    for ident, report in zip(idents, _reports("verify", idents, args.seed, args.jobs)):
        failed += not report.ok
        sizes = " | ".join(report.sizes)
        print(f"{ident.id:<{width}}  {'ok' if report.ok else 'FAILED':<6}  {len(report.rows):>6}  "
              f"{', '.join(report.methods):<32} {sizes:<44} {report.max_rel_error:.1e}")
        if args.verbose or not report.ok:
            for row in report.rows if args.verbose else report.failures:
                print(f"    {'ok ' if row.ok else 'BAD'} {row.what} — {row.method}, err {row.rel_error:.1e} {row.detail}")
    print(f"\n{len(idents) - failed} of {len(idents)} identities verified (seed {args.seed})")
    processes = args.jobs or os.cpu_count()   # the time apart, on stderr: stdout is the same for any -j
    print(f"verified in {time.perf_counter() - start:.1f} s with {processes} process{'es' if processes > 1 else ''}",
          file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_mutants(args) -> int:
    idents = _resolve(args.ids)
    failed = 0
    for report in _reports("mutants", idents, args.seed, args.jobs):
        failed += not report.ok
        if args.verbose:
            print(report)
        else:
            print(report.summary)
            for m in report.equivalent + report.failures:
                print(f"    {m.status}: {m.description} → {unicode(m.expr)} ({m.reason})")
    return EXIT_FAILED if failed else EXIT_OK


def _cookbook_rows(idents):
    stated = cookbook.stated_by(idents)
    return [(eq, stated.get(n, ())) for n, eq in cookbook.equations().items()]


def cmd_cookbook(args) -> int:
    idents = all_identities()
    rows = _cookbook_rows(idents)
    missing = cookbook.unmapped(idents)
    uncited = sorted(set(cookbook.stated_by(idents)) - set(cookbook.equations()))
    if args.json:
        print(json.dumps({
            "edition": cookbook.EDITION,
            "equations": [{"number": eq.number, "section": eq.section, "statement": eq.statement,
                           "real_derivative": eq.real_derivative, "confirmed": eq.confirmed,
                           "confirmed_by": list(eq.confirmed_by), "left_out": eq.left_out, "note": eq.note or None,
                           "identities": list(ids)} for eq, ids in rows],
            "identities": {i: list(ns) for i, ns in cookbook.by_identity(idents).items()},
            "not_yet_stated": list(missing),
            "cited_but_not_in_the_map": uncited,
        }, ensure_ascii=False, indent=1))
        return EXIT_OK
    chapter = [(eq, ids) for eq, ids in rows if eq.number in cookbook.CHAPTER]
    stated = sum(bool(ids) for _, ids in chapter)
    left = sum(eq.left_out is not None and not ids for eq, ids in chapter)
    print(f"{cookbook.EDITION}; derivative chapter ({cookbook.CHAPTER[0]})–({cookbook.CHAPTER[-1]}): {stated} stated "
          f"by an identity, {left} left out with a reason, {len(missing)} real derivatives not yet stated")
    print("  mark: ✓ number and content confirmed in a source that prints the numbers; ? not confirmed\n")
    print("equation → identities")
    for eq, ids in rows:
        mark = "✓" if eq.confirmed else "?"
        print(f"  {eq.label:>5} {mark} {eq.section:<7} {eq.statement}")
        if eq.note:
            print(f"{'':18}note: {eq.note}")
        if ids:
            print(f"{'':18}→ {', '.join(ids)}")
        elif eq.left_out is not None:
            print(f"{'':18}left out: {eq.left_out}")
        elif eq.number in missing:
            print(f"{'':18}not yet stated by an identity")
    print("\nidentity → equations")
    mapping = cookbook.by_identity(idents)
    width = max((len(i) for i in mapping), default=0)
    for ident_id, numbers in mapping.items():
        print(f"  {ident_id:<{width}}  {', '.join(f'({n})' for n in numbers)}")
    for n in uncited:
        print(f"\nwarning: ({n}) is cited by {', '.join(cookbook.stated_by(idents)[n])} but is not in "
              f"{cookbook.DATA.name}", file=sys.stderr)
    return EXIT_OK


def cmd_ids(args) -> int:
    from . import ids
    if args.show:
        ident = get(args.show)
        print(f"{ident.id} {ids.fingerprint(ident)}")
        print(ids.statement(ident), end="")
        return EXIT_OK
    if args.update:
        new, printed = ids.update()
        for identity_id in new:
            print(f"published {identity_id}")
        for identity_id in printed:
            print(f"fingerprinted {identity_id}")
    faults = ids.problems()
    for fault in faults:
        print(fault)
    if not faults:
        count = len(ids.published())
        print(f"{count} published ids: each resolves, and each statement matches its fingerprint and changelog")
    return EXIT_FAILED if faults else EXIT_OK


def cmd_export(args) -> int:
    from . import export
    from .edition import edition
    document = export.catalog(edition().url if args.base_url is None else args.base_url)
    text = export.dumps(document)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        try:
            with open(args.output, "w", encoding="utf-8") as out:
                out.write(text)
        except OSError as exc:
            print(f"{PROG}: error: cannot write {args.output}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    failed = [i["id"] for i in document["identities"] if not i["verification"]["ok"]]
    if failed:
        print(f"{PROG}: exported, but verification failed for {', '.join(failed)}", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def cmd_conventions(args) -> int:
    from . import conventions
    sys.stdout.write(conventions.paragraph(args.layout, args.vec))
    return EXIT_OK


def cmd_find(args) -> int:
    from .lookup import ParseError, find
    text = " ".join(args.query)
    try:
        results = find(text)
    except ParseError as exc:
        print(f"{PROG} find: error: cannot read {text!r} as a formula: {exc} "
              "(plain words are searched as words)", file=sys.stderr)
        return EXIT_USAGE
    results = results[:args.limit] if args.limit else results
    if args.json:
        print(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=1))
    else:
        width = max((len(r.name) for r in results), default=0)
        for r in results:
            print(f"{r.name:<{width}}  {r.title} — {r.why}")
    if not results:
        print(f"{PROG} find: nothing matches {text!r}", file=sys.stderr)
    return EXIT_OK if results else EXIT_FAILED


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="The matrix-calculus identity catalog.",
                     epilog="exit codes: 0 all good; 1 a verification failed, a mutant survived or a check could "
                            "not decide; 2 bad usage; 3 a broken catalog module (its file and line are named)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("list", help="list every identity").set_defaults(run=cmd_list)
    show = sub.add_parser("show", help="show one identity: statement, layouts, shapes, conditions, sources")
    show.add_argument("id")
    show.set_defaults(run=cmd_show)
    for name, run, text in (("verify", cmd_verify, "verify identities (all when none is named)"),
                            ("mutants", cmd_mutants, "check that each identity's classic wrong versions fail")):
        p = sub.add_parser(name, help=text)
        p.add_argument("ids", nargs="*", metavar="ID")
        p.add_argument("--seed", type=_non_negative, default=0, help="seed of the random draws (default 0)")
        p.add_argument("-j", "--jobs", type=_non_negative, default=1, metavar="N",
                       help="check N identities at a time, in separate processes (0: one per core; default 1)")
        p.add_argument("-v", "--verbose", action="store_true", help="print every row")
        p.set_defaults(run=run)
    book = sub.add_parser("cookbook", help="the Matrix Cookbook map: each equation (33)–(144) and the identities "
                                           "that state it, and each identity's equations")
    book.add_argument("--json", action="store_true", help="print the map as JSON")
    book.set_defaults(run=cmd_cookbook)
    ids = sub.add_parser("ids", help="check that every published id resolves and keeps its statement",
                         description="Check the published ids: each resolves, and each statement matches its "
                                     "fingerprint as carried through changelog.toml.")
    what = ids.add_mutually_exclusive_group()
    what.add_argument("--update", action="store_true",
                      help="first publish new ids and append the fingerprints of ids that have none "
                           "(an existing fingerprint is never changed)")
    what.add_argument("--show", metavar="ID", help="print the canonical statement of ID and its fingerprint")
    ids.set_defaults(run=cmd_ids)
    export = sub.add_parser("export", help="write the whole catalog as data (JSON, following "
                                           "identities/catalog.schema.json)")
    export.add_argument("--format", choices=["json"], default="json", help="the format (default json)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--base-url", default=None, metavar="URL",
                        help="the handbook's address that each identity's url starts with (default: the one in "
                             "pyproject.toml, as on the site; '' for relative urls)")
    export.set_defaults(run=cmd_export)
    conv = sub.add_parser("conventions", help="print a paragraph stating a paper's conventions, to paste into it",
                          description="Print a ready-to-paste LaTeX paragraph stating the layout, vec order and "
                                      "Hessian a paper uses, with worked examples from the catalog and a citation.")
    conv.add_argument("--latex", action="store_true", required=True, help="print LaTeX (the one form so far)")
    conv.add_argument("--layout", choices=["numerator", "denominator"], default="numerator",
                      help="Jacobians with a row per output (numerator, the default) or a column (denominator)")
    conv.add_argument("--vec", choices=["column", "row"], default="column",
                      help="vec stacks columns (the default) or rows")
    conv.set_defaults(run=cmd_conventions)
    find = sub.add_parser("find", help="find identities by a formula (tr(X^T A X), X^{-T}, d(X^-1), ∇_X log det X) "
                                       "or by words (log det, Cookbook 57, numerator layout)")
    find.add_argument("query", nargs="+", help="a formula in ASCII, NumPy, LaTeX or Unicode, or words")
    find.add_argument("--json", action="store_true", help="print the results as JSON")
    find.add_argument("-n", "--limit", type=_non_negative, default=10, metavar="N",
                      help="print the best N results (0: all; default 10)")
    find.set_defaults(run=cmd_find)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line on *argv*; the exit code.  The process's signal handling is left alone,
    so that other programs (and tests) can call it in-process."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except UnknownIdentity as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except cookbook.CookbookDataError as exc:
        print(f"{PROG}: error: broken Cookbook map: {exc}", file=sys.stderr)
        return EXIT_BROKEN_CATALOG
    except DefinitionError as exc:
        print(f"{PROG}: error: broken catalog module: {exc}", file=sys.stderr)
        return EXIT_BROKEN_CATALOG
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


def cli() -> int:
    """The program's entry point (``python -m identities``, the ``identities`` script): as a command's
    should, it ends quietly when the reader of its output goes away (``python -m identities list | head``)
    — a closed pipe kills it, where Python's default would raise BrokenPipeError.  Only here: a
    process that calls ``main`` keeps its own handling (a server in it must survive a closed socket)."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    return main()


if __name__ == "__main__":
    sys.exit(cli())
