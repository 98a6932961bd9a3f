//! The lesson file format (see `lessons/README.md`): types and a small line-based parser.
//!
//! Like all of `dvc-core` this depends on `std` only: `build.rs` runs it to check every lesson
//! before the app is built, and the same code parses the files at run time, so no Markdown crate
//! ships in the wasm.

use std::fmt;

/// A content language. Lesson files end in `.vi.md` or `.en.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Vietnamese, the original and the default.
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 code used in file names and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses `vi` or `en`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A piece of text inside a paragraph, list item, callout or quiz.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `**bold**`.
    Strong(String),
    /// `*emphasis*`.
    Em(String),
    /// `[text](href)`.
    Link { text: String, href: String },
    /// `[[key]]` or `[[key|shown words]]`: a glossary term.
    Term { key: String, shown: String },
}

impl Inline {
    /// The words as read, without formatting.
    pub fn plain(parts: &[Inline]) -> String {
        parts
            .iter()
            .map(|p| match p {
                Inline::Text(t) | Inline::Strong(t) | Inline::Em(t) => t.as_str(),
                Inline::Link { text, .. } => text.as_str(),
                Inline::Term { shown, .. } => shown.as_str(),
            })
            .collect()
    }
}

/// The three kinds of callout box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalloutKind {
    /// `:::tip`
    Tip,
    /// `:::warning`
    Warning,
    /// `:::scam` — a scam alert.
    Scam,
}

/// One block of a lesson body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// `#` (level 1) or `##` (level 2) heading.
    Heading { level: u8, text: Vec<Inline> },
    /// A paragraph.
    Para(Vec<Inline>),
    /// A bullet (`- `) or numbered (`1. `) list.
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// `![alt](img/file.svg)`: a picture from `assets/`.
    Image {
        src: String,
        alt: String,
        line: usize,
    },
    /// `:::tip` / `:::warning` / `:::scam` box holding paragraphs and lists.
    Callout {
        kind: CalloutKind,
        blocks: Vec<Block>,
    },
    /// `::walkthrough ID label`: a button that starts a walkthrough.
    Walkthrough {
        id: String,
        label: String,
        line: usize,
    },
}

/// The six question types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuestionKind {
    /// One correct option.
    Single,
    /// Choose all correct options.
    Multiple,
    /// Đúng / Sai.
    TrueFalse,
    /// Put the steps in order.
    Order,
    /// Match term to meaning.
    Match,
    /// A situation (quoted message) and one correct reaction.
    Scenario,
}

impl QuestionKind {
    /// Every kind, in the order the content report lists them.
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::Single,
        QuestionKind::Multiple,
        QuestionKind::TrueFalse,
        QuestionKind::Order,
        QuestionKind::Match,
        QuestionKind::Scenario,
    ];

    /// The word used in lesson files.
    pub fn keyword(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "truefalse",
            QuestionKind::Order => "order",
            QuestionKind::Match => "match",
            QuestionKind::Scenario => "scenario",
        }
    }

    fn from_keyword(word: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|k| k.keyword() == word)
    }
}

/// One option of a question (for `order` a step, for `match` a term and its meaning).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizOption {
    /// What the student sees (the term, for `match`).
    pub text: Vec<Inline>,
    /// Marked `[x]` (choice questions only).
    pub correct: bool,
    /// The meaning, for `match` questions.
    pub meaning: Option<String>,
    /// Shown after answering.
    pub explanation: Vec<Inline>,
}

/// A quiz question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Unique in the lesson and equal across languages.
    pub id: String,
    /// Its type.
    pub kind: QuestionKind,
    /// The line of `:::question` in the file.
    pub line: usize,
    /// The `>` lines of a scenario: the message the student faces.
    pub situation: Vec<String>,
    /// The question text.
    pub prompt: Vec<Inline>,
    /// Options, steps in the right order, or term/meaning pairs.
    pub options: Vec<QuizOption>,
}

/// Front matter.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Meta {
    /// Stable id, equal across languages.
    pub id: String,
    /// Position in the course.
    pub order: u32,
    /// Title.
    pub title: String,
    /// One-line summary.
    pub summary: String,
    /// Minutes a student needs.
    pub minutes: u32,
    /// Counts toward module completion.
    pub required: bool,
    /// When the facts were last checked against the sources (`checked:`), and those sources.
    pub provenance: Provenance,
}

