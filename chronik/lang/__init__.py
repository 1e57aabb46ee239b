"""Language defaults: ``get_lang(code)`` imports ``chronik.lang.<code>`` lazily and caches it.

A language is data (``lang/<code>/data/``) plus one small module defining a
:class:`~chronik.lang.base.Language` subclass named ``LANGUAGE``.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from ..errors import ChronikError, Errors
from .base import Language

SUPPORTED = ("de", "en")


@lru_cache(maxsize=None)
def get_grammar(code: str):
    """The grammar module of a language (``chronik.lang.<code>.grammar``): its rule
    functions and word sets (determiner cases, subordinators, negations ...)."""
    get_lang(code)  # validates the code
    return importlib.import_module(f".{code}.grammar", __name__)


@lru_cache(maxsize=None)
def get_lang(code: str) -> Language:
    """The language object for an ISO 639-1 code.

    Raises:
        ChronikError: the language is not supported.
    """
    if code not in SUPPORTED:
        raise ChronikError(Errors.E011.format(value=code, choices=", ".join(SUPPORTED)))
    module = importlib.import_module(f".{code}", __name__)
    return module.LANGUAGE
