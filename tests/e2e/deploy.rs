//! What a teacher gets from `make run` and from copying `dist/` to a school server: the page
//! `make run` serves (its own server command, `make serve-dist`) starts with no console error and
//! no live-reload websocket, `dist/index.html` is the deployable page, and a server that sends
//! the build's pre-compressed copies (`make run`'s, or one with nginx's `gzip_static`) sends far
//! fewer bytes while the app works the same.

use crate::Ctx;
use crate::browser::{Res, assert_no_console_errors, cdp, fill_profile_form, js, wait_css};
use crate::server::StaticServer;
use fantoccini::Client;
use serde_json::{Value, json};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// `make serve-dist` (what `make run` runs after the build) on a free port, serving `dist`;
/// killed with its children on drop.
struct MakeServe {
    child: Child,
    origin: String,
}

impl MakeServe {
    fn start(dist: &Path) -> Res<MakeServe> {
        use std::os::unix::process::CommandExt;
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let child = Command::new("make")
            .args(["--no-print-directory", "-s", "serve-dist"])
            .arg(format!("PORT={port}"))
            .arg(format!("DIST={}", dist.display()))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group, so make and the server it started stop together.
            .process_group(0)
            .spawn()?;
        let serve = MakeServe {
            child,
            origin: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("`make serve-dist` did not answer within 30 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(serve)
    }
}

impl Drop for MakeServe {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}

/// Counts every WebSocket the pages of this browser open (`window.__sockets`), from before
/// their own scripts run.
async fn count_websockets(c: &Client) -> Res {
    cdp(
        c,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "window.__sockets = []; const W = window.WebSocket; window.WebSocket = function (u, p) { window.__sockets.push(String(u)); return new W(u, p); };" }),
    )
    .await?;
    Ok(())
}

async fn assert_no_websocket(c: &Client, context: &str) -> Res {
    let opened = js(c, "return window.__sockets || 'not counted'").await?;
    assert_eq!(opened, json!([]), "websockets opened {context}");
    Ok(())
}

pub async fn make_run_serves_the_app_with_no_console_error_and_dist_is_deployable(
    ctx: &Ctx,
) -> Res {
    // The page that gets copied to a school server carries no development script.
    let page = std::fs::read_to_string(ctx.dist.join("index.html"))?;
    for dev in [
        "__TRUNK_ADDRESS__",
        "__TRUNK_WS",
        ".well-known/trunk",
        "WebSocket",
    ] {
        assert!(
            !page.contains(dev),
            "dist/index.html carries Trunk's live-reload script ({dev})"
        );
    }
    let makefile = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Makefile"))?;
    assert!(
        makefile.contains("run: dist\n\t@$(MAKE) --no-print-directory serve-dist\n"),
        "make run = the release build, then make serve-dist (what this test starts)"
    );

    let server = MakeServe::start(&ctx.dist)?;
    let o = server.origin.clone();
    let c = ctx.driver.session(1366, 768).await?;
    count_websockets(&c).await?;

    // A bookmarked deep link on a fresh browser: the app starts there and asks who is learning,
    // then shows the lesson.
    c.goto(&format!("{o}/lessons/vneid")).await?;
    wait_css(&c, "[data-testid=picker]").await?;
    assert_no_console_errors(&c, "on a deep link served by make run").await?;
    assert_no_websocket(&c, "on a deep link").await?;
    fill_profile_form(&c, "Trần Văn Bình", "10A2").await?;
    wait_css(&c, "[data-testid=lesson][data-lesson=vneid]").await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    // Reloaded there (the service worker may answer by now; the page must be the same).
    c.refresh().await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    assert_no_websocket(&c, "after a reload").await?;

    // The home page, and the files a school server must send right.
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;
    assert_no_websocket(&c, "on the home page").await?;
    assert_no_console_errors(&c, "on the home page served by make run").await?;
    let types = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const wasm = performance.getEntriesByType('resource').map(e => e.name).find(n => /dvc-lab-[^/]*_bg\\.wasm$/.test(n)); \
             const t = async (u) => { const r = await fetch(u, { cache: 'no-store' }); return [r.status, r.status === 200 ? r.headers.get('content-type') : '']; }; \
             Promise.all([t(wasm), t('no-such-file.js')]).then(done, e => done(String(e)));",
            vec![],
        )
        .await?;
    assert_eq!(
        types,
        json!([[200, "application/wasm"], [404, ""]]),
        "the wasm is sent as application/wasm (compiled while it downloads); a missing file is a 404"
    );
    c.close().await?;
    Ok(())
}

