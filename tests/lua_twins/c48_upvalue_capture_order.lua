-- open upvalues created in every order: a new slot above the open ones (append), the
-- same slot again (shared), an older slot below a newer open one (sorted insert), and
-- closing them on block exit, loop iteration and return
local function f()
    local a = 1
    local b = 2
    local getB = function() return b end
    local getA = function() return a end
    local setA = function(v) a = v end
    local c = 3
    local getC = function() return c end
    local both = function() return a + b + c end
    setA(10)
    b = 20
    c = 30
    return getA, getB, getC, both
end
local ga, gb, gc, both = f()
print(ga(), gb(), gc(), both())
local fs = {}
for i = 1, 3 do
    local x = i * 10
    local y = i * 100
    fs[#fs + 1] = function() return y end
    fs[#fs + 1] = function() return x end
    fs[#fs + 1] = function() x = x + 1; return x + y end
end
local out = {}
for i = 1, #fs do
    out[#out + 1] = tostring(fs[i]())
end
print(table.concat(out, " "))
local function nest()
    local p = 1
    local q = 2
    local inner = function()
        local r = 3
        local g = function() return p + q + r end
        local h = function() q = q + 1; return q end
        return g, h
    end
    local g, h = inner()
    h()
    return g, h, function() return p + q end
end
local g, h, k = nest()
print(g(), h(), k(), g())
