//! xAPI 1.0.3 statements from progress records, for a school's Learning Record Store (LRS).
//!
//! Quiz attempts become `passed`/`failed`, lessons opened but never tried `attempted`, the
//! latest walkthrough attempt `completed`/`attempted`, a complete module `completed`. Statement
//! ids are derived from what the statement says, so exporting the same records twice gives the
//! same ids and the LRS ignores the duplicates. [`validate`] checks what xAPI 1.0.3 requires.

use crate::content::Lang;
use crate::progress::{Record, requirements};
use serde_json::{Value, json};

/// Every activity id starts with this IRI base (stable; never change it once data exists).
pub const ACTIVITY_BASE: &str = "https://dvclab.edu.vn/xapi/activities/";

/// The account homePage used for actors (students have no e-mail here).
pub const ACCOUNT_HOME: &str = "https://dvclab.edu.vn/students";

const VERBS: &str = "http://adlnet.gov/expapi/verbs/";
const TYPES: &str = "http://adlnet.gov/expapi/activities/";

/// Builds statements for records: for each lesson with attempts, one statement per kept
/// attempt in `recent` (verb passed when the score reaches the pass mark, 80, else failed;
/// result.score {scaled, raw, min 0, max 100} and result.success; timestamp of the attempt);
/// for each lesson opened but not yet attempted, one "attempted" (timestamp = opened); for each
/// walkthrough's `last` attempt, "completed" (done) or "attempted" (not done) with
/// result.score, result.completion, result.duration ("PT431S") and the mode in
/// context.extensions under `ACTIVITY_BASE + "ext/mode"`; for a complete module, one
/// "completed" for `ACTIVITY_BASE + "module"` (timestamp = completion time).
///
/// Statement ids are UUIDs (version 5 layout) derived from student id, verb, activity and
/// timestamp. Records without a student id (anonymous format-1 records) are skipped: an LRS
/// could not tell whose they are. A time of 0 (unknown) leaves the timestamp to the LRS.
/// Returns a JSON array.
pub fn statements(records: &[Record]) -> Value {
    let req = requirements();
    let mut out = Vec::new();
    for r in records.iter().filter(|r| !r.student.id.is_empty()) {
        let mut push = |verb, object, at, fields| out.push(statement(r, verb, object, at, fields));
        for (id, lesson) in &r.lessons {
            let title = crate::content::course().lesson(Lang::Vi, id);
            let title = title.map_or(id.as_str(), |d| d.meta.title.as_str());
            let object = activity(&format!("lesson/{id}"), "lesson", title);
            if lesson.recent.is_empty() {
                push("attempted", object.clone(), lesson.opened, json!({}));
            }
            for a in &lesson.recent {
                let success = a.score >= crate::quiz::PASS_MARK;
                let result = json!({"score": score(a.score), "success": success});
                let verb = if success { "passed" } else { "failed" };
                push(verb, object.clone(), a.at, json!({ "result": result }));
            }
        }
        for (id, walk) in &r.walks {
            let Some(last) = &walk.last else { continue };
            let title = crate::walkthrough::scenario(Lang::Vi, id);
            let title = title.map_or(id.as_str(), |s| s.title.as_str());
            let object = activity(&format!("walkthrough/{id}"), "simulation", title);
            let result = json!({
                "score": score(last.score),
                "completion": last.done,
                "duration": format!("PT{}S", last.secs),
            });
            let mode = json!({ format!("{ACTIVITY_BASE}ext/mode"): last.mode });
            let fields = json!({"result": result, "context": {"extensions": mode}});
            let verb = if last.done { "completed" } else { "attempted" };
            push(verb, object, last.at, fields);
        }
        if let Some(at) = r.completed_at(&req.lessons, &req.walks) {
            let object = activity("module", "course", "Dịch vụ công trực tuyến");
            let result = json!({"completion": true, "success": true});
            push("completed", object, at, json!({ "result": result }));
        }
        out.extend(survey_statements(r));
    }
    Value::Array(out)
}

