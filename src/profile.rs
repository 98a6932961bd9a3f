//! Students sharing one browser: who they are, the optional PIN, the list of profiles on this
//! PC and the idle sign-out setting. Browser-free; `state` stores it through `platform`.
//!
//! The student's details travel inside their progress record ([`crate::progress::Record`]),
//! so one profile is one key and a record exported to a phone still says whose it is. The
//! index keeps a copy of every student's details (for the picker, and so a profile whose
//! record was damaged comes back under the right name) and remembers who is signed in.

use crate::sha256;
use crate::text;
use serde::{Deserialize, Serialize};

/// Minutes without a click or key press before a profile is signed out.
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

/// Rounds of hashing for a PIN: slows down guessing a little without a visible delay.
const PIN_ROUNDS: usize = 500;

/// Who a profile belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Student {
    /// Random id made when the profile is created; the same on every device it travels to.
    pub id: String,
    /// Full name as typed, with diacritics.
    pub name: String,
    /// Class, upper-cased ("10A1").
    pub class: String,
    /// School.
    #[serde(default)]
    pub school: String,
    /// Student code from the school's roster, if the student knows it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub code: String,
    /// `salt$hash` of the PIN, never the PIN itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
    /// Created (Unix seconds).
    #[serde(default)]
    pub created: i64,
}

impl Student {
    /// Whether the search text matches the name, class or code (diacritics optional).
    pub fn matches(&self, query: &str) -> bool {
        let q = text::loose(query);
        q.is_empty()
            || [&self.name, &self.class, &self.code]
                .iter()
                .any(|f| text::loose(f).contains(&q))
    }

    /// Whether `pin` opens this profile (always true without a PIN).
    pub fn pin_ok(&self, pin: &str) -> bool {
        self.pin
            .as_deref()
            .is_none_or(|stored| pin_opens(stored, pin))
    }
}

/// Whether `pin` matches a PIN stored as `salt$hash` (a damaged value matches nothing).
pub fn pin_opens(stored: &str, pin: &str) -> bool {
    match stored.split_once('$') {
        Some((salt, hash)) => hash_pin(salt, pin.trim()) == hash,
        None => false,
    }
}

/// Why a new teacher PIN was not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeacherPinProblem {
    /// Not 4 to 8 digits.
    Format,
    /// The two entries differ.
    Mismatch,
}

/// Checks a new teacher PIN typed twice (4 to 8 digits, both the same) and returns it trimmed.
pub fn new_teacher_pin(pin: &str, again: &str) -> Result<String, TeacherPinProblem> {
    let pin = pin.trim();
    if !(4..=8).contains(&pin.len()) || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(TeacherPinProblem::Format);
    }
    if again.trim() != pin {
        return Err(TeacherPinProblem::Mismatch);
    }
    Ok(pin.to_string())
}

/// The salted, iterated hash of a PIN.
fn hash_pin(salt: &str, pin: &str) -> String {
    let mut h = sha256::digest(format!("dvclab-pin:{salt}:{pin}").as_bytes());
    for _ in 1..PIN_ROUNDS {
        h = sha256::digest(&h);
    }
    h[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Stores a PIN as `salt$hash` with a salt drawn from `entropy`.
pub fn protect_pin(pin: &str, entropy: u64) -> String {
    let salt = format!("{:08x}", (entropy ^ (entropy >> 29)) as u32);
    format!("{salt}${}", hash_pin(&salt, pin))
}

/// A recovery code for the teacher PIN, from a random number: 12 digits in groups of four
/// ("4821-9035-7712"), shown once when the PIN is set and kept only as a hash.
pub fn recovery_code(random: u64) -> String {
    let s = format!("{:012}", random % 1_000_000_000_000);
    format!("{}-{}-{}", &s[0..4], &s[4..8], &s[8..12])
}

/// The digits of a recovery code as typed (spaces, dashes and dots ignored): what is hashed
/// and compared.
pub fn recovery_digits(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_digit).collect()
}

/// How long the teacher lock refuses another try after `fails` wrong PINs in a row: none for
/// the first three (a typo), then 5 s, doubling up to 5 minutes — so guessing a 4-digit PIN
/// takes days, while a teacher who mistypes waits seconds.
pub fn pin_wait_secs(fails: u32) -> i64 {
    match fails {
        0..=2 => 0,
        n => (5_i64 << (n - 3).min(6)).min(300),
    }
}

/// A new profile id (10 hex characters) from `entropy` and the name.
pub fn new_id(entropy: u64, name: &str) -> String {
    sha256::hex(format!("{entropy}:{name}").as_bytes(), 5)
}

/// The list of profiles on this browser, who is signed in, and the idle setting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    /// Schema version of the index.
    pub v: u32,
    /// Every profile's details, oldest first (the records hold the authoritative copy).
    #[serde(default)]
    pub people: Vec<Student>,
    /// The signed-in profile.
    #[serde(default)]
    pub current: Option<String>,
    /// Idle minutes before sign-out; 0 means never.
    #[serde(default = "default_idle")]
    pub idle_min: u32,
    /// Last activity of the signed-in student (Unix seconds), so a reload after a long pause
    /// does not reopen their profile.
    #[serde(default)]
    pub active: i64,
    /// The school typed last, offered to the next student on this PC.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub school: String,
}

