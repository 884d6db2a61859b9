-- rotating a list with table.insert/remove at the front
local t = {1, 2, 3, 4, 5, 6}
for i = 1, 8 do
  table.insert(t, table.remove(t, 1))
  print("left", i, table.concat(t, " "))
end
for i = 1, 4 do
  table.insert(t, 1, table.remove(t))
  print("right", i, table.concat(t, " "))
end
local d = {}
for i = 1, 5 do table.insert(d, 1, i) table.insert(d, i * 10) end
print(#d, table.concat(d, ","))
