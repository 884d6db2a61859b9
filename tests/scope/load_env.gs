// load: chunks, names, env, shared globals (5.2, 9.2, 12.1).
f := load("return 1 + ...")
print(f(41))                                          // expect: 42
ok, msg := load("x = ")
print(ok, string.sub(msg, 1, 18))                     // expect: nil\t[string "x = "]:1:
env := {}
load("y := 5", "chunk", "t", env)()
print(env.y, y)                                       // expect: 5\tnil
load(`shared := "via load"`)()
print(shared)                                         // expect: via load
g := load("return function() { return 1 }")
print(g)                                              // expect: nil
print(load("return 2", "=name")())                    // expect: 2
_, m2 := load("error(", "=mychunk")
print(string.sub(m2, 1, 10))                          // expect: mychunk:1:
_, m3 := load("\n\n)", "@file.gs")
print(string.sub(m3, 1, 10))                          // expect: file.gs:3:
e1 := load(`error("x")`, "=named")
print(pcall(e1))                                      // expect: false\tnamed:1: x
e2 := load(`error("x")`)
print(pcall(e2))                                      // expect: false\t[string "error("x")"]:1: x
e3 := load("\nerror(\"y\")")
print(pcall(e3))                                      // expect: false\t[string "..."]:2: y
long := `error("z") // 0123456789012345678901234567890123456789`
print(pcall(load(long)))                              // expect: false\t[string "error("z") // 0123456789012345678901234567890..."]:1: z
parts := {"return ", "4", "0 + 2"}
i := 0
reader := load(func() { i++; return parts[i] })
print(reader())                                       // expect: 42
print(load("return 1", "c", "b"))                     // expect: nil\tattempt to load a text chunk (mode is 'b')
envf := load("return print", "c", "t", {})
print(envf())                                         // expect: nil
cnt := load(`return select("#", ...)`)
print(cnt(1, 2, 3))                                   // expect: 3
rf := load(func() { return nil })
print(type(rf), rf())                                 // expect: function
