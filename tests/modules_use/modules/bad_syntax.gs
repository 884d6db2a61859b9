// Helper module with a compile error on line 2, not a test.
x := (2 + )