/// One `source: title | https://…` line of the front matter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Source {
    /// What the student reads, e.g. the page's title and publisher.
    pub title: String,
    /// The page's address (`http://` or `https://`).
    pub url: String,
}

/// Where a lesson's or walkthrough's facts come from and when they were last checked. Every
/// file must have both: the student sees them at the end of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    /// `checked: YYYY-MM-DD`, as written.
    pub checked: String,
    /// `source:` lines, in file order.
    pub sources: Vec<Source>,
}

impl Provenance {
    /// The `checked:` date as `dd/mm/yyyy`, the way the app writes dates.
    pub fn checked_dmy(&self) -> String {
        let mut parts = self.checked.split('-');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d)) => format!("{d}/{m}/{y}"),
            _ => self.checked.clone(),
        }
    }
}

/// Reads `checked:` and the `source:` lines of a front matter (lessons and walkthroughs alike);
/// `Ok(false)` for a key that is neither. The course checks ([`provenance_missing`]) refuse a
/// file without them; parsing alone does not, so small test documents stay small.
pub fn provenance_line(prov: &mut Provenance, f: &FrontLine<'_>) -> Result<bool, (usize, String)> {
    match f.key {
        "checked" => {
            let ok = f.value.len() == 10
                && f.value.char_indices().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        c == '-'
                    } else {
                        c.is_ascii_digit()
                    }
                })
                && {
                    let m: u32 = f.value[5..7].parse().unwrap_or(0);
                    let d: u32 = f.value[8..10].parse().unwrap_or(0);
                    (1..=12).contains(&m) && (1..=31).contains(&d)
                };
            if !ok {
                return Err((
                    f.n,
                    format!(
                        "`checked` must be the date the facts were checked, YYYY-MM-DD, found `{}`",
                        f.value
                    ),
                ));
            }
            prov.checked = f.value.to_string();
            Ok(true)
        }
        "source" => {
            let (title, url) = f
                .value
                .rsplit_once('|')
                .map(|(t, u)| (t.trim(), u.trim()))
                .unwrap_or(("", f.value));
            if title.is_empty()
                || !(url.starts_with("https://") || url.starts_with("http://"))
                || url.contains(char::is_whitespace)
            {
                return Err((
                    f.n,
                    format!(
                        "`source` must be `title | https://address`, found `{}`",
                        f.value
                    ),
                ));
            }
            prov.sources.push(Source {
                title: title.to_string(),
                url: url.to_string(),
            });
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// After the front matter: the reason a file without `checked:` or sources is refused.
pub fn provenance_missing(prov: &Provenance) -> Option<String> {
    if prov.checked.is_empty() {
        return Some(
            "front matter is missing `checked: YYYY-MM-DD` (the date the facts were last checked against the sources)"
                .into(),
        );
    }
    if prov.sources.is_empty() {
        return Some(
            "front matter has no `source: title | https://address`: name where the facts come from"
                .into(),
        );
    }
    None
}

/// One parsed lesson file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonDoc {
    /// File name, e.g. `03-vneid.vi.md`.
    pub file: String,
    /// Language from the file name.
    pub lang: Lang,
    /// Front matter.
    pub meta: Meta,
    /// Body.
    pub blocks: Vec<Block>,
    /// Quiz.
    pub questions: Vec<Question>,
}

impl LessonDoc {
    /// Walkthrough ids this lesson links to, in order of appearance.
    pub fn walkthrough_links(&self) -> Vec<String> {
        fn walk(blocks: &[Block], out: &mut Vec<String>) {
            for b in blocks {
                match b {
                    Block::Walkthrough { id, .. } => out.push(id.clone()),
                    Block::Callout { blocks, .. } => walk(blocks, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.blocks, &mut out);
        out
    }
}

/// A problem in a content file, with the place to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// File name relative to `lessons/`.
    pub file: String,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong, in words an author can act on.
    pub reason: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "lessons/{}: {}", self.file, self.reason)
        } else {
            write!(f, "lessons/{}:{}: {}", self.file, self.line, self.reason)
        }
    }
}

