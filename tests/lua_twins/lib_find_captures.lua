-- string.find with captures and anchors
print(("key = value"):find("(%w+)%s*=%s*(%w+)"))
print(("  indent"):find("^%s*"), ("abc"):find("^b"), ("abc"):find("c$"), ("a$c"):find("$c"))
print(("hello"):find("()ll()"), ("THE (quick) fox"):find("%((%a+)%)"))
print(("f(a(b)c)d"):find("%b()"), ("[[x]]"):find("%b[]"), ("abc"):find("%f[%w]%w+"))
print(("THE (quick) fox"):find("%f[%a]%a+", 5), ("x=1,y=22"):find("(%a)=(%d+)", 4))
