-- string.match with classes and captures
local inputs = {"key=value", "  spaced  ", "2024-03-15", "name: Bob, age: 42", "x1y2z3", "[bracket]", "a.b.c", "CamelCaseWord", "tab\tsep", "end."}
local pats = {"(%w+)=(%w+)", "^%s*(.-)%s*$", "(%d+)-(%d+)-(%d+)", "(%a+): (%a+)", "%d", "%[(.*)%]", "[^.]+$", "%u%l+", "%c", "%p$", "()%a()"}
for _, s in ipairs(inputs) do
  local r = {}
  for _, p in ipairs(pats) do r[#r + 1] = tostring((s:match(p))) end
  print(s, table.concat(r, "|"))
end
print(("hello"):match(".-(l+)(.*)"))
print(("  x  "):match("^%s*()"), ("abc"):match("b", 3), ("abc"):match("b", -2))
print(("THE END"):match("%u+ (%u+)"), ("f(x, y)"):match("%((.-)%)"), ("aaa"):match("a-"), ("aaa"):match("a-$"))
