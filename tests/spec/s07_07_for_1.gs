sum := 0
for i := 1; i <= 10; i++ {
    if i % 2 == 0 { continue }
    sum += i
}
print(sum)             // expect: 25
n := 0
for n < 5 { n += 2 }
print(n)               // expect: 6
count := 0
for {
    count++
    if count == 3 { break }
}
print(count)           // expect: 3
