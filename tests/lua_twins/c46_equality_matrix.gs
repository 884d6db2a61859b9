// raw equality (==, !=, EQK/EQI forms) across every pair of value kinds: floats with
// different bits (0.0 / -0.0), integers against floats, boxed integers, long strings
// built at run time against short constants, nil/booleans/tables/functions
long1 := string.rep("x", 60)
long2 := string.rep("x", 59) .. "x"
t := {}
f := func() {}
vals := {0, -0.0, 0.0, 1, 1.0, 2 ** 53, 9007199254740993, 9007199254740992, math.maxinteger, math.mininteger, 2.0 ** 63,
    -(2.0 ** 63), 140737488355328, 140737488355328.0, 0 / 0, "a", "a" .. "", "b", long1, long2, "10", true, false, t, f, print}
n := #vals
count := 0
line := ""
for i := 1; i <= n; i++ {
    line = ""
    for j := 1; j <= n; j++ {
        if vals[i] == vals[j] {
            line = line .. "1"
            count++
        } else {
            line = line .. "0"
        }
        if (vals[i] != vals[j]) == (vals[i] == vals[j]) {
            print("inconsistent", i, j)
        }
    }
    print(i, line)
}
print("equal pairs", count)
x := 0 / 0
print(x == x, x != x)
y := 140737488355327
y = y + 1
print(y == 140737488355328, y == 140737488355328.0, y == 2 ** 47, y - 1 == 140737488355327)
print(nil == false, 1 == "1", "1" == 1, t == {}, long1 == long2, long1 == string.rep("x", 60))
z := -0.0
print(z == 0, z == 0.0, 0 == z, z == -0)
