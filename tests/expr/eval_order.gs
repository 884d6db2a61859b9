// Left-to-right evaluation (6.1).
log := {}
func v(x) { log[#log + 1] = tostring(x); return x }
r := v(1) + v(2) * v(3)
print(r, table.concat(log, " "))                  // expect: 7\t1 2 3
log = {}
func f(...) { log[#log + 1] = "call"; return select("#", ...) }
n := v(f)(v("a"), v("b"))
print(n, #log, log[2], log[3], log[4])            // expect: 2\t4\ta\tb\tcall
log = {}
t := {v("x"), k: v("y"), v("z")}
print(table.concat(log, " "))                     // expect: x y z
log = {}
s := v("a") .. v("b") .. v("c")
print(s, table.concat(log, " "))                  // expect: abc\ta b c
log = {}
c := v(1) < v(2)
d := v(3) > v(4)
print(c, d, table.concat(log, " "))               // expect: true\tfalse\t1 2 3 4
log = {}
x := v(nil) && v("never")
y := v(false) || v("rhs")
print(x, y, table.concat(log, " "))               // expect: nil\trhs\tnil false rhs
