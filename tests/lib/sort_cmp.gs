// Builtins calling script functions for one result (table.sort comparators, gsub
// replacement functions): extra results are ignored, no result counts as nil.
t := {5, 2, 8, 1, 9, 3}
table.sort(t, func(a, b) { return a > b, "ignored" })
print(table.concat(t, " "))                       // expect: 9 8 5 3 2 1
calls := 0
u := {3, 1, 2}
table.sort(u, func(a, b) { calls++; if a < b { return true } })
print(table.concat(u, " "), calls > 0)            // expect: 1 2 3\ttrue
s := string.gsub("a-b-c", "%a", func(c) { return c .. c, "x" })
print(s)                                          // expect: aa-bb-cc
s2 := string.gsub("a-b", "%a", func(c) { })
print(s2)                                         // expect: a-b
ok, err := pcall(table.sort, {3, 2, 1}, func(a, b) { error("boom") })
print(ok, err)                                    // expect: false\tsort_cmp.gs:14: boom
