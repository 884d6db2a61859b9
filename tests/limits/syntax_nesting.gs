// 200 levels of syntactic nesting are supported (16).
src := "return " .. string.rep("(", 190) .. "1" .. string.rep(")", 190)
print(load(src)())                                   // expect: 1
src2 := "return " .. string.rep("{", 150) .. string.rep("}", 150)
print(type(load(src2)()))                            // expect: table
src3 := "x := 0\n" .. string.rep("if true {\n", 150) .. "x = 1\n" .. string.rep("}\n", 150) .. "return x"
print(load(src3)())                                  // expect: 1
f, msg := load("return " .. string.rep("(", 100000) .. "1" .. string.rep(")", 100000))
print(f, msg != nil)                                 // expect: nil\ttrue
