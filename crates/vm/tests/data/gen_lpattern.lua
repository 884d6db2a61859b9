-- Generates lpattern_cases.txt: run with lua5.4 from this directory.
-- Line format: op|hex(subject)|hex(pattern)|hex(extra)|init|result
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function ser(...)
  local n = select("#", ...)
  local t = {}
  for i = 1, n do
    local v = select(i, ...)
    if type(v) == "string" then t[#t+1] = "s" .. hex(v)
    elseif v == nil then t[#t+1] = "nil"
    else t[#t+1] = tostring(v) end
  end
  return table.concat(t, ",")
end
local out = {}
local function case(op, s, p, extra, init)
  extra = extra or ""
  init = init or 1
  local ok, res
  if op == "find" then
    res = table.pack(pcall(string.find, s, p, init))
  elseif op == "findplain" then
    res = table.pack(pcall(string.find, s, p, init, true))
  elseif op == "match" then
    res = table.pack(pcall(string.match, s, p, init))
  elseif op == "gsub" then
    res = table.pack(pcall(string.gsub, s, p, extra))
  elseif op == "gsubn" then
    res = table.pack(pcall(string.gsub, s, p, extra, init))
  elseif op == "gmatch" then
    res = table.pack(pcall(function()
      local acc = {}
      local k = 0
      for a, b, c in string.gmatch(s, p, init) do
        k = k + 1
        acc[#acc+1] = ser(a, b, c)
        if k > 50 then break end
      end
      return table.concat(acc, ";")
    end))
  end
  local r
  if res[1] then r = "ok:" .. ser(table.unpack(res, 2, res.n)) else r = "err:" .. tostring(res[2]):gsub("^gen_lpattern.lua:%d+: ", "") end
  out[#out+1] = table.concat({op, hex(s), hex(p), hex(extra), tostring(init), r}, "|")
end

-- Hand-written cases.
local fixed = {
  {"find", "hello world", "o w"}, {"find", "a.b", "."}, {"match", "key=val", "(%w+)=(%w+)"},
  {"gsub", "hello world", "o", "0"}, {"gsub", "abc", "%w", "%0%0"}, {"gsub", "abc", "", "-"},
  {"gmatch", "a=1, b=2", "(%w+)=(%w+)"}, {"match", "f(a(b)c)d", "%b()"}, {"find", "THE (quick) fox", "%((%a+)%)"},
  {"gsub", "abc", "(a)", "%2"}, {"gsub", "abc", "a", "%2"}, {"gsub", "abc", "a", "%x"}, {"gsub", "abc", "a", "x%"},
  {"find", "abc", "%1"}, {"find", "abc", "(a"}, {"gsub", "abc", "(a", "x"}, {"gsub", "abc", "(a", "%1"},
  {"find", "abc", "a)"}, {"find", "abc", "a)."}, {"find", "a", "%f"}, {"find", "a", "%b"}, {"find", "a", "%"}, {"find", "a", "[a"},
  {"find", "a", string.rep("()", 33)}, {"find", "a", string.rep("()", 32)}, {"gsub", "hello", "()l", "%1"},
  {"find", string.rep("a", 300), string.rep("a?", 198)}, {"find", string.rep("a", 300), string.rep("a?", 199)},
  {"find", string.rep("a", 300), string.rep("a?", 200)}, {"find", string.rep("a", 300), string.rep("a?", 300)},
  {"match", string.rep("a", 300), string.rep("(a)", 32)}, {"match", "  x", "^%s*()"},
  {"match", "THE (quick) fox", "%f[%a]%a+"}, {"gmatch", "THE (quick) fox", "%f[%a]%a+"}, {"gmatch", "the end", "%f[%z]"},
  {"gmatch", "abc", ""}, {"gmatch", "abc", "^a"}, {"gmatch", "^a^a", "^a"}, {"gmatch", "abc", "a*"}, {"gsub", "abc", "b*", "-"},
  {"match", "[]", "[]]"}, {"match", "]", "[^]]"}, {"match", "x]", "[^]]"}, {"match", "a-b", "[a-]+"}, {"match", "-", "[%-]"},
  {"match", "a%b", "[%%]"}, {"match", "\200\255", "[\128-\255]+"}, {"match", "\200", "%a"}, {"match", "\200", "%A"},
  {"match", "hello\0world", "%z"}, {"match", "hello\0world", "o%zw"}, {"match", "a\0b", "[%z]"}, {"match", "x$y", "$y"},
  {"match", "xy", "y$"}, {"match", "xy$", "y$$"}, {"match", "xy", "^x"}, {"match", "^x", "^^x"},
  {"match", "aaa", "a-b"}, {"match", "aaab", "a-b"}, {"match", "aaab", "^a-$"}, {"match", "abab", "(ab)%1"},
  {"match", "abab", "()ab%1"}, {"match", "xx", "(x)%0"}, {"match", "date 2023-11-14!", "(%d+)-(%d+)-(%d+)"},
  {"find", "abc", "b", "", 3}, {"find", "abc", "b", "", -2}, {"find", "abc", "", "", 4}, {"find", "abc", "", "", 5},
  {"find", "abc", "", "", -10}, {"match", "abc", "()", "", 4}, {"gmatch", "abc", ".", "", 2}, {"gmatch", "abc", ".", "", 10},
  {"gmatch", "abc", ".", "", -1}, {"gsubn", "aaaa", "a", "b", 2}, {"gsubn", "aaaa", "a", "b", 0}, {"gsubn", "aaaa", "a", "b", -1},
  {"gsub", "abc", "^a", "x"}, {"gsub", "aaa", "^a", "x"}, {"gsub", "abc", "$", "!"}, {"gsub", "abc", "^", "!"},
  {"gsub", "hello world", "(o)", "[%1%1]"}, {"gsub", "abc", ".", "%%"}, {"gsub", "abc", "(b)", "%0%1"},
  {"findplain", "a.b", "."}, {"findplain", "a.b", ""}, {"findplain", "abcabc", "ca"}, {"findplain", "aaa", "aaaa"},
  {"find", "a+b", "a+b"}, {"find", "a+b", "+"}, {"find", "abc", "[b-]"}, {"match", "b", "[a-]"}, {"match", "-", "[a-]"},
  {"match", "e", "[a-%w]"}, {"match", "%", "[a-%w]"}, {"match", "-", "[a-%]"}, {"match", "x", "[%w-z]"},
  {"match", "(foo(bar))baz", "%b()"}, {"match", "((x)", "%b()"}, {"match", "x", "%bx"}, {"match", "abc", "%f[b]"},
  {"match", "abc", "%fb"}, {"match", "abc", "%f[a"}, {"match", "abc", "(()b)"}, {"match", "abc", "a(b"},
  {"match", "abc", "%g+"}, {"match", "a\tb", "%c"}, {"match", "a!b", "%p"}, {"match", "AbC", "%u%l%u"}, {"match", "Ff9g", "%x+"},
  {"match", "ab", "(a)(b)%3"}, {"match", "ab", "(a%1)"}, {"match", "ab", "(a)%2"},
}
for _, c in ipairs(fixed) do case(c[1], c[2], c[3], c[4], c[5]) end

-- Random cases (deterministic LCG).
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
local toks = {"a", "b", "c", ".", "%a", "%d", "%s", "%w", "%A", "[ab]", "[^a]", "[a-c]", "[%d%s]", "(", ")", "()",
  "*", "+", "-", "?", "^", "$", "%1", "%2", "%b()", "%bab", "%f[%w]", "%f[^a]", "%", "[", "]", " ", "x", "1", "%%", "%.", "a*", "b-", "(a)", "(.-)", "[]]"}
local sub = {"a", "b", "c", "(", ")", " ", "1", "A", "x", "aa", "ab", "\0", "\200"}
local reps = {"x", "%0", "%1", "%2", "[%1]", "%%", "%", "-", "", "%a"}
for i = 1, 4000 do
  local p = {}
  for j = 1, rnd(6) do p[#p+1] = toks[rnd(#toks)] end
  local s = {}
  for j = 1, rnd(10) - 1 do s[#s+1] = sub[rnd(#sub)] end
  p, s = table.concat(p), table.concat(s)
  local k = rnd(5)
  if k == 1 then case("find", s, p, "", rnd(4) - 1)
  elseif k == 2 then case("match", s, p)
  elseif k == 3 then case("gmatch", s, p)
  elseif k == 4 then case("gsub", s, p, reps[rnd(#reps)])
  else case("gsubn", s, p, reps[rnd(#reps)], rnd(4) - 1) end
end
io.write(table.concat(out, "\n"), "\n")
