//! xAPI 1.0.3 statements from progress records, for a school's Learning Record Store (LRS), and
//! back ([`records`]: the statements an LRS returns, as progress records again).
//!
//! Every IRI is under the school's own address ([`Iri`]), not a domain nobody owns. A statement
//! says **no name** (the students are minors): the actor is the profile's random id
//! (`account.name`), and `context.contextActivities.grouping` holds the school, the class and
//! the real student the profile belongs to — a pseudonym ([`pseudonym`]: a hash of the student
//! code, or of class + name, under the school's IRI), so the profiles of one student on several
//! lab PCs read back as one student, and a teacher's class list names them again.
//!
//! A statement's id is derived from everything the statement says, so sending the same records
//! twice gives the same ids (the LRS answers 204), and a statement that says something different
//! (a student moved to another class, a different pseudonym) has a different id: an LRS never
//! sees a known id with differing content, which it would refuse with 409 for the whole batch.
//! Objects carry only their type, not their titles, so retitling a lesson changes nothing.
//!
//! Quiz attempts become `passed`/`failed`, a lesson's first opening `attempted`, a first pass no
//! longer among the kept attempts `passed` (no score), a walkthrough's latest attempt
//! `completed`/`attempted`, its first practice completion `completed` (when it is not the latest),
//! a complete module `completed`. [`validate`] checks what xAPI 1.0.3 requires.

use crate::progress::{Attempt, LessonRecord, Record, WalkRecord, requirements};
use crate::walkthrough::engine::{AttemptRecord, Mode};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The IRI used when a school has not set its own (the app's address is used in the browser).
pub const DEFAULT_IRI: &str = "https://dvclab.edu.vn";

const VERBS: &str = "http://adlnet.gov/expapi/verbs/";
const TYPES: &str = "http://adlnet.gov/expapi/activities/";

/// A school's own IRI: an absolute `http(s)` address with no query, fragment or trailing
/// slash (`https://thpt-a.edu.vn/dvc-lab`). Activity ids are `<iri>/xapi/activities/…`, the
/// students' `account.homePage` is `<iri>/students`, the school itself is `<iri>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Iri(String);

/// Why an address cannot be a school's IRI.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IriError {
    /// Nothing typed.
    #[error("type the school's address, e.g. https://thpt-a.edu.vn/dvc-lab")]
    Empty,
    /// Not `http://` or `https://` followed by a host.
    #[error("the address must start with https:// (or http://) and a host name")]
    NotHttp,
    /// Spaces, `?`, `#` or characters an IRI cannot hold.
    #[error("the address cannot contain spaces, ?, # or quotes")]
    BadCharacters,
}

impl Iri {
    /// Checks and normalises an address (trimmed, trailing slashes dropped, scheme and host
    /// lower-cased).
    pub fn parse(text: &str) -> Result<Iri, IriError> {
        let t = text.trim().trim_end_matches('/');
        if t.is_empty() {
            return Err(IriError::Empty);
        }
        if t.contains(|c: char| c.is_whitespace() || "?#<>\"{}|\\^`".contains(c)) {
            return Err(IriError::BadCharacters);
        }
        let lower = t.to_ascii_lowercase();
        let rest = ["https://", "http://"]
            .iter()
            .find_map(|s| lower.strip_prefix(s).map(|r| (s.len(), r)));
        let Some((scheme_len, rest)) = rest else {
            return Err(IriError::NotHttp);
        };
        let host_len = rest.find('/').unwrap_or(rest.len());
        if host_len == 0 || rest.starts_with(':') {
            return Err(IriError::NotHttp);
        }
        let cut = scheme_len + host_len;
        Ok(Iri(format!("{}{}", &lower[..cut], &t[cut..])))
    }

    /// The address as it is written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where activity ids start: `<iri>/xapi/activities/`.
    pub fn activities(&self) -> String {
        format!("{}/xapi/activities/", self.0)
    }

    /// The students' `account.homePage`: `<iri>/students`.
    pub fn home(&self) -> String {
        format!("{}/students", self.0)
    }
}

impl Default for Iri {
    fn default() -> Self {
        Iri(DEFAULT_IRI.into())
    }
}

/// One profile's record as the teacher's collection sees it: the class it is counted in and
/// the real student it belongs to ([`pseudonym`]).
pub struct Learner<'a> {
    /// The record.
    pub record: &'a Record,
    /// Its class (the class list's when matched).
    pub class: String,
    /// The real student's pseudonym.
    pub student: String,
}

