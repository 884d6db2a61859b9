// rounding in %f / %e / %g (exact binary value, ties to even)
vals := {0.125, 0.375, 2.5, 3.5, -0.5, 1.005, 2.675, 1e-5, 123456.5, 0.045, 9.995, 1 / 3}
for _, v := range ipairs(vals) {
    print(v, string.format("%.0f %.1f %.2f %.3f %.1e %.2g %.15g %.17g", v, v, v, v, v, v, v, v))
}
