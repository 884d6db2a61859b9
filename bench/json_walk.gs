// json_walk: build a JSON-like document of nested objects and arrays, then walk it recursively
NAMES := {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"}

func makeNode(depth, id) {
    if depth == 0 {
        k := id % 4
        if k == 0 {
            return id % 1000
        } else if k == 1 {
            return NAMES[id % 8 + 1]
        } else if k == 2 {
            return id % 3 == 0
        }
        return {value: id % 100, unit: "ms"}
    }
    children := {}
    for i := 1; i <= 4; i++ {
        children[i] = makeNode(depth - 1, id * 4 + i)
    }
    tags := {}
    for i := 1; i <= id % 3 + 1; i++ {
        tags[i] = NAMES[(id + i) % 8 + 1]
    }
    return {
        id: id
        name: NAMES[id % 8 + 1]
        active: id % 2 == 0
        score: id % 97
        tags: tags
        children: children
        meta: {created: 1600000000 + id, version: depth, owner: {name: "user" .. id % 10, level: depth}}
    }
}

func walk(v) {
    t := type(v)
    if t == "table" {
        if v[1] != nil {
            s := 1
            n := #v
            for i := 1; i <= n; i++ {
                s += walk(v[i])
            }
            return s
        }
        s := 2
        for k, x := range v {
            s += #k + walk(x)
        }
        return s
    } else if t == "string" {
        return #v
    } else if t == "number" {
        return v % 1000
    } else if t == "boolean" {
        if v {
            return 3
        }
        return 5
    }
    return 0
}

func countKinds(v, acc) {
    if type(v) != "table" {
        acc.leaves = acc.leaves + 1
        return
    }
    if v[1] != nil {
        acc.arrays = acc.arrays + 1
        for i := 1; i <= #v; i++ {
            countKinds(v[i], acc)
        }
        return
    }
    acc.objects = acc.objects + 1
    for k, x := range v {
        countKinds(x, acc)
    }
}

func findPath(doc, path) {
    node := doc
    for i := 1; i <= #path; i++ {
        node = node[path[i]]
        if node == nil {
            return nil
        }
    }
    return node
}

N := tonumber(arg[1]) || 300
doc := makeNode(7, 1)
acc := {leaves: 0, arrays: 0, objects: 0}
countKinds(doc, acc)
print("objects " .. acc.objects .. " arrays " .. acc.arrays .. " leaves " .. acc.leaves)
total := 0
for r := 1; r <= N; r++ {
    total += walk(doc)
}
print("walk total = " .. total)
print("path = " .. findPath(doc, {"children", 2, "children", 3, "meta", "owner", "name"}))
print("path2 = " .. findPath(doc, {"children", 4, "tags", 1}))
