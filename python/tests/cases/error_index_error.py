# feature: uncaught IndexError: list index out of range, and other index texts when caught
for f in [lambda: "abc"[5], lambda: (1, 2)[2], lambda: [].pop(), lambda: [1].pop(3), lambda: range(3)[3]]:
    try:
        f()
    except IndexError as e:
        print(e)
nums = [10, 20, 30]
print(nums[-3])
print(nums[3])