impl std::error::Error for ContentError {}

/// Splits `03-vneid.vi.md` into its language; `None` if the name does not follow the pattern.
pub fn lang_of_file(file: &str) -> Option<Lang> {
    let stem = file.strip_suffix(".md")?;
    let (_, code) = stem.rsplit_once('.')?;
    Lang::from_code(code)
}

/// Parses inline markup: `**bold**`, `*em*`, `[text](href)`, `[[term]]`, `[[term|shown]]`.
/// Unclosed markers are kept as plain text.
pub fn parse_inline(src: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = src;
    let flush = |text: &mut String, out: &mut Vec<Inline>| {
        if !text.is_empty() {
            out.push(Inline::Text(std::mem::take(text)));
        }
    };
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("[[")
            && let Some(end) = after.find("]]")
        {
            let inner = &after[..end];
            let (key, shown) = match inner.split_once('|') {
                Some((k, s)) => (k.trim(), s.trim()),
                None => (inner.trim(), inner.trim()),
            };
            flush(&mut text, &mut out);
            out.push(Inline::Term {
                key: key.to_string(),
                shown: shown.to_string(),
            });
            rest = &after[end + 2..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("**")
            && let Some(end) = after.find("**")
            && end > 0
        {
            flush(&mut text, &mut out);
            out.push(Inline::Strong(after[..end].to_string()));
            rest = &after[end + 2..];
            continue;
        }
        if let Some(after) = rest.strip_prefix('*')
            && !after.starts_with(' ')
            && let Some(end) = after.find('*')
            && end > 0
        {
            flush(&mut text, &mut out);
            out.push(Inline::Em(after[..end].to_string()));
            rest = &after[end + 1..];
            continue;
        }
        if let Some(after) = rest.strip_prefix('[')
            && let Some(close) = after.find("](")
            && let Some(end) = after[close + 2..].find(')')
        {
            flush(&mut text, &mut out);
            out.push(Inline::Link {
                text: after[..close].to_string(),
                href: after[close + 2..close + 2 + end].to_string(),
            });
            rest = &after[close + 2 + end + 1..];
            continue;
        }
        text.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut text, &mut out);
    out
}

/// Every inline run of a lesson (body, callouts, quiz), for checks such as glossary look-ups.
pub fn all_inlines(doc: &LessonDoc) -> Vec<(&Inline, usize)> {
    fn blocks<'a>(bs: &'a [Block], out: &mut Vec<(&'a Inline, usize)>) {
        for b in bs {
            match b {
                Block::Heading { text, .. } | Block::Para(text) => {
                    out.extend(text.iter().map(|i| (i, 0)))
                }
                Block::List { items, .. } => out.extend(items.iter().flatten().map(|i| (i, 0))),
                Block::Callout { blocks: inner, .. } => blocks(inner, out),
                Block::Image { .. } | Block::Walkthrough { .. } => {}
            }
        }
    }
    let mut out = Vec::new();
    blocks(&doc.blocks, &mut out);
    for q in &doc.questions {
        out.extend(q.prompt.iter().map(|i| (i, q.line)));
        for o in &q.options {
            out.extend(o.text.iter().map(|i| (i, q.line)));
            out.extend(o.explanation.iter().map(|i| (i, q.line)));
        }
    }
    out
}

struct Cursor<'a> {
    lines: Vec<&'a str>,
    pos: usize,
    file: &'a str,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<&'a str> {
        self.lines.get(self.pos).copied()
    }
    fn line_no(&self) -> usize {
        self.pos + 1
    }
    fn err(&self, line: usize, reason: impl Into<String>) -> ContentError {
        ContentError {
            file: self.file.to_string(),
            line,
            reason: reason.into(),
        }
    }
}

