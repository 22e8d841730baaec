"""Constructs beyond SymPy's matrix algebra: each module holds its nodes, their three printings, the
NumPy they compute with and their classic mistakes, registered with the engine when imported."""

from . import factorizations, parts, solves  # noqa: F401
