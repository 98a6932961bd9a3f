//! The real data formats behind the walkthrough rules (shared/domain §2, §3.1, §6): dates and
//! moments on the simulated clock, the 12-digit personal ID number, strong passwords, passcodes,
//! the dossier code, and [`RuleError`], the reasons a value can be refused.
//!
//! "Today" is always a parameter, never the system clock. Depends on `std` only (`build.rs`
//! uses it).

use std::fmt;

/// A calendar date (proleptic Gregorian), written `dd/mm/yyyy` in every file and message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2025.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

impl Date {
    /// A date, if it exists in the calendar (so 29/02/2023 is `None`).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days)
            .contains(&day)
            .then_some(Date { year, month, day })
    }

    /// Parses `dd/mm/yyyy` (exactly two, two and four digits).
    pub fn parse_dmy(s: &str) -> Result<Date, RuleError> {
        let parts: Vec<&str> = s.trim().split('/').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let [d, m, y] = parts.as_slice() else {
            return Err(RuleError::DateFormat);
        };
        if !(digits(d, 2) && digits(m, 2) && digits(y, 4)) {
            return Err(RuleError::DateFormat);
        }
        let num = |p: &str| p.parse::<u32>().unwrap_or(0);
        Date::new(num(y) as i32, num(m), num(d)).ok_or(RuleError::DateInvalid)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// A moment on the simulated clock: a date and a time of day, written `dd/mm/yyyy hh:mm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp {
    /// The day.
    pub date: Date,
    /// Minutes since midnight (0–1439).
    pub minute: u32,
}

impl Stamp {
    /// Parses `dd/mm/yyyy hh:mm`.
    pub fn parse(s: &str) -> Option<Stamp> {
        let (d, t) = s.trim().split_once(' ')?;
        let date = Date::parse_dmy(d).ok()?;
        let (h, m) = t.trim().split_once(':')?;
        let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        (h < 24 && m < 60 && t.trim().len() == 5).then_some(Stamp {
            date,
            minute: h * 60 + m,
        })
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m) = (self.minute / 60, self.minute % 60);
        write!(f, "{h:02}:{m:02} {}", self.date)
    }
}

/// Province codes (first three digits of a personal ID number): where the birth was registered,
/// per Phụ lục 1, Thông tư 07/2016/TT-BCA. They did not change with the 2025 merger.
pub const PROVINCE_CODES: [&str; 63] = [
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
    "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
];

/// Passcodes the mock refuses because everyone guesses them first.
pub const WEAK_PASSCODES: [&str; 2] = ["000000", "123456"];

/// Why a value does not satisfy a rule; `messages::rule` words it for a student.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuleError {
    /// Not exactly 12 digits.
    IdLength,
    /// The first three digits are not a province code.
    IdProvince(String),
    /// The 4th digit does not match the century of the birth year.
    IdCentury {
        /// The digit found.
        digit: u8,
        /// The birth year expected.
        year: i32,
    },
    /// Digits 5–6 are not the last two digits of the birth year.
    IdYear {
        /// The birth year expected.
        year: i32,
    },
    /// The 4th digit gives the other sex.
    IdSex {
        /// The digit found.
        digit: u8,
        /// The holder is female.
        female: bool,
    },
    /// Not 10 digits starting with 0.
    Phone,
    /// A password misses some of the required kinds of character.
    PasswordWeak {
        /// Shorter than 8 characters.
        short: bool,
        /// Which kinds are missing: upper, lower, digit, symbol.
        missing: Vec<CharKind>,
    },
    /// A passcode is not 6 digits.
    PasscodeFormat,
    /// 000000 or 123456.
    PasscodeSimple,
    /// Not exactly this many digits.
    Digits(usize),
    /// Not written dd/mm/yyyy.
    DateFormat,
    /// No such day (31/02, 29/02 in a common year).
    DateInvalid,
    /// After today.
    DateFuture(Date),
    /// Not an e-mail address.
    Email,
    /// Chose the wrong number of options.
    Choose {
        /// How many are needed.
        want: usize,
        /// How many were chosen.
        got: usize,
    },
    /// The same option chosen twice.
    Duplicate,
    /// Some of the right options are missing / some chosen ones are wrong.
    Set {
        /// Right options not chosen.
        missing: usize,
        /// Chosen options that are not right.
        extra: usize,
    },
    /// Not the expected value.
    NotEqual,
    /// None of the expected words.
    NotContains,
    /// Too few characters.
    TooShort(usize),
    /// Too many characters.
    TooLong(usize),
    /// Not a whole number, or out of range.
    NumberRange {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A file of a type that is not accepted.
    FileType {
        /// The file.
        name: String,
        /// Accepted extensions.
        allowed: Vec<String>,
    },
    /// A file bigger than allowed.
    FileTooBig {
        /// The file.
        name: String,
        /// The limit in kilobytes.
        max_kb: u32,
    },
    /// More files than allowed.
    TooManyFiles(usize),
    /// Not the same as the other field.
    NotSame,
    /// The same as the other field.
    NotDifferent,
    /// Not in the dossier-code format.
    DossierCode,
}

