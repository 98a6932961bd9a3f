//! A tiny static file server for `dist/`, started and stopped by the tests. It can mount the
//! app under a sub-path (like a school server at `/dvc-lab/`) and, like any SPA-friendly server,
//! answers unknown paths without a file extension with `index.html`. It records every request so
//! tests can assert what was fetched, and can be told to answer some files slowly (a phone on a
//! weak connection) or to send the build's pre-compressed `<file>.gz` copies with
//! `Content-Encoding: gzip` to a browser that accepts gzip (like nginx's `gzip_static on`).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// A running server.
pub struct StaticServer {
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub origin: String,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
    requests: Arc<Mutex<Vec<String>>>,
    slow: Slow,
    gzip: Gzip,
}

/// Whether to send `<file>.gz` copies, and the request paths answered with one.
#[derive(Clone, Default)]
struct Gzip {
    on: Arc<AtomicBool>,
    sent: Arc<Mutex<Vec<String>>>,
}

/// File-name prefixes answered only after a delay (milliseconds).
type Slow = Arc<Mutex<Vec<(String, u64)>>>;

fn content_type(path: &Path, wasm: &'static str) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => wasm,
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "webmanifest" => "application/json",
        "png" => "image/png",
        "md" => "text/markdown; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(
    mut stream: TcpStream,
    root: &Path,
    mount: &str,
    requests: &Mutex<Vec<String>>,
    wasm: &'static str,
    slow: &Slow,
    gzip: &Gzip,
) {
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let mut accepts_gzip = false;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => {
                let lower = line.to_ascii_lowercase();
                if let Some(v) = lower.strip_prefix("accept-encoding:") {
                    accepts_gzip = v.split(',').any(|c| c.trim() == "gzip");
                }
            }
        }
    }
    let target = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    if let Ok(mut r) = requests.lock() {
        r.push(target.clone());
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let use_gz = accepts_gzip && gzip.on.load(Ordering::Relaxed);
    let mut encoding = "";
    let mut read = |file: &Path| {
        let gz = PathBuf::from(format!("{}.gz", file.display()));
        if use_gz && gz.is_file() {
            encoding = "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";
            std::fs::read(gz).unwrap_or_default()
        } else {
            std::fs::read(file).unwrap_or_default()
        }
    };
    let (status, body, ctype) = match path.strip_prefix(mount.trim_end_matches('/')) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => {
            let rel = rest.trim_start_matches('/');
            let file = root.join(rel);
            let is_file = !rel.contains("..") && file.is_file();
            if is_file {
                (200, read(&file), content_type(&file, wasm))
            } else if !rel.rsplit('/').next().unwrap_or("").contains('.') {
                // SPA fallback: a deep link gets the app shell.
                (
                    200,
                    read(&root.join("index.html")),
                    "text/html; charset=utf-8",
                )
            } else {
                (404, b"not found".to_vec(), "text/plain")
            }
        }
        _ => (404, b"not found".to_vec(), "text/plain"),
    };
    let name = path.rsplit('/').next().unwrap_or("");
    let delay = slow.lock().ok().and_then(|s| {
        s.iter()
            .find(|(prefix, _)| name.starts_with(prefix.as_str()))
            .map(|(_, ms)| *ms)
    });
    if let Some(ms) = delay {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
    if !encoding.is_empty()
        && let Ok(mut sent) = gzip.sent.lock()
    {
        sent.push(target.clone());
    }
    let head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {ctype}\r\n{encoding}Content-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        if status == 200 { "OK" } else { "Not Found" },
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

impl StaticServer {
    /// Serves `root` under `mount` (`"/"` or e.g. `"/dvc-lab/"`) on a free loopback port.
    pub fn start(root: &Path, mount: &str) -> std::io::Result<StaticServer> {
        StaticServer::start_on(root, mount, 0)
    }

    /// Like [`StaticServer::start`] on a given port (0 = any), so a restarted server keeps
    /// the same origin.
    pub fn start_on(root: &Path, mount: &str, port: u16) -> std::io::Result<StaticServer> {
        StaticServer::start_with(root, mount, port, "application/wasm")
    }

    /// Like [`StaticServer::start`], sending `.wasm` files as `wasm` — e.g. a school's IIS
    /// without a MIME map sends them as `application/octet-stream`.
    pub fn start_with(
        root: &Path,
        mount: &str,
        port: u16,
        wasm: &'static str,
    ) -> std::io::Result<StaticServer> {
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        listener.set_nonblocking(true)?;
        let origin = format!("http://{}", listener.local_addr()?);
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let slow: Slow = Arc::new(Mutex::new(Vec::new()));
        let gzip = Gzip::default();
        let (root, mount): (Arc<PathBuf>, Arc<String>) =
            (Arc::new(root.to_path_buf()), Arc::new(mount.to_string()));
        let (stop2, req2, slow2, gzip2) =
            (stop.clone(), requests.clone(), slow.clone(), gzip.clone());
        let handle = std::thread::spawn(move || {
            while !stop2.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        // One thread per connection, with a read timeout: Chromium opens
                        // speculative connections that send nothing, and a single-threaded
                        // server would wait on them instead of answering the next request.
                        let _ = stream.set_nonblocking(false);
                        let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(5)));
                        let (root, mount, req) = (root.clone(), mount.clone(), req2.clone());
                        let (slow, gzip) = (slow2.clone(), gzip2.clone());
                        std::thread::spawn(move || {
                            respond(stream, &root, &mount, &req, wasm, &slow, &gzip)
                        });
                    }
                    Err(_) => std::thread::sleep(std::time::Duration::from_millis(5)),
                }
            }
        });
        Ok(StaticServer {
            origin,
            stop,
            handle: Some(handle),
            requests,
            slow,
            gzip,
        })
    }

    /// From now on (`true`), answers a request that accepts gzip for a file that has a `.gz`
    /// copy next to it with that copy and `Content-Encoding: gzip` — a server with
    /// `gzip_static on`; `false` sends the files as they are (a server without compression).
    pub fn precompressed(&self, on: bool) {
        self.gzip.on.store(on, Ordering::Relaxed);
    }

    /// Every request path answered with a `.gz` copy so far, in order.
    pub fn gzipped(&self) -> Vec<String> {
        self.gzip.sent.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// From now on, answers files whose name starts with `prefix` only after `ms` milliseconds.
    pub fn slow_down(&self, prefix: &str, ms: u64) {
        if let Ok(mut s) = self.slow.lock() {
            s.push((prefix.to_string(), ms));
        }
    }

    /// Every request path served so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }

    /// Stops serving; the port is closed when this returns.
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}
