// towers of hanoi move list with explicit stacks
pegs := {A: {3, 2, 1}, B: {}, C: {}}
moves := 0
func move(n, from, to, via) {
    if n == 0 { return }
    move(n - 1, from, via, to)
    disk := table.remove(pegs[from])
    table.insert(pegs[to], disk)
    moves = moves + 1
    print(moves, "disk " .. disk, from .. "->" .. to, #pegs.A, #pegs.B, #pegs.C)
    move(n - 1, via, to, from)
}
move(3, "A", "C", "B")
print(table.concat(pegs.C, " "), moves)
