# feature: a program ending with text printed without a final newline
import time

print("complete line")
print("partial", end="")
time.sleep(0.5)
print(" still partial", end="")
