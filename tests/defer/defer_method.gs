// defer with method calls: receiver and method looked up at defer time (7.13 rule 1).
obj := {name: "A"}
obj.show = func(self, tag) { print(self.name, tag) }
func run() {
    o := obj
    defer o:show("deferred")
    o = {name: "B", show: func(self, tag) { print("wrong", tag) }}
    obj.show = func(self, tag) { print("replaced", tag) }
    print("body")
}
run()
// expect: body
// expect: A\tdeferred
func args(...) {
    defer print("varargs", ...)
    return select("#", ...)
}
print(args(1, nil, 3))
// expect: varargs\t1\tnil\t3
// expect: 3
