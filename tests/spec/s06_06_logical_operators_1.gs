print(nil || "default", false && 1, 0 || 1, !nil, !0, 1 && 2)   // expect: default\tfalse\t0\ttrue\tfalse\t2
