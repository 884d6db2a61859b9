-- Generates strftime_cases.txt: run with lua5.4 (any TZ; local cases use TZ from the env
-- given in the first line). Line format: t|fmt|result  (fmt starting with ! is UTC)
local convs = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"
local all = {}
for c in convs:gmatch(".") do all[#all+1] = "%" .. c end
for _, c in ipairs({"Ec","EC","Ex","EX","Ey","EY","Od","Oe","OH","OI","Om","OM","OS","Ou","OU","OV","Ow","OW","Oy"}) do all[#all+1] = "%" .. c end
local fmt = table.concat(all, "|")
local seed = 99
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n end
local ts = {0, -1, 1, 86399, 86400, 951782400, 1700000000, 253402300799, 253402300800, -62135596800, -62135596801,
  -62167219200, -62167219201, 2^31, -2^31, 1e12, -1e12, 67767976233532799 - 86400 * 400, -67768040609740800}
-- Year boundaries (ISO week edge cases) around 1995..2030.
for y = 1995, 2030 do
  for _, md in ipairs({{1,1},{1,2},{1,3},{1,4},{12,28},{12,29},{12,30},{12,31}}) do
    ts[#ts+1] = os.time({year=y, month=md[1], day=md[2], hour=12}) 
  end
end
for i = 1, 400 do ts[#ts+1] = rnd(2^31) * 37 - 2^35 + rnd(86400) end
for i = 1, 100 do ts[#ts+1] = rnd(2^31) * rnd(2^20) - 2^50 end
for _, t in ipairs(ts) do
  t = math.tointeger(t)
  local ok, r = pcall(os.date, "!" .. fmt, t)
  print(t .. "|!|" .. (ok and r:gsub("\n", "\\n") or "ERR"))
  local ok2, r2 = pcall(os.date, fmt, t)
  print(t .. "||" .. (ok2 and r2:gsub("\n", "\\n") or "ERR"))
end
-- os.time normalisation: T|year,month,day,hour,min,sec,isdst|time|normalised fields
local tcases = {{2024,14,35,-1,70,0}, {2023,1,1,12,0,0}, {2023,3,12,2,30,0}, {2023,11,5,1,30,0}, {2000,2,30,0,0,0},
  {1970,1,1,0,0,-1}, {2024,0,0,0,0,0}, {2024,-13,400,100,-1000,100000}, {1900,1,1,0,0,0}, {2038,1,19,3,14,8}, {2023,10,1,2,15,0}, {2023,4,2,2,15,0}}
for _, c in ipairs(tcases) do
  for _, dst in ipairs({"nil", "true", "false"}) do
    local t = {year=c[1], month=c[2], day=c[3], hour=c[4], min=c[5], sec=c[6]}
    if dst ~= "nil" then t.isdst = (dst == "true") end
    local ok, r = pcall(os.time, t)
    print(string.format("T|%d,%d,%d,%d,%d,%d,%s|%s|%d,%d,%d,%d,%d,%d,%d,%d,%s", c[1], c[2], c[3], c[4], c[5], c[6], dst,
      ok and r or "ERR", t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday or 0, t.yday or 0, tostring(t.isdst)))
  end
end