/// The app's first download as the browser saw it: for the main wasm module and the two
/// scripts, `[name, bytes on the wire, bytes decoded]`.
async fn first_download(c: &Client) -> Res<Vec<(String, f64, f64)>> {
    let v = js(
        c,
        "return performance.getEntriesByType('resource') \
           .filter(e => /(dvc-lab-[^/]*_bg\\.wasm|dvc-lab-[^/]*\\.js|split-[^/]*\\.js)$/.test(e.name)) \
           .map(e => [new URL(e.name).pathname, e.encodedBodySize, e.decodedBodySize])",
    )
    .await?;
    Ok(v.as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e[0].as_str().unwrap_or_default().to_string(),
                e[1].as_f64().unwrap_or(0.0),
                e[2].as_f64().unwrap_or(0.0),
            )
        })
        .collect())
}

/// Opens the home page and a lesson as a new student; returns what the first download cost.
async fn first_visit(ctx: &Ctx, o: &str, who: &str) -> Res<Vec<(String, f64, f64)>> {
    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{o}/")).await?;
    wait_css(&c, "[data-testid=start]").await?;
    let files = first_download(&c).await?;
    c.find(fantoccini::Locator::Css("[data-testid=start]"))
        .await?
        .click()
        .await?;
    fill_profile_form(&c, who, "11A3").await?;
    wait_css(&c, "[data-testid=lesson]").await?;
    wait_css(&c, "[data-testid=quiz]").await?;
    assert_no_console_errors(&c, &format!("{who}: home and a lesson, served compressed")).await?;
    c.close().await?;
    Ok(files)
}

fn assert_compressed(files: &[(String, f64, f64)], server: &str) {
    let kinds = ["_bg.wasm", ".js"];
    for kind in kinds {
        assert!(
            files.iter().any(|(n, _, _)| n.ends_with(kind)),
            "{server}: no {kind} in the first download: {files:?}"
        );
    }
    for (name, wire, decoded) in files {
        assert!(
            *wire > 0.0 && *wire < 0.6 * decoded,
            "{server}: {name} came down uncompressed ({wire} bytes on the wire for {decoded})"
        );
    }
}

pub async fn precompressed_copies_are_sent_and_the_app_works(ctx: &Ctx) -> Res {
    // Every file a browser downloads has its .gz copy in dist/, the same bytes once unpacked;
    // the service worker's list names the files, never the copies.
    let sw = std::fs::read_to_string(ctx.dist.join("sw.js"))?;
    let list = sw
        .lines()
        .find(|l| l.starts_with("const FILES"))
        .ok_or("no FILES in sw.js")?;
    assert!(
        !list.contains(".gz\"") && !list.contains(".br\""),
        "the service worker would cache the compressed copies: {list}"
    );
    let mut checked = 0;
    for name in list.split('"').skip(1).step_by(2) {
        if name.ends_with(".png") {
            continue;
        }
        let file = ctx.dist.join(name);
        let gz = ctx.dist.join(format!("{name}.gz"));
        assert!(gz.is_file(), "dist/ has no {name}.gz");
        let unpacked = Command::new("gzip").arg("-dc").arg(&gz).output()?.stdout;
        assert!(unpacked == std::fs::read(&file)?, "{name}.gz is not {name}");
        checked += 1;
    }
    assert!(checked > 50, "only {checked} files checked");
    let sw_gz = ctx.dist.join("sw.js.gz");
    assert!(sw_gz.is_file(), "dist/ has no sw.js.gz");

    // make run's server: the browser gets the copies (br or gzip, whichever it accepts).
    let served = MakeServe::start(&ctx.dist)?;
    let files = first_visit(ctx, &served.origin, "Lê Thị Mai").await?;
    assert_compressed(&files, "make run");
    let c = ctx.driver.session(1366, 768).await?;
    c.goto(&format!("{}/", served.origin)).await?;
    wait_css(&c, "[data-testid=start]").await?;
    let headers: Value = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const names = performance.getEntriesByType('resource').map(e => e.name).filter(n => /(_bg\\.wasm|dvc-lab-[^/]*\\.js)$/.test(n)); \
             Promise.all(names.map(async (u) => { const r = await fetch(u, { cache: 'no-store' }); return [r.headers.get('content-encoding'), r.headers.get('content-type')]; })).then(done, e => done(String(e)));",
            vec![],
        )
        .await?;
    let headers = headers.as_array().cloned().unwrap_or_default();
    assert_eq!(headers.len(), 2, "{headers:?}");
    for h in &headers {
        assert!(
            h[0] == "gzip" || h[0] == "br",
            "make run sends no Content-Encoding: {headers:?}"
        );
    }
    c.close().await?;
    drop(served);

    // A school server with nginx's `gzip_static on` (the tests' own server, told to do so).
    let server = StaticServer::start(&ctx.dist, "/")?;
    server.precompressed(true);
    let files = first_visit(ctx, &server.origin, "Phạm Văn Nam").await?;
    assert_compressed(&files, "gzip_static");
    let sent = server.gzipped();
    for kind in ["_bg.wasm", ".js", "/"] {
        assert!(
            sent.iter().any(|p| p.ends_with(kind)),
            "gzip_static: no {kind} sent as .gz: {sent:?}"
        );
    }
    Ok(())
}
