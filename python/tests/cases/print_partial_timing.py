# feature: a line built with end='' is stamped when its newline is written (time passes in between)
import time

print("step 1...", end=" ")
time.sleep(0.3)
print("ok")
print("a", end="")
print("b", end="")
time.sleep(0.2)
print("c")
print("line\nwith", end="")
time.sleep(0.1)
print(" newline inside")
