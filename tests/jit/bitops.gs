// JIT: bitwise operators and integers outside the 48-bit inline range (heap-boxed in
// the interpreter, raw i64 in traces; boxed on write-back, in stores and at exits).
func main() {
    // xorshift64: carried big integers, shifts by constants.
    x := 88172645463325252
    acc := 0
    for i := 1; i <= 300; i++ {
        x = x ^ (x << 13)
        x = x ^ (x >> 7)
        x = x ^ (x << 17)
        acc = acc ^ (x >> 3)
        acc = (acc << 1) | (acc >> 63)
    }
    print(x, acc)
    // Boundary values around the inline range and the 64-bit wrap.
    vals := {1 << 47, (1 << 47) - 1, -(1 << 47), -(1 << 47) - 1, 9223372036854775807, -9223372036854775807 - 1, 0, -1, 12345}
    out := {}
    for i := 1; i <= #vals; i++ {
        v := vals[i]
        out[#out + 1] = v + 1
        out[#out + 1] = v - 1
        out[#out + 1] = v * 3
        out[#out + 1] = v & 0xff00ff00ff00ff
        out[#out + 1] = v | 1
        out[#out + 1] = v ^ -1
        out[#out + 1] = ^v
        out[#out + 1] = -v
    }
    print(table.concat(out, " "))
    // Shifts by variable counts: 63, 64, -1, -64, 65, 0, large.
    shifts := {0, 1, 47, 48, 63, 64, 65, -1, -63, -64, -65, 1000, -1000}
    s := {}
    for i := 1; i <= #shifts; i++ {
        n := shifts[i]
        s[#s + 1] = (-1) << n
        s[#s + 1] = (-1) >> n
        s[#s + 1] = 5 << n
        s[#s + 1] = 0x4000000000000001 >> n
    }
    print(table.concat(s, " "))
    // Comparisons of big integers, and big integers as loop bounds.
    big := 1 << 50
    c := 0
    for j := big; j < big + 100; j++ {
        if j > big + 49 {
            c = c + 1
        }
    }
    print(c)
    // popcount with a loop that runs while a big integer is non-zero.
    y := -6148914691236517206
    bits := 0
    for y != 0 {
        y = y & (y - 1)
        bits++
    }
    print(bits)
    // A big integer stored into a table and read back after a collection.
    keep := {}
    z := 1 << 60
    for k := 1; k <= 200; k++ {
        z = z + 7
        keep[k] = z
    }
    collectgarbage()
    print(keep[1], keep[200], keep[200] - keep[1])
    // Bitwise ops on floats with integral values take the interpreter's path.
    f := 0
    for k := 1; k <= 100; k++ {
        f = f + (k * 1.0 | 0)
    }
    print(f)
    // Shifts by constant counts out of range (0 for 64 and more, negative counts shift
    // the other way), and bitwise not.
    u := -6148914691236517206
    v := 0
    for k := 1; k <= 60; k++ {
        v = v + (u << 64) + (u >> 64) + (u << -1) + (u >> -1) + (u << 63) + (u >> 63) + (^u & 0xff) + k
    }
    print(v)
}
main()

// expect: -2110426188730173473	-4756678976450878414
// expect: 140737488355329 140737488355327 422212465065984 0 140737488355329 -140737488355329 -140737488355329 -140737488355328 140737488355328 140737488355326 422212465065981 1095233372415 140737488355327 -140737488355328 -140737488355328 -140737488355327 -140737488355327 -140737488355329 -422212465065984 71776119061217280 -140737488355327 140737488355327 140737488355327 140737488355328 -140737488355328 -140737488355330 -422212465065987 71777214294589695 -140737488355329 140737488355328 140737488355328 140737488355329 -9223372036854775808 9223372036854775806 9223372036854775805 71777214294589695 9223372036854775807 -9223372036854775808 -9223372036854775808 -9223372036854775807 -9223372036854775807 9223372036854775807 -9223372036854775808 0 -9223372036854775807 9223372036854775807 9223372036854775807 -9223372036854775808 1 -1 0 0 1 -1 -1 0 0 -2 -3 71777214294589695 -1 0 0 1 12346 12344 37035 57 12345 -12346 -12346 -12345
// expect: -1 -1 5 4611686018427387905 -2 9223372036854775807 10 2305843009213693952 -140737488355328 131071 703687441776640 32768 -281474976710656 65535 1407374883553280 16384 -9223372036854775808 1 -9223372036854775808 0 0 0 0 0 0 0 0 0 9223372036854775807 -2 2 -9223372036854775806 1 -9223372036854775808 0 -9223372036854775808 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
// expect: 50
// expect: 32
// expect: 1152921504606846983	1152921504606848376	1393
// expect: 5050
// expect: 6890
