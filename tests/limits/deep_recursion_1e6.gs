// Non-tail recursion beyond the minimum depth of 100000 either completes or raises a
// catchable "stack overflow" (16); it never crashes.
func depth(n) {
    if n == 0 { return 0 }
    return 1 + depth(n - 1)
}
ok, r := pcall(depth, 1000000)
print(ok == true && r == 1000000 || string.sub(r, -14) == "stack overflow")   // expect: true
print(depth(100000))                                 // expect: 100000
