"""The pipeline: ordered, named components ``Document -> Document``.

Each component declares what it requires and assigns, like spaCy's factories; the
pipeline checks the order once when it is built.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import UnsupportedLanguage
from .langid import SUPPORTED
from .model import Document
from .settings import Options


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable[[Document, Options], Document]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


REGISTRY: dict[str, Component] = {}


def component(name: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Register a pipeline component under ``name``."""

    def deco(func):
        REGISTRY[name] = Component(name, func, requires, assigns)
        return func

    return deco


@component("segment", requires=("text", "lang"), assigns=("sentences",))
def _segment(doc: Document, options: Options) -> Document:
    from .segment import segment

    return segment(doc)


@component("actors", requires=("sentences",), assigns=("mentions",))
def _actors(doc: Document, options: Options) -> Document:
    from .actors import resolve_actors

    return resolve_actors(doc)


@component("events", requires=("sentences", "mentions"), assigns=("events",))
def _events(doc: Document, options: Options) -> Document:
    from .events import code_events

    return code_events(doc, options)


DEFAULT_PIPELINE = ("segment", "actors", "events")


@dataclass
class Pipeline:
    names: tuple[str, ...] = DEFAULT_PIPELINE
    options: Options = field(default_factory=Options.load)

    def __post_init__(self) -> None:
        have = {"text", "lang"}
        for name in self.names:
            comp = REGISTRY[name]
            missing = set(comp.requires) - have
            if missing:
                raise ValueError(f"component {name!r} requires {sorted(missing)}, which no earlier component assigns")
            have |= set(comp.assigns)

    def __call__(self, doc: Document) -> Document:
        """Run the components on ``doc``.

        Raises:
            UnsupportedLanguage: ``doc.lang`` has no language pack (the document is skipped,
                never coded with another language's rules).
        """
        if doc.lang not in SUPPORTED:
            raise UnsupportedLanguage(str(doc.lang), ", ".join(SUPPORTED))
        for name in self.names:
            doc = REGISTRY[name].func(doc, self.options)
            if not isinstance(doc, Document):
                raise TypeError(f"component {name!r} did not return a Document")
        return doc


_DEFAULT: Pipeline | None = None


def process(doc: Document, options: Options | None = None) -> Document:
    """Run the default pipeline on a document (fills sentences, mentions, events)."""
    global _DEFAULT
    if options is not None:
        return Pipeline(options=options)(doc)
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT(doc)
