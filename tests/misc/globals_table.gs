// _G and the program-wide globals table (5.2).
print(_G._G == _G, _G.print == print, type(_G))      // expect: true\ttrue\ttable
counter := 0
_G.counter = _G.counter + 5
print(counter)                                       // expect: 5
_G["weird name"] = 1
print(_G["weird name"])                              // expect: 1
setmetatable(_G, {__index: func(t, k) { return "missing:" .. k }})
print(notDefined)                                    // expect: missing:notDefined
setmetatable(_G, nil)
print(notDefined)                                    // expect: nil
names := {}
for _, n := range {"print", "pairs", "ipairs", "next", "type", "tostring", "tonumber", "pcall", "xpcall", "error", "assert", "select", "rawget", "rawset", "rawequal", "rawlen", "setmetatable", "getmetatable", "load", "dofile", "require", "unpack", "len", "cap", "close", "collectgarbage"} {
    if type(_G[n]) != "function" { names[#names + 1] = n }
}
print(#names, table.concat(names, ","))              // expect: 0\t
for _, lib := range {"string", "table", "math", "os", "io", "coroutine", "utf8", "bit32", "time", "sync", "json", "debug", "matrix"} {
    if type(_G[lib]) != "table" { print("missing library", lib) }
}
print(collectgarbage(), math.type(collectgarbage("count")), collectgarbage("step"))   // expect: 0\tfloat\ttrue
