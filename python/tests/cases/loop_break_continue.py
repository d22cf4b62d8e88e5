# feature: break and continue in nested loops affect only the innermost loop
for i in range(4):
    if i == 1:
        continue
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        print(i, j)
    if i == 3:
        break
print("done")
