"""Not a package to import: this file only gives docs/conftest.py a module name of its own
(``docs.conftest``) beside tests/conftest.py under pytest."""
