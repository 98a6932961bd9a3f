//! Headless Chromium through chromedriver: one driver process per run, a fresh browser profile
//! per session (like a different lab PC), plus the helpers tests use to act like a person.

use fantoccini::elements::Element;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Boxed error for test code.
pub type Res<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// The chromedriver process, killed on drop or by [`Driver::stop`].
pub struct Driver {
    child: std::sync::Mutex<Child>,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
}

impl Driver {
    /// Starts `/usr/bin/chromedriver` (or `$CHROMEDRIVER`) on a free port and waits until it answers.
    pub fn start() -> Res<Driver> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let child = Command::new(&bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {bin}: {e} (make test installs chromium-driver)"))?;
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start within 20 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(Driver {
            child: std::sync::Mutex::new(child),
            url: format!("http://127.0.0.1:{port}"),
        })
    }

    /// A new browser with its own empty profile, at `width`×`height`.
    pub async fn session(&self, width: u32, height: u32) -> Res<Client> {
        self.session_in(&tempdir()?, width, height).await
    }

    /// A browser on the profile folder `profile` (made with [`profile_dir`]): closing it and
    /// opening another on the same folder is a browser restart on the same computer.
    pub async fn session_in(&self, profile: &str, width: u32, height: u32) -> Res<Client> {
        let profile = profile.to_string();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--lang=vi",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={profile}"),
                ]
            }),
        );
        if width < 500 {
            // Desktop Chrome windows cannot be narrower than ~500 px; a phone is emulated
            // instead: exact viewport, touch events, mobile user agent.
            caps.get_mut("goog:chromeOptions").expect("set above")["mobileEmulation"] = json!({
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2.0, "touch": true },
                "userAgent": "Mozilla/5.0 (Linux; Android 14; Phone) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36"
            });
        }
        caps.get_mut("goog:chromeOptions").expect("set above")["prefs"] = json!({
            "download.default_directory": downloads_dir().to_string_lossy(),
            "download.prompt_for_download": false,
        });
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let client = ClientBuilder::rustls()?
            .capabilities(caps)
            .connect(&self.url)
            .await?;
        Ok(client)
    }
}

