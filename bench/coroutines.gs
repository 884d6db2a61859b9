// coroutines: resume/yield ping-pong, generators and a producer/filter/consumer pipeline
func pingPong(n) {
    co := coroutine.create(func(x) {
        for {
            x = coroutine.yield(x * 2 % 1000003)
        }
    })
    sum := 0
    v := 1
    for i := 1; i <= n; i++ {
        ok, r := coroutine.resume(co, v + i)
        sum = (sum + r) % 1000000007
        v = r
    }
    return sum
}

func gen(n) {
    return coroutine.wrap(func() {
        for i := 1; i <= n; i++ {
            coroutine.yield(i)
        }
        coroutine.yield(nil)
    })
}

func filter(src, m) {
    return coroutine.wrap(func() {
        for {
            v := src()
            if v == nil {
                break
            }
            if v % m != 0 {
                coroutine.yield(v)
            }
        }
        coroutine.yield(nil)
    })
}

func pipeline(n) {
    src := filter(filter(gen(n), 3), 5)
    count := 0
    sum := 0
    for {
        v := src()
        if v == nil {
            break
        }
        count++
        sum = (sum + v) % 1000000007
    }
    return count, sum
}

N := tonumber(arg[1]) || 3000000
print("pingpong = " .. pingPong(N))
count, sum := pipeline(N)
print("pipeline count = " .. count .. " sum = " .. sum)
