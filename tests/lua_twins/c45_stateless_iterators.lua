-- stateless and stateful iterators used by generic for
local function evens(limit, i) i = i + 2 if i <= limit then return i, i * i end end
for i, sq in evens, 12, 0 do print("even", i, sq) end
local function chars(s)
  local i = 0
  return function() i = i + 1 if i <= #s then return i, s:sub(i, i) end end
end
for i, c in chars("gscript") do print("char", i, c) end
local function ripairs(t) return function(t, i) i = i - 1 if i > 0 then return i, t[i] end end, t, #t + 1 end
for i, v in ripairs({"x", "y", "z"}) do print("rev", i, v) end
local function zip(a, b)
  local i = 0
  return function() i = i + 1 if a[i] ~= nil and b[i] ~= nil then return a[i], b[i] end end
end
for x, y in zip({1, 2, 3, 4}, {"a", "b", "c"}) do print("zip", x, y) end
for k, v in next, {10, 20, 30} do print("next", k, v) end
