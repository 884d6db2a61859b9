-- sort: hand-written quicksort (with insertion sort for small ranges) and table.sort with a comparator
function randomArray(n, seed)
    local a = {}
    for i = 1, n do
        seed = (seed * 48271) % 2147483647
        a[i] = seed % 1000000
    end
    return a
end

function insertionSort(a, lo, hi)
    for i = lo + 1, hi do
        local v = a[i]
        local j = i - 1
        while j >= lo and a[j] > v do
            a[j + 1] = a[j]
            j = j - 1
        end
        a[j + 1] = v
    end
end

function quicksort(a, lo, hi)
    while hi - lo > 16 do
        local mid = math.floor((lo + hi) / 2)
        local pivot = a[mid]
        local i = lo
        local j = hi
        while i <= j do
            while a[i] < pivot do
                i = i + 1
            end
            while a[j] > pivot do
                j = j - 1
            end
            if i <= j then
                local t = a[i]
                a[i] = a[j]
                a[j] = t
                i = i + 1
                j = j - 1
            end
        end
        if j - lo < hi - i then
            quicksort(a, lo, j)
            lo = i
        else
            quicksort(a, i, hi)
            hi = j
        end
    end
    insertionSort(a, lo, hi)
end

function checksum(a)
    local s = 0
    for i = 1, #a do
        s = (s * 31 + a[i]) % 1000000007
    end
    return s
end

function isSorted(a, desc)
    for i = 2, #a do
        if desc then
            if a[i - 1] < a[i] then
                return false
            end
        elseif a[i - 1] > a[i] then
            return false
        end
    end
    return true
end

N = tonumber(arg and arg[1]) or 300000
a = randomArray(N, 42)
quicksort(a, 1, N)
print("quicksort sorted: " .. tostring(isSorted(a, false)) .. " checksum: " .. checksum(a))
b = randomArray(N, 4242)
table.sort(b, function(x, y) return x > y end)
print("table.sort desc sorted: " .. tostring(isSorted(b, true)) .. " checksum: " .. checksum(b))
c = randomArray(N, 7)
table.sort(c)
print("table.sort asc sorted: " .. tostring(isSorted(c, false)) .. " checksum: " .. checksum(c))
print("min " .. a[1] .. " max " .. a[N] .. " median " .. c[math.floor(N / 2) + 1])
