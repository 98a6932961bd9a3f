//! Sending a school's records to a Learning Record Store (LRS) and reading them back,
//! browser-free: the settings and their checks, which profile belongs to which real student
//! ([`learners`]), the outbox that remembers what the LRS has not yet confirmed, what each answer
//! of the LRS means ([`Answer`]), the waits between retries, and the records read back into the
//! teacher's collection ([`read_back`]). The page (`pages/teacher/lrs.rs`) does the network.

use super::class::Collection;
use super::identity::{Identity, identities};
use super::roster::Roster;
use super::xapi::{self, Iri, IriError, Learner};
use crate::text::key;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many statements per POST (the issue's limit; Ralph takes larger batches).
pub const CHUNK: usize = 500;

/// Statements asked for per page when reading back (an LRS may give fewer: Ralph gives at most
/// its `RUNSERVER_MAX_SEARCH_HITS_COUNT`, 100 unless the ward sets more; the README asks for
/// 2,000, since every page costs a search).
pub const PAGE: usize = 2000;

/// What the teacher set: where the LRS is and the school's own IRI. Kept in localStorage; the
/// credential is not here (it is typed when sending and kept for the browser session only).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The LRS's xAPI address (`https://lrs.phuong.vn/xAPI`, or `/lrs` on the school's own
    /// server behind a relay).
    #[serde(default)]
    pub endpoint: String,
    /// The school's IRI (see [`Iri`]).
    #[serde(default)]
    pub iri: String,
}

/// Why the settings cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// No LRS address.
    #[error("type the address of the LRS (e.g. https://lrs.phuong.vn/xAPI)")]
    NoEndpoint,
    /// Not `http(s)://host…` nor a path on this server (`/lrs`).
    #[error(
        "the LRS address must start with https:// (or http://), or with / for a relay on this server"
    )]
    BadEndpoint,
    /// The school's IRI.
    #[error("the school's address: {0}")]
    Iri(IriError),
}

/// Checked settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// The statements resource: `<endpoint>/statements`.
    pub statements_url: String,
    /// The school's IRI.
    pub iri: Iri,
}

impl Settings {
    /// Checks both addresses.
    pub fn check(&self) -> Result<Checked, SettingsError> {
        let e = self.endpoint.trim().trim_end_matches('/');
        if e.is_empty() {
            return Err(SettingsError::NoEndpoint);
        }
        let relay = e.starts_with('/') && !e.starts_with("//");
        if !relay && Iri::parse(e).is_err() || e.contains(char::is_whitespace) {
            return Err(SettingsError::BadEndpoint);
        }
        let e = e.strip_suffix("/statements").unwrap_or(e);
        let iri = Iri::parse(&self.iri).map_err(SettingsError::Iri)?;
        Ok(Checked {
            statements_url: format!("{e}/statements"),
            iri,
        })
    }
}

/// The origin of an absolute `http(s)` URL (`https://lrs.vn:8443`), lower-cased; `None` for a
/// path on this server.
pub fn origin_of(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| lower.starts_with(s))?;
    let rest = &lower[scheme.len()..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(format!("{scheme}{}", &rest[..end]))
}

/// Whether a page whose Content-Security-Policy is `csp` (none: no limit) may send requests
/// to `url` from `page_origin`: `connect-src` (else `default-src`) lists `'self'` for a path or
/// the page's own origin, the URL's origin itself, its scheme (`https:`) or `*`.
pub fn csp_allows(csp: Option<&str>, url: &str, page_origin: &str) -> bool {
    let Some(csp) = csp else { return true };
    let directive = |name: &str| {
        csp.split(';')
            .map(str::trim)
            .find_map(|d| {
                d.strip_prefix(name)
                    .filter(|r| r.is_empty() || r.starts_with(' '))
            })
            .map(|r| r.split_whitespace().collect::<Vec<_>>())
    };
    let Some(sources) = directive("connect-src").or_else(|| directive("default-src")) else {
        return true;
    };
    let target = origin_of(url).unwrap_or_else(|| page_origin.to_ascii_lowercase());
    let scheme = target.split("//").next().unwrap_or_default();
    sources.iter().any(|s| {
        let s = s.to_ascii_lowercase();
        s == "*"
            || s == scheme
            || (s == "'self'" && target == page_origin.to_ascii_lowercase())
            || s.trim_end_matches('/') == target
    })
}

