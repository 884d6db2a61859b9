// A branch exit whose snapshot holds a heap-boxed big integer: the engine restores it
// (the exit stub cannot box), then still records and links a side trace, whose load
// of the int slot accepts inline and boxed ints alike.
func main() {
    v := 5
    s := 0
    for i := 1; i <= 2000; i++ {
        if i % 2 == 0 {
            v = v + (1 << 48)
        } else {
            v = v - (1 << 48) + 1
        }
        s = s + (v & 0xFFFF)
    }
    print(v, s)
    // expect: 1005	1011000
}
main()
