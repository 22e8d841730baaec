# A project that loads the identity domain (without generated pages) and cites handbook identities
# with the domain's own role; intersphinx resolves them from the handbook's objects.inv. The test
# puts docs/_ext on sys.path and fills in the inventory location.
extensions = ["myst_parser", "sphinx.ext.intersphinx", "handbook"]
identity_pages = False
intersphinx_mapping = {}
exclude_patterns = ["_build"]
