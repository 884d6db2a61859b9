// JIT: a loop recorded in its last iteration ("closed anyway") whose compilation then
// fails must resume after the loop, not at its header (the body ran once more: a fourth
// row with -jhot=3, jit_traces::failed_compile_of_a_closed_loop_resumes_after_it).
func mat(n, m) {
    r := {}
    for i := 1; i <= n; i++ {
        r[i] = {}
        for j := 1; j <= m; j++ { r[i][j] = i * 10 + j }
    }
    return r
}
A := mat(3, 4)
print(#A, #A[1], A[3][4])
// expect: 3	4	34
