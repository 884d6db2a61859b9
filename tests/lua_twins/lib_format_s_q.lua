-- string.format %s, %q, %%
print(string.format("%s|%s|%s|%s|%s", "x", 1, 2.5, true, nil))
print(string.format("%5s|%-5s|%.2s|%5.1s|", "ab", "ab", "xyz", "xyz"))
print(string.format("%q", "line1\nline2\t\"q\" \\ \000 \0011 \r end"))
print(string.format("%q|%q|%q|%q", 1, -7, 0.5, 1/0), string.format("%q", math.mininteger))
print(string.format("%q|%q|%q", nil, true, false), string.format("%q", -1/0), string.format("%q", 9223372036854775808.0))
print(string.format("100%% %s", "done"), string.format("%%"), string.format("no args"))
print(string.format("%s %s", 1, "two"), string.format("[%10s]", "right"), string.format("[%-10s]", "left"))