/// Parses one lesson file. `file` is its name (e.g. `03-vneid.vi.md`), used in errors and to
/// find its language.
pub fn parse_lesson(file: &str, src: &str) -> Result<LessonDoc, ContentError> {
    let lang = lang_of_file(file).ok_or_else(|| ContentError {
        file: file.to_string(),
        line: 0,
        reason: "the file name must end in .vi.md or .en.md".into(),
    })?;
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut cur = Cursor {
        lines: src.lines().collect(),
        pos: 0,
        file,
    };
    let meta = parse_front_matter(&mut cur)?;
    let mut blocks = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    while let Some(line) = cur.peek() {
        let t = line.trim_end();
        if t.trim().is_empty() {
            cur.pos += 1;
            continue;
        }
        if let Some(head) = t.strip_prefix(":::question") {
            let q = parse_question(&mut cur, head)?;
            if questions.iter().any(|p| p.id == q.id) {
                return Err(cur.err(q.line, format!("question id `{}` is used twice", q.id)));
            }
            questions.push(q);
            continue;
        }
        if !questions.is_empty() {
            return Err(cur.err(
                cur.line_no(),
                "lesson text after the quiz: put every `:::question` box at the end of the file",
            ));
        }
        blocks.push(parse_block(&mut cur, false)?);
    }
    Ok(LessonDoc {
        file: file.to_string(),
        lang,
        meta,
        blocks,
        questions,
    })
}

/// One `key: value` line of a file's front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontLine<'a> {
    /// 1-based line number.
    pub n: usize,
    /// The key, trimmed.
    pub key: &'a str,
    /// The value, trimmed.
    pub value: &'a str,
}

/// Reads the front matter between a first line `---` and the next `---` (lessons and
/// walkthroughs share the format): every `key: value` line, each key at most once (`source` may repeat). Returns
/// the lines and the index of the first line after the closing `---`; an error is the line
/// number and the reason.
pub fn front_matter<'a>(lines: &[&'a str]) -> Result<(Vec<FrontLine<'a>>, usize), (usize, String)> {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return Err((
            1,
            "the file must start with front matter: a line `---`".into(),
        ));
    }
    let mut out: Vec<FrontLine<'a>> = Vec::new();
    let mut pos = 1;
    loop {
        let Some(line) = lines.get(pos) else {
            return Err((1, "the front matter is not closed with a line `---`".into()));
        };
        let n = pos + 1;
        pos += 1;
        let line = line.trim();
        if line == "---" {
            return Ok((out, pos));
        }
        if line.is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err((
                n,
                format!("expected `key: value` in front matter, found `{line}`"),
            ));
        };
        let (key, value) = (key.trim(), value.trim());
        // `source` is the one key that repeats: a file usually has several.
        if key != "source" && out.iter().any(|f| f.key == key) {
            return Err((n, format!("`{key}` is given twice")));
        }
        out.push(FrontLine { n, key, value });
    }
}

/// A front-matter value that must be a whole number.
pub fn front_number(f: &FrontLine<'_>) -> Result<u32, (usize, String)> {
    f.value.parse::<u32>().map_err(|_| {
        (
            f.n,
            format!("`{}` must be a whole number, found `{}`", f.key, f.value),
        )
    })
}

fn parse_front_matter(cur: &mut Cursor<'_>) -> Result<Meta, ContentError> {
    let (fields, next) = front_matter(&cur.lines).map_err(|(n, r)| cur.err(n, r))?;
    cur.pos = next;
    let mut meta = Meta {
        required: true,
        ..Meta::default()
    };
    for f in &fields {
        let (n, value) = (f.n, f.value);
        let number = || front_number(f).map_err(|(n, r)| cur.err(n, r));
        if provenance_line(&mut meta.provenance, f).map_err(|(n, r)| cur.err(n, r))? {
            continue;
        }
        match f.key {
            "id" => {
                if value.is_empty()
                    || !value
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                {
                    return Err(cur.err(
                        n,
                        format!("`id` must use a-z, 0-9 and `-` only, found `{value}`"),
                    ));
                }
                meta.id = value.to_string();
            }
            "order" => meta.order = number()?,
            "minutes" => meta.minutes = number()?,
            "title" => meta.title = value.to_string(),
            "summary" => meta.summary = value.to_string(),
            "required" => {
                meta.required = match value {
                    "yes" | "true" => true,
                    "no" | "false" => false,
                    _ => return Err(cur.err(n, "`required` must be `yes` or `no`")),
                }
            }
            other => return Err(cur.err(n, format!("unknown front-matter key `{other}`"))),
        }
    }
    for needed in ["id", "order", "title", "summary", "minutes"] {
        if !fields.iter().any(|f| f.key == needed) {
            return Err(cur.err(1, format!("front matter is missing `{needed}`")));
        }
    }
    Ok(meta)
}

