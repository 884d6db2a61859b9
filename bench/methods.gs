// methods: method dispatch through metatables (__index chains, inheritance, polymorphic calls)
Shape := {}
Shape.__index = Shape
Shape.new = func(kind) {
    return setmetatable({kind: kind, moves: 0}, Shape)
}
Shape.move = func(self, dx) {
    self.moves += 1
    return self.moves + dx
}
Shape.describe = func(self) {
    return self.kind
}

Rect := setmetatable({}, Shape)
Rect.__index = Rect
Rect.new = func(w, h) {
    o := Shape.new("rect")
    o.w = w
    o.h = h
    return setmetatable(o, Rect)
}
Rect.area = func(self) {
    return self.w * self.h
}
Rect.perimeter = func(self) {
    return 2 * (self.w + self.h)
}

Square := setmetatable({}, Rect)
Square.__index = Square
Square.new = func(s) {
    o := Rect.new(s, s)
    o.kind = "square"
    return setmetatable(o, Square)
}
Square.area = func(self) {
    return self.w * self.w
}

Circle := setmetatable({}, Shape)
Circle.__index = Circle
Circle.new = func(r) {
    o := Shape.new("circle")
    o.r = r
    return setmetatable(o, Circle)
}
Circle.area = func(self) {
    return 3 * self.r * self.r
}
Circle.perimeter = func(self) {
    return 6 * self.r
}

Vec := {}
Vec.__index = Vec
Vec.new = func(x, y) {
    return setmetatable({x: x, y: y}, Vec)
}
Vec.add = func(self, o) {
    return Vec.new(self.x + o.x, self.y + o.y)
}
Vec.dot = func(self, o) {
    return self.x * o.x + self.y * o.y
}
Vec.scaleInPlace = func(self, k) {
    self.x = self.x * k % 1000
    self.y = self.y * k % 1000
    return self
}

func run(n) {
    shapes := {}
    for i := 1; i <= 100; i++ {
        k := i % 3
        if k == 0 {
            shapes[i] = Rect.new(i % 10 + 1, i % 7 + 1)
        } else if k == 1 {
            shapes[i] = Square.new(i % 9 + 1)
        } else {
            shapes[i] = Circle.new(i % 5 + 1)
        }
    }
    total := 0
    for r := 1; r <= n; r++ {
        for i := 1; i <= 100; i++ {
            s := shapes[i]
            total += s:area() + s:perimeter()
        }
        s := shapes[r % 100 + 1]
        total = (total + s:move(r % 3)) % 1000000007
    }
    v := Vec.new(1, 2)
    acc := Vec.new(0, 0)
    for i := 1; i <= n * 10; i++ {
        w := Vec.new(i % 10, i % 7)
        acc = acc:add(w)
        total = (total + v:dot(w)) % 1000000007
        if i % 100 == 0 {
            acc:scaleInPlace(3)
        }
    }
    counts := {}
    for i := 1; i <= 100; i++ {
        d := shapes[i]:describe()
        counts[d] = (counts[d] || 0) + 1
    }
    return total, acc.x, acc.y, counts.rect, counts.square, counts.circle
}

N := tonumber(arg[1]) || 300000
total, ax, ay, nr, ns, nc := run(N)
print("total = " .. total)
print("acc = " .. ax .. "," .. ay)
print("rect " .. nr .. " square " .. ns .. " circle " .. nc)
