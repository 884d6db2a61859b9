-- Edge cases of the matcher's fast paths (first-byte start filter, hoisted class runs,
-- literal skip after a greedy run): results and errors must be exactly Lua 5.4's.
local cases = {
  {"xx=12;yy=3;", "=(%d+);", 1}, {"xx=12;yy=3;", "=(%d+);", 5}, {"xx=12;yy=3;", "=(%d+);", -3},
  {"xx=12;yy=3;", "=(%d+);", 100}, {"xx=12;yy=3;", "=(%d+);", 12}, {"xx=12;yy=3;", "=(%d+);", 11},
  {"  abc def", "%a+", 1}, {"a=1 bb=22 =3 c=", "(%a+)=(%d+)", 1}, {"ab 12 !?", "%A+", 1},
  {"ab 12 !?", "%S+", 2}, {"x1y22", "()%d", 1}, {"x1y22", "(()%a)", 1}, {"abc", "(%a+)", -1},
  {"x(a(b))y(c)", "%b()", 1}, {"x(a(b", "%b()", 1}, {"abc", "%b(", 1}, {"abc", "x%b", 1},
  {"abc def", "^%a+", 1}, {"abc def", "^%a+", 5}, {"a^b^", "^%a", 1}, {"abc", "%a$", 1},
  {"abc", "c$", 1}, {"ab$c", "b$", 1}, {"abc", "%a*", 1}, {"abc", "x?", 1}, {"", "%a", 1},
  {"", "a", 1}, {"abc=def=", "(%a+)=", 1}, {"abc=def=", "%a+=", 3}, {":key=1\n:else=2\n:xy=3", ":(%a*e%a*)=", 1},
  {"abc", "(%a+)))x", 1}, {"aaa", "%a+)x", 1}, {"aaa", "(%a+)x", 1}, {"aaab", "(%a+)b", 1},
  {"aaab", "((%a+))b", 1}, {"aaabab", "(%a+)(b)", 1}, {"a1b2", "%w+1", 1},
  {"THE (quick) fox", "%f[%a]%a+", 1}, {"abab", "(ab)%1", 1}, {"abc", "b[", 1}, {"xyz", "b[", 1},
  {"abc", "a%", 1}, {"xyz", "a%", 1}, {"aXbXc", "%u", 1}, {"a.b", "%.", 1}, {"a%b", "%%", 1},
  {"a b\tc", "%s", 1}, {"hello", "l+o", 1}, {"hello", "l*o", 1}, {"hello", "l-o", 1},
  {"hello", "[a-l]+", 1}, {"hello", ".l", 1}, {"hello", "h()", 1}, {"a,b,,c", ",", 1},
  {"aaa", "a-b", 1}, {"aaab", "a-b", 1}, {"key = val", "(%w+)%s*=%s*(%w+)", 1},
  {"12ab34", "%d+a", 1}, {"12ab34", "%d+$", 1}, {"x" .. string.char(0) .. "y", "%z", 1}, {"x" .. string.char(0) .. "y", "%Z+", 1},
  {"[a]x] [b]", "%[(.-)%]", 1}, {"a.b.c", "(.-)%.", 1}, {"a.b.c", "%a+%.", 2}, {"abcx", "(.-)x", 1},
  {"abc", "a-)", 1}, {"abc", "(a-))", 1}, {"a%b", "(.-)%%", 1}, {"aab", ".-b", 1}, {"aab", "a-%a", 1},
  {"x.y", "%a-%.", 1}, {"xy", "x-%]", 1}, {"key: v", "(%w+):%s", 1}, {"aaa", "a+a", 1},
  {"aaa", "(a+)a$", 1}, {"ab", "a*b?", 1}, {"a)", "a%)", 1}, {"abc", "(%a*)c", 1},
}

local function show(...)
  local t = table.pack(...)
  local out = {}
  for i = 1, t.n do out[#out + 1] = (string.gsub(tostring(t[i]), "^[%w_.]+:%d+: ", "")) end
  return table.concat(out, " ")
end

local function gm(s, p, init)
  local out = {}
  for a, b in string.gmatch(s, p, init) do out[#out + 1] = tostring(a) .. "," .. tostring(b) end
  return table.concat(out, "|")
end

for i = 1, #cases do
  local s, p, init = cases[i][1], cases[i][2], cases[i][3]
  print(i, show(pcall(string.find, s, p, init)))
  print(i, show(pcall(string.match, s, p, init)))
  print(i, show(pcall(gm, s, p, init)))
  print(i, show(pcall(string.gsub, s, p, "<%0>")))
  print(i, show(pcall(string.gsub, s, p, "[%0]", 1)))
end

-- plain find, including empty needles and init past the end
print(string.find("a.b", ".", 1, true), string.find("a.b", ".", 3, true))
print(string.find("abc", "", 4, true), string.find("abc", "", 5, true), string.find("abc", "", -10, true))
print(string.find("abc", "c", -1, true), string.find("abcabc", "ca", 1, true), string.find("ab", "abc", 1, true))
-- too many leading captures is an error at any position
print(pcall(string.find, "abc", string.rep("(", 33) .. "a"))
print(pcall(string.find, "abc", string.rep("(", 32) .. "a" .. string.rep(")", 32)))