/// The key of a real student under which a pseudonym is made ([`xapi::pseudonym`]): the class
/// list's code, else its class and name; a student code; class + name; or (two students of one
/// name in a class, not yet told apart) the profile itself.
pub fn identity_key(id: &Identity, roster: &Roster) -> String {
    match id {
        Identity::Row(i) => match roster.entries.get(*i) {
            Some(e) if !e.code.trim().is_empty() => {
                format!("code|{}", e.code.trim().to_uppercase())
            }
            Some(e) => format!("name|{}|{}", class_key(&e.class), key(&e.name)),
            None => format!("row|{i}"),
        },
        Identity::Code(_, code) => format!("code|{code}"),
        Identity::Name(_, class, name) => format!("name|{class}|{name}"),
        Identity::Alone(profile) => format!("profile|{profile}"),
    }
}

fn class_key(class: &str) -> String {
    class
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// Every profile of the collection with the class it is counted in (the class list's when
/// matched) and its real student's pseudonym.
pub fn learners<'a>(c: &'a Collection, iri: &Iri) -> Vec<Learner<'a>> {
    identities(c.records.values(), &c.roster, &c.assigned)
        .into_iter()
        .map(|(id, r)| {
            let class = match &id {
                Identity::Row(i) => c.roster.entries.get(*i).map(|e| e.class.clone()),
                _ => None,
            };
            Learner {
                record: r,
                class: class.unwrap_or_else(|| class_key(&r.student.class)),
                student: xapi::pseudonym(iri, &identity_key(&id, &c.roster)),
            }
        })
        .collect()
}

/// The collection's statements (each id once).
pub fn statements(c: &Collection, iri: &Iri) -> Vec<Value> {
    match xapi::statements(&learners(c, iri), iri) {
        Value::Array(v) => v,
        _ => Vec::new(),
    }
}

/// What one LRS has confirmed, kept in IndexedDB after every confirmed chunk: what is still
/// to be sent is every statement of the collection it has not confirmed ([`Outbox::pending`]),
/// so an interrupted send (network down, laptop closed, LRS restarted) resumes where it stopped,
/// nothing the LRS did not confirm is ever counted as sent, and nothing is kept twice (the
/// statements themselves are made again from the collection, which is stored anyway).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outbox {
    /// The statements resource and the IRI these confirmations are for.
    #[serde(default)]
    pub target: String,
    /// Ids the LRS confirmed (stored, or already there).
    #[serde(default)]
    pub sent: BTreeSet<String>,
}

fn id_of(s: &Value) -> &str {
    s["id"].as_str().unwrap_or_default()
}

impl Outbox {
    /// The target's name: statements URL and IRI.
    pub fn target_of(c: &Checked) -> String {
        format!("{} {}", c.statements_url, c.iri.as_str())
    }

    /// This outbox for `target`: itself, or an empty one when it held another LRS's or IRI's
    /// confirmations (they say nothing about this one).
    pub fn for_target(self, target: &str) -> Outbox {
        if self.target == target {
            self
        } else {
            Outbox {
                target: target.to_string(),
                sent: BTreeSet::new(),
            }
        }
    }

    /// The statements not yet confirmed, in the order given.
    pub fn pending(&self, all: Vec<Value>) -> Vec<Value> {
        all.into_iter()
            .filter(|s| !id_of(s).is_empty() && !self.sent.contains(id_of(s)))
            .collect()
    }

    /// The LRS confirmed these statements (a JSON array).
    pub fn confirm(&mut self, chunk: &[Value]) {
        self.sent.extend(chunk.iter().map(|s| id_of(s).to_string()));
    }
}

