# feature: while loops with else, break skipping else, countdown and search
n = 5
while n > 0:
    print("n =", n)
    n -= 2
else:
    print("loop ended normally, n =", n)
i = 0
while True:
    i += 1
    if i * i > 50:
        break
print("first square over 50:", i * i)
k = 10
while k:
    k //= 3
    if k == 1:
        print("breaking at", k)
        break
else:
    print("no break")
