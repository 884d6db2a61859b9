-- fannkuch: fannkuch-redux (permutations, array reversal, checksum)
function fannkuch(n)
    local perm = {}
    local perm1 = {}
    local cnt = {}
    for i = 1, n do
        perm1[i] = i
        perm[i] = i
        cnt[i] = 0
    end
    local maxFlips = 0
    local checksum = 0
    local permCount = 0
    local r = n
    while true do
        while r ~= 1 do
            cnt[r] = r
            r = r - 1
        end
        for i = 1, n do
            perm[i] = perm1[i]
        end
        local flips = 0
        local k = perm[1]
        while k ~= 1 do
            local i = 1
            local j = k
            while i < j do
                local t = perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i = i + 1
                j = j - 1
            end
            flips = flips + 1
            k = perm[1]
        end
        if flips > maxFlips then
            maxFlips = flips
        end
        if permCount % 2 == 0 then
            checksum = checksum + flips
        else
            checksum = checksum - flips
        end
        -- next permutation
        while true do
            if r == n then
                return checksum, maxFlips
            end
            local perm0 = perm1[1]
            for i = 1, r do
                perm1[i] = perm1[i + 1]
            end
            perm1[r + 1] = perm0
            cnt[r + 1] = cnt[r + 1] - 1
            if cnt[r + 1] > 0 then
                break
            end
            r = r + 1
        end
        permCount = permCount + 1
    end
end

N = tonumber(arg and arg[1]) or 10
checksum, flips = fannkuch(N)
print(checksum)
print("Pfannkuchen(" .. N .. ") = " .. flips)
