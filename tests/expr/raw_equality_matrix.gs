// Raw equality across every pair of value kinds with different bits (ops::raw_equal_slow
// decides most of them from the tags): inline and boxed integers, floats, -0.0, NaN,
// interned and long strings, tables, functions, nil and booleans.
big := 1 << 60
big2 := (1 << 59) * 2
nan := 0.0 / 0.0
long1 := string.rep("ab", 40)
long2 := string.rep("a", 1) .. string.rep("ba", 39) .. "b"
t := {}
f := func() {}
vals := {1, 2, 1.0, 1.5, -0.0, 0, big, big2, "x", "y", long1, long2, t, f, true, false}
print(1 == 2, 1 == 1.0, 1.5 == 1.5, -0.0 == 0, 0 == -0.0, 0.0 == -0.0)   // expect: false\ttrue\ttrue\ttrue\ttrue\ttrue
print(big == big2, big == 1 << 60, big == 2.0 ** 60, big + 1 == 2.0 ** 60)  // expect: true\ttrue\ttrue\tfalse
print(nan == nan, nan != nan, nan == 1, 1 == nan)                         // expect: false\ttrue\tfalse\tfalse
print(long1 == long2, "x" == "y", "x" == "x", long1 == "ab")             // expect: true\tfalse\ttrue\tfalse
print(t == t, t == {}, f == f, f == func() {}, nil == false, true == 1)   // expect: true\tfalse\ttrue\tfalse\tfalse\tfalse
print("1" == 1, 1 == "1", t == nil, nil == f, big == "x", 1.5 == "1.5")  // expect: false\tfalse\tfalse\tfalse\tfalse\tfalse
// The whole matrix: count equal pairs (reflexive pairs + 1/1.0, -0.0/0, big/big2, long1/long2).
n := 0
for i := 1; i <= #vals; i++ {
    for j := 1; j <= #vals; j++ {
        if vals[i] == vals[j] { n++ }
    }
}
print(n)   // expect: 24
