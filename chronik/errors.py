"""Coded messages and typed exceptions. Only ``cli.py`` turns them into exit codes."""
from __future__ import annotations


class Errors:
    """Error messages, each with a code. Format with ``.format(**kw)``."""

    E001 = "E001 no such file or directory"
    E002 = "E002 directory contains no readable articles"
    E003 = "E003 binary file, not an article (found NUL bytes or a binary signature)"
    E004 = "E004 empty file: nothing to extract"
    E005 = "E005 cannot decode the file's text: {detail}"
    E006 = "E006 line {line}: invalid JSON ({detail})"
    E007 = "E007 line {line}: JSON object has no 'text' field"
    E008 = "E008 HTML page has no extractable main text"
    E009 = "E009 cannot read: {detail}"
    E010 = "E010 invalid date {value!r}: use YYYY-MM-DD"
    E011 = "E011 unsupported language {value!r}: choose one of {choices}"
    E012 = "E012 data file {path}: line {line}: {detail}"
    E013 = "skipped: {lang}, no language pack (Chronik codes {choices}; --lang forces one)"
    E099 = "E099 internal error while processing this document ({detail}); please report it"


class ChronikError(Exception):
    """Base class of Chronik's exceptions; ``str(exc)`` is a user-facing message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(ChronikError):
    """An input (file, line of a corpus, stdin) could not be turned into a document."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class UnsupportedLanguage(ChronikError):
    """A document is in a language Chronik has no language pack for: it is skipped, never
    coded with another language's rules."""

    def __init__(self, lang: str, choices: str):
        super().__init__(Errors.E013.format(lang=lang, choices=choices))
        self.lang = lang


class DataError(ChronikError):
    """A shipped or user data file (lexicon, gazetteer) is malformed."""
