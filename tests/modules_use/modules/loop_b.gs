// Helper: see loop_a.gs.
return require("modules.loop_a")
