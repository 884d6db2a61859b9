// return in the main chunk ends the program normally (7.12, 13.4).
print("one")               // expect: one
if true {
    return
}
print("not reached")
