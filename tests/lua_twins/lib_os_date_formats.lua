-- more os.date UTC conversions across dates (weeks, leap years, years)
local ts = {946684800, 978307199, 1072915200, 1104451200, 1230768000, 1262217600, 1451606400, 1483142400, 4102444800}
for _, t in ipairs(ts) do print(t, os.date("!%F %T|%G-W%V-%u|%U|%W|%j|%a %d %b|%e|%g|%C", t)) end
print(os.date("!%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", 1700000000))
local d = os.date("!*t", 0)
print(d.year, d.month, d.day, d.hour, d.min, d.sec, d.wday, d.yday, d.isdst)
print(os.date("!%H:%M", 3600 * 25 + 61), os.date("!", 5), os.date("!%%%%"))
