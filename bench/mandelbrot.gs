// mandelbrot: float arithmetic in tight loops; counts points of an N x N grid inside the set
func mandelbrot(size) {
    count := 0
    maxIter := 50
    for y := 0; y < size; y++ {
        ci := 2.0 * y / size - 1.0
        for x := 0; x < size; x++ {
            cr := 2.0 * x / size - 1.5
            zr := 0.0
            zi := 0.0
            inside := true
            for i := 1; i <= maxIter; i++ {
                tr := zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = tr
                if zr * zr + zi * zi > 4.0 {
                    inside = false
                    break
                }
            }
            if inside {
                count++
            }
        }
    }
    return count
}

N := tonumber(arg[1]) || 2500
print("mandelbrot(" .. N .. ") inside = " .. mandelbrot(N))