/// The survey (issue 19): one "responded" statement per answer (a skip included, as
/// `skipped`), object `ACTIVITY_BASE + "survey/<occasion>"`, the answer as a compact line in
/// `result.response` ([`crate::progress::Answer::response`]). Never the comment, the "Khác"
/// text or the student's name: the actor is the profile's account only.
fn survey_statements(r: &Record) -> Vec<Value> {
    r.survey
        .iter()
        .map(|a| {
            let path = format!("survey/{}", a.occasion.id());
            let object = activity(&path, "cmi.interaction", "Khảo sát mức độ hài lòng");
            let result = json!({ "response": a.response() });
            let mut s = statement(r, "responded", object, a.at, json!({ "result": result }));
            if let Some(actor) = s["actor"].as_object_mut() {
                actor.remove("name");
            }
            s
        })
        .collect()
}

fn score(raw: u8) -> Value {
    json!({"scaled": f64::from(raw) / 100.0, "raw": raw, "min": 0, "max": 100})
}

fn activity(path: &str, kind: &str, title: &str) -> Value {
    json!({
        "objectType": "Activity",
        "id": format!("{ACTIVITY_BASE}{path}"),
        "definition": {"type": format!("{TYPES}{kind}"), "name": {"vi-VN": title}},
    })
}

/// One statement by `r`'s student; `fields` (result, context) are added as they are.
fn statement(r: &Record, verb: &str, object: Value, at: i64, fields: Value) -> Value {
    let who = &r.student;
    let mut actor =
        json!({"objectType": "Agent", "account": {"homePage": ACCOUNT_HOME, "name": who.id}});
    if !who.name.is_empty() {
        actor["name"] = json!(who.name);
    }
    let key = format!("dvclab-xapi|{}|{verb}|{}|{at}", who.id, object["id"]);
    let mut s = json!({
        "id": uuid(key.as_bytes()),
        "version": "1.0.3",
        "actor": actor,
        "verb": {"id": format!("{VERBS}{verb}"), "display": {"en-US": verb}},
        "object": object,
    });
    if at > 0 {
        s["timestamp"] = json!(rfc3339(at));
    }
    if let (Value::Object(s), Value::Object(fields)) = (&mut s, fields) {
        s.extend(fields);
    }
    s
}

