-- back references, position captures, frontier
print(("say 'hi' and \"yo\""):match("([\"'])(.-)%1"))
print(("abcabc"):match("(abc)%1"), ("xyzzy"):match("(z)%1"), ("aXbXc"):match("X(.)X"))
print(("hello world"):match("()o()"), ("hello"):match("()"), ("hello"):match("()", 6))
print(("THE quick BROWN"):match("%f[%l]%l+"), ("the Quick"):match("%f[%u]%u%l*"))
print(("foo bar"):match("%f[%S]%S+$"), ("aaa"):match("^(a-)a$"), ("<<a>>"):match("<(.-)>"))
print(("2+2=4"):match("^(%d)%+(%d)=(%d)$"))
