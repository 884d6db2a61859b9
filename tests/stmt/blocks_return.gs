// Blocks introduce scopes; return may appear anywhere in a block (7.5, 7.12).
{
    inner := "block local"
    print(inner)                                      // expect: block local
}
print(inner)                                          // expect: nil
func early(x) {
    if x { return "early" }
    return "late"
    print("unreachable but allowed")
}
print(early(true), early(false))                      // expect: early\tlate
func multi() { return 1, "two", nil }
print(select("#", multi()))                           // expect: 3
func none() { }
print(select("#", none()), none())                    // expect: 0
func mid() {
    {
        return "from nested block"
    }
}
print(mid())                                          // expect: from nested block
