// array traversal with ipairs and numeric loops, holes stop ipairs
t := {}
for i := 1; i <= 12; i++ { t[#t + 1] = i * i }
for i, v := range ipairs(t) { print(i, v) }
s := 0
for i := #t; i >= 1; i -= 2 { s = s + t[i]; print("rev", i, t[i], s) }
holes := {1, 2, nil, 4}
n := 0
for _ := range ipairs(holes) { n = n + 1 }
print("ipairs stops at hole", n)
m := {{1, 2, 3}, {4, 5, 6}}
for r, row := range ipairs(m) { for c, v := range ipairs(row) { print(r, c, v) } }
