#!/usr/bin/env gscript
// The first line is ignored when it starts with #! (2.1); numbering is unaffected.
print("ok")                                      // expect: ok
error("line four")
// expect-stderr: gscript: shebang.gs:4: line four
// expect-exit: 1
