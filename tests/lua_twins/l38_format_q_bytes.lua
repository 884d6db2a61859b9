-- %q escaping of every byte value, 16 per line
for row = 0, 15 do
  local parts = {}
  for col = 0, 15 do parts[#parts + 1] = string.format("%q", string.char(row * 16 + col)) end
  print(row, table.concat(parts, " "))
end
print(string.format("%q", "\0" .. "1\r" .. "2\n3\\4\"5\127" .. "6"))
