// number formatting in format %g/%.14g across magnitudes
xs := {0, 1, -1, 0.5, 1e-300, 5e-324, 1.7976931348623157e308, 123456.789, 1e14, 1e15, 123456789012345, 0.1 + 0.2, 100 / 3, -2.5e-7}
for _, x := range ipairs(xs) { print(string.format("%g %.14g %.3e %.17g", x, x, x, x), x, tostring(x)) }
