// Fisher-Yates shuffle with a seeded generator
math.randomseed(2024)
t := {}
for i := 1; i <= 20; i++ { t[i] = i }
for k := 1; k <= 19; k++ { i := 21 - k; j := math.random(i); t[i], t[j] = t[j], t[i] }
print(table.concat(t, " "))
hist := {0, 0, 0, 0}
for i := 1; i <= 1000; i++ { r := math.random(4); hist[r] = hist[r] + 1 }
print(table.concat(hist, " "))
f := 0
for i := 1; i <= 100; i++ { f = f + math.random() }
print(string.format("%.10f", f))
