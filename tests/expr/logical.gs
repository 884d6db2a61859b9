// Logical operators return operands and short-circuit (6.6); truthiness (4.2).
print(nil || "default", false && 1, 0 || 1, !nil, !0, 1 && 2)   // expect: default\tfalse\t0\ttrue\tfalse\t2
print(false || nil, nil || false, nil && 1, "" && "yes")       // expect: nil\tfalse\tnil\tyes
calls := 0
func tick(v) { calls++; return v }
r := tick(false) && tick(true)
print(r, calls)                                                 // expect: false\t1
r = tick(1) || tick(2)
print(r, calls)                                                 // expect: 1\t2
r = tick(nil) || tick(false) || tick("last")
print(r, calls)                                                 // expect: last\t5
if 0 { print("0 is truthy") }                                   // expect: 0 is truthy
if "" { print("empty string is truthy") }                      // expect: empty string is truthy
if {} { print("table is truthy") }                             // expect: table is truthy
if !false { print("not false") }                               // expect: not false
print(!{}, !"", !print)                                         // expect: false\tfalse\tfalse
func two() { return nil, 2 }
print(two() || "x", (two()) && 1)                               // expect: x\tnil
