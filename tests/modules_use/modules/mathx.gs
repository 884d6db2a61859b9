// Helper module for tests/modules_use/*.gs (not a test itself).
{
    calls := 0
    M := {}
    M.square = func(x) { calls++; return x * x }
    M.calls = func() { return calls }
    M.args = {...}
    loadCount = (loadCount || 0) + 1
    return M
}
