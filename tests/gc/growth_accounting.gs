// Buffer growth counts toward collections (regression: tables grown element by element
// in loops without calls never triggered a collection, so dropped tables piled up).
// skip-modes: gc-stress
maxkb := 0
for r := 1; r <= 30; r++ {
    t := {}
    for i := 1; i <= 200000; i++ { t[i] = true }
    kb := collectgarbage("count")
    if kb > maxkb { maxkb = kb }
}
print(maxkb < 40000)            // expect: true
