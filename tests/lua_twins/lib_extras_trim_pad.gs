// string.trim/trimLeft/trimRight/padLeft/padRight vs equivalent Lua code
trim := string.trim; trimLeft := string.trimLeft; trimRight := string.trimRight; padLeft := string.padLeft; padRight := string.padRight
print("[" .. trim("  hi  ") .. "]", "[" .. trimLeft("\t hi ") .. "]", "[" .. trimRight(" hi \n") .. "]", "[" .. trim("") .. "]", "[" .. trim(" \t ") .. "]")
print(trim("xxhixx", "x"), trim("-=a=-", "=-"), trim("abc", "xyz"), trim("aaa", "a") == "")
print(padLeft("7", 3, "0"), padRight("ab", 5, "-="), padLeft("abc", 2), padLeft("x", 4), padRight("x", 4) .. "|", padLeft("5", 6, "ab"), padLeft("q", 3, ""))
for i := 0; i <= 6; i++ { io.write("[", padLeft("abc", i, "*"), "][", padRight("abc", i, "123"), "]") }
print()
