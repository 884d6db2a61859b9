print(os.date("!%Y-%m-%d %H:%M:%S %a %b %j %p %I", 1700000000))   // expect: 2023-11-14 22:13:20 Tue Nov 318 PM 10
print(os.date("!%c", 0), os.date("!%x %X %e %u %w %y %F", 1700000000))
// expect: Thu Jan  1 00:00:00 1970\t11/14/23 22:13:20 14 2 2 23 2023-11-14
d := os.date("!*t", 3600)
print(d.year, d.month, d.day, d.hour, d.wday, d.yday, d.isdst)   // expect: 1970\t1\t1\t1\t5\t1\tfalse
print(os.getenv("GSCRIPT_SURELY_UNSET_VARIABLE"), math.type(os.time()), os.difftime(10, 4))   // expect: nil\tinteger\t6.0
