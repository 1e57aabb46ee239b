"""A seeded generator of hostile inputs over every input kind, and a runner that pushes
them through the loaders, the coder, the writers and the event store.

``python -m tests.fuzzing --n 10000`` (``make fuzz``) prints the figures; the suite runs
1,000 inputs (``tests/test_fuzz.py``). The generator is deterministic for a seed, so a
failure is reproduced by its seed and index.

Counted: tracebacks (an exception escaping a loader, the store or the writers), E099
(an unexpected exception turned into a coded error: a bug, but no traceback), hangs (an
input over :data:`HANG_SECONDS`), blow-ups (peak RSS over :data:`MAX_RSS_MB`).
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import resource
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

HANG_SECONDS = 60.0  # the per-document time budget (document_seconds)
MAX_RSS_MB = 1024

SENTENCES = [
    "Russia attacked Ukraine on Monday near Kharkiv, the governor said.",
    "US Secretary of State Antony Blinken spoke by phone with Azerbaijani President Ilham Aliyev.",
    "Armenia accused Azerbaijan of shelling villages near the border.",
    "Der Außenminister rief am Dienstag seinen Amtskollegen in Baku an.",
    "Die Regierung in Berlin verurteilte den Angriff auf das Dorf scharf.",
    "The European Union urged both sides to respect the ceasefire and to return to talks.",
    "Protesters gathered in Cairo and demanded the release of detained journalists.",
    "Die Polizei nahm in Hamburg drei Verdächtige fest.",
]
WEIRD = ["\u0000", "\ufeff", "\u200b", "\u00ad", "\u202e", "\u0301", "\U0001F600", "\ud800", "\udfff", "\r", "\x0b",
         "\x1b[31m", "\u2028", "\u0085", "&#0;", "&#xD800;", "&amp;", "<", ">", '"', "\\", "%", "_", "{", "[", "ß", "İ",
         "\uffff", "\U0010ffff", "ﬁ", "Ⅻ", "٣", "\t" * 50, " " * 500]
LINKS = ["http://127.0.0.1:9/a", "http://localhost:9/b", "http://10.0.0.1/c", "http://169.254.169.254/latest/",
         "http://0.0.0.0:9/", "http://[::1]:9/", "file:///etc/passwd", "javascript:alert(1)", "ftp://x/", "", "//x",
         "http://192.168.1.1/" + "a" * 3000]


@dataclass
class Outcome:
    inputs: int = 0
    documents: int = 0
    errors: Counter = field(default_factory=Counter)
    tracebacks: list[str] = field(default_factory=list)
    e099: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    kinds: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        codes = ", ".join(f"{k} {v}" for k, v in sorted(self.errors.items()))
        return (f"{self.inputs} inputs ({', '.join(f'{k} {v}' for k, v in sorted(self.kinds.items()))}): "
                f"{self.documents} documents coded, coded errors: {codes or 'none'}; "
                f"{len(self.tracebacks)} tracebacks, {len(self.hangs)} hangs, "
                f"{int(self.peak_rss_mb > MAX_RSS_MB)} blow-ups, {len(self.e099)} E099; "
                f"{self.seconds:.0f} s in all, slowest input {self.slowest[0]:.1f} s ({self.slowest[1]}), "
                f"peak memory {self.peak_rss_mb:.0f} MB")


class Gen:
    """Hostile inputs: ``(name, bytes)``; the name's suffix routes archives."""

    def __init__(self, seed: int, max_big: int = 120_000):
        self.r = random.Random(seed)
        self.max_big = max_big  # the largest of the occasional big texts (5 % of texts)

    # pieces -------------------------------------------------------------------
    def words(self, n: int) -> str:
        r = self.r
        out = []
        for _ in range(n):
            x = r.random()
            if x < 0.6:
                out.append(r.choice(SENTENCES))
            elif x < 0.8:
                out.append(r.choice(WEIRD))
            elif x < 0.9:
                out.append("".join(chr(r.randrange(32, 0x2FFF)) for _ in range(r.randrange(1, 40))))
            else:
                out.append(r.choice(["\n", "\n\n", "Tags: ", "Gelesen: 419", "20. September 2023", "©", "1,234 views"]))
        return " ".join(out)

    def big(self) -> str:
        r = self.r
        kind = r.randrange(4)
        n = r.randrange(self.max_big // 6, self.max_big)
        if kind == 0:
            return "x" * n  # one long word
        if kind == 1:
            return ", ".join([r.choice(SENTENCES).rstrip(".")] * (n // 60))  # no full stop
        if kind == 2:
            return "\n".join(r.choice(SENTENCES) for _ in range(n // 60))  # many lines
        return "." * n

    def text(self) -> str:
        t = self.words(self.r.randrange(0, 40))
        if self.r.random() < 0.05:
            t += self.big()
        return t

    def json_value(self, depth: int = 0):
        r = self.r
        x = r.random()
        if depth > 3 or x < 0.3:
            return r.choice([None, True, 5, -1.5, 1e308, "", self.text()[:200], "\ud800", [], {}])
        if x < 0.6:
            return [self.json_value(depth + 1) for _ in range(r.randrange(3))]
        return {r.choice(["text", "title", "id", "lang", "url", "published"]): self.json_value(depth + 1)}

    # kinds --------------------------------------------------------------------
    def k_text(self) -> tuple[str, bytes]:
        enc = self.r.choice(["utf-8", "utf-8", "utf-16", "latin-1", "cp1252", "utf-8-sig"])
        return "t.txt", self.text().encode(enc, "surrogatepass" if enc.startswith("utf-8") else "replace")

    def k_html(self) -> tuple[str, bytes]:
        r = self.r
        depth = r.choice([1, 3, 50, 3000])
        inner = "".join(f"<p>{self.text()}</p>" for _ in range(r.randrange(1, 6)))
        junk = r.choice(["", "<script>" + "x" * 1000 + "</script>", "<!--", "<![CDATA[", "<p <p <p", "&#xD800;" * 20,
                         "<meta charset='bogus-99'>", "<title>" + "T" * r.randrange(10, 30_000) + "</title>"])
        page = (f"<!DOCTYPE html><html><head>{junk}</head><body>" + "<div>" * depth + f"<article>{inner}</article>"
                + "</div>" * r.randrange(depth + 1) + "</body></html>")
        return "p.html", page.encode("utf-8", "surrogatepass")

    def k_jsonl(self) -> tuple[str, bytes]:
        r = self.r
        lines = []
        for _ in range(r.randrange(1, 8)):
            x = r.random()
            if x < 0.5:
                obj = {"text": self.text() or "x"}
                for key in ("title", "id", "lang", "url", "published"):
                    if r.random() < 0.4:
                        obj[key] = self.json_value(1)
                lines.append(json.dumps(obj))
            elif x < 0.6:
                d = r.choice([100, 5_000, 100_000])
                lines.append('{"text": "a", "x": ' + "[" * d + "]" * d + "}")
            elif x < 0.7:
                lines.append('{"text": "' + r.choice(["\\ud800", "\\udfff\\ud800", "\\u0000", "\\x"]) + ' attacked"}')
            elif x < 0.8:
                lines.append(json.dumps(self.json_value()))
            else:
                lines.append('{"text": ' + self.text()[:100])  # broken JSON
        return "c.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass")

    def k_feed(self) -> tuple[str, bytes]:
        r = self.r
        items = []
        for i in range(r.randrange(0, 12)):
            link = r.choice(LINKS)
            body = self.text().replace("<", "&lt;").replace("&", "&amp;") if r.random() < 0.5 else self.text()
            items.append(f"<item><title>{self.words(2)[:300]}</title><link>{link}</link><guid>{r.randrange(5)}</guid>"
                         f"<pubDate>{r.choice(['Tue, 19 Sep 2023 10:00:00 GMT', 'yesterday', '', '0001-01-01'])}</pubDate>"
                         f"<description><![CDATA[{body}]]></description></item>")
        dtd = r.choice(["", "", '<!DOCTYPE rss [<!ENTITY e "' + "x" * 1000 + '">]>',
                        '<!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
                        '<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/x.dtd">'])
        if r.random() < 0.3:
            xml = (f'<?xml version="1.0"?>{dtd}<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
                   + "".join(f"<entry><title>E{i}</title><link href='{r.choice(LINKS)}'/><content type='html'>"
                             f"{self.text()[:2000].replace('&', '&amp;').replace('<', '&lt;')}</content></entry>"
                             for i in range(r.randrange(6))) + "</feed>")
        else:
            xml = f'<?xml version="1.0"?>{dtd}<rss version="2.0"><channel><title>F</title>{"".join(items)}</channel></rss>'
        return "f.rss", xml.encode("utf-8", "surrogatepass")

    def k_warc(self) -> tuple[str, bytes]:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        r = self.r
        gz = r.random() < 0.6
        buf = io.BytesIO()
        w = WARCWriter(buf, gzip=gz)
        for i in range(r.randrange(1, 4)):
            _, page = self.k_html()
            ctype = r.choice(["text/html; charset=utf-8", "text/html; charset=nonsense", "application/pdf", ""])
            h = StatusAndHeaders(r.choice(["200 OK", "404 Not Found", "200"]), [("Content-Type", ctype)],
                                 protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(f"http://example.com/{i}", r.choice(["response", "resource", "request"]),
                                                payload=io.BytesIO(page), http_headers=h))
        return ("a.warc.gz" if gz else "a.warc"), buf.getvalue()

    def k_binary(self) -> tuple[str, bytes]:
        r = self.r
        head = r.choice([b"", b"%PDF-1.4", b"\x1f\x8b\x08", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"PK\x03\x04"])
        if r.random() < 0.3:
            return "g.txt", gzip.compress(self.text().encode("utf-8", "surrogatepass"))
        return "b.txt", head + bytes(r.randrange(256) for _ in range(r.randrange(0, 3000)))

    def mutate(self, data: bytes) -> bytes:
        r = self.r
        b = bytearray(data)
        for _ in range(r.randrange(1, 6)):
            if not b:
                break
            op = r.randrange(5)
            i = r.randrange(len(b))
            if op == 0:
                b[i] = r.randrange(256)
            elif op == 1:
                del b[i:i + r.randrange(1, 200)]
            elif op == 2:
                b[i:i] = bytes(r.randrange(256) for _ in range(r.randrange(1, 50)))
            elif op == 3:
                b[i:i] = b[i:i + r.randrange(1, 500)] * r.randrange(2, 20)
            else:
                del b[i:]
        return bytes(b)

    def inputs(self, n: int) -> Iterator[tuple[str, str, bytes]]:
        kinds = [self.k_text, self.k_html, self.k_jsonl, self.k_feed, self.k_warc, self.k_binary]
        for _ in range(n):
            make = self.r.choice(kinds)
            name, data = make()
            kind = make.__name__[2:]
            if self.r.random() < 0.3:
                data = self.mutate(data)
                kind += "+mutated"
            yield kind.split("+")[0], name, data


def run(n: int, seed: int = 1, *, store: bool = True, verbose: bool = False, max_big: int = 120_000) -> Outcome:
    """Generate ``n`` inputs and push each through loaders, coder, writers and a store."""
    import chronik.store as store_mod
    from chronik import fetch
    from chronik.errors import ChronikError, InputError
    from chronik.ingest import documents_from_bytes
    from chronik.limits import time_budget
    from chronik.model import Document
    from chronik.output import write_json, write_jsonl, write_table
    from chronik.pipeline import process

    fetch.configure(fetch.FetchOptions(deadline=2, retries=0, connect_timeout=1))  # strict: links are refused
    out = Outcome()
    start_all = time.monotonic()
    tmp = tempfile.TemporaryDirectory()
    st = store_mod.open(f"{tmp.name}/fuzz.db") if store else None
    try:
        for i, (kind, name, data) in enumerate(Gen(seed, max_big).inputs(n)):
            out.inputs += 1
            out.kinds[kind] += 1
            label = f"seed {seed} input {i} ({kind}, {name}, {len(data)} bytes)"
            t0 = time.monotonic()
            docs = []
            try:
                for item in documents_from_bytes(data, name):
                    if isinstance(item, InputError):
                        code = item.message[:4]
                        out.errors[code] += 1
                        if code == "E099":
                            out.e099.append(f"{label}: {item.message}")
                        continue
                    assert isinstance(item, Document), type(item)
                    try:
                        with time_budget():
                            process(item)
                    except ChronikError as exc:
                        out.errors[exc.message[:4]] += 1
                        continue
                    except Exception as exc:  # noqa: BLE001 - the CLI reports these as E099
                        out.e099.append(f"{label}: coder: {type(exc).__name__}: {exc}")
                        continue
                    sink = io.StringIO()
                    for w in (write_json, write_jsonl, write_table):
                        w(item, sink)
                    sink.getvalue().encode("utf-8")
                    docs.append(item)
                    out.documents += 1
                if st is not None and docs:
                    rep = st.ingest(docs, process=lambda d: d)
                    for err in rep.errors:
                        if "E099" in err:
                            out.e099.append(f"{label}: store: {err}")
            except Exception:  # noqa: BLE001 - this is what must never happen
                out.tracebacks.append(f"{label}:\n{traceback.format_exc()}")
            took = time.monotonic() - t0
            if took > out.slowest[0]:
                out.slowest = (took, label)
            if took > HANG_SECONDS:
                out.hangs.append(f"{label}: {took:.1f} s")
            if verbose and (i + 1) % 500 == 0:
                print(f"... {i + 1} inputs, {time.monotonic() - start_all:.0f} s", file=sys.stderr)
    finally:
        if st is not None:
            st.close()
        tmp.cleanup()
        fetch._DEFAULT = None
    out.seconds = time.monotonic() - start_all
    out.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-big", type=int, default=30_000, help="largest of the occasional big texts (characters)")
    args = ap.parse_args(argv)
    out = run(args.n, args.seed, verbose=True, max_big=args.max_big)
    for t in out.tracebacks[:5]:
        print(t, file=sys.stderr)
    for e in out.e099[:10]:
        print(e, file=sys.stderr)
    for h in out.hangs[:5]:
        print("hang:", h, file=sys.stderr)
    print("fuzz:", out.summary())
    return 1 if out.tracebacks or out.hangs or out.peak_rss_mb > MAX_RSS_MB else 0


if __name__ == "__main__":
    sys.exit(main())
