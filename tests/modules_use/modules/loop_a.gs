// Helper: requires loop_b, which requires this module again.
require("modules.loop_b")
return "a"
