-- ackermann (small), mutual recursion, hanoi move counts
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
for m = 0, 3 do for n = 0, 4 do print("ack", m, n, ack(m, n)) end end
local isodd
local function iseven(n) if n == 0 then return true end return isodd(n - 1) end
isodd = function(n) if n == 0 then return false end return iseven(n - 1) end
for n = 0, 7 do print(n, iseven(n), isodd(n)) end
local function hanoi(n, from, to, via, moves)
  if n == 0 then return moves end
  moves = hanoi(n - 1, from, via, to, moves)
  moves = moves + 1
  return hanoi(n - 1, via, to, from, moves)
end
for n = 1, 12 do print("hanoi", n, hanoi(n, "A", "C", "B", 0)) end
