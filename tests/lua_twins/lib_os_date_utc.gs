// os.date with fixed times in UTC
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
ts := {0, 86399, 951782400, 1700000000, 1234567890, 2147483647, -86400}
for _, t := range ipairs(ts) { print(os.date("!%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %I %y %w %u", t)) }
print(os.date("!%c|%x|%X|%D|%F|%T|%R|%r|%e|%C|%h|%n|%t|%%", 1700000000))
print(os.date("!%U %W %V %G %g", 1700000000), os.date("!%U %W %V %G %g", 1609459200))
print(perr(os.date, "%Q"))
print(perr(os.date, "%E"))
