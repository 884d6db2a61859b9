// Helper submodule, not a test.
return "sub module"
