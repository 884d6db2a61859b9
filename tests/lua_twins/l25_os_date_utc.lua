-- os.date with "!" (UTC) formats at fixed times
local times = {0, 86399, 951782400, 1000000000, 1234567890, 1700000000, 2147483647, 4102444800}
for _, t in ipairs(times) do
  print(t, os.date("!%Y-%m-%d %H:%M:%S", t), os.date("!%a %A %b %B %j %U %W %w %u", t), os.date("!%y %C %e %D %F %R %T %p %I", t))
end
print(os.date("!%c", 1700000000), os.date("!%x %X", 1700000000), os.date("!%%|%n|%t|", 0))
print(os.date("!%G-W%V-%u %g", 1704067200), os.date("!%G-W%V", 1735603200), os.date("!%h %Ey %OH", 0))
