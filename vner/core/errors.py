"""User-facing errors: what went wrong, where, and how to fix it."""


class VnerError(Exception):
    """An error caused by input or environment, shown without a traceback.

    The CLI prints `title`, then `detail` (the offending file, task or span)
    and `fix`, and exits with `exit_code`.
    """

    def __init__(self, title: str, detail: str = "", fix: str = "", exit_code: int = 1):
        super().__init__(title if not detail else f"{title}: {detail}")
        self.title = title
        self.detail = detail
        self.fix = fix
        self.exit_code = exit_code

    def __reduce__(self):
        # Keeps title, detail and fix when the error crosses a process (a Dask
        # worker, spaCy's n_process): the default would keep only the message.
        return type(self), (self.title, self.detail, self.fix, self.exit_code)
