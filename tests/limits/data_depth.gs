// Limits matrix (docs/reliability.md): deeply nested and cyclic data (json, tostring),
// table-size errors. All are catchable or plain results; the VM keeps working.
deep := string.rep("[", 100000) .. string.rep("]", 100000)
print(json.decode(deep))                             // expect: nil\tjson.decode: nesting too deep at position 1001
print(#json.decode(string.rep("[", 999) .. string.rep("]", 999)))   // expect: 1
print(json.decode(string.rep("{\"a\":", 5000) .. "1" .. string.rep("}", 5000)))   // expect: nil\tjson.decode: nesting too deep at position 5001
t := {}
t.self = t
t[1] = t
print(string.sub(tostring(t), 1, 6), type(tostring(t)))   // expect: table:\tstring
print(pcall(json.encode, t))                         // expect: false\tjson.encode: circular reference
func nest(n) { r := {}; for i := 1; i <= n; i++ { r = {r} }; return r }
print(pcall(json.encode, nest(5000)))                // expect: false\tjson.encode: nesting too deep
print(json.encode(nest(3)))                          // expect: [[[{}]]]
print((pcall(table.unpack, {}, 1, 1 << 40)))         // expect: false
print(select(2, pcall(table.unpack, {}, 1, 1 << 40)))   // expect: too many results to unpack
print(select(2, pcall(table.concat, {}, "", 1, 1 << 40)))   // expect: invalid value (nil) at index 1 in table for 'concat'
print(select(2, pcall(table.insert, {}, 1 << 40, 1)))   // expect: bad argument #2 to 'insert' (position out of bounds)
big := {}
for i := 1; i <= 1000000; i++ { big[i] = i }
print(#big, big[1000000])                            // expect: 1000000\t1000000
big = nil
collectgarbage()
print(json.encode({1, {2, {3}}}))                    // expect: [1,[2,[3]]]
