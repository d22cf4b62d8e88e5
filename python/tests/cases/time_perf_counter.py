# feature: time.perf_counter for measuring a block, print with end='' completed after a sleep
import time

start = time.perf_counter()
print("working", end="")
for _ in range(3):
    time.sleep(0.05)
    print(".", end="")
print(" done")
elapsed = time.perf_counter() - start
print(f"took {elapsed:.2f}s")
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