fn default_idle() -> u32 {
    DEFAULT_IDLE_MINUTES
}

/// The index's schema version.
pub const INDEX_VERSION: u32 = 1;

impl Default for Index {
    fn default() -> Self {
        Index {
            v: INDEX_VERSION,
            people: Vec::new(),
            current: None,
            idle_min: DEFAULT_IDLE_MINUTES,
            active: 0,
            school: String::new(),
        }
    }
}

impl Index {
    /// The copy of one student's details, if listed.
    pub fn get(&self, id: &str) -> Option<&Student> {
        self.people.iter().find(|s| s.id == id)
    }

    /// Adds or updates one student's details.
    pub fn reconcile_one(&mut self, student: &Student) {
        match self.people.iter_mut().find(|p| p.id == student.id) {
            Some(p) => *p = student.clone(),
            None => self.people.push(student.clone()),
        }
    }

    /// Makes the list match the students stored: details from the records win, students the
    /// index did not list (a rebuilt index, a failed index write) are added at the end, and
    /// those no longer stored are dropped, signed-in one included.
    pub fn reconcile(&mut self, stored: &[Student]) {
        for s in stored {
            self.reconcile_one(s);
        }
        self.people.retain(|p| stored.iter().any(|s| s.id == p.id));
        if self.current.as_ref().is_some_and(|c| self.get(c).is_none()) {
            self.current = None;
        }
    }

    /// Whether the signed-in student has been idle too long at `now`.
    pub fn idle_expired(&self, now: i64) -> bool {
        self.current.is_some()
            && self.idle_min > 0
            && now - self.active >= self.idle_min as i64 * 60
    }
}

/// A field of the new-profile form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Class,
    School,
    Code,
    Pin,
    PinAgain,
}

/// What is wrong with a field; the UI words each one in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing typed in a required field.
    Empty,
    /// Only one word: the teacher needs the full name to find the student on the roster.
    NameNotFull,
    /// Digits or symbols in a name.
    NameCharacters,
    /// Not a high-school class like 10A1, 11B2, 12C.
    ClassFormat,
    /// A student code with characters other than letters and digits, or too long.
    CodeFormat,
    /// A PIN that is not exactly four digits.
    PinFormat,
    /// The two PINs differ.
    PinMismatch,
    /// Someone with this name and class already has a profile here.
    Duplicate,
    /// Longer than the field allows.
    TooLong,
}

/// Every field with a problem, in form order.
pub type Problems = Vec<(Field, Problem)>;

/// What a student typed in the new-profile form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub name: String,
    pub class: String,
    pub school: String,
    pub code: String,
    pub pin: String,
    pub pin_again: String,
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Draft {
    /// Checks every field; on success returns the student (without id, PIN hash or time,
    /// which the caller adds) and the PIN to protect, if any.
    pub fn validate(&self, existing: &[Student]) -> Result<(Student, Option<String>), Problems> {
        let mut errs = Vec::new();
        let name = squash(&self.name);
        if name.is_empty() {
            errs.push((Field::Name, Problem::Empty));
        } else if name.chars().count() > 60 {
            errs.push((Field::Name, Problem::TooLong));
        } else if name.chars().any(|c| {
            !(c.is_alphabetic()
                || c == ' '
                || c == '-'
                || c == '\''
                || ('\u{300}'..='\u{36f}').contains(&c))
        }) {
            errs.push((Field::Name, Problem::NameCharacters));
        } else if name.split(' ').count() < 2 {
            errs.push((Field::Name, Problem::NameNotFull));
        }
        let class: String = self
            .class
            .split_whitespace()
            .collect::<String>()
            .to_uppercase();
        if class.is_empty() {
            errs.push((Field::Class, Problem::Empty));
        } else if !valid_class(&class) {
            errs.push((Field::Class, Problem::ClassFormat));
        }
        let school = squash(&self.school);
        if school.is_empty() {
            errs.push((Field::School, Problem::Empty));
        } else if school.chars().count() > SCHOOL_MAX {
            errs.push((Field::School, Problem::TooLong));
        }
        let code = self.code.trim().to_uppercase();
        if code.chars().count() > 20 || !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            errs.push((Field::Code, Problem::CodeFormat));
        }
        let pin = self.pin.trim();
        if !pin.is_empty() && (pin.len() != 4 || !pin.chars().all(|c| c.is_ascii_digit())) {
            errs.push((Field::Pin, Problem::PinFormat));
        } else if !pin.is_empty() && self.pin_again.trim() != pin {
            errs.push((Field::PinAgain, Problem::PinMismatch));
        }
        if errs.is_empty()
            && existing
                .iter()
                .any(|s| text::key(&s.name) == text::key(&name) && s.class == class)
        {
            errs.push((Field::Name, Problem::Duplicate));
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        let student = Student {
            name,
            class,
            school,
            code,
            ..Student::default()
        };
        Ok((student, (!pin.is_empty()).then(|| pin.to_string())))
    }
}

