"""Losses: the scalar a model is trained to make small, and its gradient at the model's output.

A loss compares what a model produces (scores, probabilities) with a target. Its gradient with
respect to the model's raw output is where backpropagation starts; for the classic pairings — a
softmax with the cross-entropy, a sigmoid with the log loss — it collapses to prediction minus
target, provided the target is what the loss assumes it is (a probability vector).
"""
