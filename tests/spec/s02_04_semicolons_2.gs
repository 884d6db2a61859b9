if false {
    print("no")
}
else {
    print("yes")   // expect: yes
}
t := {
    a: 1
    b: 2
}
print(t.a + t.b)   // expect: 3
