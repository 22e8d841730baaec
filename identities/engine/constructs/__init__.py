"""Constructs beyond SymPy's matrix expressions, one module per family.

Each module keeps together what one construct needs: its node classes or objects, its printing in
the three house printers (registered with :func:`identities.engine.printing.print_rule`), the
NumPy helpers the printed code calls, and its classic mistakes (registered with
:func:`identities.engine.mutants.mutation_rule`).
"""