/// What an answer of the LRS to a POST means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// 200 (stored) or 204 (already there, identical): the chunk is confirmed.
    Stored,
    /// 401 or 403: the credential is wrong or may not write; ask for it again.
    Credential(u16),
    /// 400 or another refusal: the LRS's own message (nothing is marked sent).
    Refused(u16, String),
    /// 409: a statement with a known id says something else (should not happen: ids are made
    /// from content); the LRS's message.
    Conflict(String),
    /// No answer (network down, LRS restarting) or a server error (5xx, 429): wait and retry.
    Retry(String),
}

/// Classifies an answer; `status` 0 is no answer at all (`error` says why).
pub fn classify(status: u16, body: &str) -> Answer {
    match status {
        200 | 204 => Answer::Stored,
        401 | 403 => Answer::Credential(status),
        409 => Answer::Conflict(message(body)),
        0 => Answer::Retry(body.to_string()),
        408 | 429 | 500..=599 => Answer::Retry(format!("{status} {}", message(body))),
        _ => Answer::Refused(status, message(body)),
    }
}

/// The LRS's message in an error body: FastAPI's `{"detail": …}` (a string or a list of
/// `{msg}`), else the text itself, cut to 300 characters.
pub fn message(body: &str) -> String {
    let text = match serde_json::from_str::<Value>(body) {
        Ok(v) => match &v["detail"] {
            Value::String(s) => s.clone(),
            Value::Array(a) => a
                .iter()
                .map(|d| {
                    d["msg"]
                        .as_str()
                        .map_or_else(|| d.to_string(), str::to_string)
                })
                .collect::<Vec<_>>()
                .join("; "),
            Value::Null => body.to_string(),
            other => other.to_string(),
        },
        Err(_) => body.to_string(),
    };
    text.trim().chars().take(300).collect()
}

/// Seconds to wait before retry number `tries` (1, 2, …): 2, 4, 8, 16, 32, then 60.
pub fn backoff(tries: u32) -> u32 {
    if tries >= 6 { 60 } else { 1 << tries.max(1) }
}

/// The `Authorization` header for a key and secret (`Basic` + base64 of `key:secret`).
pub fn basic(key: &str, secret: &str) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = format!("{key}:{secret}").into_bytes();
    let mut out = String::from("Basic ");
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The URL of the next page of a GET: the LRS's `more` (a path on its server, such as
/// `/xAPI/statements?pit_id=…`) put after this app's statements address, so it also works
/// through a relay on another path. `None` when there is no more.
pub fn next_page(statements_url: &str, more: &Value) -> Option<String> {
    let more = more.as_str().filter(|m| !m.is_empty())?;
    if more.starts_with("http://") || more.starts_with("https://") {
        return Some(more.to_string());
    }
    let query = more.split_once('?').map_or("", |(_, q)| q);
    Some(format!("{statements_url}?{query}"))
}

/// The first page's URL.
pub fn first_page(statements_url: &str) -> String {
    format!("{statements_url}?limit={PAGE}")
}

/// What reading back added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadBackResult {
    /// Statements read.
    pub statements: usize,
    /// Statements that were not this school's (left out).
    pub skipped: usize,
    /// Profiles read.
    pub profiles: usize,
    /// Profiles matched to a class-list row by their pseudonym (named again).
    pub named: usize,
    /// Profiles new to this collection / already here and updated / unchanged.
    pub new: usize,
    /// Updated.
    pub updated: usize,
    /// Unchanged.
    pub unchanged: usize,
}

