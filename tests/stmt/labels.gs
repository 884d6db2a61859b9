// Labeled break/continue (7.11).
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
sw:
switch 1 {
case 1:
    for i := 0; i < 5; i++ {
        if i == 2 { break sw }
        io.write(i, " ")
    }
    print("not reached")
}
print()                                               // expect: 0 1 
found := nil
search:
for _, row := range {{1, 2}, {3, 4}, {5, 6}} {
    for _, v := range row {
        if v == 4 {
            found = v
            break search
        }
    }
}
print(found)                                          // expect: 4
L1:
for i := 0; i < 2; i++ {
L2:
    for j := 0; j < 3; j++ {
        switch j {
        case 1:
            continue L2
        case 2:
            continue L1
        }
        io.write(i, j, " ")
    }
}
print()                                               // expect: 00 10 
count := 0
unused:
for count < 3 { count++ }
print(count)                                          // expect: 3
