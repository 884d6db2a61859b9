-- os.date with fixed times in UTC
local function perr(f, ...) local r = table.pack(pcall(f, ...)); if not r[1] then r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) end; return table.unpack(r, 1, r.n) end
local ts = {0, 86399, 951782400, 1700000000, 1234567890, 2147483647, -86400}
for _, t in ipairs(ts) do print(os.date("!%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %w %u", t)) end
print(os.date("!%c|%x|%X|%D|%F|%T|%R|%r|%e|%C|%h|%n|%t|%%", 1700000000))
print(os.date("!%U %W %V %G %g", 1700000000), os.date("!%U %W %V %G %g", 1609459200))
print(perr(os.date, "%Q"))
print(perr(os.date, "%E"))
