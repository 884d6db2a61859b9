-- tostring/tonumber round trips and %.17g
local vals = {0.1, 0.2, 0.3, 1/3, 2/3, math.pi, 1e21, 1e-7, 123.456, 2^53, 2^53 + 1, -1.5e-10, 5e-324}
for _, v in ipairs(vals) do
  local s14, s17 = tostring(v), string.format("%.17g", v)
  print(s14, s17, tonumber(s14) == v, tonumber(s17) == v, math.type(tonumber(s17)))
end
for _, s in ipairs({"0x1p-2", "0x.1", "1e+2", "-0", "-0.0", "  +3  ", "9223372036854775807", "9223372036854775808", "-9223372036854775808"}) do
  print(s, tonumber(s), math.type(tonumber(s)))
end
