"""The ``identity`` domain: one object type, a directive that renders an identity, a role that cites one.

State lives in ``domain.data``, which Sphinx pickles with the environment and merges across parallel
readers: ``objects`` maps an id to where it is described, ``aliases`` maps a lower-cased alias to its
id, ``listings`` records which pages list which identities (so that a new identity makes them be
read again), ``references`` which identities a page links to (so that when an identity's title
changes, the pages linking to it are written again with the new one). ``clear_doc`` and
``merge_domaindata`` keep incremental and parallel builds right; ``get_objects`` feeds the general
search and ``objects.inv``, so another Sphinx project reaches an identity through intersphinx. Every
identity is also a ``std:label`` with its id as the name, so a project without this extension can
cite it with a plain ``:ref:``.
"""

from __future__ import annotations

from typing import Any, Iterable, NamedTuple

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.domains import Domain, Index, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

import identities

from . import render
from .locations import module_location, place_in_module

logger = logging.getLogger(__name__)


class Entry(NamedTuple):
    """Where one identity is described."""

    docname: str
    anchor: str
    title: str


def anchor_of(identity_id: str) -> str:
    """The HTML anchor of an identity: its id, which never changes."""
    return identity_id


class IdentityDirective(SphinxDirective):
    """Render one identity from the registry: ``.. identity:identity:: log-det``.

    ``:no-index:`` shows it without registering it (for a guide page that repeats an identity
    whose own page is elsewhere).
    """

    required_arguments = 1
    option_spec = {"no-index": directives.flag}

    def run(self) -> list[nodes.Node]:
        key = self.arguments[0].strip()
        try:
            ident = identities.get(key)
        except KeyError as exc:
            logger.warning("unknown identity %r: %s", key, exc, location=self.get_location())
            return []
        self.env.note_dependency(ident.path)
        domain: IdentityDomain = self.env.domains["identity"]
        where = module_location(ident)
        try:
            content = place_in_module(ident, render.identity_page(ident, self.env, where, self.state.document))
        except Exception as exc:  # noqa: BLE001 - a fault in one identity is reported at its module
            logger.error("identity %s cannot be rendered: %s: %s", ident.id, type(exc).__name__, exc, location=where)
            return []
        if "no-index" in self.options:
            return content
        anchor = anchor_of(ident.id)
        targets = []
        if not isinstance(self.state.document.ids.get(anchor), nodes.section):
            target = nodes.target("", "", ids=[anchor])  # (a heading whose title reads like the id has the
            self.state.document.note_explicit_target(target)  # anchor as its own id already)
            targets.append(target)
        domain.note_identity(ident, anchor, self.get_location())
        index = addnodes.index(entries=index_entries(ident, anchor))
        return [index, *targets, *content]


def index_entries(ident, anchor: str) -> list[tuple[str, str, str, str, None]]:
    """General-index entries: the title, the id and every alias, each pointing at the anchor."""
    entries = [("single", f"{ident.title} ({ident.id})", anchor, "main", None),
               ("single", f"{ident.id} (identity)", anchor, "", None),
               ("single", f"{ident.family} identities; {ident.title}", anchor, "", None)]
    entries += [("single", f"{alias} (alias of {ident.id})", anchor, "", None) for alias in ident.aliases]
    return entries


class IdentityRole(XRefRole):
    """``{identity}`log-det``` (or ``{identity:identity}``): a link that shows the identity's title.

    ``{identity}`title <log-det>``` shows the title given, ``{identity}`~log-det``` the id,
    and ``{identity}`!log-det``` the text without a link. Unknown ids warn even without nitpicky
    mode, so ``-W`` turns them into build errors.
    """

    def __init__(self) -> None:
        super().__init__(warn_dangling=True, innernodeclass=nodes.inline)

    def process_link(self, env, refnode, has_explicit_title, title, target):
        # Registered as a plain role too ({identity}), whose name carries no domain: set it here.
        refnode["refdomain"], refnode["reftype"] = "identity", "identity"
        if not has_explicit_title and target.startswith("~"):
            target = target[1:]
            refnode["show_id"] = True
        return super().process_link(env, refnode, has_explicit_title, title, target)

    def result_nodes(self, document, env, node, is_ref):
        if not is_ref and node.astext().startswith("~"):  # "!~log-det": no link, and the id is all there is
            node = self.innernodeclass(node.rawsource, node.astext()[1:], classes=node["classes"])
        return [node], []


