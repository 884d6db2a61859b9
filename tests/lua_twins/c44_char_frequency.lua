-- character frequencies with sorted output
local text = "the quick brown fox jumps over the lazy dog and then the fox sleeps"
local freq = {}
for c in text:gmatch("%a") do freq[c] = (freq[c] or 0) + 1 end
local letters = {}
for c in pairs(freq) do letters[#letters + 1] = c end
table.sort(letters, function(a, b) if freq[a] ~= freq[b] then return freq[a] > freq[b] end return a < b end)
for i, c in ipairs(letters) do print(i, c, freq[c], string.rep("#", freq[c])) end
local words = {}
for w in text:gmatch("%a+") do words[w] = (words[w] or 0) + 1 end
local ws = {}
for w, n in pairs(words) do ws[#ws + 1] = w .. "=" .. n end
table.sort(ws)
print(#ws, table.concat(ws, " "))
