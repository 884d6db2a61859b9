m := matrix.dense(2, 3)
matrix.setf(m, 1, 2, 5)
print(matrix.getf(m, 1, 2), m[1][2], m[0][0], #m, m[1][3])   // expect: 5.0\t5.0\t0.0\t1\tnil
