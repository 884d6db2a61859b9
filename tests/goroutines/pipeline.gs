// A three-stage pipeline over unbuffered channels; order is preserved per channel.
func gen(n) {
    out := make(chan)
    go func() {
        for i := 1; i <= n; i++ { out <- i }
        close(out)
    }()
    return out
}
func square(in) {
    out := make(chan)
    go func() {
        for v := range in { out <- v * v }
        close(out)
    }()
    return out
}
func sum(in) {
    out := make(chan)
    go func() {
        s := 0
        for v := range in { s += v }
        out <- s
    }()
    return out
}
print(<-sum(square(gen(100))))                       // expect: 338350
// Fan-in: two producers merged with select until both are closed.
a, b := gen(3), gen(4)
total := 0
for a != nil || b != nil {
    select {
    case v, ok := <-a:
        if !ok { a = nil; continue }
        total += v
    case v, ok := <-b:
        if !ok { b = nil; continue }
        total += v * 100
    }
}
print(total)                                         // expect: 1006
