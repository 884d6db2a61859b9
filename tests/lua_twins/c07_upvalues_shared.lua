-- upvalues shared between closures and nested levels
local function bank()
  local balance = 0
  local log = {}
  local function deposit(n) balance = balance + n; log[#log + 1] = "+" .. n end
  local function withdraw(n)
    if n > balance then log[#log + 1] = "denied " .. n; return false end
    balance = balance - n; log[#log + 1] = "-" .. n; return true
  end
  local function report() return balance, table.concat(log, " ") end
  return deposit, withdraw, report
end
local d, w, r = bank()
d(100); print(w(30)); print(w(100)); d(5)
print(r())
local function outer()
  local x = 1
  return function()
    local y = 10
    return function() x = x + 1; y = y + 1; return x, y end
  end
end
local mid = outer()
local a, b = mid(), mid()
print(a()); print(a()); print(b()); print(a())
