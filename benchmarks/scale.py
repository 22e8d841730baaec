"""How the docs build, verification and the test suite scale with the size of the catalog.

    python benchmarks/scale.py                           # the catalog as it is, 300 and 1,000 identities
    python benchmarks/scale.py --sizes 300 --steps build noop edit
    python benchmarks/scale.py --write                   # also put the table into docs/performance.md

For each size the repository (its tracked and not-ignored files, as they are in the working tree) is
copied into a temporary folder, and identity modules are copied under new ids (``<id>-copy2``,
``<id>-copy3``, ...) until the catalog has that many identities (published, with fingerprints, as
new ids are); a size below the catalog's is refused, since removing identities would break the links
of the others. Then the README's commands run
there, through the Makefile and with this checkout's virtual environment:

``build``   ``make docs`` into an empty output folder, no verification record kept yet (a fresh clone)
``warm``    ``make docs`` into another empty output folder, the records that build kept now at hand
``noop``    ``make docs`` again with nothing changed: how long, and how many documents are read again
``edit``    one identity's docstring changed, ``make docs`` again
``verify``  ``make verify``, no record kept yet
``test``    ``make test``, no record kept yet

Where the engine keeps verification records on disk (``IDENTITIES_CACHE``), each cold step gets an
empty folder of its own; an engine without such records computes everything every time, and then
``warm`` costs what ``build`` does.

Each step reports wall-clock seconds and the CPU seconds of the command and everything it waited for;
on a shared machine the CPU time is the steadier of the two. A step that fails is reported as failed,
not timed. Nothing here asserts a time: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = (ROOT / ".venv").resolve()  # resolved: a linked environment would confuse relative paths
PAGE = ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- scale table: begin -->", "<!-- scale table: end -->"
STEPS = ("build", "warm", "noop", "edit", "verify", "test")
#: The environment variable that tells the engine where to keep its verification records.
CACHE_VARIABLE = "IDENTITIES_CACHE"
SIZES = (300, 1000)   # after the catalog as it is
#: The docs build's flags as ``make docs`` passes them, without ``-q``: the progress lines say what was read.
SPHINXOPTS = "-W --keep-going -n"
COPY_SUFFIX = "-copy{n}"
#: Sub-packages of identities/ that hold no identities (NOT_FAMILIES of identities/engine/registry.py,
#: written out: this script runs without importing the package).
NOT_FAMILIES = frozenset({"engine", "lookup"})
REPLICA = '''

# Replicated by benchmarks/scale.py: the same identity under a new id, title and aliases.
import dataclasses as _dataclasses

IDENTITY = _dataclasses.replace(
    IDENTITY, id=IDENTITY.id + {suffix!r}, title=IDENTITY.title + {title!r},
    aliases=tuple(alias + {title!r} for alias in IDENTITY.aliases))
'''


@dataclasses.dataclass
class Timing:
    """One step: wall-clock and CPU seconds, whether it succeeded, and what it said about itself."""

    wall: float
    cpu: float
    ok: bool
    note: str = ""


def copy_repository(dest: Path) -> None:
    """The working tree's tracked and untracked, not ignored, files, and KaTeX's npm folder (copied, not
    linked: an ``npm ci`` in the copy must not empty this checkout's)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, check=True,
                            capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    katex = ROOT / "docs" / "_katex" / "node_modules"
    if not katex.is_dir():
        sys.exit(f"KaTeX is not installed in {katex.parent}: run `make docs-assets` first")
    shutil.copytree(katex, dest / "docs" / "_katex" / "node_modules", symlinks=True)


def identity_modules(root: Path) -> list[Path]:
    """The catalog's identity modules, in the registry's order (family folder, then module name)."""
    package = root / "identities"
    families = sorted(p for p in package.iterdir() if (p / "__init__.py").is_file() and p.name not in NOT_FAMILIES)
    return [m for f in families for m in sorted(f.glob("*.py")) if not m.name.startswith("_")]


def replicate(root: Path, size: int) -> int:
    """Copy identity modules under new ids until the catalog has ``size`` identities; return the count."""
    originals = identity_modules(root)
    published = root / "identities" / "published_ids.txt"
    new_ids = []
    for k in range(max(0, size - len(originals))):
        module, n = originals[k % len(originals)], k // len(originals) + 2
        suffix = COPY_SUFFIX.format(n=n)
        copy = module.with_name(f"{module.stem}_copy{n}.py")
        copy.write_text(module.read_text(encoding="utf-8") + REPLICA.format(suffix=suffix, title=f" (copy {n})"),
                        encoding="utf-8")
        original_id = re.search(r'^\s*id="([^"]+)"', module.read_text(encoding="utf-8"), re.M).group(1)
        new_ids.append(original_id + suffix)
    with published.open("a", encoding="utf-8") as out:
        out.writelines(f"{i}\n" for i in new_ids)
    if new_ids:   # publish the copies as an author publishes new ids, so that the id checks pass there too
        subprocess.run([str(VENV / "bin" / "python"), "-m", "identities", "ids", "--update"], cwd=root, check=True,
                       stdout=subprocess.DEVNULL)
    return max(size, len(originals))


def run(command: list[str], cwd: Path, log: Path, env: dict) -> Timing:
    """Run one command, its output into ``log``; wall and CPU seconds of it and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    with open(log, "w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu, done.returncode == 0)


def documents_read(log: Path) -> int:
    """How many documents a build read, from Sphinx's "updating environment" line."""
    text = log.read_text(encoding="utf-8")
    found = re.search(r"updating environment: .*?(\d+) added, (\d+) changed, (\d+) removed", text)
    return int(found.group(1)) + int(found.group(2)) if found else -1


def edit_one_identity(root: Path) -> Path:
    """Change the first sentence of one identity's docstring, as an author would."""
    module = identity_modules(root)[0]
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace('"""', '"""Edited for the benchmark. ', 1), encoding="utf-8")
    return module


