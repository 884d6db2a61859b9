// fannkuch: fannkuch-redux (permutations, array reversal, checksum)
func fannkuch(n) {
    perm := {}
    perm1 := {}
    cnt := {}
    for i := 1; i <= n; i++ {
        perm1[i] = i
        perm[i] = i
        cnt[i] = 0
    }
    maxFlips := 0
    checksum := 0
    permCount := 0
    r := n
    for {
        for r != 1 {
            cnt[r] = r
            r--
        }
        for i := 1; i <= n; i++ {
            perm[i] = perm1[i]
        }
        flips := 0
        k := perm[1]
        for k != 1 {
            i := 1
            j := k
            for i < j {
                t := perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i++
                j--
            }
            flips++
            k = perm[1]
        }
        if flips > maxFlips {
            maxFlips = flips
        }
        if permCount % 2 == 0 {
            checksum += flips
        } else {
            checksum -= flips
        }
        // next permutation
        for {
            if r == n {
                return checksum, maxFlips
            }
            perm0 := perm1[1]
            for i := 1; i <= r; i++ {
                perm1[i] = perm1[i + 1]
            }
            perm1[r + 1] = perm0
            cnt[r + 1] = cnt[r + 1] - 1
            if cnt[r + 1] > 0 {
                break
            }
            r++
        }
        permCount++
    }
}

N := tonumber(arg[1]) || 10
checksum, flips := fannkuch(N)
print(checksum)
print("Pfannkuchen(" .. N .. ") = " .. flips)