/// Unix seconds as RFC 3339 in UTC, `2026-09-21T14:13:20Z`.
fn rfc3339(at: i64) -> String {
    let t = chrono::DateTime::from_timestamp(at, 0).unwrap_or_default();
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
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

    const T: i64 = 1_790_000_000;

    /// A student with a lesson passed after a fail, a lesson only opened and a walkthrough
    /// practised and done, written by hand in the stored format.
    fn record() -> Record {
        serde_json::from_value(json!({
            "v": 2,
            "student": {"id": "a1b2c3d4e5", "name": "Trần Văn Bình", "class": "10A2"},
            "lessons": {
                "vneid": {"opened": T, "tries": 2, "best": 90, "passed": true, "passed_at": T + 200,
                    "recent": [[T + 100, 60, "q2 q4"], [T + 200, 90, "q4"]]},
                "bao-mat": {"opened": T + 300}
            },
            "walks": {"kich-hoat-vneid": {"tries": 1, "best": 84, "practiced": true, "practiced_at": T + 400,
                "last": {"id": "kich-hoat-vneid", "at": T + 400, "mode": "practice", "score": 84,
                    "secs": 431, "done": true}}}
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
            r.walks.insert(id.to_string(), walk.clone());
        }
        r
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
        let all = statements(&[record()]);
        let s = list(&all);
        let summary: Vec<String> = (s.iter())
            .map(|s| {
                let (verb, object) = (
                    tail(&s["verb"]["id"], VERBS),
                    tail(&s["object"]["id"], ACTIVITY_BASE),
                );
                format!(
                    "{verb} {object} {} {}",
                    s["result"]["score"]["raw"], s["timestamp"]
                )
            })
            .collect();
        let expected = [
            r#"attempted lesson/bao-mat null "2026-09-21T14:18:20Z""#,
            r#"failed lesson/vneid 60 "2026-09-21T14:15:00Z""#,
            r#"passed lesson/vneid 90 "2026-09-21T14:16:40Z""#,
            r#"completed walkthrough/kich-hoat-vneid 84 "2026-09-21T14:20:00Z""#,
        ];
        assert_eq!(summary, expected);
        let (failed, passed, walk) = (&s[1], &s[2], &s[3]);
        assert_eq!(failed["result"]["success"], json!(false));
        let score = json!({"scaled": 0.9, "raw": 90, "min": 0, "max": 100});
        assert_eq!(passed["result"], json!({"success": true, "score": score}));
        let kind = |s: &Value| tail(&s["object"]["definition"]["type"], TYPES).to_string();
        assert_eq!([kind(passed), kind(walk)], ["lesson", "simulation"]);
        assert!(passed["object"]["definition"]["name"]["vi-VN"].is_string());
        assert_eq!(passed["verb"]["display"], json!({"en-US": "passed"}));
        let account = json!({"homePage": ACCOUNT_HOME, "name": "a1b2c3d4e5"});
        let actor = json!({"objectType": "Agent", "name": "Trần Văn Bình", "account": account});
        assert_eq!(
            (&passed["actor"], &passed["version"]),
            (&actor, &json!("1.0.3"))
        );
        assert_eq!(walk["result"]["completion"], json!(true));
        assert_eq!(walk["result"]["duration"], json!("PT431S"));
        let mode = &walk["context"]["extensions"][format!("{ACTIVITY_BASE}ext/mode")];
        assert_eq!(mode, &json!("practice"));
    }

    #[test]
    fn every_statement_is_valid() {
        let mut unfinished = record();
        let walk = unfinished.walks.get_mut("kich-hoat-vneid").unwrap();
        walk.last.as_mut().unwrap().done = false;
        for s in list(&statements(&[record(), unfinished, complete(), surveyed()])) {
            assert_eq!(validate(s), Vec::<String>::new(), "{s:#}");
        }
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
        let all = statements(&[surveyed()]);
        let survey: Vec<&Value> = list(&all)
            .iter()
            .filter(|s| tail(&s["verb"]["id"], VERBS) == "responded")
            .collect();
        assert_eq!(survey.len(), 2);
        assert_eq!(
            tail(&survey[0]["object"]["id"], ACTIVITY_BASE),
            "survey/practice"
        );
        assert_eq!(
            survey[0]["result"]["response"],
            json!("satisfaction=4;hardest=vneid,bao-mat;needs=can-cuoc,khac")
        );
        assert_eq!(
            tail(&survey[1]["object"]["id"], ACTIVITY_BASE),
            "survey/module"
        );
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
    }

    #[test]
    fn ids_are_stable_across_exports_and_unique_within_one() {
        let mut other = record();
        other.student.id = "ffffffffff".into();
        let records = [record(), other, complete()];
        let ids = |v: Value| {
            list(&v)
                .iter()
                .map(|s| s["id"].to_string())
                .collect::<Vec<_>>()
        };
        let first = ids(statements(&records));
        assert_eq!(first, ids(statements(&records)));
        let unique: std::collections::BTreeSet<&String> = first.iter().collect();
        assert_eq!(unique.len(), first.len());
        assert!(
            first
                .iter()
                .all(|id| is_uuid(id.trim_matches('"')) && &id[15..16] == "5")
        );
    }

    #[test]
    fn validate_catches_each_problem_separately() {
        let good = list(&statements(&[record()]))[2].clone();
        let no_id = json!({"objectType": "Agent", "name": "Bình"});
        let two_ids =
            json!({"mbox": "mailto:a@b.vn", "account": {"homePage": ACCOUNT_HOME, "name": "x"}});
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
    fn a_complete_record_yields_one_module_completion() {
        let all = statements(&[complete(), record()]);
        let id = json!(format!("{ACTIVITY_BASE}module"));
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
}
