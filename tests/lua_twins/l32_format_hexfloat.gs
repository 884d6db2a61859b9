// %a / %A hex float formatting and %q of floats
vals := {1.0, 0.5, 0.1, -2.0, 255.5, 1 / 3, 1e-300, 1e300, 0.0, -0.0, 2.0 ** -1074, 3.0}
for _, v := range ipairs(vals) { print(v, string.format("%a", v), string.format("%A", v), string.format("%.2a", v), string.format("%q", v)) }
print(string.format("%a %a", 1 / 0, -1 / 0), string.format("%q", 1e100))
