// Calls: parameters, missing/extra args, call errors, builtin as values (6.9).
func f(a, b) { return a, b }
print(f(1))                                          // expect: 1\tnil
print(f(1, 2, 3))                                    // expect: 1\t2
print((func(x) { return x * 2 })(21))                // expect: 42
func() { print("immediately called") }()             // expect: immediately called
fns := {print, type, tostring}
fns[1](fns[2](fns[3]))                               // expect: function
p := print
p("alias")                                           // expect: alias
t := {f: {g: func() { return "nested" }}}
print(t.f.g(), t["f"]["g"]())                        // expect: nested\tnested
func curry(a) { return func(b) { return func(c) { return a + b + c } } }
print(curry(1)(2)(3))                                // expect: 6
print(pcall(func() { return nofn(1) }))              // expect: false\tcallables.gs:15: attempt to call a nil value (global 'nofn')
print(pcall(func() { x := 1; return x(1) }))         // expect: false\tcallables.gs:16: attempt to call a number value (local 'x')
print(pcall(func() { t.f.h() }))                     // expect: false\tcallables.gs:17: attempt to call a nil value (field 'h')
print(type(print), type(func() {}))                  // expect: function\tfunction