class IdentityIndex(Index):
    """A per-family index of identities (``identity-index.html``)."""

    name = "index"
    localname = "Identity index"
    shortname = "identities"

    def generate(self, docnames: Iterable[str] | None = None):
        domain: IdentityDomain = self.domain  # type: ignore[assignment]
        content: dict[str, list] = {}
        for identity_id, entry in sorted(domain.objects.items()):
            if docnames is not None and entry.docname not in docnames:
                continue
            family = _family(identity_id)
            content.setdefault(family, []).append([identity_id, 0, entry.docname, entry.anchor, family,
                                                   "", entry.title])
        return sorted(content.items()), True


def _family(identity_id: str) -> str:
    try:
        return identities.get(identity_id).family
    except KeyError:
        return "other"


class IdentityDomain(Domain):
    """Identities of the catalog: describe with the directive, cite with the role."""

    name = "identity"
    label = "Identity"
    object_types = {"identity": ObjType("identity", "identity")}
    directives = {"identity": IdentityDirective}
    roles = {"identity": IdentityRole()}
    indices = [IdentityIndex]
    initial_data: dict[str, Any] = {"objects": {}, "aliases": {}, "listings": {}, "references": {}}
    #: Bump when the shape of ``data`` changes: Sphinx then discards an environment pickled before.
    data_version = 1
    dangling_warnings = {"identity": "unknown identity %(target)s: no identity has this id or alias"}

    @property
    def objects(self) -> dict[str, Entry]:
        return self.data.setdefault("objects", {})

    @property
    def aliases(self) -> dict[str, tuple[str, str]]:
        """alias (lower case) → (id, docname)."""
        return self.data.setdefault("aliases", {})

    @property
    def listings(self) -> dict[str, dict[str | None, tuple[str, ...]]]:
        """docname → {family (None: the whole catalog) → the ids the page lists}."""
        return self.data.setdefault("listings", {})

    def note_listing(self, docname: str, family: str | None, ids: tuple[str, ...]) -> None:
        self.listings.setdefault(docname, {})[family] = ids

    @property
    def references(self) -> dict[str, tuple[str, ...]]:
        """docname → the identity ids and aliases the page links to."""
        return self.data.setdefault("references", {})

    def process_doc(self, env, docname: str, document: nodes.document) -> None:
        targets = {node["reftarget"] for node in document.findall(addnodes.pending_xref)
                   if node.get("refdomain") == "identity"}
        if targets:
            self.references[docname] = tuple(sorted(targets))

    def note_identity(self, ident, anchor: str, location) -> None:
        """Register one described identity; a second description warns and names the first."""
        docname = self.env.current_document.docname
        if ident.id in self.objects:
            other = self.objects[ident.id]
            logger.warning("duplicate description of identity %s, other instance in %s",
                           ident.id, self.env.doc2path(other.docname), location=location)
        self.objects[ident.id] = Entry(docname, anchor, ident.title)
        for alias in ident.aliases:
            self.aliases[alias.lower()] = (ident.id, docname)
        std = self.env.domains.standard_domain
        if ident.id in std.labels and std.labels[ident.id][0] != docname:
            logger.warning("duplicate label %s, other instance in %s", ident.id,
                           self.env.doc2path(std.labels[ident.id][0]), location=location)
        std.labels[ident.id] = (docname, anchor, ident.title)
        std.anonlabels[ident.id] = (docname, anchor)

    def clear_doc(self, docname: str) -> None:
        for key, entry in list(self.objects.items()):
            if entry.docname == docname:
                del self.objects[key]
        for alias, (_key, doc) in list(self.aliases.items()):
            if doc == docname:
                del self.aliases[alias]
        self.listings.pop(docname, None)
        self.references.pop(docname, None)

    def merge_domaindata(self, docnames, otherdata: dict[str, Any]) -> None:
        for key, entry in otherdata["objects"].items():
            if entry.docname not in docnames:
                continue
            if key in self.objects and self.objects[key].docname != entry.docname:
                logger.warning("duplicate description of identity %s, in %s and %s", key,
                               self.env.doc2path(self.objects[key].docname), self.env.doc2path(entry.docname),
                               location=(entry.docname, None))
            self.objects[key] = entry
        for alias, value in otherdata["aliases"].items():
            if value[1] in docnames:
                self.aliases[alias] = value
        for key in ("listings", "references"):
            for docname, value in otherdata[key].items():
                if docname in docnames:
                    self.data[key][docname] = value

    def lookup(self, target: str) -> tuple[str, Entry] | None:
        """(id, where it is described) for an id or an alias; None if neither is known."""
        key = target.strip()
        if key in self.objects:
            return key, self.objects[key]
        alias = self.aliases.get(key.lower())
        if alias and alias[0] in self.objects:
            return alias[0], self.objects[alias[0]]
        return None

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        found = self.lookup(target)
        if found is None:
            return None
        key, entry = found
        if node.get("show_id"):
            contnode = nodes.literal("", key, classes=["xref", "identity"])
        elif not node.get("refexplicit"):
            contnode = nodes.inline("", entry.title, classes=["xref", "identity"])
        return make_refnode(builder, fromdocname, entry.docname, entry.anchor, contnode, f"{entry.title} ({key})")

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        found = self.lookup(target)
        if found is None:
            return []
        ref = self.resolve_xref(env, fromdocname, builder, "identity", target, node, contnode)
        return [("identity:identity", ref)]

    def get_objects(self):
        """Every identity (priority 1) and every alias (priority 2), for search and ``objects.inv``.

        The display name is the id or alias itself: Sphinx's search matches display names, and the
        page title beside it in the results is the identity's title. (The ``std:label`` of each
        identity carries the title, for projects that cite it with ``:ref:``.)
        """
        for key, entry in self.objects.items():
            yield key, key, "identity", entry.docname, entry.anchor, 1
        for alias, (key, _doc) in self.aliases.items():
            entry = self.objects.get(key)
            if entry is not None and alias != key:
                yield alias, alias, "identity", entry.docname, entry.anchor, 2

    def get_full_qualified_name(self, node):
        return node.get("reftarget")


def remember_titles(app, env, added, changed, removed) -> list[str]:
    """``env-get-outdated``: before the pages read again (or removed) are forgotten, remember the titles
    and aliases of the identities they describe."""
    domain: IdentityDomain = env.domains["identity"]
    going = set(changed) | set(removed)
    domain.titles_before = {key: entry.title for key, entry in domain.objects.items() if entry.docname in going}
    domain.aliases_before = {alias: key for alias, (key, docname) in domain.aliases.items() if docname in going}
    return []


def pages_linking_to_retitled_identities(app, env) -> list[str]:
    """``env-get-updated``: pages that link to an identity whose title changed (or that is gone) are
    written again, so that their links show the current title; they need not be read again."""
    domain: IdentityDomain = env.domains["identity"]
    before, aliases = getattr(domain, "titles_before", {}), getattr(domain, "aliases_before", {})
    retitled = {key for key, title in before.items()
                if key not in domain.objects or domain.objects[key].title != title}
    if not retitled:
        return []

    def linked(target: str) -> str:
        found = domain.lookup(target)
        return found[0] if found else aliases.get(target.strip().lower(), target.strip())

    return sorted(docname for docname, targets in domain.references.items()
                  if any(linked(target) in retitled for target in targets))