/// The longest school name a profile (or this PC's setting) takes.
pub const SCHOOL_MAX: usize = 80;

/// The school a teacher sets for a lab PC ("Trường của máy này"), cleaned up: spaces squashed,
/// and no `"` or `\` (stored as a plain JSON string, see `platform::read_word`). Empty means
/// "not set". Too long: [`Problem::TooLong`].
pub fn pc_school(typed: &str) -> Result<String, Problem> {
    let school = squash(&typed.replace(['"', '\\'], " "));
    if school.chars().count() > SCHOOL_MAX {
        Err(Problem::TooLong)
    } else {
        Ok(school)
    }
}

/// A high-school class: grade 10, 11 or 12 followed by up to five letters or digits.
fn valid_class(c: &str) -> bool {
    let rest = c
        .strip_prefix("10")
        .or_else(|| c.strip_prefix("11"))
        .or_else(|| c.strip_prefix("12"));
    matches!(rest, Some(r) if !r.is_empty() && r.chars().count() <= 5 && r.chars().all(|x| x.is_alphanumeric() || x == '.' || x == '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, class: &str) -> Draft {
        Draft {
            name: name.into(),
            class: class.into(),
            school: "THPT Lê Quý Đôn".into(),
            ..Draft::default()
        }
    }

    #[test]
    fn a_good_form_is_cleaned_up() {
        let (s, pin) = draft("  Nguyễn   Thị Linh ", " 10a1 ")
            .validate(&[])
            .expect("valid");
        assert_eq!(
            (s.name.as_str(), s.class.as_str()),
            ("Nguyễn Thị Linh", "10A1")
        );
        assert_eq!(pin, None);
    }

    #[test]
    fn each_wrong_field_is_named_with_its_problem() {
        let mut d = draft("Linh", "9A");
        d.school = " ".into();
        d.code = "HS 01!".into();
        d.pin = "12a4".into();
        let errs = d.validate(&[]).unwrap_err();
        assert_eq!(
            errs,
            vec![
                (Field::Name, Problem::NameNotFull),
                (Field::Class, Problem::ClassFormat),
                (Field::School, Problem::Empty),
                (Field::Code, Problem::CodeFormat),
                (Field::Pin, Problem::PinFormat),
            ]
        );
        let mut d = draft("Trần Văn 2", "11B2");
        d.pin = "1234".into();
        d.pin_again = "1243".into();
        assert_eq!(
            d.validate(&[]).unwrap_err(),
            vec![
                (Field::Name, Problem::NameCharacters),
                (Field::PinAgain, Problem::PinMismatch)
            ]
        );
    }

    #[test]
    fn the_same_name_and_class_twice_is_refused_even_in_nfd() {
        let (mut s, _) = draft("Nguyễn Thị Linh", "10A1").validate(&[]).unwrap();
        s.id = "a".into();
        let again = draft("Nguye\u{302}\u{303}n Thi\u{323} Linh", "10a1").validate(&[s.clone()]);
        assert_eq!(again.unwrap_err(), vec![(Field::Name, Problem::Duplicate)]);
        assert!(
            draft("Nguyễn Thị Linh", "10A2").validate(&[s]).is_ok(),
            "another class is another student"
        );
    }

    #[test]
    fn a_teacher_pin_is_4_to_8_digits_typed_twice_and_stored_hashed() {
        assert_eq!(new_teacher_pin(" 2468 ", "2468"), Ok("2468".into()));
        assert_eq!(
            new_teacher_pin("12345678", "12345678"),
            Ok("12345678".into())
        );
        for bad in ["123", "123456789", "12a4", "", "１２３４"] {
            assert_eq!(
                new_teacher_pin(bad, bad),
                Err(TeacherPinProblem::Format),
                "{bad}"
            );
        }
        assert_eq!(
            new_teacher_pin("2468", "2486"),
            Err(TeacherPinProblem::Mismatch)
        );
        let stored = protect_pin("2468", 99);
        assert!(!stored.contains("2468"));
        assert!(pin_opens(&stored, "2468") && pin_opens(&stored, " 2468 "));
        assert!(!pin_opens(&stored, "2469") && !pin_opens("damaged", "2468"));
    }

    #[test]
    fn a_pin_is_stored_salted_and_checked() {
        let a = protect_pin("2468", 1);
        let b = protect_pin("2468", 2);
        assert!(!a.contains("2468") && a != b, "salted: {a} {b}");
        let mut s = Student {
            pin: Some(a),
            ..Student::default()
        };
        assert!(s.pin_ok("2468"));
        assert!(!s.pin_ok("2469"));
        s.pin = None;
        assert!(s.pin_ok(""), "no PIN, no question");
    }

    #[test]
    fn search_ignores_case_and_diacritics() {
        let s = Student {
            name: "Phạm Đức Anh".into(),
            class: "12C3".into(),
            ..Student::default()
        };
        assert!(s.matches("duc"));
        assert!(s.matches("12c"));
        assert!(s.matches(""));
        assert!(!s.matches("linh"));
    }

    #[test]
    fn the_index_follows_what_is_stored_and_expires_idle_students() {
        let who = |id: &str, name: &str| Student {
            id: id.into(),
            name: name.into(),
            ..Student::default()
        };
        let mut i = Index {
            people: vec![who("a", "Old name"), who("gone", "X")],
            current: Some("gone".into()),
            ..Index::default()
        };
        i.reconcile(&[who("b", "Bình"), who("a", "An")]);
        let names: Vec<&str> = i.people.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            vec!["An", "Bình"],
            "order kept, details from the records, newcomers last"
        );
        assert_eq!(i.current, None, "a deleted profile is not signed in");
        i.current = Some("a".into());
        i.active = 1000;
        assert!(!i.idle_expired(1000 + 14 * 60));
        assert!(i.idle_expired(1000 + 15 * 60));
        i.idle_min = 0;
        assert!(!i.idle_expired(1_000_000), "0 means never");
    }

    #[test]
    fn a_pcs_school_is_cleaned_up_and_may_be_empty() {
        assert_eq!(
            pc_school("  THPT   Trần Liễu "),
            Ok("THPT Trần Liễu".into())
        );
        assert_eq!(
            pc_school("THPT \"Nguyễn Huệ\"\\"),
            Ok("THPT Nguyễn Huệ".into()),
            "quotes and backslashes would not read back as a plain word"
        );
        assert_eq!(pc_school("   "), Ok(String::new()), "empty: not set");
        assert_eq!(
            pc_school(&"a".repeat(SCHOOL_MAX)).map(|s| s.len()),
            Ok(SCHOOL_MAX)
        );
        assert_eq!(
            pc_school(&"ạ".repeat(SCHOOL_MAX + 1)),
            Err(Problem::TooLong)
        );
        let d = Draft {
            name: "Nguyễn Thị Linh".into(),
            class: "10A1".into(),
            school: pc_school(" THPT  Trần Liễu").unwrap(),
            ..Draft::default()
        };
        assert_eq!(d.validate(&[]).unwrap().0.school, "THPT Trần Liễu");
    }

    #[test]
    fn repeated_wrong_pins_wait_longer_and_longer() {
        let waits: Vec<i64> = (0..12).map(pin_wait_secs).collect();
        assert_eq!(waits, [0, 0, 0, 5, 10, 20, 40, 80, 160, 300, 300, 300]);
        assert_eq!(pin_wait_secs(u32::MAX), 300);
    }
    #[test]
    fn a_recovery_code_is_twelve_digits_and_opens_however_it_is_typed() {
        let code = recovery_code(u64::MAX);
        assert_eq!(code.len(), 14);
        assert!(code.chars().filter(|c| *c == '-').count() == 2);
        assert_eq!(recovery_digits(&code).len(), 12);
        assert_eq!(recovery_code(42), "0000-0000-0042");
        let stored = protect_pin(&recovery_digits(&code), 7);
        let spaced = recovery_digits(&code)
            .chars()
            .collect::<Vec<_>>()
            .chunks(3)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(pin_opens(&stored, &recovery_digits(&spaced)));
        assert!(!pin_opens(&stored, &recovery_digits("0000-0000-0042")));
        assert_ne!(recovery_code(1), recovery_code(2));
    }
}
