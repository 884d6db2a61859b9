print(select("#", nil, nil), select(-1, 1, 2, 3), select(2, "a", "b", "c"))   // expect: 2\t3\tb\tc
print(tonumber("0x10"), tonumber(" 12 "), tonumber("1e1"), tonumber("abc"), tonumber("ff", 16), tonumber("zz", 36), tonumber("8", 8))
// expect: 16\t12\t10.0\tnil\t255\t1295\tnil
print(type(print), type(nil), type({}), type(make(chan)), type(coroutine.create(print)))
// expect: function\tnil\ttable\tchannel\tcoroutine
print(rawequal("a", "a"), rawlen({1, 2}), rawlen("abc"), next({}))   // expect: true\t2\t3\tnil
f := load("return 1 + ...")
print(f(41))                                       // expect: 42
ok, msg := load("x = ")
print(ok, string.sub(msg, 1, 18))                  // expect: nil\t[string "x = "]:1:
env := {}
load("y := 5", "chunk", "t", env)()
print(env.y, y)                                    // expect: 5\tnil
for i, v := range ipairs({"a", "b", nil, "d"}) { io.write(i, v, ";") }
print()                                            // expect: 1a;2b;
print(len("abc"), len({1, 2, 3}), len(make(chan, 4)))   // expect: 3\t3\t0