fn list_item(line: &str) -> Option<(bool, &str)> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("- ") {
        return Some((false, rest));
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        return t[digits..].strip_prefix(". ").map(|rest| (true, rest));
    }
    None
}

fn parse_block(cur: &mut Cursor<'_>, in_callout: bool) -> Result<Block, ContentError> {
    let n = cur.line_no();
    let line = cur.peek().unwrap_or_default().trim();
    if let Some(rest) = line.strip_prefix("## ") {
        cur.pos += 1;
        return Ok(Block::Heading {
            level: 2,
            text: parse_inline(rest.trim()),
        });
    }
    if let Some(rest) = line.strip_prefix("# ") {
        cur.pos += 1;
        return Ok(Block::Heading {
            level: 1,
            text: parse_inline(rest.trim()),
        });
    }
    if line.starts_with("#") {
        return Err(cur.err(n, "only `# ` and `## ` headings are allowed"));
    }
    if let Some(rest) = line.strip_prefix("::walkthrough") {
        if in_callout {
            return Err(cur.err(n, "a walkthrough button cannot be inside a box"));
        }
        cur.pos += 1;
        let rest = rest.trim();
        let (id, label) = rest.split_once(' ').unwrap_or((rest, ""));
        if id.is_empty() || label.trim().is_empty() {
            return Err(cur.err(n, "write `::walkthrough ID button text`"));
        }
        return Ok(Block::Walkthrough {
            id: id.to_string(),
            label: label.trim().to_string(),
            line: n,
        });
    }
    if let Some(kind) = line.strip_prefix(":::") {
        if in_callout {
            return Err(cur.err(n, "a box cannot be opened inside another box"));
        }
        let kind = match kind.trim() {
            "tip" => CalloutKind::Tip,
            "warning" => CalloutKind::Warning,
            "scam" => CalloutKind::Scam,
            "" => return Err(cur.err(n, "`:::` closes a box that was never opened")),
            other => {
                return Err(cur.err(
                    n,
                    format!("unknown block type `:::{other}` (use tip, warning, scam or question)"),
                ));
            }
        };
        cur.pos += 1;
        let mut blocks = Vec::new();
        loop {
            match cur.peek().map(str::trim) {
                None => return Err(cur.err(n, "this box is never closed with `:::`")),
                Some(":::") => {
                    cur.pos += 1;
                    break;
                }
                Some("") => cur.pos += 1,
                Some(_) => blocks.push(parse_block(cur, true)?),
            }
        }
        if blocks.is_empty() {
            return Err(cur.err(n, "this box is empty"));
        }
        return Ok(Block::Callout { kind, blocks });
    }
    if let Some(rest) = line.strip_prefix("![") {
        let parsed = rest
            .split_once("](")
            .and_then(|(alt, tail)| tail.strip_suffix(')').map(|src| (alt, src)));
        let Some((alt, src)) = parsed else {
            return Err(cur.err(n, "write a picture as `![description](img/file.svg)`"));
        };
        if alt.trim().is_empty() {
            return Err(cur.err(n, "a picture needs a description between `![` and `]`"));
        }
        cur.pos += 1;
        return Ok(Block::Image {
            src: src.trim().to_string(),
            alt: alt.trim().to_string(),
            line: n,
        });
    }
    if let Some((ordered, _)) = list_item(line) {
        let mut items: Vec<Vec<Inline>> = Vec::new();
        let mut current = String::new();
        while let Some(l) = cur.peek() {
            let t = l.trim();
            if t.is_empty() || t.starts_with(":::") {
                break;
            }
            match list_item(l) {
                Some((o, rest)) if o == ordered => {
                    if !current.is_empty() {
                        items.push(parse_inline(&current));
                    }
                    current = rest.trim().to_string();
                }
                Some(_) => {
                    return Err(
                        cur.err(cur.line_no(), "do not mix `- ` and `1. ` items in one list")
                    );
                }
                None => {
                    current.push(' ');
                    current.push_str(t);
                }
            }
            cur.pos += 1;
        }
        items.push(parse_inline(&current));
        return Ok(Block::List { ordered, items });
    }
    let mut text = String::new();
    while let Some(l) = cur.peek() {
        let t = l.trim();
        if t.is_empty()
            || t.starts_with(":::")
            || t.starts_with('#')
            || t.starts_with("![")
            || t.starts_with("::walkthrough")
            || list_item(l).is_some()
        {
            break;
        }
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(t);
        cur.pos += 1;
    }
    Ok(Block::Para(parse_inline(&text)))
}

