#!/usr/bin/env python3
"""Serves a release build (dist/) the way a well-set-up school server does — `make run` uses it.

Python's standard library only (nothing to install). It answers:
- files with the right Content-Type (application/wasm for .wasm, so pages compile while they
  download);
- the pre-compressed copy (`<file>.br`, `<file>.gz`, written by scripts/compress.mjs) with
  Content-Encoding when the browser accepts it and the copy is not older than the file (by more
  than 2 s, so a plain `cp -r` of dist/ keeps them);
- `index.html` for unknown paths without a file extension (a deep link such as
  /lessons/vneid, reloaded or bookmarked), 404 for any other unknown path.

Usage: python3 scripts/serve.py [--bind 127.0.0.1] [--port 8080] [DIR (default dist)]
"""

import argparse
import os
import posixpath
import sys
import urllib.parse
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".png": "image/png",
    ".ico": "image/x-icon",
}

# Preferred first.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted(header):
    """The content codings an Accept-Encoding header allows (q=0 excluded)."""
    out = set()
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            k, _, v = p.strip().partition("=")
            if k == "q":
                try:
                    q = float(v)
                except ValueError:
                    q = 0.0
        if name and q > 0:
            out.add(name.strip().lower())
    return out


class Handler(SimpleHTTPRequestHandler):
    """Static files of one folder, with an SPA fallback and pre-compressed copies."""

    protocol_version = "HTTP/1.1"  # keep-alive, like a real server

    def send_head(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        rel = posixpath.normpath(path).lstrip("/")
        if rel == ".":
            rel = ""
        root = os.path.realpath(self.directory)
        file = os.path.realpath(os.path.join(root, rel))
        if file != root and not file.startswith(root + os.sep):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        if os.path.isdir(file):
            file = os.path.join(file, "index.html")
        if not os.path.isfile(file):
            if "." in posixpath.basename(rel):
                self.send_error(HTTPStatus.NOT_FOUND)
                return None
            file = os.path.join(root, "index.html")  # SPA fallback: the app shell
        ext = os.path.splitext(file)[1].lower()
        ctype = TYPES.get(ext, "application/octet-stream")
        encoding, body = None, file
        wanted = accepted(self.headers.get("Accept-Encoding"))
        for name, suffix in ENCODINGS:
            copy = file + suffix
            if (
                name in wanted
                and os.path.isfile(copy)
                and os.path.getmtime(copy) >= os.path.getmtime(file) - 2
            ):
                encoding, body = name, copy
                break
        try:
            f = open(body, "rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", ctype)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        # Always revalidate: a rebuilt dist/ is seen on the next load (the service worker keeps
        # the offline copy).
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return f


def main():
    ap = argparse.ArgumentParser(description="Serve a DVC Lab release build.")
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("dir", nargs="?", default="dist")
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(args.dir, "index.html")):
        sys.exit(f"serve.py: no index.html in {args.dir} — run `make dist` first")
    directory = os.path.abspath(args.dir)

    class H(Handler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=directory, **kw)

    server = ThreadingHTTPServer((args.bind, args.port), H)
    host, port = server.server_address[:2]
    print(f"DVC Lab: serving {args.dir} on http://{host}:{port}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
