// json.encode / json.decode / json.pretty (spec 12.12)
print(json.encode(nil), json.encode(true), json.encode(42), json.encode(-0.0), json.encode(2.0), json.encode("a\"b\\c\n\t\x01"))
print(json.encode({}), json.encode({1, 2, 3}), json.encode({[2]: "x"}), json.encode({1, nil, 3}), json.encode({[1]: "a", [2]: "b", x: 1}))
print(json.encode({b: 1, a: 2, [10]: 3, [1.5]: 4}))
print(json.encode({1e21, 1e-7, 123.456, 0.1, 1 / 0, -1 / 0, 5e-324, 1e20}))
print(pcall(json.encode, {f: print}))
print(pcall(json.encode, {[true]: 1}))
t := {}
t.self = t
print(pcall(json.encode, t))
deep := {}
cur := deep
for i := 1; i <= 1001; i++ { cur[1] = {}; cur = cur[1] }
print(pcall(json.encode, deep))
v := json.decode(`{"n": 3, "f": 1.5, "e": 1e2, "big": 12345678901234567890, "s": "h\u00e9\ud83d\ude00\ud800", "a": [1, null, 3], "o": {}, "t": true, "z": null, "dup": 1, "dup": 2}`)
print(v.n, math.type(v.n), v.f, v.e, math.type(v.e), v.big, v.s, #v.s, v.a[1], v.a[2], v.a[3], type(v.o), v.t, v.z, v.dup)
print(json.decode("  [ ]  ")[1], json.decode("\"x\""), json.decode("-0"), json.decode("null"), json.decode("1E400"))
for _, bad := range ipairs({"[1,", "{\"a\" 1}", "[1] x", "", "tru", "\"\\q\"", "01", "[1,]"}) {
    r, err := json.decode(bad)
    print(r, string.sub(err, 1, 13))
}
print(json.pretty({name: "x", list: {1, 2}, empty: {}, nested: {a: {}}}))
print(json.pretty({1, {2}}, 4))
print(json.pretty({k: "v"}, "\t"))
print(json.pretty(5), json.pretty({}))


// Expected output:
// expect: null\ttrue\t42\t-0\t2\t"a\\"b\\\\c\\n\\t\\u0001"
// expect: {}\t[1,2,3]\t{"2":"x"}\t{"1":1,"3":3}\t{"1":"a","2":"b","x":1}
// expect: {"1.5":4,"10":3,"a":2,"b":1}
// expect: [1e+21,1e-7,123.456,0.1,null,null,5e-324,100000000000000000000]
// expect: false\tjson.encode: cannot encode a function value
// expect: false\tjson.encode: invalid key type boolean
// expect: false\tjson.encode: circular reference
// expect: false\tjson.encode: nesting too deep
// expect: 3\tinteger\t1.5\t100.0\tfloat\t1.2345678901235e+19\thé😀�\t10\t1\tnil\t3\ttable\ttrue\tnil\t2
// expect: nil\tx\t0\tnil\tinf
// expect: nil\tjson.decode: 
// expect: nil\tjson.decode: 
// expect: nil\tjson.decode: 
// expect: nil\tjson.decode: 
// expect: nil\tjson.decode: 
// expect: nil\tjson.decode: 
// expect: nil\tjson.decode: 
// expect: nil\tjson.decode: 
// expect: {
// expect:   "empty": {},
// expect:   "list": [
// expect:     1,
// expect:     2
// expect:   ],
// expect:   "name": "x",
// expect:   "nested": {
// expect:     "a": {}
// expect:   }
// expect: }
// expect: [
// expect:     1,
// expect:     [
// expect:         2
// expect:     ]
// expect: ]
// expect: {
// expect: \t"k": "v"
// expect: }
// expect: 5\t{}
