// io library (spec 12.9): modes, errors, default files, tostring
print(pcall(io.open, "x", "rw"))
print(pcall(io.open, "x", "r+b+"))
print(io.open("/nonexistent-dir-gs/x", "w"))
print(pcall(io.lines, "/nonexistent-dir-gs/x"))
print(io.stdout:close())
print(string.sub(tostring(io.stdout), 1, 8), io.type(io.stdin), io.type(io.stderr))
p := os.tmpname()
f := io.open(p, "w")
print(f:setvbuf("no"), f:setvbuf("full", 1024), f:setvbuf("line"), pcall(f.setvbuf, f, "bad"))
print(f:write("abc") == f, f:flush() == f, f:seek("cur"), f:seek("set", 1), f:seek("end"), f:read("a"))
print(pcall(f.seek, f, "middle"))
print(pcall(f.read, f, "x"))
print(f:close(), tostring(f), io.type(f))
print(pcall(f.write, f, "x"))
print(pcall(io.type))
print(pcall(f.close))
print(pcall(io.stdout.write, {}, "x"))
print(pcall(io.stdout.write, io.stdout, {}))
io.output(p)
io.write("via default\n", 7, "\n")
io.close()
io.output(io.stdout)
io.input(p)
print(io.read("L"), io.read("n"), io.read(5), io.read("a"))
for l := range io.lines() { print("never", l) }
io.input():close()
print(pcall(io.read))
io.input(io.stdin)
print(io.read("a"), io.read("l"), io.read(0))
g := io.open(p, "r+")
g:write("X")
g:seek("set", 0)
print(g:read("l"))
g:close()
for a, b := range io.lines(p, "n", 1) { print(a, b) }
os.remove(p)
print(pcall(io.input, "/nonexistent-dir-gs/x"))
io.stderr:write("")
print(io.write() == io.stdout)

// Expected output:
// expect: false\tbad argument #2 to 'open' (invalid mode)
// expect: false\tbad argument #2 to 'open' (invalid mode)
// expect: nil\t/nonexistent-dir-gs/x: No such file or directory\t2
// expect: false\tcannot open file '/nonexistent-dir-gs/x' (No such file or directory)
// expect: nil\tcannot close standard file
// expect: file (0x\tfile\tfile
// expect: true\ttrue\ttrue\tfalse\tbad argument #2 to 'setvbuf' (invalid option 'bad')
// expect: true\ttrue\t3\t1\t3\tnil\tBad file descriptor\t9
// expect: false\tbad argument #2 to 'seek' (invalid option 'middle')
// expect: false\tbad argument #2 to 'read' (invalid format)
// expect: true\tfile (closed)\tclosed file
// expect: false\tattempt to use a closed file
// expect: false\tbad argument #1 to 'type' (value expected)
// expect: false\tbad argument #1 to 'close' (FILE* expected, got no value)
// expect: false\tbad argument #1 to 'write' (FILE* expected, got table)
// expect: false\tbad argument #2 to 'write' (string expected, got table)
// expect: via default
// expect: \t7\t
// expect: \t
// expect: false\tdefault input file is closed
// expect: \tnil\tnil
// expect: Xia default
// expect: false\tcannot open file '/nonexistent-dir-gs/x' (No such file or directory)
// expect: true
