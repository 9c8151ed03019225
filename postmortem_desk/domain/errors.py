"""The base of every error whose message is written for the user, not for a developer."""


class UserFacingError(Exception):
    """An error whose message names the file, record or field and says what to do.

    The CLI prints it to stderr and exits 2; the GUI shows it in a dialog. Layers subclass it
    (storage, importers, export) so callers can catch one type.
    """
