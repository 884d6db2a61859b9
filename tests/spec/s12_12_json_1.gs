print(json.encode({1, 2.5, "x", true}), json.encode({b: 1, a: {2.0}, c: "q\"\n"}))
// expect: [1,2.5,"x",true]\t{"a":[2],"b":1,"c":"q\\"\\n"}
print(json.encode({0.1, 1e21, 1 / 3, 100.0, 1e-7, 0 / 0}))   // expect: [0.1,1e+21,0.3333333333333333,100,1e-7,null]
v := json.decode(`{"n": 3, "f": 1.5, "s": "h\u00e9", "a": [1, null, 3], "o": {}}`)
print(v.n, math.type(v.n), v.f, v.s, v.a[3], type(v.o))      // expect: 3\tinteger\t1.5\thé\t3\ttable
bad, err := json.decode("[1,")
print(bad, string.sub(err, 1, 12))                           // expect: nil\tjson.decode:
print(pcall(json.encode, {f: print}))                        // expect: false\tjson.encode: cannot encode a function value
print(json.pretty({name: "x", list: {1, 2}, empty: {}}))
// expect: {
// expect:   "empty": {},
// expect:   "list": [
// expect:     1,
// expect:     2
// expect:   ],
// expect:   "name": "x"
// expect: }
