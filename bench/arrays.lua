-- arrays: integer array reads and writes (prefix sums, stencils, reversal, histogram)
function run(n, rounds)
    local a = {}
    local b = {}
    for i = 1, n do
        a[i] = (i * 7919) % 1000
        b[i] = 0
    end
    local hist = {}
    for i = 1, 100 do
        hist[i] = 0
    end
    local check = 0
    for r = 1, rounds do
        -- prefix sums modulo 1000
        b[1] = a[1]
        for i = 2, n do
            b[i] = (b[i - 1] + a[i]) % 1000
        end
        -- 3-point stencil back into a
        for i = 2, n - 1 do
            a[i] = (b[i - 1] + b[i] + b[i + 1] + r) % 1000
        end
        -- reverse b in place
        local i = 1
        local j = n
        while i < j do
            local t = b[i]
            b[i] = b[j]
            b[j] = t
            i = i + 1
            j = j - 1
        end
        -- histogram of a
        for k = 1, n do
            local h = a[k] % 100 + 1
            hist[h] = hist[h] + 1
        end
        check = (check * 31 + b[1] + a[math.floor(n / 2)] + hist[r % 100 + 1]) % 1000000007
    end
    return check
end

N = tonumber(arg and arg[1]) or 4000
print("check = " .. run(10000, N))
