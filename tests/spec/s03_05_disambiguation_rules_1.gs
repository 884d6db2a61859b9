obj := {name: "o"}
obj.m = func(self) { return self.name }
t := {obj: 1, (obj:m())}
print(t.obj, t[1])                        // expect: 1\to
for _, v := range {10, 20} { io.write(v, ";") }
print()                                   // expect: 10;20;
for i := 0; i < 2; { i++; io.write(i, ";") }
print()                                   // expect: 1;2;
