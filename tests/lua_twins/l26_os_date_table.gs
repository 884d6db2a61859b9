// os.date("!*t") fields and os.difftime
keys := {"year", "month", "day", "hour", "min", "sec", "wday", "yday", "isdst"}
for _, t := range ipairs({0, 3600, 68169600, 951868800, 1700000000, 1709251199}) {
    d := os.date("!*t", t)
    r := {}
    for _, k := range ipairs(keys) { r[#r + 1] = k .. "=" .. tostring(d[k]) }
    print(t, table.concat(r, " "))
}
print(os.difftime(10, 4), os.difftime(0, 2), math.type(os.difftime(5, 5)))
print(type(os.time()), type(os.clock()), os.getenv("GSCRIPT_TWIN_SURELY_UNSET"))
