-- mandelbrot: float arithmetic in tight loops; counts points of an N x N grid inside the set
function mandelbrot(size)
    local count = 0
    local maxIter = 50
    for y = 0, size - 1 do
        local ci = 2.0 * y / size - 1.0
        for x = 0, size - 1 do
            local cr = 2.0 * x / size - 1.5
            local zr = 0.0
            local zi = 0.0
            local inside = true
            for i = 1, maxIter do
                local tr = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = tr
                if zr * zr + zi * zi > 4.0 then
                    inside = false
                    break
                end
            end
            if inside then
                count = count + 1
            end
        end
    end
    return count
end

N = tonumber(arg and arg[1]) or 2500
print("mandelbrot(" .. N .. ") inside = " .. mandelbrot(N))
