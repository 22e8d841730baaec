"""The engine behind the catalog: expressions and printers, the sampler, the checker, verification."""
