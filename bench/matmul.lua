-- matmul: dense float matrix multiplication on arrays of arrays
function matgen(n, seed)
    local a = {}
    local tmp = seed / n / n
    for i = 1, n do
        local row = {}
        for j = 1, n do
            row[j] = tmp * (i - j) * (i + j - 2)
        end
        a[i] = row
    end
    return a
end

function matmul(a, b, n)
    local bt = {}
    for j = 1, n do
        local col = {}
        for k = 1, n do
            col[k] = b[k][j]
        end
        bt[j] = col
    end
    local c = {}
    for i = 1, n do
        local ai = a[i]
        local ci = {}
        for j = 1, n do
            local bj = bt[j]
            local s = 0.0
            for k = 1, n do
                s = s + ai[k] * bj[k]
            end
            ci[j] = s
        end
        c[i] = ci
    end
    return c
end

N = tonumber(arg and arg[1]) or 700
a = matgen(N, 1.0)
b = matgen(N, 2.0)
c = matmul(a, b, N)
mid = math.floor(N / 2) + 1
trace = 0.0
for i = 1, N do
    trace = trace + c[i][i]
end
print(string.format("c[mid][mid] = %.6f", c[mid][mid]))
print(string.format("trace = %.6f", trace))
