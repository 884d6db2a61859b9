// os library (spec 12.8): extras and errors
print(os.setenv("GSCRIPT_LIB_TEST_VAR", "hello"), os.getenv("GSCRIPT_LIB_TEST_VAR"))
print(os.expand("x=$GSCRIPT_LIB_TEST_VAR, y=${GSCRIPT_LIB_TEST_VAR}!, z=$GSCRIPT_LIB_UNSET_X|, $1 $ ${ ${1x} $$"))
print(os.setenv("GSCRIPT_LIB_TEST_VAR", nil), os.getenv("GSCRIPT_LIB_TEST_VAR"))
os.setenv("GSCRIPT_LIB_TEST_VAR", "again")
print(os.unsetenv("GSCRIPT_LIB_TEST_VAR"), os.getenv("GSCRIPT_LIB_TEST_VAR"))
args := os.args()
print(type(args), #args >= 2, string.hasSuffix(args[#args], "os_extras.gs"))
print(math.type(os.getpid()), os.getpid() > 0, type(os.hostname()), #os.hostname() > 0)
print(os.remove("/nonexistent-dir-gs/x"))
print(os.rename("/nonexistent-dir-gs/x", "/nonexistent-dir-gs/y"))
p := os.tmpname()
f := io.open(p)
print(io.type(f), f:read("a"))
f:close()
print(os.rename(p, p .. ".2"), os.remove(p .. ".2"), io.open(p .. ".2") == nil)
tbl := {year: 2020, month: 14, day: 35, hour: 0}
t := os.time(tbl)
print(math.type(t), tbl.year, tbl.month, tbl.day, tbl.hour, type(tbl.isdst), tbl.yday != nil)
print(os.time({year: 2000, month: 1, day: 1, hour: 0}) == os.time({year: 1999, month: 12, day: 32, hour: 0}))
print(pcall(os.time, {month: 1, day: 1}))
print(pcall(os.time, {year: 2000, month: 1, day: 1.5}))
print(pcall(os.time, {year: 2000, month: 1, day: 1099511627776}))
print(pcall(os.date, "*t", "x"))
print(os.date("!%Y", 0), type(os.date()), os.date("!%H", 7200.0))
print(type(os.clock()), os.clock() >= 0)

// Expected output:
// expect: true\thello
// expect: x=hello, y=hello!, z=|, $1 $ ${ ${1x} $$
// expect: true\tnil
// expect: true\tnil
// expect: table\ttrue\ttrue
// expect: integer\ttrue\tstring\ttrue
// expect: nil\t/nonexistent-dir-gs/x: No such file or directory\t2
// expect: nil\tNo such file or directory\t2
// expect: file\t
// expect: true\ttrue\ttrue
// expect: integer\t2021\t3\t7\t0\tboolean\ttrue
// expect: true
// expect: false\tfield 'year' missing in date table
// expect: false\tfield 'day' is not an integer
// expect: false\tfield 'day' is out-of-bound
// expect: false\tbad argument #2 to 'date' (number expected, got string)
// expect: 1970\tstring\t02
// expect: number\ttrue
