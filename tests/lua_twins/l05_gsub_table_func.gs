// string.gsub with table and function replacements
vars := {name: "Ann", age: 33, city: false}
tpl := "$name is $age and lives in $city ($unknown)"
print(tpl:gsub("%$(%w+)", vars))
print(("x y z"):gsub("%a", {x: 1, y: 2.5}))
print(("hello"):gsub(".", func(c) { return c:upper() .. "." }))
print(("a1b2c3"):gsub("(%a)(%d)", func(a, d) { return d .. a }))
print(("one two three"):gsub("%a+", func(w) { if #w > 3 { return w:upper() } }))
print(("3 + 4 = ?"):gsub("(%d+) %+ (%d+) = %?", func(a, b) { return a .. " + " .. b .. " = " .. (a + b) }))
count := 0
print(("aaaa"):gsub("a", func() { count = count + 1; return count }))
print(("abc"):gsub("", func() { return "|" }))
print(("key=val; k2=v2"):gsub("(%w+)=(%w+)", "%2=%1"))
print(("%d"):gsub("%%d", "%%s"))
