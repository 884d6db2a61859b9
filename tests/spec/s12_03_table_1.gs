t := {1, 2, 3}
table.insert(t, 4)
table.insert(t, 1, 0)
print(table.concat(t, ","))                                   // expect: 0,1,2,3,4
print(table.remove(t), table.remove(t, 1), table.concat(t, ","))   // expect: 4\t0\t1,2,3
print(table.concat({1, 2.5, "x", 3.0}, "-"), table.unpack({1, 2, 3}, 2))   // expect: 1-2.5-x-3.0\t2\t3
p := table.pack(1, nil, 3)
print(p.n, p[1], p[2], p[3])                                  // expect: 3\t1\tnil\t3
print(table.concat(table.move({1, 2, 3}, 1, 3, 2), ","))      // expect: 1,1,2,3
words := {"pear", "fig", "apple", "kiwi"}
table.sort(words, func(a, b) { return #a < #b })
print(table.concat(words, " "))                               // expect: fig pear kiwi apple
print(pcall(table.insert, {}, 5, 1))        // expect: false\tbad argument #2 to 'insert' (position out of bounds)
print(pcall(table.concat, {1, {}, 3}))      // expect: false\tinvalid value (table) at index 2 in table for 'concat'
m := {3, 1, 2}
print(table.concat(table.map(m, func(v, i) { return v * 10 }), ","), table.reduce(m, func(a, v) { return a + v }, 0))
// expect: 30,10,20\t6
print(table.concat(table.filter(m, func(v) { return v > 1 }), ","), table.indexOf(m, 2), table.contains(m, 5))
// expect: 3,2\t3\tfalse
print(table.concat(table.flatten({1, {2, {3, 4}}, 5}), ","), table.concat(table.unique({1, 2, 1, 3, 2}), ","))
// expect: 1,2,3,4,5\t1,2,3
print(table.concat(table.keys({x: 1, y: 2}), ","), #table.zip({1, 2, 3}, {"a", "b"}), table.count({a: 1, 2}))
// expect: x,y\t2\t2
