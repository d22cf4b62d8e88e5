# feature: uncaught exception raised while handling another (implicit context chain)
def cleanup():
    raise RuntimeError("cleanup failed")

def main():
    try:
        {}["key"]
    except KeyError:
        cleanup()

main()
