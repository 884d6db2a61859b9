// Boxed integers (outside the 48-bit inline range; they live in slab cells) survive
// collections wherever they are referenced, dead ones are reused without disturbing live
// ones, and slabs emptied by a collection can be given back and made again.
base := 1 << 60

// Kept in an array part, a hash part (as values and as keys), an upvalue and a local,
// while far more garbage boxes are made than one slab holds.
arr := {}
hash := {}
for i := 1; i <= 5000; i++ {
    arr[i] = base + i
    hash["k" .. i] = base - i
    hash[base + 2 * i] = i
}
func counter() {
    n := base
    return func() {
        n = n + 1
        return n
    }
}
next := counter()
local := -base - 7
x := 88172645463325252
for i := 1; i <= 300000; i++ {
    x = x ^ (x << 13)
    x = x ^ (x >> 7)
    x = x ^ (x << 17)
    if i % 50000 == 0 {
        next()
    }
}
collectgarbage()
collectgarbage()
ok := true
for i := 1; i <= 5000; i++ {
    if arr[i] != base + i || hash["k" .. i] != base - i || hash[base + 2 * i] != i {
        ok = false
    }
}
print(ok, local, next() - base)              // expect: true\t-1152921504606846983\t7
print(string.format("%x", x))                // expect: ad93ac41eb658520

// Drop everything, collect, then make new boxes: values stay right after slab reuse.
arr = nil
hash = nil
collectgarbage()
collectgarbage()
sum := 0
keep := {}
for i := 1; i <= 20000; i++ {
    v := base + i * 3
    if i % 1000 == 0 {
        keep[#keep + 1] = v
    }
    sum = sum + (v - base)
}
collectgarbage()
print(sum, #keep, keep[1] - base, keep[20] - base)   // expect: 600030000\t20\t3000\t60000
print(math.type(keep[5]), keep[5] == base + 15000)   // expect: integer\ttrue

// A table mixing boxed integers, strings, tables and closures in one array part (more
// items than the collector's mark ring), marked through deep nesting.
mixed := {}
for i := 1; i <= 40; i++ {
    mixed[#mixed + 1] = base + i
    mixed[#mixed + 1] = "s" .. i
    mixed[#mixed + 1] = {base - i}
    mixed[#mixed + 1] = func() { return base * 2 + i }
}
chain := {value: base + 99}
for i := 1; i <= 1000; i++ {
    chain = {next: chain, value: base + i}
}
for i := 1; i <= 100000; i++ { _ = {base + i} }
collectgarbage()
good := 0
for i := 1; i <= 40; i++ {
    j := (i - 1) * 4
    if mixed[j + 1] == base + i && mixed[j + 2] == "s" .. i && mixed[j + 3][1] == base - i && mixed[j + 4]() == base * 2 + i {
        good++
    }
}
depth := 0
for c := chain; c != nil; c = c.next {
    depth++
}
print(good, depth, chain.value - base)       // expect: 40\t1001\t1000
