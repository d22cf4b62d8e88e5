# feature: SyntaxError: cannot assign to a literal / function call
x = 1
5 = x