fn parse_question(cur: &mut Cursor<'_>, head: &str) -> Result<Question, ContentError> {
    let start = cur.line_no();
    let mut words = head.split_whitespace();
    let (Some(kind_word), Some(id), None) = (words.next(), words.next(), words.next()) else {
        return Err(cur.err(
            start,
            "write `:::question TYPE ID`, e.g. `:::question single q1`",
        ));
    };
    let Some(kind) = QuestionKind::from_keyword(kind_word) else {
        return Err(cur.err(
            start,
            format!(
                "unknown question type `{kind_word}` (use single, multiple, truefalse, order, match or scenario)"
            ),
        ));
    };
    cur.pos += 1;
    let mut situation = Vec::new();
    let mut prompt = String::new();
    let mut options: Vec<QuizOption> = Vec::new();
    let mut option_lines: Vec<usize> = Vec::new();
    loop {
        let Some(raw) = cur.peek() else {
            return Err(cur.err(start, "this question is never closed with `:::`"));
        };
        let n = cur.line_no();
        cur.pos += 1;
        let t = raw.trim();
        if t == ":::" {
            break;
        }
        if t.is_empty() {
            continue;
        }
        if t.starts_with(":::") {
            return Err(cur.err(
                n,
                "a new box starts before this question is closed with `:::`",
            ));
        }
        if let Some(expl) = t.strip_prefix("= ").or_else(|| t.strip_prefix('=')) {
            let Some(last) = options.last_mut() else {
                return Err(cur.err(n, "an explanation `=` must follow an option"));
            };
            if !last.explanation.is_empty() {
                return Err(cur.err(n, "this option already has an explanation"));
            }
            last.explanation = parse_inline(expl.trim());
            continue;
        }
        if let Some(q) = t.strip_prefix('>') {
            if !options.is_empty() || !prompt.is_empty() {
                return Err(cur.err(
                    n,
                    "the `>` situation lines must come before the question text",
                ));
            }
            situation.push(q.trim().to_string());
            continue;
        }
        let option = match kind {
            QuestionKind::Order => list_item(t)
                .filter(|(ordered, _)| *ordered)
                .map(|(_, rest)| (false, rest.to_string(), None)),
            QuestionKind::Match => match t.strip_prefix("- ") {
                Some(rest) => {
                    let Some((term, meaning)) = rest.split_once("=>") else {
                        return Err(cur.err(n, "a match pair is written `- term => meaning`"));
                    };
                    Some((
                        false,
                        term.trim().to_string(),
                        Some(meaning.trim().to_string()),
                    ))
                }
                None => None,
            },
            _ => {
                if let Some(rest) = t.strip_prefix("- [x]").or_else(|| t.strip_prefix("- [X]")) {
                    Some((true, rest.trim().to_string(), None))
                } else if let Some(rest) = t.strip_prefix("- [ ]") {
                    Some((false, rest.trim().to_string(), None))
                } else if t.starts_with("- ") {
                    return Err(cur.err(
                        n,
                        "an option starts with `- [x]` (correct) or `- [ ]` (wrong)",
                    ));
                } else {
                    None
                }
            }
        };
        match option {
            Some((correct, text, meaning)) => {
                if text.is_empty() {
                    return Err(cur.err(n, "this option has no text"));
                }
                options.push(QuizOption {
                    text: parse_inline(&text),
                    correct,
                    meaning,
                    explanation: Vec::new(),
                });
                option_lines.push(n);
            }
            None => {
                if !options.is_empty() {
                    return Err(cur.err(n, "question text must come before the options"));
                }
                if !prompt.is_empty() {
                    prompt.push(' ');
                }
                prompt.push_str(t);
            }
        }
    }
    let q = Question {
        id: id.to_string(),
        kind,
        line: start,
        situation,
        prompt: parse_inline(&prompt),
        options,
    };
    check_question(cur, &q, &option_lines)?;
    Ok(q)
}

