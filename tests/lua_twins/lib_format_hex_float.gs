// string.format %a
print(string.format("%a|%a|%a|%a", 1.0, 0.5, 0.1, -2.75))
print(string.format("%A|%.2a|%.0a|%a", 255.5, 1/3, 1.5, 1e-320))
print(string.format("%a|%a|%a", 0.0, -0.0, 1e308))
print(string.format("%20a|%-20a|", 1.0, 2.0))
