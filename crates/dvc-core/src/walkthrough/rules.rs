//! The validation rules a walkthrough field can declare (`rule: phone`, `rule: personal-id
//! born=2009 sex=female`, …): how they are written and how a value is checked against them.
//! The formats themselves are in `formats.rs`; the student-facing wording of each
//! [`RuleError`] is in `messages.rs`.
//!
//! Depends on `std` only: `build.rs` uses it to check every scenario's examples and
//! mistakes before the app is built.

use super::formats::{
    Date, RuleError, WEAK_PASSCODES, all_digits, check_dossier_code, check_password,
    check_personal_id, fold, items,
};
use std::collections::BTreeMap;

/// One rule a field's value must satisfy, as written after `rule:` in a scenario file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// `personal-id [born=YYYY] [sex=male|female]`: the 12-digit số định danh cá nhân.
    PersonalId {
        /// Birth year the century/sex digit and the year digits must match.
        born: Option<i32>,
        /// `Some(true)` when the holder is female.
        female: Option<bool>,
    },
    /// `phone`: 10 digits starting with 0.
    Phone,
    /// `password`: at least 8 characters with upper case, lower case, a digit and a symbol.
    Password,
    /// `passcode`: 6 digits, not 000000 or 123456.
    Passcode,
    /// `digits N`: exactly N digits (an OTP).
    Digits(usize),
    /// `date`: dd/mm/yyyy, a real day, not after today.
    Date,
    /// `email`: name@domain.tld.
    Email,
    /// `choose N`: exactly N different options (e.g. two electives).
    Choose(usize),
    /// `set a, b, c`: exactly these options, no more, no fewer.
    Set(Vec<String>),
    /// `equals VALUE`: the same text, ignoring case and extra spaces.
    Equals(String),
    /// `exact VALUE`: exactly this text, upper and lower case included (a login code).
    Exact(String),
    /// `one-of a | b`: any of these values.
    OneOf(Vec<String>),
    /// `contains w1 | w2`: mentions one of these words (case and accents ignored).
    Contains(Vec<String>),
    /// `length MIN..MAX` (either side may be left out): number of characters.
    Length {
        /// Fewest characters.
        min: Option<usize>,
        /// Most characters.
        max: Option<usize>,
    },
    /// `number MIN..MAX`: a whole number in the range.
    Number {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// `files jpg,pdf [max-mb=5] [max-files=N]`: attachments from the document tray.
    Files {
        /// Allowed extensions, lower case.
        types: Vec<String>,
        /// Largest file in kilobytes (1 MB = 1000 KB).
        max_kb: Option<u32>,
        /// Most files.
        max_files: Option<usize>,
    },
    /// `same-as FIELD`: exactly the value of another field (password confirmation).
    SameAs(String),
    /// `differs-from FIELD`: not the value of another field (a new password, a second question).
    DiffersFrom(String),
    /// `dossier-code`: unit code `V1V2V3.Z1Z2.Y1Y2.MX1X2`, then `-YYMMDD-` and a 4-digit daily sequence (Thông tư 01/2018/TT-VPCP, Art. 19).
    DossierCode,
}

/// What a rule may look at besides the value itself.
pub struct Ctx<'a> {
    /// The simulated "today".
    pub today: Date,
    /// The document tray of a `files` field: file name and size in KB.
    pub tray: Vec<(&'a str, u32)>,
    /// Every value entered so far, by field id (for `same-as` / `differs-from`).
    pub values: &'a BTreeMap<String, String>,
}

fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

fn range<T: std::str::FromStr>(spec: &str) -> Result<(Option<T>, Option<T>), String> {
    let (lo, hi) = spec
        .split_once("..")
        .ok_or_else(|| format!("write a range as MIN..MAX, found `{spec}`"))?;
    let num = |s: &str| -> Result<Option<T>, String> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        s.parse()
            .map(Some)
            .map_err(|_| format!("`{s}` is not a number"))
    };
    Ok((num(lo)?, num(hi)?))
}

