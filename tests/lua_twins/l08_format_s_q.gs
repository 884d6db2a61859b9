// string.format %s and %q
vals := {"plain", "", "with space", 42, 4.5, 2.0, true, false, nil}
for i := 1; i <= 9; i++ {
    v := vals[i]
    print(string.format("[%s] [%10s] [%-10s] [%.3s]", tostring(v), v == nil && "nil" || v, tostring(v), tostring(v)))
}
qs := {"simple", "quote\"d", "back\\slash", "new\nline", "tab\tchar", "nul\x00byte", "\r\n", "bell\a", "\x01" .. "992", "é"}
for _, s := range ipairs(qs) { print(string.format("%q", s)) }
print(string.format("%q %q %q %q", 1, -7, math.mininteger, 0.5))
print(string.format("%q %q %q", 1 / 0, -1 / 0, 2.0 ** 63))
print(string.format("%s %s", 1, 1.0), string.format("%5s|%-5s|", 12, 1.5))
