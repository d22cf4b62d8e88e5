# feature: using lists as stacks and queues (append/pop, pop(0))
stack = []
for x in "abc":
    stack.append(x)
while stack:
    print("pop", stack.pop())
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