impl Driver {
    /// Kills chromedriver (and with it any browser left open).
    pub fn stop(&self) {
        if let Ok(mut child) = self.child.lock() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Where every test browser saves downloads (one folder per test run).
pub fn downloads_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dvclab-e2e-downloads-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Every file in the download folder now (pass it to [`new_download`]).
pub fn listing() -> Vec<std::path::PathBuf> {
    std::fs::read_dir(downloads_dir())
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

/// Waits (up to 10 s) for a finished new download ending in `ext` and returns a copy of it the
/// test owns (same file name, in a folder of its own). Chromium reserves the final name with
/// an empty file while it writes a `.crdownload`, so a file counts only when it has content,
/// nothing is still being written and its size held between two looks; and a browser closed
/// right after a download may still delete it as unfinished (seen on a loaded CI machine),
/// hence the copy.
pub async fn new_download(before: &[std::path::PathBuf], ext: &str) -> Res<std::path::PathBuf> {
    let mut seen: Option<(std::path::PathBuf, u64)> = None;
    for _ in 0..100 {
        let now = listing();
        let writing = now
            .iter()
            .any(|p| p.extension().is_some_and(|x| x == "crdownload"));
        let fresh = now.into_iter().find_map(|p| {
            let len = std::fs::metadata(&p).map(|m| m.len()).unwrap_or(0);
            (p.extension().is_some_and(|x| x == ext) && !before.contains(&p) && len > 0)
                .then_some((p, len))
        });
        if let (Some(f), false) = (fresh, writing) {
            if seen.as_ref() == Some(&f) {
                let name = f.0.file_name().ok_or("a file name")?;
                let copy = std::path::Path::new(&tempdir()?).join(name);
                std::fs::copy(&f.0, &copy)?;
                return Ok(copy);
            }
            seen = Some(f);
        } else {
            seen = None;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("no finished .{ext} file was downloaded within 10 s").into())
}

/// A fresh, empty browser profile folder, for [`Driver::session_in`].
pub fn profile_dir() -> Res<String> {
    tempdir()
}

fn tempdir() -> Res<String> {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("dvclab-e2e-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir.to_string_lossy().into_owned())
}

#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// Console messages at level SEVERE (errors, uncaught exceptions, failed loads) since the last call.
pub async fn console_errors(c: &Client) -> Res<Vec<String>> {
    let log = c.issue_cmd(BrowserLog).await?;
    Ok(log
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .filter(|e| e["level"] == "SEVERE")
                .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default())
}

/// Fails if the console has errors.
pub async fn assert_no_console_errors(c: &Client, context: &str) -> Res {
    let errors = console_errors(c).await?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("console errors {context}: {errors:?}").into())
    }
}

/// Waits (up to 10 s) for an element matching `css`.
pub async fn wait_css(c: &Client, css: &str) -> Res<Element> {
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .map_err(|e| format!("`{css}` did not appear: {e}").into())
}

/// Clicks the element `css` once it is in the page.
pub async fn click(c: &Client, css: &str) -> Res {
    wait_css(c, css).await?.click().await?;
    Ok(())
}

/// Waits (up to 10 s) until `css`'s text contains `needle`.
pub async fn wait_text(c: &Client, css: &str, needle: &str) -> Res<String> {
    wait_text_for(c, css, needle, 10).await
}

/// Waits up to `secs` seconds until `css`'s text contains `needle`.
pub async fn wait_text_for(c: &Client, css: &str, needle: &str, secs: u64) -> Res<String> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut last = String::new();
    while Instant::now() < deadline {
        if let Ok(el) = c.find(Locator::Css(css)).await {
            last = el.text().await.unwrap_or_default();
            if last.contains(needle) {
                return Ok(last);
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(format!("`{css}` never contained {needle:?}; last text: {last:?}").into())
}

/// Runs JS and returns its value.
pub async fn js(c: &Client, script: &str) -> Res<Value> {
    Ok(c.execute(script, vec![]).await?)
}

/// Saves a PNG screenshot under `tests/e2e/artifacts/` for people to look at.
pub async fn screenshot(c: &Client, name: &str) -> Res {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/artifacts");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(format!("{name}.png")), c.screenshot().await?)?;
    Ok(())
}

/// Presses keys on whatever has focus (like a keyboard user).
pub async fn press(c: &Client, keys: &str) -> Res {
    c.active_element().await?.send_keys(keys).await?;
    Ok(())
}

/// A string of the WebDriver key code, for [`press`].
pub fn key(k: fantoccini::key::Key) -> String {
    char::from(k).to_string()
}

/// Fails if the page scrolls sideways: its content is wider than the window.
pub async fn assert_fits_width(c: &Client, context: &str) -> Res {
    let sizes = js(
        c,
        "return [document.documentElement.scrollWidth, window.innerWidth]",
    )
    .await?;
    let (width, view) = (
        sizes[0].as_i64().unwrap_or(i64::MAX),
        sizes[1].as_i64().unwrap_or(0),
    );
    if width <= view {
        Ok(())
    } else {
        Err(format!("{context}: page is {width}px wide in a {view}px window").into())
    }
}

/// Creates a student profile through the picker with the mouse (school "THPT Trần Liễu", no
/// PIN) and waits until the header shows the student signed in. `origin` has no trailing slash.
pub async fn new_student(c: &Client, origin: &str, name: &str, class: &str) -> Res {
    c.goto(&format!("{origin}/profiles")).await?;
    wait_css(c, "[data-testid=picker]").await?;
    if c.find(Locator::Css("[data-testid=create-form]"))
        .await
        .is_err()
    {
        c.find(Locator::Css("[data-testid=create-open]"))
            .await?
            .click()
            .await?;
    }
    fill_profile_form(c, name, class).await?;
    wait_signed_in(c, name).await
}

/// Waits until the header says `name` is signed in (phones show only the given name, so this
/// reads the element's whole text, not just what is visible).
pub async fn wait_signed_in(c: &Client, name: &str) -> Res {
    let script = "const e = document.querySelector('[data-testid=who-name] .who-full'); return e ? e.textContent : ''";
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = Value::Null;
    while Instant::now() < deadline {
        last = c.execute(script, vec![]).await?;
        if last.as_str().is_some_and(|t| t.contains(name)) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(format!("{name} was not signed in; the header says {last}").into())
}

/// Fills the open new-profile form (name, class, a school if none is offered) and submits it.
pub async fn fill_profile_form(c: &Client, name: &str, class: &str) -> Res {
    wait_css(c, "[data-testid=create-form]").await?;
    c.find(Locator::Css("#p-name"))
        .await?
        .send_keys(name)
        .await?;
    c.find(Locator::Css("#p-class"))
        .await?
        .send_keys(class)
        .await?;
    let school = c.find(Locator::Css("#p-school")).await?;
    if school.prop("value").await?.unwrap_or_default().is_empty() {
        school.send_keys("THPT Trần Liễu").await?;
    }
    c.find(Locator::Css("[data-testid=create-submit]"))
        .await?
        .click()
        .await?;
    Ok(())
}

#[derive(Debug)]
struct Cdp(Value);

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

/// Runs a Chromium DevTools protocol command.
pub async fn cdp(c: &Client, cmd: &str, params: Value) -> Res<Value> {
    Ok(
        c.issue_cmd(Cdp(serde_json::json!({ "cmd": cmd, "params": params })))
            .await?,
    )
}

/// Shows the page as it prints (or back, with `""`), through Chromium's DevTools protocol.
pub async fn emulate_media(c: &Client, media: &str) -> Res {
    cdp(c, "Emulation.setEmulatedMedia", json!({ "media": media })).await?;
    Ok(())
}

/// Waits up to `secs` seconds until the JS expression `expr` is truthy.
pub async fn wait_js(c: &Client, expr: &str, secs: u64) -> Res {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        let v = c
            .execute_async(
                &format!(
                    "const done = arguments[arguments.length - 1]; Promise.resolve().then(async () => ({expr})).then(v => done(!!v), () => done(false));"
                ),
                vec![],
            )
            .await?;
        if v == Value::Bool(true) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("never true within {secs} s: {expr}").into())
}

/// How many images on the page failed to load.
pub async fn broken_images(c: &Client) -> Res<i64> {
    Ok(js(
        c,
        "return [...document.images].filter(i => i.complete && i.naturalWidth === 0).length",
    )
    .await?
    .as_i64()
    .unwrap_or(-1))
}
