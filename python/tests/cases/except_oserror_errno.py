# feature: OSError(errno, strerror[, filename]) becomes the subclass of its errno, with errno/strerror/filename and the [Errno N] text
for e in [OSError(2, "No such"), OSError(2, "No such", "f.txt"), OSError(111, "refused"), OSError(5, "io"), OSError("plain"), FileNotFoundError(2, "x")]:
    print(repr(e), "|", str(e), "|", e.args, type(e).__name__)
e = OSError(2, "No such", "f.txt")
print(e.errno, e.strerror, e.filename)
try:
    raise OSError(111, "Connection refused")
except ConnectionRefusedError as err:
    print("caught", err, err.errno)
