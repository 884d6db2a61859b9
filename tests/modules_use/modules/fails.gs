// Helper module that raises an error, not a test.
failCount = (failCount || 0) + 1
error("module failed")
