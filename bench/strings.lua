-- strings: string building (concat, table.concat, format, rep) and pattern matching (find, match, gmatch, gsub)
WORDS = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"}

function buildLine(i)
    local w = WORDS[i % #WORDS + 1]
    return string.format("%05d:%s=%d;", i, w, i * 7 % 1000)
end

function buildText(n)
    local parts = {}
    for i = 1, n do
        parts[#parts + 1] = buildLine(i)
    end
    return table.concat(parts, "\n")
end

function concatLoop(n)
    local s = ""
    local total = 0
    for i = 1, n do
        s = s .. WORDS[i % #WORDS + 1] .. ","
        if #s > 200 then
            total = total + #s
            s = ""
        end
    end
    return total + #s
end

function patterns(text)
    -- sum of all numbers after '='
    local sum = 0
    for v in string.gmatch(text, "=(%d+);") do
        sum = sum + tonumber(v)
    end
    -- count keys with an 'e' followed by letters
    local count = 0
    for k in string.gmatch(text, ":(%a*e%a*)=") do
        count = count + 1
    end
    -- rewrite key=value as value<-KEY
    local rewritten, nsub = string.gsub(text, "(%a+)=(%d+)", "%2<-%1")
    local up = string.upper(string.sub(rewritten, 1, 40))
    -- find positions of a plain string and a pattern
    local pos = 0
    local hits = 0
    while true do
        local s, e = string.find(text, "theta", pos + 1, true)
        if s == nil then
            break
        end
        hits = hits + 1
        pos = e
    end
    local a, b, c = string.match(text, "(%d+):(%a+)=(%d+);\n00002")
    return sum, count, nsub, #rewritten, up, hits, a .. "/" .. b .. "/" .. c
end

function bytesum(s)
    local h = 0
    for i = 1, #s, 7 do
        h = (h * 31 + string.byte(s, i)) % 1000000007
    end
    return h
end

N = tonumber(arg and arg[1]) or 30
total = 0
text = ""
for r = 1, N do
    text = buildText(20000 + r)
    total = total + concatLoop(20000)
    local sum, count, nsub, rlen, up, hits, m = patterns(text)
    total = (total + sum + count + nsub + rlen + hits) % 1000000007
    if r == N then
        print("sum=" .. sum .. " count=" .. count .. " nsub=" .. nsub .. " rlen=" .. rlen .. " hits=" .. hits)
        print("up=" .. up)
        print("match=" .. m)
    end
end
rev = string.reverse(string.rep("ab", 1000) .. "c")
print("len=" .. #text .. " bytesum=" .. bytesum(text) .. " rev=" .. string.sub(rev, 1, 5))
print("total=" .. total)