/// The pseudonym of a real student under a school's IRI: 32 hex digits of the SHA-256 of the
/// IRI and `who` (`code|<CODE>`, `name|<CLASS>|<name key>` or `profile|<id>`; see
/// `teacher::lrs::identity_key`). Not reversible without knowing the student; the same for
/// the same student on every PC and every laptop, so a class list recognises it.
pub fn pseudonym(iri: &Iri, who: &str) -> String {
    let d = crate::sha256::digest(format!("dvclab-student|{}|{who}", iri.0).as_bytes());
    d[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Builds the statements of `learners` under `iri` (see the module's notes), each id unique
/// (a statement said twice is sent once). Records without a student id (anonymous format-1
/// records) are skipped: an LRS could not tell whose they are. Every statement has a timestamp
/// (an unknown time is the profile's creation; with neither, the statement is left out).
/// Returns a JSON array.
pub fn statements(learners: &[Learner], iri: &Iri) -> Value {
    let req = requirements();
    let base = iri.activities();
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for l in learners.iter().filter(|l| !l.record.student.id.is_empty()) {
        let r = l.record;
        let context = json!({"contextActivities": {"grouping": [
            {"objectType": "Activity", "id": iri.0},
            {"objectType": "Activity", "id": format!("{base}class/{}", encode(&l.class))},
            {"objectType": "Activity", "id": format!("{base}student/{}", l.student)},
        ]}});
        let mut push = |verb: &str, object: Value, at: i64, mut fields: Value| {
            // An LRS stamps a statement without a timestamp when it arrives, so sending it
            // again would differ (409): an unknown time is the profile's creation, and a
            // statement with no time at all is not sent.
            let at = if at > 0 { at } else { r.student.created };
            if at <= 0 {
                return;
            }
            let mut ctx = context.clone();
            if let Some(ext) = fields.as_object_mut().and_then(|f| f.remove("extensions")) {
                ctx["extensions"] = ext;
            }
            let s = statement(iri, r, verb, object, at, fields, ctx);
            if seen.insert(s["id"].as_str().unwrap_or_default().to_string()) {
                out.push(s);
            }
        };
        for (id, lesson) in &r.lessons {
            let object = activity(&base, &format!("lesson/{id}"), "lesson");
            if lesson.opened > 0 || lesson.recent.is_empty() {
                push("attempted", object.clone(), lesson.opened, json!({}));
            }
            for a in &lesson.recent {
                let success = a.score >= crate::quiz::PASS_MARK;
                let mut result = json!({"score": score(a.score), "success": success});
                if !a.wrong.is_empty() {
                    result["extensions"] = json!({format!("{base}ext/wrong"): a.wrong.join(" ")});
                }
                let verb = if success { "passed" } else { "failed" };
                push(verb, object.clone(), a.at, json!({ "result": result }));
            }
            let pass_kept = lesson
                .recent
                .iter()
                .any(|a| a.at == lesson.passed_at && a.score >= crate::quiz::PASS_MARK);
            if lesson.passed && lesson.passed_at > 0 && !pass_kept {
                let result = json!({"success": true});
                push(
                    "passed",
                    object.clone(),
                    lesson.passed_at,
                    json!({ "result": result }),
                );
            }
        }
        for (id, walk) in &r.walks {
            let object = activity(&base, &format!("walkthrough/{id}"), "simulation");
            let mode_ext = |mode: Mode| json!({ format!("{base}ext/mode"): mode });
            if let Some(last) = &walk.last {
                let mut result = json!({
                    "score": score(last.score),
                    "completion": last.done,
                    "duration": format!("PT{}S", last.secs),
                });
                if !last.steps.is_empty() {
                    result["extensions"] = json!({format!("{base}ext/steps"): last.steps});
                }
                let fields = json!({"result": result, "extensions": mode_ext(last.mode)});
                let verb = if last.done { "completed" } else { "attempted" };
                push(verb, object.clone(), last.at, fields);
            }
            let last_is_first = walk
                .last
                .as_ref()
                .is_some_and(|l| l.mode == Mode::Practice && l.done && l.at == walk.practiced_at);
            if walk.practiced && walk.practiced_at > 0 && !last_is_first {
                let result = json!({"completion": true});
                let fields = json!({"result": result, "extensions": mode_ext(Mode::Practice)});
                push("completed", object, walk.practiced_at, fields);
            }
        }
        if let Some(at) = r.completed_at(&req.lessons, &req.walks) {
            let object = activity(&base, "module", "course");
            let result = json!({"completion": true, "success": true});
            push("completed", object, at, json!({ "result": result }));
        }
        // The survey (issue 19): one "responded" per answer (a skip as `skipped`), the answer
        // as a compact line in `result.response` ([`crate::progress::Answer::response`]);
        // never the comment or the "Khác" text.
        for a in &r.survey {
            let object = activity(
                &base,
                &format!("survey/{}", a.occasion.id()),
                "cmi.interaction",
            );
            let result = json!({ "response": a.response() });
            push("responded", object, a.at, json!({ "result": result }));
        }
    }
    Value::Array(out)
}

/// A path segment with what an IRI cannot hold percent-encoded (class names are `10A1`, but a
/// class list may hold anything).
fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The reverse of [`encode`] (invalid escapes are kept as they are).
fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match hex
            .filter(|_| b[i] == b'%')
            .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            Some(x) => {
                out.push(x);
                i += 3;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn score(raw: u8) -> Value {
    json!({"scaled": f64::from(raw) / 100.0, "raw": raw, "min": 0, "max": 100})
}

fn activity(base: &str, path: &str, kind: &str) -> Value {
    json!({
        "objectType": "Activity",
        "id": format!("{base}{path}"),
        "definition": {"type": format!("{TYPES}{kind}")},
    })
}

/// One statement by `r`'s profile; `fields` (result) are added as they are, with `context`.
/// Its id is a UUID (version 5 layout) of the SHA-256 of everything else it says.
fn statement(
    iri: &Iri,
    r: &Record,
    verb: &str,
    object: Value,
    at: i64,
    fields: Value,
    context: Value,
) -> Value {
    let actor = json!({"objectType": "Agent",
        "account": {"homePage": iri.home(), "name": r.student.id}});
    let mut s = json!({
        "version": "1.0.3",
        "actor": actor,
        "verb": {"id": format!("{VERBS}{verb}"), "display": {"en-US": verb}},
        "object": object,
        "context": context,
    });
    if at > 0 {
        s["timestamp"] = json!(rfc3339(at));
    }
    if let (Value::Object(s), Value::Object(fields)) = (&mut s, fields) {
        s.extend(fields);
    }
    // serde_json's maps are sorted: the same statement always serialises the same way.
    let id = uuid(format!("dvclab-xapi|{s}").as_bytes());
    s["id"] = json!(id);
    s
}

/// Unix seconds as RFC 3339 in UTC, `2026-09-21T14:13:20Z`.
fn rfc3339(at: i64) -> String {
    let t = chrono::DateTime::from_timestamp(at, 0).unwrap_or_default();
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// What an LRS returned, read back into records ([`records`]).
#[derive(Debug, Default)]
pub struct ReadBack {
    /// One record per profile (actor), with the pseudonym of the student it belongs to. The
    /// record has the profile id and class; no name (statements carry none).
    pub records: Vec<(Record, String)>,
    /// Statements that were not this school's app's (another IRI, verb or object): left out.
    pub skipped: usize,
}

/// One lesson's statements: openings, scored attempts, passes (times).
type LessonSeen = (Vec<i64>, Vec<Attempt>, Vec<i64>);
/// One walkthrough's statements: attempts, and completions (mode, time).
type WalkSeen = (Vec<AttemptRecord>, Vec<(Mode, i64)>);

/// What one profile's statements say, gathered before it becomes a record.
#[derive(Default)]
struct Gathered {
    /// The most recently stored statement's class and pseudonym (with its `stored` time).
    latest: Option<(i64, String, String)>,
    lessons: BTreeMap<String, LessonSeen>,
    walks: BTreeMap<String, WalkSeen>,
}

fn seconds(v: &Value) -> Option<i64> {
    v.as_str()
        .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.timestamp())
}

/// Reads statements (as [`statements`] writes them, in any order, repeated or not) back into
/// records: one per actor, with the lessons' openings, kept attempts (the last
/// [`crate::progress::KEEP_ATTEMPTS`]), first passes and best scores, and the walkthroughs'
/// latest attempt, first practice completion and best practice score. Each profile's class and
/// pseudonym are those of its most recently stored statement (a later send after a class change
/// wins). `tries` counts the attempts the statements hold.
pub fn records(statements: &[Value], iri: &Iri) -> ReadBack {
    let base = iri.activities();
    let home = iri.home();
    let mut by_actor: BTreeMap<String, Gathered> = BTreeMap::new();
    let mut skipped = 0;
    for s in statements {
        let account = &s["actor"]["account"];
        let actor = account["name"].as_str().filter(|n| !n.is_empty());
        let verb = s["verb"]["id"].as_str().and_then(|v| v.strip_prefix(VERBS));
        let object = s["object"]["id"]
            .as_str()
            .and_then(|o| o.strip_prefix(&base));
        let grouping = s["context"]["contextActivities"]["grouping"].as_array();
        let (Some(actor), Some(verb), Some(object), Some(grouping), true) = (
            actor,
            verb,
            object,
            grouping,
            account["homePage"] == home.as_str(),
        ) else {
            skipped += 1;
            continue;
        };
        let ids: Vec<&str> = grouping.iter().filter_map(|g| g["id"].as_str()).collect();
        let find = |what: &str| {
            ids.iter()
                .find_map(|g| g.strip_prefix(&base)?.strip_prefix(what))
                .map(str::to_string)
        };
        let (Some(class), Some(student)) = (find("class/"), find("student/")) else {
            skipped += 1;
            continue;
        };
        let at = seconds(&s["timestamp"]).unwrap_or(0);
        let stored = seconds(&s["stored"]).unwrap_or(0);
        let g = by_actor.entry(actor.to_string()).or_default();
        if g.latest.as_ref().is_none_or(|(t, _, _)| stored >= *t) {
            g.latest = Some((stored, decode(&class), student));
        }
        let result = &s["result"];
        let raw = result["score"]["raw"].as_u64().map(|r| r.min(100) as u8);
        if let Some(id) = object.strip_prefix("lesson/") {
            let (opened, attempts, passes) = g.lessons.entry(id.to_string()).or_default();
            match (verb, raw) {
                ("attempted", _) => opened.push(at),
                ("passed" | "failed", Some(score)) => {
                    let wrong = result["extensions"][format!("{base}ext/wrong")].as_str();
                    let wrong = wrong.unwrap_or("").split_whitespace().map(str::to_string);
                    attempts.push(Attempt {
                        at,
                        score,
                        wrong: wrong.collect(),
                    });
                    if verb == "passed" {
                        passes.push(at);
                    }
                }
                ("passed", None) => passes.push(at),
                _ => skipped += 1,
            }
        } else if let Some(id) = object.strip_prefix("walkthrough/") {
            let mode = s["context"]["extensions"][format!("{base}ext/mode")].clone();
            let mode: Mode = serde_json::from_value(mode).unwrap_or(Mode::Practice);
            let (attempts, completions) = g.walks.entry(id.to_string()).or_default();
            let done = verb == "completed";
            if let Some(secs) = result["duration"].as_str().and_then(duration_secs) {
                let steps = result["extensions"][format!("{base}ext/steps")].clone();
                attempts.push(AttemptRecord {
                    id: id.to_string(),
                    at,
                    mode,
                    score: raw.unwrap_or(0),
                    secs,
                    done: result["completion"].as_bool().unwrap_or(done),
                    steps: serde_json::from_value(steps).unwrap_or_default(),
                });
            }
            if done {
                completions.push((mode, at));
            }
        } else if object != "module" && !object.starts_with("survey/") {
            // (Survey answers are not read back: the comments never leave the school.)
            skipped += 1;
        }
    }
    let records = by_actor
        .into_iter()
        .map(|(actor, g)| {
            let (_, class, student) = g.latest.unwrap_or_default();
            let mut r = Record::new();
            r.student.id = actor;
            r.student.class = class;
            for (id, (opened, mut attempts, passes)) in g.lessons {
                attempts.sort_by_key(|a| (a.at, a.score));
                attempts.dedup_by(|a, b| a.at == b.at && a.score == b.score);
                let first_pass = passes.iter().copied().filter(|t| *t > 0).min();
                let keep = attempts
                    .len()
                    .saturating_sub(crate::progress::KEEP_ATTEMPTS);
                let lesson = LessonRecord {
                    opened: opened.iter().copied().filter(|t| *t > 0).min().unwrap_or(0),
                    tries: attempts.len() as u32,
                    best: attempts.iter().map(|a| a.score).max().unwrap_or(0),
                    passed: !passes.is_empty(),
                    passed_at: first_pass.unwrap_or(0),
                    recent: attempts.split_off(keep),
                };
                r.lessons.insert(id, lesson);
            }
            for (id, (mut attempts, completions)) in g.walks {
                attempts.sort_by_key(|a| a.at);
                attempts.dedup_by(|a, b| a.at == b.at && a.mode == b.mode);
                let practice = completions.iter().filter(|(m, _)| *m == Mode::Practice);
                let practiced_at = practice.clone().map(|(_, t)| *t).filter(|t| *t > 0).min();
                let best = attempts
                    .iter()
                    .filter(|a| a.mode == Mode::Practice)
                    .map(|a| a.score)
                    .max();
                let walk = WalkRecord {
                    tries: attempts.len() as u32,
                    best: best.unwrap_or(0),
                    practiced: practice.count() > 0,
                    guided: completions.iter().any(|(m, _)| *m == Mode::Guided),
                    practiced_at: practiced_at.unwrap_or(0),
                    last: attempts.pop(),
                };
                r.walks.insert(id, walk);
            }
            (r, student)
        })
        .collect();
    ReadBack { records, skipped }
}

/// Seconds in a duration this app writes (`PT431S`); others are not an attempt of this app's.
fn duration_secs(d: &str) -> Option<u32> {
    d.strip_prefix("PT")?.strip_suffix('S')?.parse().ok()
}

/// A UUID in the version 5 layout (RFC 4122 variant) from the SHA-256 of `name`.
fn uuid(name: &[u8]) -> String {
    let mut b = crate::sha256::digest(name);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut out = String::with_capacity(36);
    for (i, x) in b[..16].iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push_str(&format!("{x:02x}"));
    }
    out
}

/// Checks a statement against the properties xAPI 1.0.3 requires: actor with exactly one
/// inverse functional identifier (mbox, mbox_sha1sum, openid or account{homePage, name}),
/// verb.id an absolute IRI, object.id an absolute IRI, id a valid UUID if present, timestamp
/// parseable as RFC 3339 if present, result.score.scaled within [-1, 1] and raw within
/// [min, max] if present, result.success/completion booleans if present, duration ISO 8601 if
/// present. Returns every problem found (empty when the statement is acceptable).
pub fn validate(statement: &Value) -> Vec<String> {
    let (s, mut p) = (statement, Vec::new());
    let actor = &s["actor"];
    let ifis = ["mbox", "mbox_sha1sum", "openid", "account"];
    let found: Vec<&str> = ifis.into_iter().filter(|k| !actor[k].is_null()).collect();
    if found.len() != 1 {
        p.push(format!("actor needs exactly one identifier, has {found:?}"));
    }
    let account = &actor["account"];
    let home = account["homePage"].as_str().is_some_and(is_iri);
    if !(account.is_null() || home && account["name"].is_string()) {
        p.push(format!(
            "actor.account needs a homePage IRI and a name: {account}"
        ));
    }
    for key in ["verb", "object"] {
        if !s[key]["id"].as_str().is_some_and(is_iri) {
            p.push(format!("{key}.id is not an absolute IRI: {}", s[key]["id"]));
        }
    }
    let mut check = |key: &str, what: &str, ok: &dyn Fn(&Value) -> bool| {
        let v = key.split('.').fold(s, |v, k| &v[k]);
        if !v.is_null() && !ok(v) {
            p.push(format!("{key} is not {what}: {v}"));
        }
    };
    check("id", "a valid UUID", &|v| v.as_str().is_some_and(is_uuid));
    let parses = |v: &Value| v.as_str().map(chrono::DateTime::parse_from_rfc3339);
    check("timestamp", "RFC 3339", &|v| {
        parses(v).is_some_and(|t| t.is_ok())
    });
    let scaled = |v: &Value| v.as_f64().is_some_and(|x| (-1.0..=1.0).contains(&x));
    check("result.score.scaled", "within [-1, 1]", &scaled);
    let (min, max) = (&s["result"]["score"]["min"], &s["result"]["score"]["max"]);
    let raw = |v: &Value| {
        v.as_f64().is_some_and(|r| {
            min.as_f64().is_none_or(|m| r >= m) && max.as_f64().is_none_or(|m| r <= m)
        })
    };
    check("result.score.raw", "within [min, max]", &raw);
    check("result.success", "a boolean", &Value::is_boolean);
    check("result.completion", "a boolean", &Value::is_boolean);
    let duration = |v: &Value| v.as_str().is_some_and(is_duration);
    check("result.duration", "an ISO 8601 duration", &duration);
    p
}

/// An absolute IRI: a scheme (a letter, then letters, digits, '+', '-' or '.'), ':', and
/// something after it, with no spaces or characters IRIs exclude.
fn is_iri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !rest.contains(|c: char| c.is_whitespace() || "<>\"{}|\\^`".contains(c))
}

/// A UUID as RFC 4122 writes it: 8-4-4-4-12 hex digits, version 1–8, variant 10xx.
fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
        && (b'1'..=b'8').contains(&b[14])
        && b"89abAB".contains(&b[19])
}

/// An ISO 8601 duration such as `PT431S`, `P1DT2H` or `PT1.5S`: number-unit pairs in the
/// order Y M W D, then after a `T` H M S, each at most once, at least one in all.
fn is_duration(d: &str) -> bool {
    let Some(rest) = d.strip_prefix('P') else {
        return false;
    };
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (rest, None),
    };
    let pairs = |s: &str, mut units: &str| {
        let mut num = String::new();
        for c in s.chars() {
            if c.is_ascii_digit() || (c == '.' && !num.is_empty() && !num.contains('.')) {
                num.push(c);
            } else if let Some(pos) = units
                .find(c)
                .filter(|_| !num.is_empty() && !num.ends_with('.'))
            {
                units = &units[pos + 1..];
                num.clear();
            } else {
                return false;
            }
        }
        num.is_empty()
    };
    !rest.is_empty()
        && time != Some("")
        && pairs(date, "YMWD")
        && time.is_none_or(|t| pairs(t, "HMS"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teacher::identity::{first_activity, last_activity};

    const T: i64 = 1_790_000_000;

    /// A student with a lesson passed after a fail, a lesson only opened and a walkthrough
    /// practised and done, written by hand in the stored format.
    fn record() -> Record {
        serde_json::from_value(json!({
            "v": 2,
            "student": {"id": "a1b2c3d4e5", "name": "Trần Văn Bình", "class": "10A2",
                "school": "THPT Nguyễn Huệ", "code": "HS0042"},
            "lessons": {
                "vneid": {"opened": T, "tries": 2, "best": 90, "passed": true, "passed_at": T + 200,
                    "recent": [[T + 100, 60, "q2 q4"], [T + 200, 90, "q4"]]},
                "bao-mat": {"opened": T + 300}
            },
            "walks": {"kich-hoat-vneid": {"tries": 1, "best": 84, "practiced": true, "practiced_at": T + 400,
                "last": {"id": "kich-hoat-vneid", "at": T + 400, "mode": "practice", "score": 84,
                    "secs": 431, "done": true, "steps": {"otp": 2}}}}
        }))
        .expect("a valid record")
    }

    /// A record completing every required lesson (passed) and walkthrough (practised, done).
    fn complete() -> Record {
        let req = requirements();
        assert!(!req.lessons.is_empty(), "the course has required lessons");
        let mut r = record();
        r.student.id = "c0mp1e7e00".into();
        for (i, id) in req.lessons.iter().enumerate() {
            let at = T + 100 * i as i64;
            let lesson = json!({"opened": at, "tries": 1, "best": 100, "passed": true,
                "passed_at": at + 10, "recent": [[at + 10, 100, ""]]});
            r.lessons
                .insert(id.to_string(), serde_json::from_value(lesson).unwrap());
        }
        let walk = r.walks["kich-hoat-vneid"].clone();
        for id in &req.walks {
            let mut w = walk.clone();
            w.last.as_mut().unwrap().id = id.to_string();
            r.walks.insert(id.to_string(), w);
        }
        r
    }

    fn iri() -> Iri {
        Iri::parse("https://thpt-nh.edu.vn/dvc-lab/").unwrap()
    }

    fn learners(records: &[Record]) -> Vec<Learner<'_>> {
        (records.iter())
            .map(|r| Learner {
                record: r,
                class: r.student.class.clone(),
                student: pseudonym(&iri(), &format!("profile|{}", r.student.id)),
            })
            .collect()
    }

    fn of(records: &[Record]) -> Value {
        statements(&learners(records), &iri())
    }

    fn list(v: &Value) -> &[Value] {
        v.as_array().expect("an array")
    }

    /// What follows `base` in the string at `v`.
    fn tail<'a>(v: &'a Value, base: &str) -> &'a str {
        v.as_str().and_then(|s| s.strip_prefix(base)).unwrap_or("?")
    }

    #[test]
    fn a_record_gives_the_expected_statements() {
        let all = of(&[record()]);
        let s = list(&all);
        let base = iri().activities();
        let summary: Vec<String> = (s.iter())
            .map(|s| {
                let (verb, object) = (
                    tail(&s["verb"]["id"], VERBS),
                    tail(&s["object"]["id"], &base),
                );
                format!(
                    "{verb} {object} {} {}",
                    s["result"]["score"]["raw"], s["timestamp"]
                )
            })
            .collect();
        let expected = [
            r#"attempted lesson/bao-mat null "2026-09-21T14:18:20Z""#,
            r#"attempted lesson/vneid null "2026-09-21T14:13:20Z""#,
            r#"failed lesson/vneid 60 "2026-09-21T14:15:00Z""#,
            r#"passed lesson/vneid 90 "2026-09-21T14:16:40Z""#,
            r#"completed walkthrough/kich-hoat-vneid 84 "2026-09-21T14:20:00Z""#,
        ];
        assert_eq!(summary, expected);
        let (failed, passed, walk) = (&s[2], &s[3], &s[4]);
        assert_eq!(failed["result"]["success"], json!(false));
        assert_eq!(
            failed["result"]["extensions"][format!("{base}ext/wrong")],
            json!("q2 q4")
        );
        let score = json!({"scaled": 0.9, "raw": 90, "min": 0, "max": 100});
        assert_eq!(passed["result"]["score"], score);
        let kind = |s: &Value| tail(&s["object"]["definition"]["type"], TYPES).to_string();
        assert_eq!([kind(passed), kind(walk)], ["lesson", "simulation"]);
        assert_eq!(passed["verb"]["display"], json!({"en-US": "passed"}));
        let account =
            json!({"homePage": "https://thpt-nh.edu.vn/dvc-lab/students", "name": "a1b2c3d4e5"});
        let actor = json!({"objectType": "Agent", "account": account});
        assert_eq!(
            (&passed["actor"], &passed["version"]),
            (&actor, &json!("1.0.3"))
        );
        let grouping: Vec<&str> = list(&passed["context"]["contextActivities"]["grouping"])
            .iter()
            .map(|g| g["id"].as_str().unwrap())
            .collect();
        let student = pseudonym(&iri(), "profile|a1b2c3d4e5");
        let expected = [
            "https://thpt-nh.edu.vn/dvc-lab".to_string(),
            format!("{base}class/10A2"),
            format!("{base}student/{student}"),
        ];
        assert_eq!(grouping, expected);
        assert_eq!(walk["result"]["completion"], json!(true));
        assert_eq!(walk["result"]["duration"], json!("PT431S"));
        assert_eq!(
            walk["context"]["extensions"][format!("{base}ext/mode")],
            json!("practice")
        );
        assert_eq!(
            walk["context"]["contextActivities"],
            passed["context"]["contextActivities"]
        );
    }

    #[test]
    fn no_statement_names_the_student_or_titles_an_activity() {
        let text = of(&[record(), complete()]).to_string();
        for word in ["Trần Văn Bình", "Nguyễn Huệ", "HS0042", "\"name\":{"] {
            assert!(!text.contains(word), "{word} is in the statements");
        }
        assert!(
            !text.contains("dvclab.edu.vn"),
            "the school's own IRI is used"
        );
    }

    #[test]
    fn every_statement_is_valid() {
        let mut unfinished = record();
        let walk = unfinished.walks.get_mut("kich-hoat-vneid").unwrap();
        walk.last.as_mut().unwrap().done = false;
        for s in list(&of(&[record(), unfinished, complete(), surveyed()])) {
            assert_eq!(validate(s), Vec::<String>::new(), "{s:#}");
        }
    }

    #[test]
    fn ids_are_stable_unique_and_change_with_what_a_statement_says() {
        let mut other = record();
        other.student.id = "ffffffffff".into();
        let records = [record(), other, complete()];
        let ids = |v: &Value| {
            list(v)
                .iter()
                .map(|s| s["id"].to_string())
                .collect::<Vec<_>>()
        };
        let first = ids(&of(&records));
        assert_eq!(first, ids(&of(&records)));
        let unique: std::collections::BTreeSet<&String> = first.iter().collect();
        assert_eq!(unique.len(), first.len());
        assert!(
            first
                .iter()
                .all(|id| is_uuid(id.trim_matches('"')) && &id[15..16] == "5")
        );
        // A renamed student: the same statements, the same ids (no name is in them).
        let mut renamed = record();
        renamed.student.name = "Trần Văn Bính".into();
        assert_eq!(ids(&of(&[renamed])), ids(&of(&[record()])));
        // Moved to another class: every statement differs, so none has a known id.
        let mut moved = record();
        moved.student.class = "11A2".into();
        let before: std::collections::BTreeSet<String> =
            ids(&of(&[record()])).into_iter().collect();
        assert!(ids(&of(&[moved])).iter().all(|id| !before.contains(id)));
    }

    #[test]
    fn validate_catches_each_problem_separately() {
        let good = list(&of(&[record()]))[3].clone();
        let no_id = json!({"objectType": "Agent", "name": "Bình"});
        let two_ids =
            json!({"mbox": "mailto:a@b.vn", "account": {"homePage": iri().home(), "name": "x"}});
        for (path, value, word) in [
            ("actor", no_id, "identifier"),
            ("actor", two_ids, "identifier"),
            ("verb.id", json!("verbs/passed"), "verb.id"),
            ("result.score.scaled", json!(1.5), "scaled"),
            ("id", json!("1234-not-a-uuid"), "UUID"),
            ("result.score.raw", json!(101), "raw"),
            ("timestamp", json!("21/09/2026"), "RFC 3339"),
            ("object.id", json!("lesson/vneid"), "object.id"),
            ("result.success", json!("yes"), "boolean"),
            ("result.duration", json!("431 seconds"), "duration"),
        ] {
            let mut s = good.clone();
            *path.split('.').fold(&mut s, |v, k| &mut v[k]) = value;
            let problems = validate(&s);
            assert!(
                problems.len() == 1 && problems[0].contains(word),
                "{path}: {problems:?}"
            );
        }
        let valid = ["PT431S", "P1Y2M3DT4H5M6.5S", "P2W", "PT0S"];
        assert!(valid.into_iter().all(is_duration));
        let invalid = [
            "P", "PT", "431", "PT5", "PS5", "PT1M2H", "P1.2.3D", "PTS", "P1DT",
        ];
        assert!(!invalid.into_iter().any(is_duration));
    }

    #[test]
    fn every_statement_has_a_timestamp_so_a_resend_is_identical() {
        let mut r = record();
        r.lessons.get_mut("bao-mat").unwrap().opened = 0;
        r.student.created = T - 50;
        let all = of(&[r.clone()]);
        assert!(list(&all).iter().all(|s| s["timestamp"].is_string()));
        let opened = list(&all)
            .iter()
            .find(|s| {
                s["object"]["id"]
                    .as_str()
                    .unwrap()
                    .ends_with("lesson/bao-mat")
            })
            .unwrap();
        assert_eq!(opened["timestamp"], json!(rfc3339(T - 50)));
        r.student.created = 0;
        let none = of(&[r]);
        assert!(list(&none).iter().all(|s| {
            !s["object"]["id"]
                .as_str()
                .unwrap()
                .ends_with("lesson/bao-mat")
        }));
    }

    /// The record with a survey answered after the practice (signed, with a comment) and
    /// skipped after the module.
    fn surveyed() -> Record {
        use crate::progress::{Answer, Occasion};
        let mut r = record();
        r.student.id = "5urvey0001".into();
        r.survey = vec![
            Answer {
                occasion: Occasion::Practice,
                at: T + 500,
                satisfaction: 4,
                hardest: vec!["vneid".into(), "bao-mat".into()],
                needs: vec!["can-cuoc".into(), "khac".into()],
                other: "Đăng ký xe máy".into(),
                comment: "Bí mật <b>riêng</b>".into(),
                signed: true,
            },
            Answer::skipped(Occasion::Module, T + 600),
        ];
        r
    }

    #[test]
    fn each_survey_answer_is_one_responded_statement_without_comment_or_name() {
        let all = of(&[surveyed()]);
        let base = iri().activities();
        let survey: Vec<&Value> = (list(&all).iter())
            .filter(|s| tail(&s["verb"]["id"], VERBS) == "responded")
            .collect();
        assert_eq!(survey.len(), 2);
        assert_eq!(tail(&survey[0]["object"]["id"], &base), "survey/practice");
        assert_eq!(
            survey[0]["result"]["response"],
            json!("satisfaction=4;hardest=vneid,bao-mat;needs=can-cuoc,khac")
        );
        assert_eq!(tail(&survey[1]["object"]["id"], &base), "survey/module");
        assert_eq!(survey[1]["result"]["response"], json!("skipped"));
        for s in &survey {
            let text = s.to_string();
            assert!(
                !text.contains("Bí mật") && !text.contains("Đăng ký xe"),
                "{text}"
            );
            assert!(!text.contains("Trần Văn Bình"), "no name: {text}");
            assert_eq!(s["actor"]["account"]["name"], json!("5urvey0001"));
            assert_eq!(validate(s), Vec::<String>::new());
        }
        // Read back, they are neither records of progress nor foreign statements.
        let back = records(&stored(list(&all), T + 9_000), &iri());
        assert_eq!(back.skipped, 0);
    }

    #[test]
    fn a_complete_record_yields_one_module_completion() {
        let all = of(&[complete(), record()]);
        let id = json!(format!("{}module", iri().activities()));
        let module: Vec<&Value> = list(&all)
            .iter()
            .filter(|s| s["object"]["id"] == id)
            .collect();
        assert_eq!(module.len(), 1);
        assert_eq!(tail(&module[0]["verb"]["id"], VERBS), "completed");
        assert_eq!(
            tail(&module[0]["object"]["definition"]["type"], TYPES),
            "course"
        );
        let req = requirements();
        let done = complete().completed_at(&req.lessons, &req.walks).unwrap();
        assert_eq!(module[0]["timestamp"], json!(rfc3339(done)));
    }

    /// A lesson passed first, then tried four more times (the first pass is no longer among
    /// the kept attempts), and a walkthrough practised, then done again in guided mode.
    fn busy() -> Record {
        let mut r = complete();
        r.student.id = "b05y000000".into();
        let vneid = r.lessons.get_mut("vneid").unwrap();
        vneid.passed_at = T + 5;
        vneid.tries = 5;
        vneid.recent = (1..=3)
            .map(|i| Attempt {
                at: T + 1000 * i,
                score: 70 + i as u8,
                wrong: vec!["q1".into()],
            })
            .collect();
        vneid.best = 73;
        let walk = r.walks.get_mut("kich-hoat-vneid").unwrap();
        let last = walk.last.as_mut().unwrap();
        last.mode = Mode::Guided;
        last.at = T + 9000;
        walk.guided = true;
        r
    }

    /// Statements stored by an LRS: each gets a `stored` time, in the order given.
    fn stored(statements: &[Value], at: i64) -> Vec<Value> {
        (statements.iter())
            .map(|s| {
                let mut s = s.clone();
                s["stored"] = json!(rfc3339(at));
                s
            })
            .collect()
    }

    #[test]
    fn statements_read_back_give_the_records_the_report_counts() {
        let req = requirements();
        let originals = [record(), complete(), busy()];
        let sent = stored(list(&of(&originals)), T + 10_000);
        let mut twice = sent.clone();
        twice.extend(sent.iter().rev().cloned());
        let back = records(&twice, &iri());
        assert_eq!(back.skipped, 0);
        assert_eq!(back.records.len(), 3);
        for (r, student) in &back.records {
            let o = originals
                .iter()
                .find(|o| o.student.id == r.student.id)
                .unwrap();
            assert_eq!(
                student,
                &pseudonym(&iri(), &format!("profile|{}", o.student.id))
            );
            assert_eq!(r.student.class, o.student.class);
            assert!(r.student.name.is_empty(), "no name comes back");
            assert_eq!(
                r.completed_at(&req.lessons, &req.walks),
                o.completed_at(&req.lessons, &req.walks)
            );
            assert_eq!(
                (last_activity(r), first_activity(r)),
                (last_activity(o), first_activity(o))
            );
            for (id, l) in &o.lessons {
                let b = &r.lessons[id];
                assert_eq!(
                    (b.opened, b.passed, b.passed_at, &b.recent),
                    (l.opened, l.passed, l.passed_at, &l.recent),
                    "{id}"
                );
            }
            for (id, w) in &o.walks {
                let b = &r.walks[id];
                assert_eq!(
                    (b.practiced, b.practiced_at, &b.last),
                    (w.practiced, w.practiced_at, &w.last),
                    "{id}"
                );
            }
        }
    }

    #[test]
    fn the_latest_send_says_the_class_and_foreign_statements_are_left_out() {
        let first = stored(list(&of(&[record()])), T + 10_000);
        let mut moved = record();
        moved.student.class = "11A2".into();
        let mut all = stored(list(&of(&[moved])), T + 20_000);
        all.extend(first);
        let mut foreign = all[0].clone();
        foreign["actor"]["account"]["homePage"] = json!("https://other.edu.vn/students");
        all.push(foreign);
        all.push(json!({"actor": {"mbox": "mailto:x@y.vn"}, "verb": {"id": "x"}}));
        let back = records(&all, &iri());
        assert_eq!(back.skipped, 2);
        assert_eq!(back.records.len(), 1);
        assert_eq!(back.records[0].0.student.class, "11A2");
    }

    #[test]
    fn a_school_iri_is_checked_and_normalised() {
        let ok = Iri::parse("  HTTPS://THPT-A.edu.vn/DVC-Lab/ ").unwrap();
        assert_eq!(ok.as_str(), "https://thpt-a.edu.vn/DVC-Lab");
        assert_eq!(ok.home(), "https://thpt-a.edu.vn/DVC-Lab/students");
        assert_eq!(Iri::parse(""), Err(IriError::Empty));
        assert_eq!(Iri::parse("thpt-a.edu.vn"), Err(IriError::NotHttp));
        assert_eq!(Iri::parse("https:///x"), Err(IriError::NotHttp));
        assert_eq!(
            Iri::parse("https://a.vn/x?y=1"),
            Err(IriError::BadCharacters)
        );
        assert_eq!(Iri::default().as_str(), DEFAULT_IRI);
        assert_eq!(decode(&encode("11 Chuyên Văn/2")), "11 Chuyên Văn/2");
        assert_eq!(encode("10A1"), "10A1");
    }
}
