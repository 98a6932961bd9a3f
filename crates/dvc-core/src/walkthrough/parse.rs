//! The scenario file format (see `lessons/walkthroughs/README.md`): front matter, then
//! `::screen`, `::panel`, `::field` and `::action` blocks of `key: value` lines and `- ` items
//! (those lines are read by `lines.rs`).
//!
//! Returns the first problem with its line, like the lesson parser; the checks that need the
//! whole file or both languages are in `verify.rs`. Depends on `std` only (used by `build.rs`).

use super::formats::{Date, Stamp};
use super::lines::{Block, Parser, current_screen, device, item_line, key_line, stamp, valid_id};
use super::scenario::{
    Action, Choice, Device, Field, FieldKind, Panel, PanelKind, Scenario, Screen, rating_levels,
};
use crate::content::syntax::{
    ContentError, Provenance, front_matter, front_number, lang_of_file, provenance_line,
};

/// Parses one scenario file. `file` is its name (`kich-hoat-vneid.vi.md`).
pub fn parse_scenario(file: &str, src: &str) -> Result<Scenario, ContentError> {
    let p = Parser { file };
    let lang =
        lang_of_file(file).ok_or_else(|| p.err(0, "the file name must end in .vi.md or .en.md"))?;
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let lines: Vec<&str> = src.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if let Some(c) = l.chars().find(|c| ('\u{300}'..='\u{36f}').contains(c)) {
            return Err(p.err(
                i + 1,
                format!(
                    "this line has a separate accent mark (U+{:04X}); save the file in NFC (precomposed letters such as `ế`)",
                    u32::from(c)
                ),
            ));
        }
    }
    let mut sc = Scenario {
        file: file.to_string(),
        lang,
        id: String::new(),
        order: 0,
        title: String::new(),
        summary: String::new(),
        minutes: 0,
        now: Stamp {
            date: Date {
                year: 2025,
                month: 1,
                day: 1,
            },
            minute: 0,
        },
        site: String::new(),
        required: true,
        provenance: Provenance::default(),
        screens: Vec::new(),
    };
    let mut default_device = Device::Computer;
    // Front matter (the format lessons use too).
    let (fields, mut pos) = front_matter(&lines).map_err(|(n, r)| p.err(n, r))?;
    for f in &fields {
        let (n, key, value) = (f.n, f.key, f.value);
        let number = |_: &str| front_number(f).map_err(|(n, r)| p.err(n, r));
        if provenance_line(&mut sc.provenance, f).map_err(|(n, r)| p.err(n, r))? {
            continue;
        }
        match key {
            "id" if valid_id(value) => sc.id = value.to_string(),
            "id" => {
                return Err(p.err(
                    n,
                    format!("`id` must use a-z, 0-9 and `-` only, found `{value}`"),
                ));
            }
            "order" => sc.order = number(value)?,
            "minutes" => sc.minutes = number(value)?,
            "title" => sc.title = value.to_string(),
            "summary" => sc.summary = value.to_string(),
            "now" => sc.now = stamp(&p, n, key, value)?,
            "site" => sc.site = value.to_string(),
            "device" => default_device = device(&p, n, value)?,
            "required" => {
                sc.required = match value {
                    "yes" | "true" => true,
                    "no" | "false" => false,
                    _ => return Err(p.err(n, "`required` must be `yes` or `no`")),
                }
            }
            other => {
                return Err(p.err(
                    n,
                    format!("unknown front-matter key `{other}` (use id, order, title, summary, minutes, now, site, device, required, checked, source)"),
                ));
            }
        }
    }
    for needed in ["id", "order", "title", "summary", "minutes", "now", "site"] {
        if !fields.iter().any(|f| f.key == needed) {
            return Err(p.err(1, format!("front matter is missing `{needed}`")));
        }
    }
    // Body.
    let mut block = Block::None;
    let mut keys: Vec<&str> = Vec::new();
    while let Some(raw) = lines.get(pos) {
        let n = pos + 1;
        pos += 1;
        let t = raw.trim();
        if t.is_empty() || (t.starts_with("<!--") && t.ends_with("-->")) {
            continue;
        }
        if let Some(head) = t.strip_prefix("::") {
            keys.clear();
            let mut words = head.split_whitespace();
            let kind = words.next().unwrap_or_default();
            let rest: Vec<&str> = words.collect();
            if kind != "screen" && sc.screens.is_empty() {
                return Err(p.err(n, format!("`::{kind}` must come after a `::screen`")));
            }
            block = match kind {
                "screen" => {
                    let [id] = rest.as_slice() else {
                        return Err(p.err(n, "write `::screen ID`"));
                    };
                    if !valid_id(id) {
                        return Err(p.err(n, format!("screen id `{id}` must use a-z, 0-9 and `-`")));
                    }
                    sc.screens.push(Screen {
                        id: id.to_string(),
                        line: n,
                        title: String::new(),
                        site: sc.site.clone(),
                        device: default_device,
                        clock: None,
                        texts: Vec::new(),
                        panels: Vec::new(),
                        fields: Vec::new(),
                        actions: Vec::new(),
                    });
                    Block::Screen
                }
                "panel" => {
                    let Some((word, caption)) = rest.split_first() else {
                        return Err(p.err(n, "write `::panel KIND caption`"));
                    };
                    let Some((kind, _)) = PanelKind::ALL.iter().find(|(_, w)| w == word) else {
                        return Err(p.err(n, format!("unknown panel `{word}` (use note, info, sms, call, web, qr, timeline or receipt)")));
                    };
                    current_screen(&mut sc)?.panels.push(Panel {
                        kind: *kind,
                        caption: caption.join(" "),
                        line: n,
                        texts: Vec::new(),
                        rows: Vec::new(),
                    });
                    Block::Panel
                }
                "field" => {
                    let [id, word] = rest.as_slice() else {
                        return Err(p.err(
                            n,
                            "write `::field ID KIND`, e.g. `::field so-dien-thoai text`",
                        ));
                    };
                    if !valid_id(id) {
                        return Err(p.err(n, format!("field id `{id}` must use a-z, 0-9 and `-`")));
                    }
                    let Some((kind, _)) = FieldKind::ALL.iter().find(|(_, w)| w == word) else {
                        let all: Vec<&str> = FieldKind::ALL.iter().map(|(_, w)| *w).collect();
                        return Err(p.err(
                            n,
                            format!("unknown field kind `{word}` (use {})", all.join(", ")),
                        ));
                    };
                    let choices = if *kind == FieldKind::Rating {
                        rating_levels(lang)
                            .iter()
                            .map(|(v, l)| Choice {
                                value: v.to_string(),
                                label: l.to_string(),
                                parent: None,
                                size_kb: None,
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    current_screen(&mut sc)?.fields.push(Field {
                        id: id.to_string(),
                        kind: *kind,
                        line: n,
                        label: String::new(),
                        required: false,
                        hint: String::new(),
                        help: String::new(),
                        rules: Vec::new(),
                        examples: Vec::new(),
                        mistakes: Vec::new(),
                        when: None,
                        parent: None,
                        prefill: None,
                        code: None,
                        choices,
                    });
                    Block::Field
                }
                "action" => {
                    let [id] = rest.as_slice() else {
                        return Err(p.err(n, "write `::action ID`"));
                    };
                    if !valid_id(id) {
                        return Err(p.err(n, format!("action id `{id}` must use a-z, 0-9 and `-`")));
                    }
                    current_screen(&mut sc)?.actions.push(Action {
                        id: id.to_string(),
                        line: n,
                        label: String::new(),
                        hint: String::new(),
                        gotos: Vec::new(),
                        wrong: None,
                        until: None,
                        on_phone: false,
                    });
                    Block::Action
                }
                other => {
                    return Err(p.err(
                        n,
                        format!(
                            "unknown block `::{other}` (use ::screen, ::panel, ::field or ::action)"
                        ),
                    ));
                }
            };
            continue;
        }
        if let Some(item) = t.strip_prefix("- ") {
            item_line(&p, n, item.trim(), &block, &mut sc)?;
            continue;
        }
        let Some((key, value)) = t.split_once(':') else {
            return Err(p.err(
                n,
                format!("expected `key: value`, a `- ` item or a `::` block, found `{t}`"),
            ));
        };
        let (key, value) = (key.trim(), value.trim());
        let repeatable = matches!(key, "text" | "rule" | "example" | "mistake" | "goto");
        if !repeatable {
            if keys.contains(&key) {
                return Err(p.err(n, format!("`{key}` is given twice in this block")));
            }
            if let Some(k) = [
                "label", "title", "hint", "help", "site", "device", "clock", "required", "when",
                "parent", "prefill", "code", "wrong", "until", "on",
            ]
            .iter()
            .find(|k| **k == key)
            {
                keys.push(k);
            }
        }
        if value.is_empty() {
            return Err(p.err(n, format!("`{key}` has no value")));
        }
        key_line(&p, n, key, value, &block, &mut sc)?;
    }
    if sc.screens.is_empty() {
        return Err(p.err(0, "a walkthrough needs at least one `::screen`"));
    }
    Ok(sc)
}
