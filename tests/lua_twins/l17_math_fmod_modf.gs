// math.fmod / math.modf / % on mixed signs
pairs_ := {{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {7.5, 2}, {-7.5, 2}, {1, 0.3}, {5, math.huge}, {-5, math.huge}, {0, 5}, {math.mininteger, -1}, {6, 4}}
for _, p := range ipairs(pairs_) {
    a, b := p[1], p[2]
    print(a, b, math.fmod(a, b), a % b, math.type(math.fmod(a, b)))
}
for _, v := range ipairs({3.7, -3.7, 5, -0.5, 1e300, 1 / 0, -1 / 0, 0.0, 2.0 ** 52 + 0.5}) { print("modf", v, math.modf(v)) }
