// permutations and combinations by recursion
func permute(arr, k, out) {
    k = k || 1
    if k > #arr { out[#out + 1] = table.concat(arr); return out }
    for i := k; i <= #arr; i++ {
        t := arr[k]; arr[k] = arr[i]; arr[i] = t
        permute(arr, k + 1, out)
        t = arr[k]; arr[k] = arr[i]; arr[i] = t
    }
    return out
}
ps := permute({"a", "b", "c", "d"}, 1, {})
table.sort(ps)
for i := 1; i <= #ps; i += 4 { print(i, ps[i], ps[i + 1], ps[i + 2], ps[i + 3]) }
func combos(n, k, start, cur, out) {
    if #cur == k { out[#out + 1] = table.concat(cur, ""); return }
    for i := start; i <= n; i++ { cur[#cur + 1] = i; combos(n, k, i + 1, cur, out); cur[#cur] = nil }
}
out := {}
combos(5, 3, 1, {}, out)
print(#out, table.concat(out, " "))
