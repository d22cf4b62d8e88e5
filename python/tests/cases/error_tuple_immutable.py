# feature: TypeError for assigning into tuples and strings, item deletion; uncaught at the end
t = (1, 2, 3)
s = "abc"

def assign(seq):
    seq[0] = "x"

for seq in [t, s, [1, 2]]:
    try:
        assign(seq)
        print("assigned", seq)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(e)
t[0] = 5
