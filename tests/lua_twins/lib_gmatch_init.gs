// string.gmatch with init argument
for w := range string.gmatch("one two three", "%a+", 5) { io.write(w, ",") }
print()
for w := range string.gmatch("one two three", "%a+", -5) { io.write(w, ",") }
print()
for w := range string.gmatch("abc", ".", 10) { io.write(w, ",") }
print("done")
for a, b := range string.gmatch("k1=v1;k2=v2", "(%w+)=(%w+)", 2) { io.write(a, b, "|") }
print()
