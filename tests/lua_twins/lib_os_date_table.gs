// os.date "*t" and os.time round trip in UTC
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
d := os.date("!*t", 1700000000)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
e := os.date("!*t", 951825600)
print(e.year, e.month, e.day, e.hour, e.wday, e.yday)
print(os.difftime(100, 40), os.difftime(5, 0), math.type(os.time()), math.type(os.clock()))
print(perr(os.time, {year:  2020}))
print(perr(os.time, {year:  2020, month:  1, day:  "x"}))
print(os.getenv("GSCRIPT_TWIN_SURELY_UNSET"))
