-- table.sort on numbers, strings, mixed int/float, with comparators
local function show(t) local r = {} for i, v in ipairs(t) do r[i] = tostring(v) end return table.concat(r, " ") end
local seeds = {{5, 2, 8, 1, 9}, {3.5, 1, 2.25, -1, 0, 100}, {"banana", "apple", "Cherry", "date", "apple2"}, {10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, {}, {42}}
for _, s in ipairs(seeds) do
  table.sort(s) print("asc", show(s))
  table.sort(s, function(a, b) return a > b end) print("desc", show(s))
end
local big = {}
for i = 1, 100 do big[i] = (i * 37) % 101 end
table.sort(big)
print(big[1], big[50], big[100], show({table.unpack(big, 1, 10)}))
local recs = {}
for i = 1, 8 do recs[i] = {id = i, score = (i * 7) % 10 + i / 100} end
table.sort(recs, function(a, b) return a.score > b.score end)
for _, r in ipairs(recs) do print(r.id, r.score) end
