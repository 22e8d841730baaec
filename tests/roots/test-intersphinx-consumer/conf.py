# Another Sphinx project citing identities through intersphinx, with no network: the inventory
# location is the handbook's built objects.inv, filled in by the test.
extensions = ["myst_parser", "sphinx.ext.intersphinx"]
intersphinx_mapping = {}
exclude_patterns = ["_build"]
