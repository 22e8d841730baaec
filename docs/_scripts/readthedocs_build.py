"""Run the Read the Docs recipe (.readthedocs.yaml) here, step by step, as Read the Docs runs it.

    python docs/_scripts/readthedocs_build.py [--canonical-url URL] [--dry-run]      (or `make readthedocs`)

Reads .readthedocs.yaml at the root of the checkout this file is in and runs its steps in order: a new
virtual environment, each ``python.install`` (``pip install .[docs]``, not editable), the ``build.jobs``
(KaTeX with ``npm ci``), then Sphinx the way Read the Docs calls it, from the configuration's folder, with
``-W --keep-going`` when ``fail_on_warning`` is set. Everything goes into ``_readthedocs/`` (the
environment, the doctrees, and the site in ``_readthedocs/html``; emptied first), as on Read the Docs, so that a
recipe that works here, in a fresh clone, works there. ``--canonical-url`` sets the address Read the
Docs would give the build (READTHEDOCS_CANONICAL_URL); without it the site takes pyproject.toml's.

Read the Docs' own versions of Python and Node.js (``build.tools``) are printed beside the local ones;
the local ones are used. Keys of the recipe that this script does not know stop it before anything
runs: a step it skipped would make a build here prove nothing about the build there.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RECIPE = ROOT / ".readthedocs.yaml"
#: Read the Docs' output folder in the checkout (READTHEDOCS_OUTPUT); the site is its html/ folder.
OUTPUT = "_readthedocs"
#: build.jobs in the order Read the Docs runs them around its own steps (environment, install, build).
JOBS_BEFORE_ENVIRONMENT = ("post_checkout", "pre_system_dependencies", "post_system_dependencies",
                           "pre_create_environment")
JOBS_BEFORE_INSTALL = ("post_create_environment", "pre_install")
JOBS_BEFORE_BUILD = ("post_install", "pre_build")
JOBS_AFTER_BUILD = ("post_build",)
KNOWN = {
    "": {"version", "build", "python", "sphinx"},
    "build": {"os", "tools", "jobs"},
    "build.jobs": {*JOBS_BEFORE_ENVIRONMENT, *JOBS_BEFORE_INSTALL, *JOBS_BEFORE_BUILD, *JOBS_AFTER_BUILD},
    "python": {"install"},
    "sphinx": {"configuration", "fail_on_warning", "builder"},
}


class RecipeError(Exception):
    """The recipe asks for something this script does not do as Read the Docs would."""


@dataclass(frozen=True)
class Step:
    """One command of the recipe: an argument list, or a shell line (a ``build.jobs`` entry)."""

    what: str
    command: list[str] | str
    cwd: Path = ROOT

    def shown(self) -> str:
        return self.command if isinstance(self.command, str) else shlex.join(self.command)


@dataclass(frozen=True)
class Plan:
    steps: list[Step]
    tools: dict[str, str] = field(default_factory=dict)  # build.tools: Read the Docs' versions
    output: Path = ROOT / OUTPUT


def _check_keys(recipe: dict) -> None:
    for where, known in KNOWN.items():
        section = recipe
        for part in filter(None, where.split(".")):
            section = section.get(part) or {}
        unknown = sorted(set(section) - known)
        if unknown:
            raise RecipeError(f"{RECIPE.name} has {', '.join(unknown)} under {where or 'the top level'}, which "
                              f"this script does not run: teach it to, so that a build here matches Read the Docs'")


def plan(recipe: dict, root: Path = ROOT, python: str = sys.executable) -> Plan:
    """The steps of the recipe, in the order Read the Docs runs them, with ``root`` as the checkout."""
    _check_keys(recipe)
    if recipe.get("version") != 2:
        raise RecipeError(f"{RECIPE.name} must say `version: 2`, the format this script reads")
    output = root / OUTPUT
    venv = output / "venv"
    bin_python = str(venv / "bin" / "python")
    jobs = (recipe.get("build") or {}).get("jobs") or {}

    def job_steps(names) -> list[Step]:
        return [Step(f"build.jobs.{name}", line, root) for name in names for line in jobs.get(name, [])]

    steps = job_steps(JOBS_BEFORE_ENVIRONMENT)
    steps.append(Step("create the environment", [python, "-m", "venv", str(venv)], root))
    steps += job_steps(JOBS_BEFORE_INSTALL)
    for entry in (recipe.get("python") or {}).get("install", []):
        if entry.get("method", "pip") != "pip" or "path" not in entry:
            raise RecipeError(f"{RECIPE.name}: only `method: pip` with a `path` is run here, not {entry}")
        extras = entry.get("extra_requirements") or []
        target = entry["path"] + (f"[{','.join(extras)}]" if extras else "")
        steps.append(Step("python.install", [bin_python, "-m", "pip", "install", "--quiet", target], root))
    steps += job_steps(JOBS_BEFORE_BUILD)
    sphinx = recipe.get("sphinx") or {}
    if sphinx.get("builder", "html") != "html":
        raise RecipeError(f"{RECIPE.name}: only the html builder is run here, not {sphinx['builder']}")
    configuration = root / sphinx.get("configuration", "docs/conf.py")
    if not configuration.is_file():
        raise RecipeError(f"{RECIPE.name} names {configuration.relative_to(root)}, which does not exist")
    strict = ["-W", "--keep-going"] if sphinx.get("fail_on_warning") else []
    steps.append(Step("sphinx", [bin_python, "-m", "sphinx", "-T", *strict, "-b", "html", "-d",
                                 str(output / "doctrees"), "-D", "language=en", ".", str(output / "html")],
                      configuration.parent))
    steps += job_steps(JOBS_AFTER_BUILD)
    return Plan(steps, dict((recipe.get("build") or {}).get("tools") or {}), output)


def environment(plan_: Plan, canonical_url: str | None) -> dict[str, str]:
    """The variables Read the Docs sets that the build reads; the new environment's bin/ first on PATH."""
    env = {**os.environ, "READTHEDOCS": "True", "READTHEDOCS_OUTPUT": str(plan_.output),
           "PATH": f"{plan_.output / 'venv' / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("VIRTUAL_ENV", None)
    if canonical_url:
        env["READTHEDOCS_CANONICAL_URL"] = canonical_url
    else:
        env.pop("READTHEDOCS_CANONICAL_URL", None)
    return env


def _local_tools() -> str:
    try:
        node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip() or "none"
    except OSError:
        node = "none"
    return f"python {sys.version.split()[0]}, nodejs {node}"


def run(plan_: Plan, canonical_url: str | None) -> int:
    env = environment(plan_, canonical_url)
    shutil.rmtree(plan_.output, ignore_errors=True)  # Read the Docs starts from nothing, and so does this
    print(f"Read the Docs' tools: {', '.join(f'{k} {v}' for k, v in plan_.tools.items())}; here: {_local_tools()}")
    start = time.monotonic()
    for step in plan_.steps:
        print(f"[{time.monotonic() - start:6.0f} s] {step.what}: {step.shown()}", flush=True)
        shell = isinstance(step.command, str)
        result = subprocess.run(["bash", "-c", step.command] if shell else step.command, cwd=step.cwd, env=env)
        if result.returncode != 0:
            print(f"{step.what} failed (exit code {result.returncode})", file=sys.stderr)
            return result.returncode
    print(f"[{time.monotonic() - start:6.0f} s] the site is in {plan_.output / 'html'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--canonical-url", help="the address Read the Docs would serve the build at")
    parser.add_argument("--dry-run", action="store_true", help="print the steps without running them")
    args = parser.parse_args(argv)
    try:
        import yaml
    except ImportError:
        print("PyYAML reads .readthedocs.yaml: run this with a Python that has it (`pip install pyyaml`, or the "
              "project's .venv/bin/python, which `make readthedocs` uses)", file=sys.stderr)
        return 2
    try:
        plan_ = plan(yaml.safe_load(RECIPE.read_text(encoding="utf-8")))
    except RecipeError as error:
        print(error, file=sys.stderr)
        return 2
    if args.dry_run:
        for step in plan_.steps:
            print(f"{step.what} (in {step.cwd}): {step.shown()}")
        return 0
    return run(plan_, args.canonical_url)


if __name__ == "__main__":
    sys.exit(main())
