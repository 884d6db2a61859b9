const Limit = 10
Limit = 11
// expect-stderr: gscript: s05_07_name_resolution_4.gs:2: cannot assign to constant 'Limit'
// expect-exit: 1
