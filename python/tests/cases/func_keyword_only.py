# feature: keyword-only arguments after * and after *args, and the error when passed positionally
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"

print(connect("a.com"))
print(connect("a.com", port=443, secure=True))

def log(*messages, sep=" | "):
    return sep.join(messages)

print(log("a", "b", "c"))
print(log("a", "b", sep="/"))

def need(*, key):
    return key

try:
    connect("a.com", 8080)
except TypeError as e:
    print(type(e).__name__, e)
try:
    need()
except TypeError as e:
    print(type(e).__name__, e)
