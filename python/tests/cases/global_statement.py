# feature: global statement to rebind module variables from functions, reading globals without it
counter = 0
log = []

def bump():
    global counter
    counter += 1
    log.append(counter)

def read():
    return counter * 10

for _ in range(3):
    bump()
print(counter, log, read())

def make_global():
    global created
    created = "yes"

make_global()
print(created)
