"""The classic mistakes generated for a few identities, pinned: a mutation operator that stops firing,
fires elsewhere, or writes its mistake differently changes this list.

The list is ``tests/golden/mutants.txt``.  After an intended change to the mutation operators,
review the difference the failing test prints, then rewrite the file with
``python tests/test_mutants_golden.py``.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import identities
from identities.engine.mutants import mutations
from identities.engine.nodes import unname
from identities.engine.printing import unicode

GOLDEN = Path(__file__).with_name("golden") / "mutants.txt"
IDS = ("trace-quadratic", "inverse-differential", "vec-kronecker", "softmax-attention")


def listing() -> str:
    """Every generated mutant of every claim: its description and the wrong formula, written out in full."""
    lines = ["# Generated mutants: one block per claim, one line per mistake (description → wrong formula)."]
    for identity_id in IDS:
        ident = identities.get(identity_id)
        for claim in ident.claims:
            lines += ["", f"[{identity_id}] {claim.kind} wrt {claim.wrt.name}: {unicode(claim.expr)}"]
            for description, mutant in mutations(claim.expr):
                lines.append(f"{description}  →  {unicode(unname(mutant)) if mutant is not None else '(not formed)'}")
    return "\n".join(lines) + "\n"


def test_the_generated_mutants_are_the_pinned_ones():
    expected, actual = GOLDEN.read_text(encoding="utf-8"), listing()
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(GOLDEN), "generated"))
    assert not diff, f"the generated mutants changed (rewrite with `python {Path(__file__).name}` if intended):\n{diff}"


if __name__ == "__main__":
    GOLDEN.write_text(listing(), encoding="utf-8")
    print(f"wrote {GOLDEN}", file=sys.stderr)
