// Helper package module (init.gs), not a test.
sub := require("modules.pkg.sub")
return {name: "pkg", sub: sub}
