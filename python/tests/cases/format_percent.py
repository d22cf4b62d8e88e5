# feature: % formatting: %s %d %5.2f %r %-5s %% %x %05d %e and tuples
name = "Bob"
print("Hello %s!" % name)
print("%d apples and %d pears" % (3, 4))
print("[%5.2f] [%-8.3f] [%08.2f]" % (3.14159, 2.5, -1.5))
print("[%r] [%s] [%-5s] [%5s]" % ("a'b", [1, "x"], "ab", "cd"))
print("100%% sure, %x %X %o %05d %+d" % (255, 255, 8, 42, 7))
print("%e %.3e %g %g" % (12345.678, 0.000123, 0.00001234, 1234567.0))
print("%s %s" % (True, None), "%d" % 3.99, "%i" % -2, "%c" % 65)
