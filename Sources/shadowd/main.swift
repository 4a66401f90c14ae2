print("shadowd")
