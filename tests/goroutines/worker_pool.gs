// A worker pool: 4 workers take jobs from a buffered channel and send results (11.4).
jobs := make(chan, 100)
results := make(chan, 100)
func worker(id, jobs, results) {
    for j := range jobs {
        results <- {job: j, sq: j * j, by: id}
    }
}
for w := 1; w <= 4; w++ {
    go worker(w, jobs, results)
}
for j := 1; j <= 20; j++ { jobs <- j }
close(jobs)
got := {}
sum := 0
for i := 1; i <= 20; i++ {
    r := <-results
    got[r.job] = r.sq
    sum += r.sq
}
print(sum)                                           // expect: 2870
ok := true
for j := 1; j <= 20; j++ {
    if got[j] != j * j { ok = false }
}
print(ok, len(results))                              // expect: true\t0
