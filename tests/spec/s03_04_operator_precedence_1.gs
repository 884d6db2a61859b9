print(-2 ** 2, 2 ** -1, 2 ** 3 ** 2, 1 | 2 == 3, 1 << 2 + 1, "n" .. 1 + 2, !nil == true)
// expect: -4\t0.5\t512\ttrue\t5\tn3\ttrue
