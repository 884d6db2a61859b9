-- string.format float conversions
local vals = {0.0, -0.0, 1.0, 0.5, -2.5, 3.14159265, 1e10, 1.5e-7, 123456.789, 1/3, 2^60, 1e300 * 1e10, -1e300 * 1e10, 100}
local fmts = {"%f", "%.2f", "%10.3f", "%-10.1f|", "%e", "%.3e", "%E", "%g", "%.3g", "%G", "%#g", "%+.1f", "% .2e", "%010.2f"}
for _, v in ipairs(vals) do
  local r = {}
  for _, f in ipairs(fmts) do r[#r + 1] = string.format(f, v) end
  print(table.concat(r, " "))
end
print(string.format("%.0f %.0f %.0f %.0f %.1f %.2f", 0.5, 1.5, 2.5, -0.5, 0.25, 0.125))
print(string.format("%5.1f|%-8.3e|%.10g", 2.25, 12345.6789, 0.1))
