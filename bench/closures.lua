-- closures: creating closures, calling them, shared mutable upvalues, higher-order functions
function makeCounter()
    local n = 0
    local inc = function(d)
        n = n + d
        return n
    end
    local get = function()
        return n
    end
    return inc, get
end

function makeAdder(k)
    return function(x)
        return x + k
    end
end

function compose(f, g)
    return function(x)
        return f(g(x))
    end
end

function mapArray(a, f)
    local r = {}
    for i = 1, #a do
        r[i] = f(a[i])
    end
    return r
end

function foldArray(a, f, acc)
    for i = 1, #a do
        acc = f(acc, a[i])
    end
    return acc
end

function run(n)
    local total = 0
    local inc, get = makeCounter()
    for i = 1, n do
        local add = makeAdder(i % 7)
        local twice = compose(add, add)
        inc(twice(i % 100))
        if i % 1000 == 0 then
            total = (total + get()) % 1000000007
        end
    end
    local arr = {}
    for i = 1, 1000 do
        arr[i] = i
    end
    local scale = 3
    local rounds = math.floor(n / 1000)
    for r = 1, rounds do
        local m = mapArray(arr, function(x) return x * scale + r end)
        local s = foldArray(m, function(acc, x) return (acc + x) % 1000003 end, 0)
        total = (total + s) % 1000000007
    end
    return total, get()
end

N = tonumber(arg and arg[1]) or 3000000
total, count = run(N)
print("total = " .. total)
print("counter = " .. count)
