// A non-string error object without __tostring: "(error object is a T value)" (9.8).
error({code: 1})
// expect-stderr: gscript: (error object is a table value)
// expect-exit: 1
