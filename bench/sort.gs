// sort: hand-written quicksort (with insertion sort for small ranges) and table.sort with a comparator
func randomArray(n, seed) {
    a := {}
    for i := 1; i <= n; i++ {
        seed = (seed * 48271) % 2147483647
        a[i] = seed % 1000000
    }
    return a
}

func insertionSort(a, lo, hi) {
    for i := lo + 1; i <= hi; i++ {
        v := a[i]
        j := i - 1
        for j >= lo && a[j] > v {
            a[j + 1] = a[j]
            j--
        }
        a[j + 1] = v
    }
}

func quicksort(a, lo, hi) {
    for hi - lo > 16 {
        mid := math.floor((lo + hi) / 2)
        pivot := a[mid]
        i := lo
        j := hi
        for i <= j {
            for a[i] < pivot {
                i++
            }
            for a[j] > pivot {
                j--
            }
            if i <= j {
                t := a[i]
                a[i] = a[j]
                a[j] = t
                i++
                j--
            }
        }
        if j - lo < hi - i {
            quicksort(a, lo, j)
            lo = i
        } else {
            quicksort(a, i, hi)
            hi = j
        }
    }
    insertionSort(a, lo, hi)
}

func checksum(a) {
    s := 0
    for i := 1; i <= #a; i++ {
        s = (s * 31 + a[i]) % 1000000007
    }
    return s
}

func isSorted(a, desc) {
    for i := 2; i <= #a; i++ {
        if desc {
            if a[i - 1] < a[i] {
                return false
            }
        } else if a[i - 1] > a[i] {
            return false
        }
    }
    return true
}

N := tonumber(arg[1]) || 300000
a := randomArray(N, 42)
quicksort(a, 1, N)
print("quicksort sorted: " .. tostring(isSorted(a, false)) .. " checksum: " .. checksum(a))
b := randomArray(N, 4242)
table.sort(b, func(x, y) { return x > y })
print("table.sort desc sorted: " .. tostring(isSorted(b, true)) .. " checksum: " .. checksum(b))
c := randomArray(N, 7)
table.sort(c)
print("table.sort asc sorted: " .. tostring(isSorted(c, false)) .. " checksum: " .. checksum(c))
print("min " .. a[1] .. " max " .. a[N] .. " median " .. c[math.floor(N / 2) + 1])
