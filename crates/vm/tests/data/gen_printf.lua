-- Generates printf_cases.txt: run with lua5.4 from this directory.
-- Line format: hex(fmt)|args|result ; args are ';'-separated i:<int> / f:<%a float> / s:<hex>
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local out = {}
local function enc(v)
  if math.type(v) == "integer" then return "i:" .. v
  elseif math.type(v) == "float" then
    if v ~= v then return "f:" .. (string.format("%a", v):find("-") and "-nan" or "nan") end
    if v == 1/0 then return "f:inf" elseif v == -1/0 then return "f:-inf" end
    return "f:" .. string.format("%a", v)
  else return "s:" .. hex(v) end
end
local function case(fmt, ...)
  local args = table.pack(...)
  local r = table.pack(pcall(string.format, fmt, ...))
  local e = {}
  for i = 1, args.n do e[#e+1] = enc(args[i]) end
  local res
  if r[1] then res = "ok:" .. hex(r[2]) else res = "err:" .. tostring(r[2]):gsub("'string.format'", "'format'") end
  out[#out+1] = hex(fmt) .. "|" .. table.concat(e, ";") .. "|" .. res
end

-- Spec examples and edge cases.
case("%5.2f|%-5d|%+d|%x|%X|%o|%e|%g|%g|%g", 3.14159, 42, 5, 255, 255, 8, 12345.678, 0.1, 1e20, 100000)
case("%g|%.3g|%#g|%.0e|%05.1f|%.3d|% d", 1e6, 1234.5, 1.0, 12345, -2.5, 5, 5)
case("%x|%u|%c%c|%s|%5s|%-5s|%.2s|", -1, -1, 71, 83, 2.0, "ab", "ab", "xyz")
case("%q", "a\n\"b\\\000c\0019") case("%q %q %q", 1.0, 255, 1/0)
case("%.2f %.0f %.0f %.0f %.3f", 0.125, 0.5, 1.5, 2.5, 2.0005)
case("%a %A %.2a", 0.1, 255.5, 1/3)
case("%d", 1.5) case("%y", 1) case("%#d", 1) case("%", 1) case("%") case("%5", 1) case("%5\0d", 1) case("%y")
case("%10q", "x") case("%#c", 65) case("%.3c", 65) case("%5.2s", "a\0b") case("%s", "a\0b") case("%5s", 1.5) case("%F", 1.5)
case("%0000000000000000000000000000d", 1) case("%" .. string.rep("0", 20) .. "d", 1) case("%" .. string.rep("0", 21) .. "d", 1)
case("%" .. string.rep("-", 20) .. "s", "x") case("%" .. string.rep("-", 21) .. "s", "x")
case("%123d", 1) case("%.123d", 1) case("%1.123d", 1) case("%099d", 1) case("%.99d", 7) case("%99.99f", -1e308)
case("%.99f", 1e308) case("%.99e", 5e-324) case("%.99g", 0.1) case("%#.99g", 1e300) case("%#99.99a", -0.1)
case("%05f|%-8f|%08e|%+g|%#g|%#.0e|%#.0f|%#a|%.0a|%.1a|%a|%a", 1/0, -1/0, 0/0, -(0/0), 1.0, 5.0, 5.0, 1.0, 1.5, 1.25, 5e-324, 0.0)
case("%c%c%c", 65, 256+66, -190) case("%5c|%-5c|", 65, 66) case("%c", 0)
case("%p|%10p|%-10p|", 1, 2.5, 3)
case("%q", -1/0) case("%q", 0/0) case("%q", math.mininteger) case("%q", 0.1) case("%q", -0.0) case("%q", 2^63) case("%q", 5e-324)
case("%q", "\r\n\0\0011\127\200\"\\x\0009\0319\031")
case("%i|%u", -5, -5) case("%.3x", 1) case("%#o|%#.0o|%#x|%#X|%#5o|%#5.3o", 0, 0, 0, 0, 8, 8)
case("%.0d|%5.0d|%-5.0d|%+.0d|% .0d", 0, 0, 0, 0, 0)
case("%s %s %s %s", 1e15, -0.0, 1/0, math.mininteger)
case("%d %d", 3.0, "10") case("%x", "0x10") case("%f", "1e1") case("%.3f", 2^63)
case("%a %a %a %A", 1e-310, 2^-1074, 1.7976931348623157e308, -2^-1022)
case("%.1a %.3a %.12a %.13a %.14a", 1e-310, 2^-1074, 1.9999999999999998, 1.9999999999999998, 1.9999999999999998)
case("%.0a %.0a %.0a %.0a", 0.5, 0.75, 2.5, 3.5)
case("%%|%5%|%-%")

-- Random specs.
local seed = 4242
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
local ints = {0, 1, -1, 7, -42, 255, 1000000, math.maxinteger, math.mininteger, 123456789, -987654321, 65, 256}
local floats = {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 1/3, -2/3, 1e-5, 1e-4, 123.456, 99999.5, 1e15, 1e16,
  1e21, 1e-300, 5e-324, 1.7976931348623157e308, 1/0, -1/0, 0/0, -(0/0), 3.14159265358979, 1e100, 0.000123456789, 6.02214076e23,
  0.95, 0.05, 9.5, 99.5, 999.5, 0.0005, 2^53, 2^-20}
local strs = {"", "a", "hello", "hello world, this is a string", "\1\2\n\"\\"}
local convs = "diuoxXcsqaAeEfgGpy"
for i = 1, 6000 do
  local conv = convs:sub(rnd(#convs), rnd(#convs))
  conv = conv:sub(1, 1)
  if conv == "" then conv = "d" end
  local spec = "%"
  for j = 1, rnd(4) - 1 do spec = spec .. ("-+ #0"):sub(rnd(5), rnd(5)):sub(1, 1) end
  local w = rnd(6)
  if w == 2 then spec = spec .. rnd(9) elseif w == 3 then spec = spec .. (rnd(30) + 5) end
  local pr = rnd(5)
  if pr == 2 then spec = spec .. "." elseif pr == 3 then spec = spec .. "." .. (rnd(20) - 1) elseif pr == 4 then spec = spec .. "." .. (rnd(3) - 1) end
  spec = spec .. conv
  local v
  if ("diuoxXc"):find(conv, 1, true) then v = ints[rnd(#ints)]; if rnd(3) == 1 then v = (rnd(2000000) - 1000000) * rnd(1000) end
  elseif ("aAeEfgG"):find(conv, 1, true) then v = floats[rnd(#floats)]
    if rnd(3) == 1 then v = (rnd(2000000) - 1000000) / rnd(100000) * 10.0 ^ (rnd(40) - 20) end
  elseif conv == "s" then local k = rnd(3); v = k == 1 and strs[rnd(#strs)] or k == 2 and ints[rnd(#ints)] or floats[rnd(#floats)]
  elseif conv == "q" then local k = rnd(3); v = k == 1 and strs[rnd(#strs)] or k == 2 and ints[rnd(#ints)] or floats[rnd(#floats)]
  else v = ints[rnd(#ints)] end
  case("[" .. spec .. "]", v)
end
io.write(table.concat(out, "\n"), "\n")
