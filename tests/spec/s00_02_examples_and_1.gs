print("hello", 42)   // expect: hello\t42