fn check_question(
    cur: &Cursor<'_>,
    q: &Question,
    option_lines: &[usize],
) -> Result<(), ContentError> {
    let at = q.line;
    let id = &q.id;
    if q.prompt.is_empty() {
        return Err(cur.err(at, format!("question `{id}` has no question text")));
    }
    if let Some(i) = q.options.iter().position(|o| o.explanation.is_empty()) {
        return Err(cur.err(
            option_lines[i],
            format!(
                "option {} of question `{id}` has no explanation line starting with `=`",
                i + 1
            ),
        ));
    }
    let n = q.options.len();
    let correct = q.options.iter().filter(|o| o.correct).count();
    let problem = match q.kind {
        QuestionKind::Single | QuestionKind::Scenario if n < 2 => {
            Some("needs at least two options".to_string())
        }
        QuestionKind::Single | QuestionKind::Scenario if correct != 1 => Some(format!(
            "must have exactly one correct option `[x]`, has {correct}"
        )),
        QuestionKind::Multiple if correct < 2 || correct == n => Some(format!(
            "(choose all correct answers) needs at least two `[x]` and one `[ ]`, has {correct} of {n} marked correct"
        )),
        QuestionKind::TrueFalse if n != 2 || correct != 1 => Some(format!(
            "(true/false) needs exactly two options with one `[x]`, has {n} options and {correct} marked correct"
        )),
        QuestionKind::Order | QuestionKind::Match if n < 3 => {
            Some(format!("needs at least three items, has {n}"))
        }
        _ => None,
    };
    if q.kind == QuestionKind::Scenario && q.situation.is_empty() {
        return Err(cur.err(
            at,
            format!("scenario question `{id}` needs `>` lines describing the situation"),
        ));
    }
    if q.kind == QuestionKind::Match {
        let mut meanings: Vec<&str> = q
            .options
            .iter()
            .filter_map(|o| o.meaning.as_deref())
            .collect();
        meanings.sort_unstable();
        meanings.dedup();
        if meanings.len() != n {
            return Err(cur.err(
                at,
                format!("match question `{id}` has two terms with the same meaning"),
            ));
        }
    }
    match problem {
        Some(p) => Err(cur.err(at, format!("question `{id}` {p}"))),
        None => Ok(()),
    }
}

/// Parses a glossary file: one `Term: definition` per line. Returns `(term, definition)` pairs.
pub fn parse_glossary(file: &str, src: &str) -> Result<Vec<(String, String)>, ContentError> {
    let mut out: Vec<(String, String)> = Vec::new();
    for (i, line) in src
        .strip_prefix('\u{feff}')
        .unwrap_or(src)
        .lines()
        .enumerate()
    {
        let t = line.trim();
        if t.is_empty() || t.starts_with("<!--") {
            continue;
        }
        let err = |reason: String| ContentError {
            file: file.to_string(),
            line: i + 1,
            reason,
        };
        let Some((term, def)) = t.split_once(':') else {
            return Err(err("write each glossary entry as `Term: definition`".into()));
        };
        let (term, def) = (term.trim().trim_start_matches("- "), def.trim());
        if term.is_empty() || def.is_empty() {
            return Err(err("a glossary entry needs a term and a definition".into()));
        }
        if out
            .iter()
            .any(|(t, _)| t.to_lowercase() == term.to_lowercase())
        {
            return Err(err(format!("the term `{term}` is defined twice")));
        }
        out.push((term.to_string(), def.to_string()));
    }
    Ok(out)
}

#[cfg(test)]
#[path = "syntax_tests.rs"]
mod tests;
