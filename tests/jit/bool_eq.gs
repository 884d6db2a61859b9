// JIT: `==` / `!=` with a nil or boolean operand in traces (guardtype + guardv): values
// that change between booleans, nil, numbers (1 and 1.0 are equal, true is neither),
// strings and tables, and a comparison of two computed booleans (xiangqi's
// `REDHALF[s] == (side == 1)`).

half := {}
for s := 1; s <= 100; s++ {
    half[s] = s <= 50
}
hits := 0
for side := 0; side <= 1; side++ {
    for s := 1; s <= 100; s++ {
        if half[s] == (side == 1) {
            hits += s
        }
        if half[s] != (side == 0) {
            hits += 1000
        }
    }
}
print("bools", hits)

// A slot whose values go through every type, compared with true, false and nil.
vals := {}
for i := 1; i <= 200; i++ {
    r := i % 8
    if r == 0 {
        vals[i] = true
    } else if r == 1 {
        vals[i] = false
    } else if r == 2 {
        vals[i] = 1
    } else if r == 3 {
        vals[i] = 1.0
    } else if r == 4 {
        vals[i] = "true"
    } else if r == 5 {
        vals[i] = {}
    } else if r == 6 {
        vals[i] = 0
    } else {
        vals[i] = true
    }
}
t := 0
f := 0
n := 0
for rep := 1; rep <= 5; rep++ {
    for i := 1; i <= 200; i++ {
        v := vals[i]
        if v == true {
            t++
        }
        if false == v {
            f++
        }
        if v == nil {
            n += 100
        }
        if v != nil {
            n++
        }
    }
}
print("mixed", t, f, n)

// nil from absent fields, compared both ways.
recs := {}
for i := 1; i <= 120; i++ {
    if i % 3 == 0 {
        recs[i] = {tag: true}
    } else if i % 3 == 1 {
        recs[i] = {tag: false}
    } else {
        recs[i] = {other: 1}
    }
}
cnt := 0
for i := 1; i <= 120; i++ {
    x := recs[i].tag
    if x == nil {
        cnt += 1
    } else if x == true {
        cnt += 10
    } else if x == false {
        cnt += 100
    }
    if nil == x {
        cnt += 1000
    }
}
print("fields", cnt)
// expect: bools	105050
// expect: mixed	250	125	1000
// expect: fields	44440
