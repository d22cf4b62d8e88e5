# feature: exceptions handled inside loops with continue/break, counting failures
values = ["1", "2", "x", "4", "", "6", "stop", "8"]
total = 0
bad = []
for v in values:
    try:
        if v == "stop":
            break
        total += int(v)
    except ValueError as e:
        bad.append(str(e))
        continue
    finally:
        print("checked", repr(v))
print(total)
print(bad)
