t := time.unix(1700000000)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.weekday, t.yearday, t.tz)   // expect: 2023\t11\t14\t22\t13\t20\t2\t318\tUTC
print(time.format(t, "%Y-%m-%d"), time.format(t, "2006-01-02 15:04:05 Mon Jan"), time.weekday(t), time.month(t))
// expect: 2023-11-14\t2023-11-14 22:13:20 Tue Nov\tTuesday\tNovember
leap := time.date(2024, 2, 29)
print(leap.weekday, leap.yearday, time.diff(leap, time.add(leap, time.DAY)), time.isBefore(leap, t))   // expect: 4\t60\t86400.0\tfalse
start := time.now()
time.sleep(0.01)
print(time.since(start) >= 0.01)                 // expect: true
