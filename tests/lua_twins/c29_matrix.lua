-- matrix multiplication, transpose, identity, determinant (integers)
local function mat(n, m, f) local r = {} for i = 1, n do r[i] = {} for j = 1, m do r[i][j] = f(i, j) end end return r end
local function mul(a, b)
  return mat(#a, #b[1], function(i, j) local s = 0 for k = 1, #b do s = s + a[i][k] * b[k][j] end return s end)
end
local function T(a) return mat(#a[1], #a, function(i, j) return a[j][i] end) end
local function show(name, a) for i = 1, #a do print(name, i, table.concat(a[i], " ")) end end
local A = mat(3, 4, function(i, j) return i * 10 + j end)
local B = mat(4, 2, function(i, j) return (i + j) % 3 - 1 end)
show("A", A); show("B", B); show("AB", mul(A, B)); show("At", T(A))
local I = mat(3, 3, function(i, j) return i == j and 1 or 0 end)
show("AtI", mul(I, A))
local function det(m)
  if #m == 1 then return m[1][1] end
  local d = 0
  for c = 1, #m do
    local sub = {}
    for i = 2, #m do local row = {} for j = 1, #m do if j ~= c then row[#row + 1] = m[i][j] end end sub[#sub + 1] = row end
    d = d + (c % 2 == 1 and 1 or -1) * m[1][c] * det(sub)
  end
  return d
end
print(det({{2, 0, 1}, {1, 3, 2}, {1, 1, 1}}), det({{1, 2}, {3, 4}}), det(mat(4, 4, function(i, j) return (i * j) % 5 + (i == j and 3 or 0) end)))
