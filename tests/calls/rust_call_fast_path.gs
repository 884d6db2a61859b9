// Script functions called from builtins (table.sort comparators, gsub replacement
// functions): the direct frame push for fixed-arity closures and the short frame end must
// behave like the general call path in every case below.
t := {5, 2, 8, 1}
table.sort(t, func(a, b, c) { return c == nil && a < b })
print(table.concat(t, " "))  // expect: 1 2 5 8
t = {5, 2, 8, 1}
table.sort(t, func(a) { return a > 4 })
print(#t)  // expect: 4
// closures over the comparator's parameters: open upvalues closed when it returns
keep := {}
t = {3, 1, 2}
table.sort(t, func(a, b) {
    keep[#keep + 1] = func() { return a .. "<" .. b }
    return a < b
})
print(table.concat(t, " "), #keep > 0, keep[1]() == keep[1]())  // expect: 1 2 3\ttrue\ttrue
first := keep[1]()
print(string.find(first, "<") != nil)  // expect: true
// a tail call and a vararg comparator
func less(a, b) { return a < b }
t = {4, 3, 9, 1}
table.sort(t, func(a, b) { return less(a, b) })
print(table.concat(t, " "))  // expect: 1 3 4 9
t = {4, 3, 9, 1}
table.sort(t, func(...) { a, b := ...; return a > b })
print(table.concat(t, " "))  // expect: 9 4 3 1
// deferred calls in a comparator run at each return
n := 0
t = {2, 1, 3}
table.sort(t, func(a, b) { defer func() { n++ }(); return a < b })
print(table.concat(t, " "), n > 0)  // expect: 1 2 3\ttrue
// errors: a nested function, an error value that is not a string
ok, err := pcall(table.sort, {3, 2, 1}, func(a, b) { return a < nil })
print(ok, err)  // expect: false\trust_call_fast_path.gs:34: attempt to compare number with nil
ok, err = pcall(table.sort, {3, 2, 1}, func(a, b) { error({code: 7}) })
print(ok, type(err), err.code)  // expect: false\ttable\t7
// yield across the builtin
co := coroutine.create(func() { table.sort({2, 1}, func(a, b) { coroutine.yield(); return a < b }) })
print(coroutine.resume(co))  // expect: false\tattempt to yield across a C-call boundary
// table.sort inside a comparator; many locals (registers beyond the current stack)
inner := 0
t = {3, 1, 2}
table.sort(t, func(a, b) {
    u := {b, a, 7}
    table.sort(u)
    inner += u[3]
    return a < b
})
print(table.concat(t, " "), inner > 0)  // expect: 1 2 3\ttrue
func wide(c) {
    a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 := 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    b1, b2, b3, b4, b5, b6, b7, b8, b9, b10 := 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    return c .. (a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + b1 + b2 + b3 + b4 + b5 + b6 + b7 + b8 + b9 + b10)
}
print(string.gsub("ab", "%a", wide))  // expect: a110b110\t2
// unbounded recursion through the builtin: a clean error
func deep(a, b) {
    table.sort({2, 1}, deep)
    return a < b
}
ok, err = pcall(table.sort, {2, 1}, deep)
print(ok, err)  // expect: false\tstack overflow
// a comparator returning nothing counts as false; many results only the first
t = {1, 2, 3}
table.sort(t, func(a, b) { })
print(#t)  // expect: 3
print(string.gsub("xy", ".", func(c) { return c, 1, 2 }))  // expect: xy\t2
