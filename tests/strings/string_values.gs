// Strings are byte sequences with a shared metatable (4.4).
s := "hello"
print(#s, s[1], s.len == string.len, s:len())        // expect: 5\tnil\ttrue\t5
print(("x"):rep(3), "abc":upper(), `raw`:upper())    // expect: xxx\tABC\tRAW
print(getmetatable("").__index == string)            // expect: true
z := "a\x00b\x00"
print(#z, z:byte(2), z:byte(4), z == "a\000b\000")   // expect: 4\t0\t0\ttrue
print(string.byte("\xff\x80"), #"\u00e9\u00e9")      // expect: 255\t4
print(("abc"):byte(-1), ("abc"):sub(-2))             // expect: 99\tbc
t := {}
t["k"] = 1
k := "k"
print(t[k], t["" .. "k"])                            // expect: 1\t1
string.shout = func(self) { return self:upper() .. "!" }
print(("hey"):shout())                               // expect: HEY!
print(type(""), type("x" .. 1))                      // expect: string\tstring
big := string.rep("ab", 1000)
print(#big, big:sub(1999))                           // expect: 2000\tab
print(tostring("same") == "same", tostring(nil), tostring(true))   // expect: true\tnil\ttrue
