-- a tokenizer built from string.find with anchored patterns and init
local src = "let x1 = 42 + foo(3.5, 'str') -- done"
local specs = {{"space", "^%s+"}, {"number", "^%d+%.?%d*"}, {"ident", "^[%a_][%w_]*"}, {"string", "^'[^']*'"}, {"comment", "^%-%-.*"}, {"op", "^[=+%-*/(),]"}}
local pos = 1
local n = 0
while pos <= #src do
  local matched = false
  for _, sp in ipairs(specs) do
    local s, e = src:find(sp[2], pos)
    if s then
      if sp[1] ~= "space" then n = n + 1 print(n, sp[1], src:sub(s, e), s, e) end
      pos = e + 1
      matched = true
      break
    end
  end
  if not matched then print("error at", pos) break end
end
