// strings: string building (concat, table.concat, format, rep) and pattern matching (find, match, gmatch, gsub)
WORDS := {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"}

func buildLine(i) {
    w := WORDS[i % #WORDS + 1]
    return string.format("%05d:%s=%d;", i, w, i * 7 % 1000)
}

func buildText(n) {
    parts := {}
    for i := 1; i <= n; i++ {
        parts[#parts + 1] = buildLine(i)
    }
    return table.concat(parts, "\n")
}

func concatLoop(n) {
    s := ""
    total := 0
    for i := 1; i <= n; i++ {
        s = s .. WORDS[i % #WORDS + 1] .. ","
        if #s > 200 {
            total += #s
            s = ""
        }
    }
    return total + #s
}

func patterns(text) {
    // sum of all numbers after '='
    sum := 0
    for v := range string.gmatch(text, "=(%d+);") {
        sum += tonumber(v)
    }
    // count keys with an 'e' followed by letters
    count := 0
    for k := range string.gmatch(text, ":(%a*e%a*)=") {
        count++
    }
    // rewrite key=value as value<-KEY
    rewritten, nsub := string.gsub(text, "(%a+)=(%d+)", "%2<-%1")
    up := string.upper(string.sub(rewritten, 1, 40))
    // find positions of a plain string and a pattern
    pos := 0
    hits := 0
    for {
        s, e := string.find(text, "theta", pos + 1, true)
        if s == nil {
            break
        }
        hits++
        pos = e
    }
    a, b, c := string.match(text, "(%d+):(%a+)=(%d+);\n00002")
    return sum, count, nsub, #rewritten, up, hits, a .. "/" .. b .. "/" .. c
}

func bytesum(s) {
    h := 0
    for i := 1; i <= #s; i += 7 {
        h = (h * 31 + string.byte(s, i)) % 1000000007
    }
    return h
}

N := tonumber(arg[1]) || 30
total := 0
text := ""
for r := 1; r <= N; r++ {
    text = buildText(20000 + r)
    total += concatLoop(20000)
    sum, count, nsub, rlen, up, hits, m := patterns(text)
    total = (total + sum + count + nsub + rlen + hits) % 1000000007
    if r == N {
        print("sum=" .. sum .. " count=" .. count .. " nsub=" .. nsub .. " rlen=" .. rlen .. " hits=" .. hits)
        print("up=" .. up)
        print("match=" .. m)
    }
}
rev := string.reverse(string.rep("ab", 1000) .. "c")
print("len=" .. #text .. " bytesum=" .. bytesum(text) .. " rev=" .. string.sub(rev, 1, 5))
print("total=" .. total)
