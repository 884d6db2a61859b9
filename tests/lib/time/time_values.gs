// time module (spec 12.10): values, arithmetic, format, parse
t := time.unix(1700000000)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.nsec, t.weekday, t.yearday, t.tz, t.unix)
h := time.unix(1700000000, 250000000)
print(h.nsec, h.unix, time.format(h, "15:04:05.000"), time.format(h, "05.000000000"))
print(time.format(t, "2006-01-02T15:04:05Z07:00"), time.format(t, "Mon, 02 Jan 2006 03:04:05 PM MST"), time.format(t, "Jan _2 06 3:4:5 pm -0700 -07:00 002"))
print(time.format(t, "%Y-%m-%d %H:%M:%S %a %j"), time.format(t, "January Monday"), time.weekday(t), time.month(t))
leap := time.date(2024, 2, 29)
print(leap.year, leap.month, leap.day, leap.weekday, leap.yearday, leap.unix, leap.tz)
norm := time.date(2023, 14, 1, 25, 61, 61)
print(norm.year, norm.month, norm.day, norm.hour, norm.min, norm.sec)
next := time.add(leap, time.DAY)
print(next.month, next.day, time.diff(leap, next), time.isBefore(leap, next), time.isAfter(leap, next), time.isBefore(next, leap))
back := time.add(t, -1.5)
print(back.sec, back.nsec, back.tz, time.diff(t, back))
print(time.SECOND, time.MINUTE, time.HOUR, time.DAY)
p := time.parse("2023-11-14 22:13:20", "2006-01-02 15:04:05")
print(p.unix, p.tz, p.weekday)
q := time.parse("14/Nov/2023:22:13:20 +0100", "%d/%b/%Y:%H:%M:%S %z")
print(q.unix, q.hour)
r, err := time.parse("garbage", "2006-01-02")
print(r, type(err))
print(pcall(time.format, {}, "2006"))
print(pcall(time.diff, t, 5))
now := time.now()
print(type(now.unix), math.type(now.year), type(now.tz), time.since(now) >= 0, time.since(now.unix) >= 0)
start := time.now()
time.sleep(0.02)
time.sleep(0)
time.sleep(-1)
print(time.since(start) >= 0.02)

// Expected output:
// expect: 2023\t11\t14\t22\t13\t20\t0\t2\t318\tUTC\t1700000000.0
// expect: 250000000\t1700000000.25\t22:13:20.250\t20.250000000
// expect: 2023-11-14T22:13:20Z\tTue, 14 Nov 2023 10:13:20 PM UTC\tNov 14 23 10:13:20 pm +0000 +00:00 318
// expect: 2023-11-14 22:13:20 Tue 318\tNovember Tuesday\tTuesday\tNovember
// expect: 2024\t2\t29\t4\t60\t1709164800.0\tUTC
// expect: 2024\t2\t2\t2\t2\t1
// expect: 3\t1\t86400.0\ttrue\tfalse\tfalse
// expect: 18\t500000000\tUTC\t-1.5
// expect: 1.0\t60.0\t3600.0\t86400.0
// expect: 1700000000.0\tUTC\t2
// expect: 1699996400.0\t21
// expect: nil\tstring
// expect: false\tbad argument #1 to 'format' (time value expected)
// expect: false\tbad argument #2 to 'diff' (time value expected)
// expect: number\tinteger\tstring\ttrue\ttrue
// expect: true
