"""Options that travel through the pipeline; defaults from ``settings.cfg``."""
from __future__ import annotations

import configparser
from dataclasses import dataclass, fields
from pathlib import Path

CONFIG = Path(__file__).parent / "settings.cfg"


def _defaults() -> dict[str, str]:
    cp = configparser.ConfigParser()
    cp.read(CONFIG, encoding="utf-8")
    return dict(cp["chronik"]) if cp.has_section("chronik") else {}


@dataclass(slots=True)
class Options:
    """Every threshold of the coder, documented in settings.cfg."""

    include_negated: bool = False
    include_hypothetical: bool = False
    trigger_window_de: int = 6
    trigger_window_en: int = 6
    min_confidence: float = 0.0
    dedup_within_doc: bool = True

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides) -> "Options":
        """Defaults from the shipped settings.cfg, then a user file, then keyword overrides."""
        values = _defaults()
        if path:
            cp = configparser.ConfigParser()
            cp.read(path, encoding="utf-8")
            if cp.has_section("chronik"):
                values.update(cp["chronik"])
        opts = cls()
        for f in fields(cls):
            if f.name in values:
                raw = values[f.name]
                typ = type(getattr(opts, f.name))
                setattr(opts, f.name, raw.lower() in ("1", "true", "yes") if typ is bool else typ(raw))
        for k, v in overrides.items():
            setattr(opts, k, v)
        return opts
