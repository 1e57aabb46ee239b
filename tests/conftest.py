"""Shared fixtures. Tests may read ../shared (CI has it beside the checkout); Chronik never does."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "eval" / "dev" / "docs"
EXAMPLES = ROOT / "examples"
FOUNDING = EXAMPLES / "de-azvision-blinken-aliyev.txt"


@pytest.fixture(scope="session")
def founding_text() -> str:
    return FOUNDING.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def founding_doc(founding_text):
    import chronik

    return chronik.extract(founding_text, doc_id="de-azvision-blinken-aliyev")


def dev_doc(name: str) -> str:
    path = DEV_DOCS / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is not beside the checkout)")
    return path.read_text(encoding="utf-8")


def make_doc(text: str, lang: str = "de", published: str | None = None, doc_id: str = "t"):
    """A processed document from a sentence or article."""
    import chronik

    return chronik.extract(text, published=published, lang=lang, doc_id=doc_id)


CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def scale_corpus(tmp_path_factory):
    """200 real Wikinews articles (150 German, 50 English) as 8 JSON Lines shards of 25, two of
    them gzipped, one in a subdirectory; with the single-process result as reference:
    ``(directory, coded documents in reading order)``."""
    import gzip

    from chronik.ingest import load_documents
    from chronik.pipeline import process

    src = [(CORPUS / "de-wikinews.jsonl", 150), (CORPUS / "en-wikinews.jsonl", 50)]
    if not all(p.exists() for p, _ in src):
        pytest.skip(f"{CORPUS} not available (../shared is not beside the checkout)")
    lines = [line for p, n in src for line in p.read_text(encoding="utf-8").splitlines()[:n]]
    root = tmp_path_factory.mktemp("scale") / "corpus"
    (root / "en").mkdir(parents=True)
    for i in range(8):
        chunk = "\n".join(lines[25 * i: 25 * (i + 1)]) + "\n"
        name = root / ("en" if i >= 6 else ".") / f"shard-{i}.jsonl"
        if i in (3, 7):
            with gzip.open(f"{name}.gz", "wt", encoding="utf-8") as f:
                f.write(chunk)
        else:
            name.write_text(chunk, encoding="utf-8")
    docs = [process(d) for d in load_documents([str(root)])]
    return root, docs


# chronik serve: a real server process over a real SQLite store ----------------------------
XSS_ARTICLE = {
    "id": "xss-article", "title": "Border report <script>window.__xss = 'title'</script>", "published": "2023-10-02",
    "lang": "en", "url": "https://example.org/xss?a=<b>",
    "text": "Russia accused Ukraine on Sunday of shelling \"><img src=x onerror=\"window.__xss = 'img'\"> the border "
            "town <script>window.__xss = 'script'</script> near Belgorod, officials said.\n\nThe statement was "
            "posted online late on Sunday.",
}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """``chronik serve`` in a child process on a free loopback port."""

    def __init__(self, db: str, *args: str, log_dir: str | None = None):
        import os
        import subprocess
        import sys
        import time
        import urllib.request

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(log_dir or os.path.dirname(db), f"serve-{self.port}.log"), "w+", encoding="utf-8")
        self.proc = subprocess.Popen([sys.executable, "-m", "chronik", "serve", "--db", db, "--port", str(self.port),
                                      "--log-level", "warning", *args], stdout=self.log, stderr=subprocess.STDOUT,
                                     env={**os.environ, "PYTHONUNBUFFERED": "1"})
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                self.log.seek(0)
                raise RuntimeError(f"chronik serve did not start: {self.log.read()[-2000:]}")
            time.sleep(0.2)

    def output(self) -> str:
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except Exception:  # noqa: BLE001 - a server that ignores SIGTERM
                self.proc.kill()
                self.proc.wait(10)


@pytest.fixture(scope="session")
def served_db(tmp_path_factory) -> str:
    """A SQLite store built by ``chronik ingest`` (the real pipeline) from examples/ and an
    article with markup in its text."""
    import json
    import subprocess
    import sys

    tmp = tmp_path_factory.mktemp("served")
    corpus = tmp / "xss.jsonl"
    corpus.write_text(json.dumps(XSS_ARTICLE) + "\n", encoding="utf-8")
    db = str(tmp / "events.db")
    res = subprocess.run([sys.executable, "-m", "chronik", "ingest", str(EXAMPLES), str(corpus), "--db", db],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    return db


@pytest.fixture(scope="session")
def server(served_db):
    srv = ServerProcess(served_db)
    yield srv
    srv.stop()
