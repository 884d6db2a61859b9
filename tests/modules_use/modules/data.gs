// Helper for dofile: returns several values and counts its runs.
dofileRuns = (dofileRuns || 0) + 1
return 1, 2, 3
