-- json_walk: build a JSON-like document of nested objects and arrays, then walk it recursively
NAMES = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"}

function makeNode(depth, id)
    if depth == 0 then
        local k = id % 4
        if k == 0 then
            return id % 1000
        elseif k == 1 then
            return NAMES[id % 8 + 1]
        elseif k == 2 then
            return id % 3 == 0
        end
        return {value = id % 100, unit = "ms"}
    end
    local children = {}
    for i = 1, 4 do
        children[i] = makeNode(depth - 1, id * 4 + i)
    end
    local tags = {}
    for i = 1, id % 3 + 1 do
        tags[i] = NAMES[(id + i) % 8 + 1]
    end
    return {
        id = id,
        name = NAMES[id % 8 + 1],
        active = id % 2 == 0,
        score = id % 97,
        tags = tags,
        children = children,
        meta = {created = 1600000000 + id, version = depth, owner = {name = "user" .. id % 10, level = depth}},
    }
end

function walk(v)
    local t = type(v)
    if t == "table" then
        if v[1] ~= nil then
            local s = 1
            local n = #v
            for i = 1, n do
                s = s + walk(v[i])
            end
            return s
        end
        local s = 2
        for k, x in pairs(v) do
            s = s + #k + walk(x)
        end
        return s
    elseif t == "string" then
        return #v
    elseif t == "number" then
        return v % 1000
    elseif t == "boolean" then
        if v then
            return 3
        end
        return 5
    end
    return 0
end

function countKinds(v, acc)
    if type(v) ~= "table" then
        acc.leaves = acc.leaves + 1
        return
    end
    if v[1] ~= nil then
        acc.arrays = acc.arrays + 1
        for i = 1, #v do
            countKinds(v[i], acc)
        end
        return
    end
    acc.objects = acc.objects + 1
    for k, x in pairs(v) do
        countKinds(x, acc)
    end
end

function findPath(doc, path)
    local node = doc
    for i = 1, #path do
        node = node[path[i]]
        if node == nil then
            return nil
        end
    end
    return node
end

N = tonumber(arg and arg[1]) or 300
doc = makeNode(7, 1)
acc = {leaves = 0, arrays = 0, objects = 0}
countKinds(doc, acc)
print("objects " .. acc.objects .. " arrays " .. acc.arrays .. " leaves " .. acc.leaves)
total = 0
for r = 1, N do
    total = total + walk(doc)
end
print("walk total = " .. total)
print("path = " .. findPath(doc, {"children", 2, "children", 3, "meta", "owner", "name"}))
print("path2 = " .. findPath(doc, {"children", 4, "tags", 1}))
