outer:
for i := 1; i <= 3; i++ {
    for j := 1; j <= 3; j++ {
        if j == 2 { continue outer }
        if i == 3 { break outer }
        print(i, j)
    }
}
// expect: 1\t1
// expect: 2\t1
