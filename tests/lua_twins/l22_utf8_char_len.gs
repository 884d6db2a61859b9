// utf8.char, utf8.len, utf8.charpattern
cps := {72, 233, 8364, 128512, 0, 127, 128, 2047, 2048, 65535, 65536, 1114111}
for _, c := range ipairs(cps) {
    s := utf8.char(c)
    print(c, #s, utf8.len(s), string.format("%q", s):len(), s:byte(1, -1))
}
print(utf8.char(72, 101, 108, 108, 111), utf8.char())
strs := {"hello", "héllo", "日本語", "a\xffb", "\xe2\x82", "€uro", "ok\xc0\x80"}
for _, s := range ipairs(strs) { print(#s, utf8.len(s), utf8.len(s, 2), utf8.len(s, -1)) }
print(utf8.charpattern == "[\x00-\x7F\xC2-\xFD][\x80-\xBF]*")
n := 0
for ch := range ("añb€c"):gmatch(utf8.charpattern) { n = n + 1; print("char", n, ch, #ch) }
