// character frequencies with sorted output
text := "the quick brown fox jumps over the lazy dog and then the fox sleeps"
freq := {}
for c := range text:gmatch("%a") { freq[c] = (freq[c] || 0) + 1 }
letters := {}
for c := range pairs(freq) { letters[#letters + 1] = c }
table.sort(letters, func(a, b) { if freq[a] != freq[b] { return freq[a] > freq[b] }; return a < b })
for i, c := range ipairs(letters) { print(i, c, freq[c], string.rep("#", freq[c])) }
words := {}
for w := range text:gmatch("%a+") { words[w] = (words[w] || 0) + 1 }
ws := {}
for w, n := range pairs(words) { ws[#ws + 1] = w .. "=" .. n }
table.sort(ws)
print(#ws, table.concat(ws, " "))
