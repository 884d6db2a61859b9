-- string.trim/trimLeft/trimRight/padLeft/padRight vs equivalent Lua code
local function trim(s, cut) if cut then local set = "[" .. cut:gsub("[%]%^%-%%]", "%%%0") .. "]"; return (s:gsub("^" .. set .. "+", ""):gsub(set .. "+$", "")) end return (s:gsub("^[ \t\n\v\f\r]+", ""):gsub("[ \t\n\v\f\r]+$", "")) end
local function trimLeft(s) return (s:gsub("^[ \t\n\v\f\r]+", "")) end
local function trimRight(s) return (s:gsub("[ \t\n\v\f\r]+$", "")) end
local function padLeft(s, n, pad) pad = (pad == nil or pad == "") and " " or pad; if #s >= n then return s end local k = n - #s; return pad:rep(k // #pad + 1):sub(1, k) .. s end
local function padRight(s, n, pad) pad = (pad == nil or pad == "") and " " or pad; if #s >= n then return s end local k = n - #s; return s .. pad:rep(k // #pad + 1):sub(1, k) end
print("[" .. trim("  hi  ") .. "]", "[" .. trimLeft("\t hi ") .. "]", "[" .. trimRight(" hi \n") .. "]", "[" .. trim("") .. "]", "[" .. trim(" \t ") .. "]")
print(trim("xxhixx", "x"), trim("-=a=-", "=-"), trim("abc", "xyz"), trim("aaa", "a") == "")
print(padLeft("7", 3, "0"), padRight("ab", 5, "-="), padLeft("abc", 2), padLeft("x", 4), padRight("x", 4) .. "|", padLeft("5", 6, "ab"), padLeft("q", 3, ""))
for i = 0, 6 do io.write("[", padLeft("abc", i, "*"), "][", padRight("abc", i, "123"), "]") end
print()
