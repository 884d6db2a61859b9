// pattern sets, ranges, negation, escapes
func perr(f, ...) { r := table.pack(pcall(f, ...)); if !r[1] { r[2] = (string.gsub((string.gsub(tostring(r[2]), "^[^:]*:%d+: ", "")), "'[%w_]+%.([%w_]+)'", "'%1'")) }; return table.unpack(r, 1, r.n) }
s := "The year 2024 had 366 days; x-y_z [ok] ^caret^ a]b"
print(s:match("[0-9]+"), s:match("[^%a%s]+"), s:match("[%a_%-]+", 30), s:match("[]ab]+", 50))
print(s:match("[%[%]]"), s:match("%^(%a+)%^"), s:match("[a-c]+"), s:match("[^ ]+$"))
print(("a-b"):match("[a%-]+"), ("a-b"):match("[-ab]+"), ("a-b"):match("[ab-]+"), ("2^3"):match("[%^%d]+"))
print(("xAbCx"):gsub("[A-Z]", "*"), ("x.y.z"):gsub("%.", "/"), ("tab\there"):gsub("[\t ]", "_"))
print(("αβγ"):match("[\xce][\xb1-\xb3]"), ("hello"):find("[aeiou]", 3), ("HELLO"):lower():find("[^l]+$"))
print(perr(string.find, "x", "[a"))
print(perr(string.find, "x", "%"))
print(perr(string.match, "x", "(x"))
print(perr(string.match, "x", "x)"))
print(perr(string.find, "x", "%b"))
print(perr(string.find, "x", "%f"))
print(perr(string.gsub, "x", "(x)", "%2"))
print(perr(string.gsub, "x", "x", "%z"))
print(perr(string.rep))
