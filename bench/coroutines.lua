-- coroutines: resume/yield ping-pong, generators and a producer/filter/consumer pipeline
function pingPong(n)
    local co = coroutine.create(function(x)
        while true do
            x = coroutine.yield(x * 2 % 1000003)
        end
    end)
    local sum = 0
    local v = 1
    for i = 1, n do
        local ok, r = coroutine.resume(co, v + i)
        sum = (sum + r) % 1000000007
        v = r
    end
    return sum
end

function gen(n)
    return coroutine.wrap(function()
        for i = 1, n do
            coroutine.yield(i)
        end
        coroutine.yield(nil)
    end)
end

function filter(src, m)
    return coroutine.wrap(function()
        while true do
            local v = src()
            if v == nil then
                break
            end
            if v % m ~= 0 then
                coroutine.yield(v)
            end
        end
        coroutine.yield(nil)
    end)
end

function pipeline(n)
    local src = filter(filter(gen(n), 3), 5)
    local count = 0
    local sum = 0
    while true do
        local v = src()
        if v == nil then
            break
        end
        count = count + 1
        sum = (sum + v) % 1000000007
    end
    return count, sum
end

N = tonumber(arg and arg[1]) or 3000000
print("pingpong = " .. pingPong(N))
count, sum = pipeline(N)
print("pipeline count = " .. count .. " sum = " .. sum)
