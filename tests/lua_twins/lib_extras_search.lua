-- string.hasPrefix/hasSuffix/contains/count/replaceAll vs equivalent Lua code
local function hasPrefix(s, p) return s:sub(1, #p) == p end
local function hasSuffix(s, p) return p == "" or s:sub(-#p) == p end
local function contains(s, p) return s:find(p, 1, true) ~= nil end
local function count(s, p) if p == "" then return #s + 1 end local n, i = 0, 1; while true do local a, b = s:find(p, i, true); if not a then return n end n = n + 1; i = b + 1 end end
local function replaceAll(s, old, new) if old == "" then local r = {}; for i = 1, #s do r[#r + 1] = new .. s:sub(i, i) end return table.concat(r) .. new end local out, i = {}, 1; while true do local a, b = s:find(old, i, true); if not a then out[#out + 1] = s:sub(i); return table.concat(out) end out[#out + 1] = s:sub(i, a - 1) .. new; i = b + 1 end end
local s = "hello world hello"
print(hasPrefix(s, "hello"), hasPrefix(s, "world"), hasPrefix(s, ""), hasPrefix("", "a"), hasSuffix(s, "llo"), hasSuffix(s, ""), hasSuffix("a", "ba"))
print(contains(s, "o w"), contains(s, "%"), contains(s, ""), contains("", ""), contains("a.b", "."))
print(count("cheese", "e"), count("aaaa", "aa"), count("abc", ""), count("", ""), count("abc", "x"), count("a.a.a", "."))
print(replaceAll("a-b-c", "-", "+"), replaceAll("aaaa", "aa", "b"), replaceAll("abc", "", "-"), replaceAll("x%y", "%", "%%"), replaceAll("abc", "abcd", "z"))
