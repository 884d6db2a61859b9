// a deterministic serializer (keys sorted) for nested tables
func ser(v, indent) {
    indent = indent || ""
    t := type(v)
    if t == "table" {
        keys := {}
        for k := range pairs(v) { keys[#keys + 1] = k }
        table.sort(keys, func(a, b) {
            if type(a) == type(b) { return a < b }
            return type(a) == "number"
        })
        parts := {}
        for _, k := range ipairs(keys) {
            ks := type(k) == "string" && k || "[" .. tostring(k) .. "]"
            parts[#parts + 1] = indent .. "  " .. ks .. " = " .. ser(v[k], indent .. "  ")
        }
        return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
    } elseif t == "string" {
        return string.format("%q", v)
    } else {
        return tostring(v)
    }
}
print(ser({name: "x", list: {1, 2.5, "three"}, nested: {a: true, b: false, [10]: -1}, [1]: "first", [2.5]: "float"}))
