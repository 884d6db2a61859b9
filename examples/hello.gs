print("hello from GScript")
