// table.sort on numbers, strings, mixed int/float, with comparators
func show(t) { r := {}; for i, v := range ipairs(t) { r[i] = tostring(v) }; return table.concat(r, " ") }
seeds := {{5, 2, 8, 1, 9}, {3.5, 1, 2.25, -1, 0, 100}, {"banana", "apple", "Cherry", "date", "apple2"}, {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, {}, {42}}
for _, s := range ipairs(seeds) {
    table.sort(s); print("asc", show(s))
    table.sort(s, func(a, b) { return a > b }); print("desc", show(s))
}
big := {}
for i := 1; i <= 100; i++ { big[i] = (i * 37) % 101 }
table.sort(big)
print(big[1], big[50], big[100], show({table.unpack(big, 1, 10)}))
recs := {}
for i := 1; i <= 8; i++ { recs[i] = {id: i, score: (i * 7) % 10 + i / 100} }
table.sort(recs, func(a, b) { return a.score > b.score })
for _, r := range ipairs(recs) { print(r.id, r.score) }
