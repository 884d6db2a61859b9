// closures: creating closures, calling them, shared mutable upvalues, higher-order functions
func makeCounter() {
    n := 0
    inc := func(d) {
        n += d
        return n
    }
    get := func() {
        return n
    }
    return inc, get
}

func makeAdder(k) {
    return func(x) {
        return x + k
    }
}

func compose(f, g) {
    return func(x) {
        return f(g(x))
    }
}

func mapArray(a, f) {
    r := {}
    for i := 1; i <= #a; i++ {
        r[i] = f(a[i])
    }
    return r
}

func foldArray(a, f, acc) {
    for i := 1; i <= #a; i++ {
        acc = f(acc, a[i])
    }
    return acc
}

func run(n) {
    total := 0
    inc, get := makeCounter()
    for i := 1; i <= n; i++ {
        add := makeAdder(i % 7)
        twice := compose(add, add)
        inc(twice(i % 100))
        if i % 1000 == 0 {
            total = (total + get()) % 1000000007
        }
    }
    arr := {}
    for i := 1; i <= 1000; i++ {
        arr[i] = i
    }
    scale := 3
    rounds := math.floor(n / 1000)
    for r := 1; r <= rounds; r++ {
        m := mapArray(arr, func(x) { return x * scale + r })
        s := foldArray(m, func(acc, x) { return (acc + x) % 1000003 }, 0)
        total = (total + s) % 1000000007
    }
    return total, get()
}

N := tonumber(arg[1]) || 3000000
total, count := run(N)
print("total = " .. total)
print("counter = " .. count)
