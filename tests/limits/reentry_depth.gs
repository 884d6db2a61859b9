// Limits matrix (docs/reliability.md): Rust re-entry depth. Every recursion that passes
// through builtins or metamethods ends with a catchable "stack overflow" (16), and the VM
// is fully usable afterwards (each case is followed by ordinary work).
// (not under GC stress: 200,000-deep recursions with a collection at every allocation are quadratic)
// skip-modes: gc-stress
func tail(e) { return string.sub(tostring(e), -14) }
func check(name, f) {
    ok, e := pcall(f)
    t := {}
    for i := 1; i <= 100; i++ { t[i] = i * i }
    print(name, ok, tail(e), t[100], string.format("%d", #t))
}
check("__index", func() { t := setmetatable({}, {__index: func(t, k) { return t[k] }}); return t.x })  // expect: __index\tfalse\tstack overflow\t10000\t100
check("__newindex", func() { var mt; mt = {__newindex: func(t, k, v) { t[k] = v }}; t := setmetatable({}, mt); t.x = 1 })  // expect: __newindex\tfalse\tstack overflow\t10000\t100
check("__add", func() { mt := {__add: func(a, b) { return a + b }}; t := setmetatable({}, mt); return t + 1 })  // expect: __add\tfalse\tstack overflow\t10000\t100
check("__eq", func() { mt := {__eq: func(a, b) { return a == b }}; return setmetatable({}, mt) == setmetatable({}, mt) })  // expect: __eq\tfalse\tstack overflow\t10000\t100
check("__call", func() { mt := {__call: func(self) { return self() }}; t := setmetatable({}, mt); return t() })  // expect: __call\tfalse\tstack overflow\t10000\t100
check("__concat", func() { mt := {__concat: func(a, b) { return a .. b }}; return setmetatable({}, mt) .. "x" })  // expect: __concat\tfalse\tstack overflow\t10000\t100
check("__tostring", func() { mt := {__tostring: func(t) { return tostring(t) }}; return tostring(setmetatable({}, mt)) })  // expect: __tostring\tfalse\tstack overflow\t10000\t100
check("pcall in __index", func() {
    mt := {__index: func(t, k) { ok, v := pcall(func() { return t[k] }); if !ok { error(v, 0) }; return v }}
    return setmetatable({}, mt).x
})  // expect: pcall in __index\tfalse\tstack overflow\t10000\t100
check("sort comparator", func() { func s() { table.sort({3, 2, 1}, func(a, b) { s(); return a < b }) }; s() })  // expect: sort comparator\tfalse\tstack overflow\t10000\t100
check("gsub callback", func() { func g(x) { return string.gsub("a", "a", g) }; g("a") })  // expect: gsub callback\tfalse\tstack overflow\t10000\t100
check("xpcall handler", func() { func h(m) { return xpcall(error, h, m) }; ok, r := xpcall(error, h, "x"); return r })  // expect: xpcall handler\ttrue\tfalse\t10000\t100
check("pcall chain", func() { func f() { return pcall(f) }; return f() })  // expect: pcall chain\ttrue\ttrue\t10000\t100
check("coroutine nesting", func() {
    func nest(n) { co := coroutine.create(nest); ok, r := coroutine.resume(co, n + 1); if !ok { error(r, 0) }; return r }
    return nest(1)
})  // expect: coroutine nesting\tfalse\tstack overflow\t10000\t100
check("wrap nesting", func() { func nest(n) { return coroutine.wrap(nest)(n + 1) }; return nest(1) })  // expect: wrap nesting\tfalse\tstack overflow\t10000\t100
// Re-entry depth within the minimum (190) works.
func viaIndex(n) {
    if n == 0 { return 0 }
    t := setmetatable({}, {__index: func(t, k) { return viaIndex(n - 1) + 1 }})
    return t.x
}
print(viaIndex(150))                                 // expect: 150
func viaSort(n) {
    if n == 0 { return 0 }
    r := 0
    table.sort({2, 1}, func(a, b) { if r == 0 { r = viaSort(n - 1) + 1 }; return a < b })
    return r
}
print(viaSort(150))                                  // expect: 150
