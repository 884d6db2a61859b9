-- spectral_norm: eigenvalue approximation by power method (float loops, function calls)
function A(i, j)
    local ij = i + j - 1
    return 1.0 / (ij * (ij - 1) * 0.5 + i)
end

function Av(x, y, n)
    for i = 1, n do
        local a = 0.0
        for j = 1, n do
            a = a + x[j] * A(i, j)
        end
        y[i] = a
    end
end

function Atv(x, y, n)
    for i = 1, n do
        local a = 0.0
        for j = 1, n do
            a = a + x[j] * A(j, i)
        end
        y[i] = a
    end
end

function AtAv(x, y, t, n)
    Av(x, t, n)
    Atv(t, y, n)
end

function spectral(n)
    local u = {}
    local v = {}
    local t = {}
    for i = 1, n do
        u[i] = 1.0
    end
    for i = 1, 10 do
        AtAv(u, v, t, n)
        AtAv(v, u, t, n)
    end
    local vBv = 0.0
    local vv = 0.0
    for i = 1, n do
        local ui = u[i]
        local vi = v[i]
        vBv = vBv + ui * vi
        vv = vv + vi * vi
    end
    return math.sqrt(vBv / vv)
end

N = tonumber(arg and arg[1]) or 2500
print(string.format("spectral_norm(%d) = %0.9f", N, spectral(N)))
