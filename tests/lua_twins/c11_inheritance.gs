// class inheritance through __index chains
Animal := {}
Animal.__index = Animal
Animal.new = func(name, sound) { return setmetatable({name: name, sound: sound}, Animal) }
Animal.speak = func(self) { return self.name .. " says " .. self.sound }
Animal.kind = func(self) { return "animal" }
Dog := setmetatable({}, {__index: Animal})
Dog.__index = Dog
Dog.new = func(name) { d := Animal.new(name, "woof"); return setmetatable(d, Dog) }
Dog.kind = func(self) { return "dog" }
Dog.fetch = func(self) { return self.name .. " fetches" }
Puppy := setmetatable({}, {__index: Dog})
Puppy.__index = Puppy
Puppy.new = func(name) { return setmetatable(Dog.new(name), Puppy) }
Puppy.speak = func(self) { return Dog.speak(self) .. " (squeaky)" }
zoo := {Animal.new("Cat", "meow"), Dog.new("Rex"), Puppy.new("Bit")}
for i, a := range ipairs(zoo) {
    print(i, a:speak(), a:kind(), a.fetch && a:fetch() || "no fetch")
    print(getmetatable(a) == Animal, getmetatable(a) == Dog, getmetatable(a) == Puppy)
}
print(rawget(Puppy, "kind"), rawget(Dog, "kind") != nil, Puppy.kind == Dog.kind)
