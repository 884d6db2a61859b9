-- string.gsub with table and function replacements
local t = {a = "1", b = true, c = false}
print(("abcd"):gsub("%a", {a = "A", b = 2, d = 4.5}))
print(("$x $y $z"):gsub("%$(%a)", {x = "X", y = 10}))
print(("hello world"):gsub("%w+", function(w) return  w:upper()  end))
print(("abc"):gsub("%w", function(c) return  nil  end), ("abc"):gsub("%w", function(c) return  false  end))
print(("1 2 3"):gsub("%d", function(d) return  d * 2  end), ("1 2 3"):gsub("%d", function(d) return  d / 2  end))
print(("x=1 y=2"):gsub("(%w)=(%w)", function(k, v) return  v .. "=" .. k  end))
print(("abc"):gsub("()", function(p) return  p  end))
