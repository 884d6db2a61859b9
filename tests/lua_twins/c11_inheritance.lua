-- class inheritance through __index chains
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) return setmetatable({name = name, sound = sound}, Animal) end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name) local d = Animal.new(name, "woof"); return setmetatable(d, Dog) end
function Dog:kind() return "dog" end
function Dog:fetch() return self.name .. " fetches" end
local Puppy = setmetatable({}, {__index = Dog})
Puppy.__index = Puppy
function Puppy.new(name) return setmetatable(Dog.new(name), Puppy) end
function Puppy:speak() return Dog.speak(self) .. " (squeaky)" end
local zoo = {Animal.new("Cat", "meow"), Dog.new("Rex"), Puppy.new("Bit")}
for i, a in ipairs(zoo) do
  print(i, a:speak(), a:kind(), a.fetch and a:fetch() or "no fetch")
  print(getmetatable(a) == Animal, getmetatable(a) == Dog, getmetatable(a) == Puppy)
end
print(rawget(Puppy, "kind"), rawget(Dog, "kind") ~= nil, Puppy.kind == Dog.kind)
