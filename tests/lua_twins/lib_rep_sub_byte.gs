// string.rep, sub, byte, char, len edge cases
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
print(("ab"):rep(3), ("ab"):rep(3, ","), ("x"):rep(0), ("x"):rep(-1), (""):rep(5), ("a"):rep(1, "sep"))
print(("hello"):sub(2), ("hello"):sub(-3), ("hello"):sub(2, 100), ("hello"):sub(0), ("hello"):sub(4, 2), ("hello"):sub(-100, 2))
print(("hello"):sub(3, -3), ("hello"):sub(6), ("hello"):sub(5, 5), ("hello"):sub(-1, -1), (""):sub(1, 1) == "")
print(("ABC"):byte(), ("ABC"):byte(2), ("ABC"):byte(-1), ("ABC"):byte(1, -1), ("ABC"):byte(10), ("ABC"):byte(0))
print(string.char(), string.char(72, 101, 108, 108, 111), string.char(0):len(), #string.char(255, 0, 1))
print(string.len(""), string.len("\000\000"), #"abc", ("x"):len())
print(perr(string.rep, "x", 1e10), perr(string.char, 256), perr(string.char, -1))
print(perr(string.sub), perr(string.sub, "x", "a"), perr(string.byte, "x", 1.5))
