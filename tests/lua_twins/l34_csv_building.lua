-- building and parsing CSV lines with table/string functions
local rows = {{"name", "qty", "price"}, {"apple", 3, 0.5}, {"pear", 10, 1.25}, {"fig, dried", 1, 12.0}, {"kiwi", 0, 0.1}}
local function esc(v) v = tostring(v) if v:find('[,"]') then return '"' .. v:gsub('"', '""') .. '"' end return v end
local lines = {}
for _, r in ipairs(rows) do local f = {} for i, v in ipairs(r) do f[i] = esc(v) end lines[#lines + 1] = table.concat(f, ",") end
local csv = table.concat(lines, "\n")
print(csv)
local total = 0
for line in csv:gmatch("[^\n]+") do
  local name, qty, price = line:match('^"?(.-)"?,(%d+),([%d.]+)$')
  if name then total = total + qty * price print(name, qty, price, qty * price) end
end
print("total", total, string.format("%.2f", total))
