"""The rules of the differential method, each with a checked instance.

Linearity, the product rule, the transpose rule, the cyclic trace, Frobenius identification and
the chain rule: every derivation in the catalog is a sequence of these.
"""
