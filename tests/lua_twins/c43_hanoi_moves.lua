-- towers of hanoi move list with explicit stacks
local pegs = {A = {3, 2, 1}, B = {}, C = {}}
local moves = 0
local function move(n, from, to, via)
  if n == 0 then return end
  move(n - 1, from, via, to)
  local disk = table.remove(pegs[from])
  table.insert(pegs[to], disk)
  moves = moves + 1
  print(moves, "disk " .. disk, from .. "->" .. to, #pegs.A, #pegs.B, #pegs.C)
  move(n - 1, via, to, from)
end
move(3, "A", "C", "B")
print(table.concat(pegs.C, " "), moves)
