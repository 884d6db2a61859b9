// table extras (map/filter/reduce/indexOf/contains/reverse/slice/unique/zip) vs Lua code
map := table.map; filter := table.filter; reduce := table.reduce; indexOf := table.indexOf; contains := table.contains; reverse := table.reverse; slice := table.slice; unique := table.unique; zip := table.zip
t := {5, 3, 8, 1, 9, 3, 5}
print(table.concat(map(t, func(v, i) { return  v * i  }), ","), table.concat(filter(t, func(v, i) { return  v > 3 && i > 1  }), ","))
print(reduce(t, func(a, v) { return  a + v  }, 0), reduce(t, func(a, v) { return  a .. v  }, ""), reduce({}, func(a, v) { return  a + v  }, 42))
print(indexOf(t, 3), indexOf(t, 7), indexOf(t, 5.0), contains(t, 9), contains({x:  "y"}, "y"), contains(t, "5"))
print(table.concat(reverse({1, 2, 3, 4}), ","), table.concat(reverse({1, 2, 3}), ","), #reverse({}))
print(table.concat(slice(t, 2, 4), ","), table.concat(slice(t, 5), ","), #slice(t, 4, 2), table.concat(unique(t), ","), table.concat(unique({1, 1.0, "1"}), ","))
z := zip({1, 2, 3}, {"a", "b"})
print(#z, z[1][1], z[1][2], z[2][1], z[2][2])
