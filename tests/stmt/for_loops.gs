// for forms (7.7).
sum := 0
for i := 1; i <= 10; i++ {
    if i % 2 == 0 { continue }
    sum += i
}
print(sum)                                            // expect: 25
n := 0
for n < 5 { n += 2 }
print(n)                                              // expect: 6
count := 0
for {
    count++
    if count == 3 { break }
}
print(count)                                          // expect: 3
k := 0
for ;; {
    k++
    if k >= 4 { break }
}
print(k)                                              // expect: 4
for i := 0; i < 2; { i++; io.write(i, ";") }
print()                                               // expect: 1;2;
j := 10
for ; j > 7; j-- { io.write(j, " ") }
print()                                               // expect: 10 9 8 
for i := 10; i > 0; i -= 3 { io.write(i, ",") }
print()                                               // expect: 10,7,4,1,
for i := 0.5; i < 2; i += 0.5 { io.write(i, " ") }
print()                                               // expect: 0.5 1 1.5 
print(i)                                              // expect: nil
posts := 0
for i := 0; i < 5; i++ {
    posts++
    if i < 4 { continue }
}
print(posts)                                          // expect: 5
for i, j := 0, 10; i < j; i, j = i + 1, j - 1 {
    if i == 3 { print(i, j) }                          // expect: 3\t7
}
for i := 0; i < 3; i++ {
    i := i * 10
    io.write(i, " ")
}
print()                                               // expect: 0 10 20 
