"""The package's import graph has no cycle: each layer imports only the layers below it.

The graph is read from the source, imports inside functions included (a lazy import that closes a
circle is still a circle: the data model would know the layer that checks it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import identities

PACKAGE_ROOT = Path(identities.__file__).resolve().parent


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path) -> dict[str, set[str]]:
    """For every module under *root* (a package folder), the modules of the same package it imports."""
    files = {module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                # `from pkg import name` imports the submodule pkg.name when there is one, else pkg
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            else:
                continue
            edges |= {t for t in targets if t in files and t != name}
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a list of modules (first == last), or None."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start)
            if found:
                return found
    return None


def test_the_package_import_graph_has_no_cycle():
    graph = import_graph(PACKAGE_ROOT)
    assert "identities.engine.record" in graph and graph["identities.engine.verify"], "the graph was not read"
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " → ".join(cycle)


def test_the_record_imports_nothing_that_checks_it():
    below = import_graph(PACKAGE_ROOT)["identities.engine.record"]
    assert not below & {"identities.engine.verify", "identities.engine.mutants", "identities.engine.checks"}


def test_a_lazy_import_that_closes_a_circle_is_found(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "record.py").write_text("def later():\n    from .verify import check\n")
    (pkg / "sub" / "verify.py").write_text("from pkg.sub.record import later\n\ndef check(): ...\n")
    (pkg / "top.py").write_text("from .sub import record\n")
    graph = import_graph(pkg)
    assert graph["pkg.top"] == {"pkg.sub.record"}
    assert find_cycle(graph) in (["pkg.sub.record", "pkg.sub.verify", "pkg.sub.record"],
                                 ["pkg.sub.verify", "pkg.sub.record", "pkg.sub.verify"])
