// Identifiers are case-sensitive; _ is the blank identifier (2.5, 5.6).
abc := 1
ABC := 2
_abc := 3
a1_b2 := 4
print(abc, ABC, _abc, a1_b2)                     // expect: 1\t2\t3\t4
_ = 99
_, second, _ := 1, 2, 3
print(second, _G["_"])                           // expect: 2\tnil
func f(_, b, _) { return b }
print(f(1, 2, 3))                                // expect: 2
for _, v := range {7} { print(v) }               // expect: 7
