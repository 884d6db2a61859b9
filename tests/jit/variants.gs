// Loop traces specialised by their pre-header: a test of a parameter is loop-invariant,
// so the trace's guard on it is hoisted and fails at the trace's entry when the function
// is called with the other value. The engine records a *variant* of the loop for the
// other case (linked from the failed entry), or, when that cannot be recorded, waits a
// growing number of back-edges before trying the trace again.

// Both directions are traceable: each value of `desc` gets its own trace of the loop.
func isSorted(a, desc) {
    for i := 2; i <= #a; i++ {
        if desc {
            if a[i - 1] < a[i] {
                return false
            }
        } else if a[i - 1] > a[i] {
            return false
        }
    }
    return true
}

up := {}
down := {}
for i := 1; i <= 300; i++ {
    up[i] = i
    down[i] = 301 - i
}
r := 0
for k := 1; k <= 40; k++ {
    if isSorted(up, false) { r += 1 }
    if isSorted(down, true) { r += 10 }
    if isSorted(up, true) { r += 100 }
    if isSorted(down, false) { r += 1000 }
}
print(r)
// expect: 440

// The other case calls through pcall (not traced): its variant cannot be recorded, so
// failed entries are penalised instead of exiting at every back-edge.
func mix(plain, n) {
    s := 0
    for i := 1; i <= n; i++ {
        if plain {
            s += i
        } else {
            ok, v := pcall(tostring, i)
            s += #("x" .. v)
        }
    }
    return s
}

t := 0
for k := 1; k <= 20; k++ {
    t += mix(true, 200)
}
for k := 1; k <= 20; k++ {
    t += mix(false, 500)
}
for k := 1; k <= 5; k++ {
    t += mix(true, 100) + mix(false, 100)
}
print(t)
// expect: 466550

// Entry type checks: the same loop entered with an integer and with a float accumulator.
func sum(acc, n) {
    for i := 1; i <= n; i++ {
        acc = acc + i * 2
    }
    return acc
}
u := 0
for k := 1; k <= 30; k++ {
    u = u + sum(0, 100) + sum(0.5, 100)
}
print(u)
// expect: 606015.0
