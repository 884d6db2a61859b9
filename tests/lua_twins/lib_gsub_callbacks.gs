// string.gsub with table and function replacements
t := {a:  "1", b:  true, c:  false}
print(("abcd"):gsub("%a", {a:  "A", b:  2, d:  4.5}))
print(("$x $y $z"):gsub("%$(%a)", {x:  "X", y:  10}))
print(("hello world"):gsub("%w+", func(w) { return  w:upper()  }))
print(("abc"):gsub("%w", func(c) { return  nil  }), ("abc"):gsub("%w", func(c) { return  false  }))
print(("1 2 3"):gsub("%d", func(d) { return  d * 2  }), ("1 2 3"):gsub("%d", func(d) { return  d / 2  }))
print(("x=1 y=2"):gsub("(%w)=(%w)", func(k, v) { return  v .. "=" .. k  }))
print(("abc"):gsub("()", func(p) { return  p  }))
