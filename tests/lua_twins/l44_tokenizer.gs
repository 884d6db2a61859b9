// a tokenizer built from string.find with anchored patterns and init
src := "let x1 = 42 + foo(3.5, 'str') -- done"
specs := {{"space", "^%s+"}, {"number", "^%d+%.?%d*"}, {"ident", "^[%a_][%w_]*"}, {"string", "^'[^']*'"}, {"comment", "^%-%-.*"}, {"op", "^[=+%-*/(),]"}}
pos := 1
n := 0
for pos <= #src {
    matched := false
    for _, sp := range ipairs(specs) {
        s, e := src:find(sp[2], pos)
        if s {
            if sp[1] != "space" { n = n + 1; print(n, sp[1], src:sub(s, e), s, e) }
            pos = e + 1
            matched = true
            break
        }
    }
    if !matched { print("error at", pos); break }
}