/// Reads statements from the LRS into the collection, as a file would be: each profile merges
/// into the same profile id. A profile already here keeps its details (name, code, school); a
/// new one takes the name, code and class of the class-list row whose pseudonym it carries, else
/// it is shown by its pseudonym ("#3fa2c1") in its class, and the profiles of one pseudonym are
/// one student.
pub fn read_back(c: &mut Collection, statements: &[Value], iri: &Iri) -> ReadBackResult {
    let back = xapi::records(statements, iri);
    // Rows told apart by their key (two rows with one key cannot be named by it).
    let mut rows: BTreeMap<String, Option<usize>> = BTreeMap::new();
    for i in 0..c.roster.entries.len() {
        let k = xapi::pseudonym(iri, &identity_key(&Identity::Row(i), &c.roster));
        rows.entry(k).and_modify(|v| *v = None).or_insert(Some(i));
    }
    let mut result = ReadBackResult {
        statements: statements.len(),
        skipped: back.skipped,
        profiles: back.records.len(),
        ..ReadBackResult::default()
    };
    let mut records = Vec::new();
    for (mut r, pseudo) in back.records {
        if let Some(mine) = c.records.get(&r.student.id) {
            r.student = mine.student.clone();
        } else if let Some(Some(i)) = rows.get(&pseudo) {
            let e = &c.roster.entries[*i];
            r.student.name = e.name.clone();
            r.student.code = e.code.clone();
            r.student.class = e.class.clone();
            result.named += 1;
        } else {
            r.student.name = format!("#{}", &pseudo[..pseudo.len().min(6)]);
            r.student.code = format!("#{}", &pseudo[..pseudo.len().min(16)]).to_uppercase();
        }
        records.push(r);
    }
    let texts = vec![None; records.len()];
    let added = c.add(crate::transfer::Imported {
        kind: crate::transfer::Kind::Pc,
        machine: "LRS".into(),
        records,
        texts,
    });
    result.new = added.new;
    result.updated = added.updated;
    result.unchanged = added.unchanged;
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Record, requirements};
    use crate::transfer::{Kind, export, import};
    use serde_json::json;

    fn settings(endpoint: &str) -> Result<Checked, SettingsError> {
        Settings {
            endpoint: endpoint.into(),
            iri: "https://thpt-a.edu.vn".into(),
        }
        .check()
    }

    #[test]
    fn settings_are_checked() {
        assert_eq!(
            settings("http://127.0.0.1:8100/xAPI/")
                .unwrap()
                .statements_url,
            "http://127.0.0.1:8100/xAPI/statements"
        );
        assert_eq!(
            settings("https://lrs.vn/xAPI/statements")
                .unwrap()
                .statements_url,
            "https://lrs.vn/xAPI/statements"
        );
        assert_eq!(settings("/lrs/").unwrap().statements_url, "/lrs/statements");
        assert_eq!(settings(""), Err(SettingsError::NoEndpoint));
        assert_eq!(settings("lrs.vn/xAPI"), Err(SettingsError::BadEndpoint));
        assert_eq!(settings("//lrs.vn"), Err(SettingsError::BadEndpoint));
        let no_iri = Settings {
            endpoint: "/lrs".into(),
            iri: " ".into(),
        }
        .check();
        assert_eq!(no_iri, Err(SettingsError::Iri(IriError::Empty)));
    }

    #[test]
    fn the_page_policy_says_which_lrs_it_may_reach() {
        let page = "http://127.0.0.1:8080";
        let strict = "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'";
        let allowed =
            "default-src 'self'; connect-src 'self' https://lrs.phuong.vn; img-src 'self'";
        assert!(csp_allows(Some(strict), "/lrs/statements", page));
        assert!(csp_allows(Some(strict), "http://127.0.0.1:8080/x", page));
        assert!(!csp_allows(
            Some(strict),
            "https://lrs.phuong.vn/xAPI/statements",
            page
        ));
        assert!(csp_allows(
            Some(allowed),
            "https://LRS.phuong.vn/xAPI/statements",
            page
        ));
        assert!(!csp_allows(
            Some(allowed),
            "https://lrs.phuong.vn:8443/xAPI/statements",
            page
        ));
        assert!(csp_allows(
            Some("default-src 'self' https:"),
            "https://a.vn/x",
            page
        ));
        assert!(!csp_allows(
            Some("default-src 'self'"),
            "https://a.vn/x",
            page
        ));
        assert!(csp_allows(None, "https://a.vn/x", page));
        assert_eq!(
            origin_of("http://127.0.0.1:8199/xAPI/statements").as_deref(),
            Some("http://127.0.0.1:8199")
        );
        assert_eq!(origin_of("/lrs/statements"), None);
    }

    #[test]
    fn answers_are_classified() {
        assert_eq!(classify(200, "[]"), Answer::Stored);
        assert_eq!(classify(204, ""), Answer::Stored);
        assert_eq!(classify(401, ""), Answer::Credential(401));
        assert_eq!(classify(403, ""), Answer::Credential(403));
        let detail = r#"{"detail":[{"loc":["body",0,"actor"],"msg":"field required"}]}"#;
        assert_eq!(
            classify(400, detail),
            Answer::Refused(400, "field required".into())
        );
        assert_eq!(
            classify(409, r#"{"detail":"Differing statements"}"#),
            Answer::Conflict("Differing statements".into())
        );
        assert!(
            matches!(classify(0, "Failed to fetch"), Answer::Retry(m) if m == "Failed to fetch")
        );
        assert!(matches!(classify(503, "down"), Answer::Retry(_)));
        assert_eq!(
            (1..=8).map(backoff).collect::<Vec<_>>(),
            [2, 4, 8, 16, 32, 60, 60, 60]
        );
    }

    #[test]
    fn basic_auth_is_base64() {
        assert_eq!(basic("school1", "secret"), "Basic c2Nob29sMTpzZWNyZXQ=");
        assert_eq!(basic("a", "b"), "Basic YTpi");
        assert_eq!(basic("ab", "cd"), "Basic YWI6Y2Q=");
    }

    #[test]
    fn pages_follow_more_through_a_relay() {
        let more = json!("/xAPI/statements?limit=500&pit_id=abc&search_after=x");
        assert_eq!(
            next_page("/lrs/statements", &more).unwrap(),
            "/lrs/statements?limit=500&pit_id=abc&search_after=x"
        );
        assert_eq!(next_page("http://h/xAPI/statements", &json!("")), None);
        assert_eq!(next_page("http://h/xAPI/statements", &Value::Null), None);
    }

    fn st(id: &str) -> Value {
        json!({"id": id})
    }

    #[test]
    fn the_outbox_forgets_nothing_unconfirmed() {
        let all: Vec<Value> = (0..1_200).map(|i| st(&format!("id{i}"))).collect();
        let mut o = Outbox::default().for_target("A");
        let pending = o.pending(all.clone());
        assert_eq!(pending.len(), 1_200);
        let chunks: Vec<&[Value]> = pending.chunks(CHUNK).collect();
        assert_eq!(
            chunks.iter().map(|c| c.len()).collect::<Vec<_>>(),
            [500, 500, 200]
        );
        // The first chunk confirmed, then the LRS stopped answering: the rest is still pending.
        o.confirm(chunks[0]);
        let mut more = all.clone();
        more.push(st("new"));
        assert_eq!(o.pending(more.clone()).len(), 701);
        let o = o.for_target("A");
        assert_eq!(o.sent.len(), 500, "the same LRS keeps its confirmations");
        let mut o = o;
        o.confirm(&o.pending(more.clone()));
        assert!(
            o.pending(more.clone()).is_empty(),
            "all confirmed: nothing to send"
        );
        assert_eq!(
            o.for_target("B").pending(more).len(),
            1_201,
            "another LRS starts over"
        );
    }

    fn record(id: &str, name: &str, class: &str, code: &str) -> Record {
        let mut r = Record::new();
        r.student.id = id.into();
        r.student.name = name.into();
        r.student.class = class.into();
        r.student.code = code.into();
        r.student.school = "THPT A".into();
        r
    }

    fn complete(mut r: Record, at: i64) -> Record {
        let req = requirements();
        let graded = crate::quiz::Graded {
            correct: vec![true],
            score: 100,
            passed: true,
        };
        for (i, id) in req.lessons.iter().enumerate() {
            r.record_quiz(id, &["q1".into()], &graded, at + i as i64);
        }
        for id in &req.walks {
            r.record_walk(crate::walkthrough::AttemptRecord {
                id: id.to_string(),
                at: at + 100,
                mode: crate::walkthrough::Mode::Practice,
                score: 90,
                secs: 100,
                done: true,
                steps: Default::default(),
            });
        }
        r
    }

    fn collection(records: &[Record], roster_csv: &str) -> Collection {
        let mut c = Collection::default();
        if !records.is_empty() {
            c.add(import(&export(Kind::Pc, "PC", "t", records)).unwrap());
        }
        if !roster_csv.is_empty() {
            c.add_roster(crate::teacher::roster::parse(roster_csv.as_bytes()).unwrap());
        }
        c
    }

    /// With the stored time an LRS adds.
    fn stored(v: Vec<Value>) -> Vec<Value> {
        v.into_iter()
            .map(|mut s| {
                s["stored"] = json!("2026-12-01T08:00:00Z");
                s
            })
            .collect()
    }

    const ROSTER: &str = "STT,Họ và tên,Lớp,Mã học sinh\n1,Lê Văn Nam,10A1,\n2,Nguyễn Thị Linh,10A1,HS02\n3,Phạm Minh Anh,10A2,\n";

    #[test]
    fn read_back_into_a_new_laptop_gives_the_same_report() {
        let req = requirements();
        // Nam on two PCs (no code), Linh with her code, Anh not started, Tú not on the list.
        let nam7 = complete(record("n7", "Lê Văn Nam", "10A1", ""), 1_790_000_000);
        let mut nam8 = record("n8", "Le\u{302} Va\u{306}n nam", "10a1", "");
        nam8.open_lesson(req.lessons[0], 1_790_100_000);
        let linh = complete(
            record("l7", "Nguyễn Thị Linh", "10A1", "HS02"),
            1_790_200_000,
        );
        let mut tu = record("t1", "Đỗ Văn Tú", "10A2", "");
        tu.open_lesson(req.lessons[0], 1_790_300_000);
        let files = collection(&[nam7, nam8, linh, tu], ROSTER);
        let iri = Iri::parse("https://thpt-a.edu.vn").unwrap();
        let sent = stored(statements(&files, &iri));
        assert!(!serde_json::to_string(&sent).unwrap().contains("Nam"));
        let mut laptop = collection(&[], ROSTER);
        let r = read_back(&mut laptop, &sent, &iri);
        assert_eq!((r.profiles, r.named, r.new, r.skipped), (4, 3, 4, 0));
        let (a, b) = (files.report(req), laptop.report(req));
        assert_eq!(a.school, b.school);
        assert_eq!(a.classes, b.classes);
        let rows = |rep: &crate::teacher::class::Report| {
            rep.rows
                .iter()
                .map(|r| {
                    (
                        r.on_roster,
                        r.class.clone(),
                        r.standing,
                        r.lessons,
                        r.walks,
                        r.last,
                        r.completed_at,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(rows(&a), rows(&b));
        let names = |rep: &crate::teacher::class::Report| {
            rep.rows
                .iter()
                .filter(|r| r.on_roster)
                .map(|r| r.name.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&a), names(&b), "the class list names them again");
        // Read twice: nothing changes.
        let again = read_back(&mut laptop, &sent, &iri);
        assert_eq!((again.new, again.updated), (0, 0));
        // Into the laptop that sent: nothing new, details kept.
        let mut same = files.clone();
        let r = read_back(&mut same, &sent, &iri);
        assert_eq!((r.new, r.updated, same.conflicts.len()), (0, 0, 0));
    }

    #[test]
    fn without_a_class_list_the_profiles_of_one_student_are_one_row() {
        let req = requirements();
        let nam7 = complete(record("n7", "Lê Văn Nam", "10A1", ""), 1_790_000_000);
        let mut nam8 = record("n8", "Lê Văn Nam", "10A1", "");
        nam8.open_lesson(req.lessons[0], 1_790_100_000);
        let files = collection(&[nam7, nam8], "");
        let iri = Iri::default();
        let mut laptop = Collection::default();
        read_back(&mut laptop, &stored(statements(&files, &iri)), &iri);
        let report = laptop.report(req);
        assert_eq!(report.rows.len(), 1);
        assert!(report.rows[0].name.starts_with('#'));
        assert_eq!(report.school.completed, files.report(req).school.completed);
    }
}
