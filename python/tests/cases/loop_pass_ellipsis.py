# feature: pass and ... as empty bodies; loop variable keeps its last value after the loop
for i in range(3):
    pass
print(i)

def todo():
    ...

class Empty:
    pass

print(todo(), type(Empty()).__name__)
while False:
    pass
for j in []:
    pass
try:
    print(j)
except NameError as e:
    print(e)
