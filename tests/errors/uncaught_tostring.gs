// An error object with __tostring is printed through it (9.8, 14).
E := setmetatable({}, {__tostring: func(e) { return "custom error" }})
error(E)
// expect-stderr: gscript: custom error
// expect-exit: 1
