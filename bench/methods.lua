-- methods: method dispatch through metatables (__index chains, inheritance, polymorphic calls)
Shape = {}
Shape.__index = Shape
Shape.new = function(kind)
    return setmetatable({kind = kind, moves = 0}, Shape)
end
Shape.move = function(self, dx)
    self.moves = self.moves + 1
    return self.moves + dx
end
Shape.describe = function(self)
    return self.kind
end

Rect = setmetatable({}, Shape)
Rect.__index = Rect
Rect.new = function(w, h)
    local o = Shape.new("rect")
    o.w = w
    o.h = h
    return setmetatable(o, Rect)
end
Rect.area = function(self)
    return self.w * self.h
end
Rect.perimeter = function(self)
    return 2 * (self.w + self.h)
end

Square = setmetatable({}, Rect)
Square.__index = Square
Square.new = function(s)
    local o = Rect.new(s, s)
    o.kind = "square"
    return setmetatable(o, Square)
end
Square.area = function(self)
    return self.w * self.w
end

Circle = setmetatable({}, Shape)
Circle.__index = Circle
Circle.new = function(r)
    local o = Shape.new("circle")
    o.r = r
    return setmetatable(o, Circle)
end
Circle.area = function(self)
    return 3 * self.r * self.r
end
Circle.perimeter = function(self)
    return 6 * self.r
end

Vec = {}
Vec.__index = Vec
Vec.new = function(x, y)
    return setmetatable({x = x, y = y}, Vec)
end
Vec.add = function(self, o)
    return Vec.new(self.x + o.x, self.y + o.y)
end
Vec.dot = function(self, o)
    return self.x * o.x + self.y * o.y
end
Vec.scaleInPlace = function(self, k)
    self.x = self.x * k % 1000
    self.y = self.y * k % 1000
    return self
end

function run(n)
    local shapes = {}
    for i = 1, 100 do
        local k = i % 3
        if k == 0 then
            shapes[i] = Rect.new(i % 10 + 1, i % 7 + 1)
        elseif k == 1 then
            shapes[i] = Square.new(i % 9 + 1)
        else
            shapes[i] = Circle.new(i % 5 + 1)
        end
    end
    local total = 0
    for r = 1, n do
        for i = 1, 100 do
            local s = shapes[i]
            total = total + s:area() + s:perimeter()
        end
        local s = shapes[r % 100 + 1]
        total = (total + s:move(r % 3)) % 1000000007
    end
    local v = Vec.new(1, 2)
    local acc = Vec.new(0, 0)
    for i = 1, n * 10 do
        local w = Vec.new(i % 10, i % 7)
        acc = acc:add(w)
        total = (total + v:dot(w)) % 1000000007
        if i % 100 == 0 then
            acc:scaleInPlace(3)
        end
    end
    local counts = {}
    for i = 1, 100 do
        local d = shapes[i]:describe()
        counts[d] = (counts[d] or 0) + 1
    end
    return total, acc.x, acc.y, counts.rect, counts.square, counts.circle
end

N = tonumber(arg and arg[1]) or 300000
total, ax, ay, nr, ns, nc = run(N)
print("total = " .. total)
print("acc = " .. ax .. "," .. ay)
print("rect " .. nr .. " square " .. ns .. " circle " .. nc)