/// A kind of character a strong password needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharKind {
    /// A–Z.
    Upper,
    /// a–z.
    Lower,
    /// 0–9.
    Digit,
    /// Anything else that is not a space.
    Symbol,
}

/// Splits a multi-choice value (`"a, b"`) into its items.
pub fn items(value: &str) -> Vec<&str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Exactly `n` ASCII digits.
pub(super) fn all_digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks a personal ID number; `born`/`female` add the century, year and sex checks of §6.1.
pub fn check_personal_id(
    id: &str,
    born: Option<i32>,
    female: Option<bool>,
) -> Result<(), RuleError> {
    let id = id.trim();
    if !all_digits(id, 12) {
        return Err(RuleError::IdLength);
    }
    let province = &id[..3];
    if !PROVINCE_CODES.contains(&province) {
        return Err(RuleError::IdProvince(province.to_string()));
    }
    let digit = id.as_bytes()[3] - b'0';
    if let Some(year) = born {
        // 0/1 = 1900s, 2/3 = 2000s, 4/5 = 2100s, …: even for men, odd for women.
        if 1900 + i32::from(digit / 2) * 100 != year.div_euclid(100) * 100 {
            return Err(RuleError::IdCentury { digit, year });
        }
        if id[4..6] != format!("{:02}", year.rem_euclid(100)) {
            return Err(RuleError::IdYear { year });
        }
    }
    if let Some(female) = female
        && (digit % 2 == 1) != female
    {
        return Err(RuleError::IdSex { digit, female });
    }
    Ok(())
}

/// Checks a password: ≥ 8 characters with upper case, lower case, a digit and a symbol.
pub fn check_password(p: &str) -> Result<(), RuleError> {
    let has = |f: fn(&char) -> bool| p.chars().any(|c| f(&c));
    let mut missing = Vec::new();
    for (kind, ok) in [
        (CharKind::Upper, has(|c| c.is_uppercase())),
        (CharKind::Lower, has(|c| c.is_lowercase())),
        (CharKind::Digit, has(char::is_ascii_digit)),
        (
            CharKind::Symbol,
            has(|c| !c.is_alphanumeric() && !c.is_whitespace()),
        ),
    ] {
        if !ok {
            missing.push(kind);
        }
    }
    let short = p.chars().count() < 8;
    if short || !missing.is_empty() {
        return Err(RuleError::PasswordWeak { short, missing });
    }
    Ok(())
}

/// Checks a dossier code such as `000.00.31.H99-250915-0007`.
pub fn check_dossier_code(code: &str) -> Result<(), RuleError> {
    let parts: Vec<&str> = code.trim().split('-').collect();
    let [unit, date, seq] = parts.as_slice() else {
        return Err(RuleError::DossierCode);
    };
    let u: Vec<&str> = unit.split('.').collect();
    let unit_ok = matches!(u.as_slice(), [a, b, c, m]
        if all_digits(a, 3) && all_digits(b, 2) && all_digits(c, 2)
            && m.len() == 3 && m.as_bytes()[0].is_ascii_uppercase() && all_digits(&m[1..], 2));
    let date_ok = all_digits(date, 6)
        && Date::parse_dmy(&format!("{}/{}/20{}", &date[4..6], &date[2..4], &date[..2])).is_ok();
    if unit_ok && date_ok && all_digits(seq, 4) {
        Ok(())
    } else {
        Err(RuleError::DossierCode)
    }
}

/// Lower case without Vietnamese tone and vowel marks (`Trích lục` → `trich luc`), for searches.
pub fn fold(s: &str) -> String {
    const GROUPS: [(&str, char); 6] = [
        ("àáảãạăằắẳẵặâầấẩẫậ", 'a'),
        ("èéẻẽẹêềếểễệ", 'e'),
        ("ìíỉĩị", 'i'),
        ("òóỏõọôồốổỗộơờớởỡợ", 'o'),
        ("ùúủũụưừứửữự", 'u'),
        ("ỳýỷỹỵ", 'y'),
    ];
    s.to_lowercase()
        .chars()
        .map(|c| match c {
            'đ' => 'd',
            c => GROUPS
                .iter()
                .find(|(g, _)| g.contains(c))
                .map_or(c, |(_, base)| *base),
        })
        .collect()
}
