path := os.tmpname()
f := io.open(path, "w")
f:write("line1\n", 42, " ", 1.5, "\n", 2.0, "\nlast")
f:close()
for line := range io.lines(path) { io.write("[", line, "]") }
print()                                          // expect: [line1][42 1.5][2][last]
g := io.open(path)
print(g:read("l", "n", "n"))                     // expect: line1\t42\t1.5
print(g:read("L") == "\n", g:read("l"), g:read("a"), g:read("l"))   // expect: true\t2\tlast\tnil
g:close()
print(io.type(g), io.type(io.stdout), io.type(42))   // expect: closed file\tfile\tnil
print(pcall(g.read, g))                          // expect: false\tattempt to use a closed file
os.remove(path)
print(io.open("/nonexistent-dir/x"))             // expect: nil\t/nonexistent-dir/x: No such file or directory\t2
