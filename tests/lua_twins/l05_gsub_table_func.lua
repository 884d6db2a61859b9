-- string.gsub with table and function replacements
local vars = {name = "Ann", age = 33, city = false}
local tpl = "$name is $age and lives in $city ($unknown)"
print(tpl:gsub("%$(%w+)", vars))
print(("x y z"):gsub("%a", {x = 1, y = 2.5}))
print(("hello"):gsub(".", function(c) return c:upper() .. "." end))
print(("a1b2c3"):gsub("(%a)(%d)", function(a, d) return d .. a end))
print(("one two three"):gsub("%a+", function(w) if #w > 3 then return w:upper() end end))
print(("3 + 4 = ?"):gsub("(%d+) %+ (%d+) = %?", function(a, b) return a .. " + " .. b .. " = " .. (a + b) end))
local count = 0
print(("aaaa"):gsub("a", function() count = count + 1 return count end))
print(("abc"):gsub("", function() return "|" end))
print(("key=val; k2=v2"):gsub("(%w+)=(%w+)", "%2=%1"))
print(("%d"):gsub("%%d", "%%s"))