fn list(arg: &str, sep: char) -> Vec<String> {
    arg.split(sep)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

impl Rule {
    /// Every rule keyword, for error messages.
    pub const KEYWORDS: &'static str = "personal-id, phone, password, passcode, digits, date, email, choose, set, equals, exact, one-of, contains, length, number, files, same-as, differs-from, dossier-code";

    /// Parses what follows `rule:`. The error says what is wrong, for the file's author.
    pub fn parse(spec: &str) -> Result<Rule, String> {
        let spec = spec.trim();
        let (word, arg) = spec.split_once(' ').unwrap_or((spec, ""));
        let arg = arg.trim();
        let need = |what: &str| -> Result<(), String> {
            if arg.is_empty() {
                Err(format!("`{word}` needs {what}"))
            } else {
                Ok(())
            }
        };
        let count = || {
            arg.parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("`{word}` needs a whole number, found `{arg}`"))
        };
        let rule = match word {
            "personal-id" => {
                let (mut born, mut female) = (None, None);
                for part in arg.split_whitespace() {
                    match part.split_once('=') {
                        Some(("born", y)) => {
                            born = Some(y.parse().map_err(|_| format!("bad year `{y}`"))?)
                        }
                        Some(("sex", "female")) => female = Some(true),
                        Some(("sex", "male")) => female = Some(false),
                        _ => {
                            return Err(format!(
                                "`personal-id` takes `born=YYYY` and `sex=male|female`, found `{part}`"
                            ));
                        }
                    }
                }
                Rule::PersonalId { born, female }
            }
            "phone" => Rule::Phone,
            "password" => Rule::Password,
            "passcode" => Rule::Passcode,
            "digits" => Rule::Digits(count()?),
            "date" => Rule::Date,
            "email" => Rule::Email,
            "dossier-code" => Rule::DossierCode,
            "choose" => Rule::Choose(count()?),
            "set" => {
                need("the options, e.g. `set a, b`")?;
                Rule::Set(list(arg, ','))
            }
            "equals" => {
                need("a value")?;
                Rule::Equals(arg.to_string())
            }
            "exact" => {
                need("a value")?;
                Rule::Exact(arg.to_string())
            }
            "one-of" => {
                need("values separated by `|`")?;
                Rule::OneOf(list(arg, '|'))
            }
            "contains" => {
                need("words separated by `|`")?;
                Rule::Contains(list(arg, '|').iter().map(|w| fold(w)).collect())
            }
            "length" => {
                let (min, max) = range::<usize>(arg)?;
                Rule::Length { min, max }
            }
            "number" => match range::<i64>(arg)? {
                (Some(min), Some(max)) if min <= max => Rule::Number { min, max },
                _ => return Err(format!("`number` needs MIN..MAX, found `{arg}`")),
            },
            "files" => {
                let mut parts = arg.split_whitespace();
                let types = list(parts.next().unwrap_or_default(), ',');
                let (mut max_kb, mut max_files) = (None, None);
                for part in parts {
                    match part.split_once('=') {
                        Some(("max-mb", n)) => {
                            let mb: f64 = n.parse().map_err(|_| format!("bad size `{n}`"))?;
                            max_kb = Some((mb * 1000.0).round() as u32);
                        }
                        Some(("max-files", n)) => {
                            max_files = Some(n.parse().map_err(|_| format!("bad count `{n}`"))?)
                        }
                        _ => {
                            return Err(format!(
                                "`files` takes `max-mb=N` and `max-files=N`, found `{part}`"
                            ));
                        }
                    }
                }
                if types.is_empty() {
                    return Err("`files` needs the accepted types, e.g. `files jpg,pdf`".into());
                }
                let types = types.iter().map(|t| t.to_lowercase()).collect();
                Rule::Files {
                    types,
                    max_kb,
                    max_files,
                }
            }
            "same-as" | "differs-from" => {
                need("a field id")?;
                if word == "same-as" {
                    Rule::SameAs(arg.to_string())
                } else {
                    Rule::DiffersFrom(arg.to_string())
                }
            }
            other => return Err(format!("unknown rule `{other}` (use {})", Rule::KEYWORDS)),
        };
        if !matches!(
            word,
            "personal-id"
                | "files"
                | "set"
                | "equals"
                | "exact"
                | "one-of"
                | "contains"
                | "length"
                | "number"
                | "digits"
                | "choose"
                | "same-as"
                | "differs-from"
        ) && !arg.is_empty()
        {
            return Err(format!("`{word}` takes nothing after it, found `{arg}`"));
        }
        Ok(rule)
    }

    /// The other field this rule compares with, if any.
    pub fn other_field(&self) -> Option<&str> {
        match self {
            Rule::SameAs(f) | Rule::DiffersFrom(f) => Some(f),
            _ => None,
        }
    }

    /// Checks a non-empty value.
    pub fn check(&self, value: &str, ctx: &Ctx<'_>) -> Result<(), RuleError> {
        let v = value.trim();
        let other = |f: &str| ctx.values.get(f).map(String::as_str).unwrap_or_default();
        match self {
            Rule::PersonalId { born, female } => check_personal_id(v, *born, *female),
            Rule::Phone if all_digits(v, 10) && v.starts_with('0') => Ok(()),
            Rule::Phone => Err(RuleError::Phone),
            Rule::Password => check_password(value),
            Rule::Passcode if !all_digits(v, 6) => Err(RuleError::PasscodeFormat),
            Rule::Passcode if WEAK_PASSCODES.contains(&v) => Err(RuleError::PasscodeSimple),
            Rule::Passcode => Ok(()),
            Rule::Digits(n) if all_digits(v, *n) => Ok(()),
            Rule::Digits(n) => Err(RuleError::Digits(*n)),
            Rule::Date => match Date::parse_dmy(v)? {
                d if d > ctx.today => Err(RuleError::DateFuture(ctx.today)),
                _ => Ok(()),
            },
            Rule::Email => {
                let ok = v.split_once('@').is_some_and(|(name, domain)| {
                    !name.is_empty()
                        && !domain.contains('@')
                        && domain.split('.').count() >= 2
                        && domain.split('.').all(|p| !p.is_empty())
                }) && !v.contains(char::is_whitespace);
                if ok { Ok(()) } else { Err(RuleError::Email) }
            }
            Rule::Choose(n) => {
                let chosen = items(v);
                let mut distinct = chosen.clone();
                distinct.sort_unstable();
                distinct.dedup();
                if distinct.len() != chosen.len() {
                    Err(RuleError::Duplicate)
                } else if chosen.len() != *n {
                    Err(RuleError::Choose {
                        want: *n,
                        got: chosen.len(),
                    })
                } else {
                    Ok(())
                }
            }
            Rule::Set(want) => {
                let chosen = items(v);
                let missing = want
                    .iter()
                    .filter(|w| !chosen.contains(&w.as_str()))
                    .count();
                let extra = chosen
                    .iter()
                    .filter(|c| !want.iter().any(|w| w == *c))
                    .count();
                if missing + extra == 0 {
                    Ok(())
                } else {
                    Err(RuleError::Set { missing, extra })
                }
            }
            Rule::Equals(want) if same_text(v, want) => Ok(()),
            Rule::OneOf(list) if list.iter().any(|w| same_text(v, w)) => Ok(()),
            Rule::Exact(want) if v == want => Ok(()),
            Rule::Equals(_) | Rule::OneOf(_) | Rule::Exact(_) => Err(RuleError::NotEqual),
            Rule::Contains(words) if words.iter().any(|w| fold(v).contains(w.as_str())) => Ok(()),
            Rule::Contains(_) => Err(RuleError::NotContains),
            Rule::Length { min, max } => {
                let n = v.chars().count();
                match (min, max) {
                    (Some(min), _) if n < *min => Err(RuleError::TooShort(*min)),
                    (_, Some(max)) if n > *max => Err(RuleError::TooLong(*max)),
                    _ => Ok(()),
                }
            }
            Rule::Number { min, max } => match v.parse::<i64>() {
                Ok(n) if (*min..=*max).contains(&n) && all_digits(v, v.len()) => Ok(()),
                _ => Err(RuleError::NumberRange {
                    min: *min,
                    max: *max,
                }),
            },
            Rule::Files {
                types,
                max_kb,
                max_files,
            } => {
                let chosen = items(v);
                if let Some(max) = max_files
                    && chosen.len() > *max
                {
                    return Err(RuleError::TooManyFiles(*max));
                }
                for name in chosen {
                    let ext = name.rsplit_once('.').map(|(_, e)| e.to_lowercase());
                    if !ext.is_some_and(|e| types.contains(&e)) {
                        return Err(RuleError::FileType {
                            name: name.to_string(),
                            allowed: types.clone(),
                        });
                    }
                    let size = ctx.tray.iter().find(|(n, _)| *n == name).map(|(_, s)| *s);
                    if let (Some(max), Some(size)) = (max_kb, size)
                        && size > *max
                    {
                        return Err(RuleError::FileTooBig {
                            name: name.to_string(),
                            max_kb: *max,
                        });
                    }
                }
                Ok(())
            }
            Rule::SameAs(f) if value == other(f) => Ok(()),
            Rule::SameAs(_) => Err(RuleError::NotSame),
            Rule::DiffersFrom(f) if !same_text(v, other(f)) => Ok(()),
            Rule::DiffersFrom(_) => Err(RuleError::NotDifferent),
            Rule::DossierCode => check_dossier_code(v),
        }
    }
}
