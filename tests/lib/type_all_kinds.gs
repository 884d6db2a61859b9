// type() of every kind of value, including boxed integers, NaN and -nan, coroutines and
// channels, and as a function value passed around (same builtin)
vals := {1, 1.5, 0 / 0, -(0 / 0), math.maxinteger, math.mininteger, 2 ** 63, "s", string.rep("x", 50), {}, print, func() {}, true, false,
    coroutine.create(func() {}), make(chan)}
out := {}
for i := 1; i <= #vals; i++ {
    out[#out + 1] = type(vals[i])
}
print(table.concat(out, " "))  // expect: number number number number number number number string string table function function boolean boolean coroutine channel
print(type(nil), type(vals[100]), select("#", type(1)))  // expect: nil\tnil\t1
t := type
print(t(t), pcall(type))  // expect: function\tfalse\tbad argument #1 to 'type' (value expected)

