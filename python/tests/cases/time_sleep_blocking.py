# feature: time.sleep advances the (virtual) clock; time.time/monotonic differences
import time

t0 = time.time()
m0 = time.monotonic()
print("start")
time.sleep(0.25)
print("after sleep", round(time.time() - t0, 3))
time.sleep(1)
print("elapsed", round(time.monotonic() - m0, 2))
for i in range(3):
    time.sleep(0.1)
    print("tick", i)
