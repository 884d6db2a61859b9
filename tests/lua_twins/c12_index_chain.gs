// __index chains with functions and tables, defaults, counting lookups
lookups := 0
base := {a: 1}
mid := setmetatable({b: 2}, {__index: base})
top := setmetatable({c: 3}, {__index: func(t, k) { lookups = lookups + 1; return mid[k] }})
for _, k := range ipairs({"a", "b", "c", "d"}) { print(k, top[k], rawget(top, k), lookups) }
defaults := setmetatable({}, {__index: func(t, k) { return k * 2 }})
for i := 1; i <= 5; i++ { print(i, defaults[i]) }
memo := setmetatable({}, {__index: func(t, k) {
    v := k == 0 && 1 || k * t[k - 1]
    rawset(t, k, v)
    return v
}})
for i := 0; i <= 12; i += 3 { print("fact", i, memo[i]) }
s := setmetatable({}, {__index: string})
print(s.upper("abc"), s.rep("-", 5))
