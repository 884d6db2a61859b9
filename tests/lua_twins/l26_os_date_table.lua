-- os.date("!*t") fields and os.difftime
local keys = {"year", "month", "day", "hour", "min", "sec", "wday", "yday", "isdst"}
for _, t in ipairs({0, 3600, 68169600, 951868800, 1700000000, 1709251199}) do
  local d = os.date("!*t", t)
  local r = {}
  for _, k in ipairs(keys) do r[#r + 1] = k .. "=" .. tostring(d[k]) end
  print(t, table.concat(r, " "))
end
print(os.difftime(10, 4), os.difftime(0, 2), math.type(os.difftime(5, 5)))
print(type(os.time()), type(os.clock()), os.getenv("GSCRIPT_TWIN_SURELY_UNSET"))
