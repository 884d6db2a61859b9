-- string.gmatch with init argument
for w in string.gmatch("one two three", "%a+", 5) do io.write(w, ",") end
print()
for w in string.gmatch("one two three", "%a+", -5) do io.write(w, ",") end
print()
for w in string.gmatch("abc", ".", 10) do io.write(w, ",") end
print("done")
for a, b in string.gmatch("k1=v1;k2=v2", "(%w+)=(%w+)", 2) do io.write(a, b, "|") end
print()
