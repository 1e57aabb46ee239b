"""WARC and WARC.gz archives (Common Crawl News style)."""
from __future__ import annotations

import io

import pytest

from chronik.errors import InputError
from chronik.ingest.warc import documents_from_warc, documents_from_warc_bytes
from chronik.model import Document

PARAS = [
    "Armenia accused Azerbaijan on Tuesday of shelling villages near the border, the foreign ministry in Yerevan said.",
    "The ministry said several houses had been damaged and called on international observers to visit the area.",
    "Azerbaijan's defence ministry rejected the accusation and said its forces had only returned fire.",
]


def html(title: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>").encode("utf-8")


def make_warc(gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)

    def response(url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8"):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                   warc_headers_dict={"WARC-Date": "2023-09-19T12:00:00Z"})
        w.write_record(rec)

    w.write_record(w.create_warcinfo_record("news.warc", {"software": "test"}))
    response("https://news.example/world/armenia.html", html("Armenia accuses Azerbaijan"))
    response("https://news.example/logo.png", b"\x89PNG....", ctype="image/png")
    response("https://news.example/missing.html", b"<html>gone</html>", status="404 Not Found")
    response("https://news.example/empty.html", b"<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")
    return buf.getvalue()


@pytest.mark.parametrize("gz,name", [(False, "cc-news.warc"), (True, "cc-news.warc.gz")])
def test_warc_html_responses_become_documents(tmp_path, gz, name):
    p = tmp_path / name
    p.write_bytes(make_warc(gz))
    items = list(documents_from_warc(str(p)))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 1
    d = docs[0]
    assert d.url == "https://news.example/world/armenia.html" and d.id == "news.example-world-armenia"
    assert "shelling villages" in d.text and d.published == "2023-09-19"
    assert len(errors) == 1 and "empty.html" in errors[0].path


def test_warc_via_load_documents(tmp_path):
    from chronik.ingest import load_documents

    (tmp_path / "a.warc.gz").write_bytes(make_warc(True))
    docs = [d for d in load_documents([str(tmp_path)]) if isinstance(d, Document)]
    assert [d.id for d in docs] == ["news.example-world-armenia"]


def test_not_a_warc():
    (err,) = documents_from_warc_bytes(b"this is not an archive at all\n" * 10, "x.warc")
    assert isinstance(err, InputError) and "E009" in str(err)
