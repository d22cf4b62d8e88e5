# feature: user-defined exception classes with custom __init__ and __str__, args
class AppError(Exception):
    pass

class HttpError(AppError):
    def __init__(self, status, reason):
        super().__init__(status, reason)
        self.status = status
        self.reason = reason

    def __str__(self):
        return f"{self.status} {self.reason}"

for exc in [AppError("plain"), AppError("a", 1), AppError(), HttpError(404, "Not Found")]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args)
try:
    raise HttpError(500, "Oops")
except Exception as e:
    print(isinstance(e, AppError), e.status)
