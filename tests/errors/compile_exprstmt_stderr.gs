// Only calls and receives are expression statements (3.5 rule 6).
x := 1
x == 1
// expect-stderr: gscript: compile_exprstmt_stderr.gs:3: syntax error: expression is not a statement
// expect-exit: 1
