-- %a / %A hex float formatting and %q of floats
local vals = {1.0, 0.5, 0.1, -2.0, 255.5, 1/3, 1e-300, 1e300, 0.0, -0.0, 2^-1074, 3.0}
for _, v in ipairs(vals) do print(v, string.format("%a", v), string.format("%A", v), string.format("%.2a", v), string.format("%q", v)) end
print(string.format("%a %a", 1/0, -1/0), string.format("%q", 1e100))
