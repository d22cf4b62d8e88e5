# feature: uncaught UnboundLocalError (3.11 text) when assigning after reading a global name
count = 0

def increment():
    count += 1
    return count

increment()
