// string.match with character classes
s := "Abc 123 x_y!? \t\n"
print(s:match("%a+"), s:match("%d+"), s:match("%l+"), s:match("%u"), s:match("%p+"))
print(s:match("%s+") == " ", s:match("%w+", 4), s:match("[%w_]+", 9), s:match("%x+", 2))
print(("0x1F"):match("^0x(%x+)$"), ("2024-01-15"):match("(%d+)-(%d+)-(%d+)"))
print(("  trim me  "):match("^%s*(.-)%s*$") .. "|", ("a,b,,c"):match("([^,]*),([^,]*)"))
print(("[test]"):match("%[(.*)%]"), ("a.b"):match("%.(.)"), ("%d"):match("%%(%a)"))
print(("hello"):match(".-l"), ("hello"):match(".*l"), ("hello"):match("l?lo"), ("hello"):match("x*"))
print(("caps ABC def"):match("%u+"), ("ctl\001"):match("%c") == "\001", ("x\255y"):match("%A+") == "\255")
