// JIT: tables created in traces (NEWTABLE), appends that grow the array part, tables
// stored into tables and fields; all must survive collections after the trace.
func build(n) {
    rows := {}
    for i := 1; i <= n; i++ {
        row := {}
        for j := 1; j <= i % 7 + 1; j++ {
            row[j] = i * 10 + j
        }
        rows[i] = row
    }
    return rows
}

func main() {
    rows := build(300)
    collectgarbage()
    sum := 0
    for i := 1; i <= #rows; i++ {
        r := rows[i]
        for j := 1; j <= #r; j++ {
            sum = sum + r[j]
        }
    }
    print(#rows, sum)
    // Appends far past the initial capacity (the array part grows from the trace).
    big := {}
    for i := 1; i <= 5000; i++ {
        big[i] = i * 2
    }
    collectgarbage()
    print(#big, big[1], big[4097], big[5000])
    // A linked list of new tables, walked after a collection.
    list := nil
    for i := 1; i <= 500; i++ {
        node := {}
        node[1] = i
        node[2] = list
        list = node
    }
    collectgarbage()
    total := 0
    count := 0
    for list != nil {
        total = total + list[1]
        count++
        list = list[2]
    }
    print(count, total)
    // Only the last of many garbage tables is kept.
    last := nil
    for i := 1; i <= 2000; i++ {
        t := {}
        t[1] = i
        last = t
    }
    collectgarbage()
    print(last[1])
    // Big integers and floats stored in new tables.
    pairs := {}
    for i := 1; i <= 100; i++ {
        p := {}
        p[1] = (1 << 62) + i
        p[2] = i / 4
        pairs[#pairs + 1] = p
    }
    collectgarbage()
    print(pairs[1][1], pairs[100][1], pairs[100][2])
    // Reads from the table the loop appends to (its array part moves when it grows: the
    // array address must not be hoisted).
    g := {1}
    for i := 1; i <= 3000; i++ {
        g[#g + 1] = g[i] + g[1]
    }
    gs := 0
    for i := 1; i <= #g; i++ {
        gs = gs + g[i]
    }
    print(#g, gs, g[3001])
}
main()

// expect: 300	1821651
// expect: 5000	2	8194	10000
// expect: 500	125250
// expect: 2000
// expect: 4611686018427387905	4611686018427388004	25.0
// expect: 3001	4504501	3001
