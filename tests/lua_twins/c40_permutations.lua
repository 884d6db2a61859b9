-- permutations and combinations by recursion
local function permute(arr, k, out)
  k = k or 1
  if k > #arr then out[#out + 1] = table.concat(arr) return out end
  for i = k, #arr do
    arr[k], arr[i] = arr[i], arr[k]
    permute(arr, k + 1, out)
    arr[k], arr[i] = arr[i], arr[k]
  end
  return out
end
local ps = permute({"a", "b", "c", "d"}, 1, {})
table.sort(ps)
for i = 1, #ps, 4 do print(i, ps[i], ps[i + 1], ps[i + 2], ps[i + 3]) end
local function combos(n, k, start, cur, out)
  if #cur == k then out[#out + 1] = table.concat(cur, "") return end
  for i = start, n do cur[#cur + 1] = i combos(n, k, i + 1, cur, out) cur[#cur] = nil end
end
local out = {}
combos(5, 3, 1, {}, out)
print(#out, table.concat(out, " "))
