// Helper module returning nothing: require gives true. Top-level := assigns a global.
noreturnGlobal := "set by module"
