# feature: uncaught exception raised from another (explicit cause chain)
class ConfigError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"bad number: {text!r}") from e

print(parse("12"))
print(parse("twelve"))
