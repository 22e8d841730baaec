"""The changelog and errata page, rendered from the catalog's records of its published ids.

``identities/fingerprints.txt`` says which version first published each id; ``identities/changelog.toml``
records every change to a published identity (errata, restatements, renames, merges). Both are
checked by ``python -m identities ids``; this directive only shows them, newest version first.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from identities import ids

from .blocks import bullets, identity_ref, literal, para, section, strong

HEADINGS = {"erratum": "Errata", "restatement": "Restated", "renamed": "Renamed", "merged": "Merged"}


class ChangelogDirective(SphinxDirective):
    """``{identity-changelog}``: per version, the identities it published and the changes it made."""

    def run(self) -> list[nodes.Node]:
        for path in (ids.FINGERPRINTS, ids.CHANGELOG, ids.PUBLISHED):
            self.env.note_dependency(str(path))
        docname = self.env.docname
        first = ids.fingerprints()
        log = ids.changes()
        versions = sorted({p.version for p in first.values()} | {c.version for c in log}, key=ids.version_key,
                          reverse=True)
        out: list[nodes.Node] = []
        errata = [c for c in log if c.kind == "erratum"]
        out.append(para(strong("Errata: "), f"{len(errata)} published statement{'' if len(errata) == 1 else 's'} "
                        "corrected so far." if errata else "none so far (no published statement has been found "
                        "wrong)."))
        for version in versions:
            parts: list[nodes.Node] = []
            for kind, heading in HEADINGS.items():
                entries = [c for c in log if c.version == version and c.kind == kind]
                if entries:
                    parts.append(para(strong(heading)))
                    parts.append(bullets([self._entry(c, docname) for c in entries]))
            new = [p.id for p in first.values() if p.version == version]
            if new:
                parts.append(para(strong(f"Published ({len(new)})")))
                parts.append(para(*[part for k, i in enumerate(new)
                                    for part in ([", "] if k else []) + [identity_ref(i, docname, show_id=True)]]))
            out.append(section(f"version-{version.replace('.', '-')}", f"Version {version}", *parts))
        return out

    @staticmethod
    def _entry(change, docname: str) -> list:
        head = [identity_ref(change.id, docname, show_id=True)]
        if change.into:
            head += [" → ", identity_ref(change.into, docname, show_id=True)]
        when = f" ({change.date})" if change.date else ""
        cells = [*head, f"{when}: ", change.what, " ", strong("Why: "), change.why]
        if change.before:
            cells += [" (statement ", literal(change.before), " → ", literal(change.after), ")"]
        return cells
