// matrix module (spec 12.14)
m := matrix.dense(2, 3)
matrix.setf(m, 1, 2, 5)
print(matrix.getf(m, 1, 2), m[1][2], m[0][0], #m, m[1][3], math.type(m[0][1]))
matrix.setf(m, 0, 0, "2.5")
print(matrix.getf(m, 0, 0), matrix.getf(m, 1.0, 2.0), matrix.getf(m, 0, 5))
e := matrix.dense(0, 0)
print(next(e), #matrix.dense(3, 0)[2] , next(matrix.dense(1, 0)[0]))
print(pcall(matrix.getf, m, 7, 0))
print(pcall(matrix.setf, m, 0, 0, "x"))
print(pcall(matrix.dense, 1e9, 1e9))
plain := {[0]: {[0]: 1}}
print(matrix.getf(plain, 0, 0))

// Expected output:
// expect: 5.0\t5.0\t0.0\t1\tnil\tfloat
// expect: 2.5\t5.0\tnil
// expect: nil\t0\tnil
// expect: false\tbad argument #1 to 'rawget' (table expected, got nil)
// expect: false\tbad argument #4 to 'setf' (number expected, got string)
// expect: false\tmatrix too large
// expect: 1
