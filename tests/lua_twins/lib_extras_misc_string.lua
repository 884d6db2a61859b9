-- string.title/repeat/isNumeric vs equivalent Lua code
local function title(s) return (s:gsub("()(%l)", function(i, c) if i == 1 or s:sub(i - 1, i - 1):match("[ \t\n\v\f\r]") then return c:upper() end end)) end
local function isNumeric(s) return tonumber(s) ~= nil end
string["repeat"] = string.rep
print(title("hello big world"), title("  two  spaces"), title("already Title"), title("x"), title(""), title("a-b c_d\te"))
print(string["repeat"]("ab", 3), string["repeat"]("x", 0), ("z"):rep(2))
local nums = {"10", "0x1F", "1e3", " 5 ", "1_0", "abc", "", "1.5.2", "-7", "inf", "nan", "0x", ".5", "5."}
for _, n in ipairs(nums) do io.write(tostring(isNumeric(n)), " ") end
print()
