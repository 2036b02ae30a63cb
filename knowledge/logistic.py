"""Logistic regression in plain Python for the decision model (calibrate.py): a dozen features
and a few thousand questions need no numpy. Newton's method with an L2 penalty on standardized
features; the weights returned apply to the raw features."""

from __future__ import annotations

import math
from collections.abc import Sequence

from knowledge.decision import probability

L2 = 1.0  # penalty on the standardized weights (the intercept is free)


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def fit_logistic(
    xs: Sequence[Sequence[float]],
    ys: Sequence[float],
    l2: float | None = None,
    iterations: int = 30,
) -> tuple[float, ...]:
    """Weights (intercept first, xs carry a leading 1.0) maximizing the L2-penalized likelihood.
    Features are standardized inside, so the penalty treats them alike; the weights returned
    apply to the raw features."""
    l2 = L2 if l2 is None else l2
    d = len(xs[0])
    n = len(xs)
    mean = [sum(x[j] for x in xs) / n for j in range(d)]
    std = [math.sqrt(sum((x[j] - mean[j]) ** 2 for x in xs) / n) or 1.0 for j in range(d)]
    mean[0], std[0] = 0.0, 1.0
    zs = [[(x[j] - mean[j]) / std[j] for j in range(d)] for x in xs]
    w = [0.0] * d
    for _ in range(iterations):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for z, y in zip(zs, ys, strict=True):
            p = probability(w, z)
            r = p * (1.0 - p)
            for j in range(d):
                grad[j] += (p - y) * z[j]
                zj = r * z[j]
                row = hess[j]
                for k in range(j, d):
                    row[k] += zj * z[k]
        for j in range(d):
            for k in range(j):
                hess[j][k] = hess[k][j]
            if j > 0:
                grad[j] += l2 * w[j]
                hess[j][j] += l2
        step = _solve(hess, grad)
        w = [wj - sj for wj, sj in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    raw = [w[j] / std[j] for j in range(d)]
    raw[0] = w[0] - sum(w[j] * mean[j] / std[j] for j in range(1, d))
    return tuple(raw)
