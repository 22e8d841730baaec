"""The engine behind the catalog: expressions and printers, the sampler, the checker, verification."""

from . import constructs  # noqa: F401,E402  (the constructs register their printings and mistakes on import)
