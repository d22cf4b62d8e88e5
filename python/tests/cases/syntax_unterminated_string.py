# feature: SyntaxError: unterminated string literal
print("start")
message = "hello
print(message)
