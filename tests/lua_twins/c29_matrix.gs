// matrix multiplication, transpose, identity, determinant (integers)
func mat(n, m, f) { r := {}; for i := 1; i <= n; i++ { r[i] = {}; for j := 1; j <= m; j++ { r[i][j] = f(i, j) } }; return r }
func mul(a, b) {
    return mat(#a, #b[1], func(i, j) { s := 0; for k := 1; k <= #b; k++ { s = s + a[i][k] * b[k][j] }; return s })
}
func T(a) { return mat(#a[1], #a, func(i, j) { return a[j][i] }) }
func show(name, a) { for i := 1; i <= #a; i++ { print(name, i, table.concat(a[i], " ")) } }
A := mat(3, 4, func(i, j) { return i * 10 + j })
B := mat(4, 2, func(i, j) { return (i + j) % 3 - 1 })
show("A", A); show("B", B); show("AB", mul(A, B)); show("At", T(A))
I := mat(3, 3, func(i, j) { return i == j && 1 || 0 })
show("AtI", mul(I, A))
func det(m) {
    if #m == 1 { return m[1][1] }
    d := 0
    for c := 1; c <= #m; c++ {
        sub := {}
        for i := 2; i <= #m; i++ { row := {}; for j := 1; j <= #m; j++ { if j != c { row[#row + 1] = m[i][j] } }; sub[#sub + 1] = row }
        d = d + (c % 2 == 1 && 1 || -1) * m[1][c] * det(sub)
    }
    return d
}
print(det({{2, 0, 1}, {1, 3, 2}, {1, 1, 1}}), det({{1, 2}, {3, 4}}), det(mat(4, 4, func(i, j) { return (i * j) % 5 + (i == j && 3 || 0) })))