def measure(size: int, steps: list[str], sphinxopts: str, keep: bool) -> tuple[int, dict[str, Timing]]:
    work = Path(tempfile.mkdtemp(prefix=f"scale-{size}-"))
    results: dict[str, Timing] = {}
    try:
        repo = work / "repo"
        repo.mkdir()
        copy_repository(repo)
        count = replicate(repo, size)
        logs = work / "logs"
        logs.mkdir()
        html = work / "html"  # the output folder of the last full build, which noop and edit build again
        for step in STEPS:
            if step not in steps:
                continue
            if step in ("warm", "noop", "edit") and not results.get("build", Timing(0, 0, False)).ok:
                continue
            if step == "edit":
                edit_one_identity(repo)
            # cold steps get an empty record folder; warm, noop and edit reuse the one the build filled
            records = work / ("records-docs" if step in ("build", "warm", "noop", "edit") else f"records-{step}")
            if step == "warm":
                html = work / "html-warm"
            env = {**os.environ, "PYTHONPATH": str(repo), CACHE_VARIABLE: str(records)}
            # STAMP= and KATEX=: use this checkout's environment and KaTeX, install nothing in the copy
            make = ["make", "--no-print-directory", "-C", str(repo), f"VENV={VENV}", "STAMP=", "KATEX=",
                    f"SPHINXOPTS={sphinxopts}", f"HTML={html}"]
            target = "docs" if step in ("build", "warm", "noop", "edit") else step
            log = logs / f"{step}.log"
            timing = run([*make, target], repo, log, env)
            if target == "docs":
                timing.note = f"{documents_read(log)} read"
            elif step == "test":
                summary = re.findall(r"=+ (.*(?:passed|failed|error).*) in [\d.]+s", log.read_text(encoding="utf-8"))
                timing.note = summary[-1] if summary else ""
            results[step] = timing
            state = "ok" if timing.ok else f"FAILED (see {log})"
            print(f"  {size:>5} {step:<7} {timing.wall:7.1f} s wall {timing.cpu:7.1f} s cpu  {timing.note}  {state}",
                  flush=True)
        return count, results
    finally:
        if keep:
            print(f"  kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def cell(t: Timing | None, per: int | None = None) -> str:
    if t is None:
        return "not measured"
    if not t.ok:
        return "failed"
    text = f"{t.wall:.1f} s ({t.cpu:.0f} s CPU)"
    if per:
        text += f", {t.wall / per:.2f} s/identity"
    return text + (f"; {t.note}" if t.note else "")


def table(rows: list[tuple[int, dict[str, Timing]]]) -> str:
    head = ("| identities | full docs build (fresh clone) | again, records kept | no-op rebuild | "
            "one identity edited | `make verify` | `make test` |\n|---:|---|---|---|---|---|---|\n")
    lines = [f"| {n} | {cell(r.get('build'), n)} | {cell(r.get('warm'), n)} | {cell(r.get('noop'))} | "
             f"{cell(r.get('edit'))} | {cell(r.get('verify'))} | {cell(r.get('test'))} |" for n, r in rows]
    return head + "\n".join(lines) + "\n"


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        model = names[0] if names else model
    import sphinx
    return (f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, Sphinx {sphinx.__version__}, "
            f"{datetime.date.today().isoformat()}; load average {os.getloadavg()[0]:.1f} at the start")


def write_page(text: str) -> None:
    page = PAGE.read_text(encoding="utf-8")
    start, end = page.index(BEGIN) + len(BEGIN), page.index(END)
    PAGE.write_text(page[:start] + "\n" + text + page[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=None,
                        help=f"catalog sizes to measure (default: the catalog as it is, then {', '.join(map(str, SIZES))})")
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS), help="what to measure")
    parser.add_argument("--sphinxopts", default=SPHINXOPTS, help=f"sphinx-build flags (default {SPHINXOPTS!r})")
    parser.add_argument("--write", action="store_true", help=f"put the table into {PAGE.relative_to(ROOT)}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary copies (their logs)")
    args = parser.parse_args(argv)
    if not (VENV / "bin" / "python").is_file():
        sys.exit(f"no virtual environment at {VENV}: run `make .venv/.installed docs-assets` first")
    command = "python benchmarks/scale.py " + " ".join(sys.argv[1:] if argv is None else argv)
    about = machine()
    now = len(identity_modules(ROOT))
    sizes = args.sizes if args.sizes is not None else [now, *(n for n in SIZES if n > now)]
    if min(sizes) < now:
        parser.error(f"the catalog already has {now} identities; a smaller one would need identities removed, "
                     f"which breaks the links of the others: choose sizes of {now} or more")
    rows = [measure(size, args.steps, args.sphinxopts, args.keep) for size in sizes]
    text = f"Measured with `{command.strip()}` on {about}.\n\n{table(rows)}"
    print(text)
    if args.write:
        write_page(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
