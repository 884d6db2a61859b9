-- string.split/join/fields vs equivalent Lua code
local function split(s, sep) local r = {}; if sep == "" then for i = 1, #s do r[i] = s:sub(i, i) end return r end local start = 1; while true do local i, j = s:find(sep, start, true); if not i then r[#r + 1] = s:sub(start); return r end r[#r + 1] = s:sub(start, i - 1); start = j + 1 end end
local function join(t, sep) local r = {}; for i = 1, #t do r[i] = tostring(t[i]) end return table.concat(r, sep or "") end
local function fields(s) local r = {}; for w in s:gmatch("[^ \t\n\v\f\r]+") do r[#r + 1] = w end return r end
local cases = {"a,b,c", "a,,b", ",", "", "abc", ",a,", "a, b , c"}
for _, c in ipairs(cases) do local p = split(c, ","); print(#p, join(p, "|")) end
print(join(split("a--b----c", "--"), "+"), #split("abc", ""), join(split("abc", ""), "."), #split("", ""))
print(join({1, 2.5, true, "x"}, ", "), join({}, ","), join({"only"}))
local f = fields("  one two\tthree\n\vfour  ")
print(#f, join(f, "|"), #fields(""), #fields("   "))
