//! Class lists ("danh sách lớp") as teachers export them from Excel, browser-free.
//!
//! Accepts UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM; comma, semicolon or tab
//! separators (the one giving the widest header row); quoted fields with `""` escapes,
//! separators and newlines inside; CRLF or LF; blank rows; title rows above the header.
//! Headers are matched in Vietnamese or English, any case, with or without diacritics, NFC or
//! NFD. [`Roster::find`] then matches a student's progress record to a roster entry.

use crate::text::{key, loose};
use std::collections::{BTreeMap, BTreeSet};

/// The largest class list accepted, in bytes.
pub const MAX_ROSTER_BYTES: usize = 2 * 1024 * 1024;

/// The most students one class list may hold: more than the largest high school has. A longer
/// "list" is some other sheet, and drawing it would freeze the teacher's page.
pub const MAX_ROSTER_STUDENTS: usize = 5_000;

/// How many non-blank rows are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 10;

/// Header spellings, as [`loose`] writes them, separated by `|`: the whole name first.
const FULL_NAME: &str = "ho va ten|ho ten|ho va ten hoc sinh|ho ten hoc sinh|ten hoc sinh|\
                         full name|fullname|name|student name";
const STT: &str = "stt|so tt|so thu tu|no|#";
const BIRTH: &str = "ngay sinh|ngay thang nam sinh|date of birth|birth date|dob";
const CLASS: &str = "lop|class";
const CODE: &str = "ma hoc sinh|ma hs|ma dinh danh|ma so hoc sinh|ma so hs|student code|student id";

/// Whether a header (as [`loose`] writes it) is one of the `|`-separated spellings.
fn is_one_of(head: &str, spellings: &str) -> bool {
    spellings.split('|').any(|s| s.trim() == head)
}

/// One student on the class list.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RosterEntry {
    /// The row number the teacher typed ("STT"), if any.
    pub stt: Option<u32>,
    /// The full name as typed (spaces collapsed; diacritics and normalisation kept).
    pub name: String,
    /// The date of birth as typed (trimmed), or empty.
    pub birth: String,
    /// The class, upper-cased without spaces ("10A1").
    pub class: String,
    /// The student code, trimmed and upper-cased, or empty.
    pub code: String,
}

/// A parsed class list.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Roster {
    /// The students, in file order.
    pub entries: Vec<RosterEntry>,
}

/// Why a class list was refused (the UI words these in Vietnamese/English itself).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RosterError {
    /// The file is bigger than [`MAX_ROSTER_BYTES`].
    #[error("the file is larger than 2 MB; save only the class list sheet as CSV")]
    TooLarge,
    /// Neither a workbook nor text in UTF-8 or UTF-16 (e.g. a picture, an old .xls).
    #[error("not a class list file; in Excel use Save As → Excel Workbook (.xlsx) or CSV UTF-8")]
    NotText,
    /// An old Excel file (.xls) or a workbook Excel encrypted with a password: both are OLE
    /// compound files, not the .xlsx ZIP container.
    #[error("an old .xls or a password-protected workbook; save it as .xlsx or CSV UTF-8")]
    OldOrLockedExcel,
    /// An Excel workbook (.xlsx) that could not be read.
    #[error("the Excel workbook could not be read: {0}")]
    Workbook(super::xlsx::XlsxError),
    /// No row with a name column was found in the first 10 rows.
    #[error("no header row with a name column (\"Họ và tên\") in the first 10 rows")]
    NoHeader,
    /// Required columns missing: lists which ("Họ và tên", "Lớp").
    #[error("missing columns: {}", .0.join(", "))]
    MissingColumns(Vec<&'static str>),
    /// A header row but no student rows.
    #[error("the list has a header row but no students")]
    Empty,
    /// More rows than [`MAX_ROSTER_STUDENTS`] (how many rows it has).
    #[error("the list has {0} rows, more than a school has students")]
    TooMany(usize),
    /// The same student code on more than one row (the codes, each once, sorted).
    #[error("the same student code is on several rows: {}", .0.join(", "))]
    DuplicateCodes(Vec<String>),
    /// A row without a name or without a class: the 1-based line numbers in the file (as the
    /// teacher sees them in Excel: rows counted after decoding, header row included).
    #[error("rows without a name or class: {}", .0.iter().map(usize::to_string).collect::<Vec<_>>().join(", "))]
    IncompleteRows(Vec<usize>),
}

/// How a progress record was matched to a roster entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchKind {
    /// By student code.
    Code,
    /// By class and name (compared with [`key`]).
    ClassAndName,
}

/// Bytes → text: UTF-8 (BOM stripped) or UTF-16 LE/BE with BOM. Err(NotText) if invalid UTF-8
/// without a UTF-16 BOM, or if it contains NUL bytes after decoding, or looks like a ZIP
/// (.xlsx starts with "PK\x03\x04").
pub fn decode(bytes: &[u8]) -> Result<String, RosterError> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(RosterError::NotText);
    }
    let text = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => {
            let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            String::from_utf8(rest.to_vec()).map_err(|_| RosterError::NotText)?
        }
    };
    if text.contains('\0') {
        return Err(RosterError::NotText);
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, RosterError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(RosterError::NotText);
    }
    let units: Vec<u16> = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]])).collect();
    String::from_utf16(&units).map_err(|_| RosterError::NotText)
}

/// Splits text into rows of cells. Every row the teacher sees in Excel is one element (blank
/// rows included, a quoted cell spanning lines counts once), so index + 1 is the line number.
fn split_rows(text: &str, sep: char) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut fresh) = (false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c != '"' {
                cell.push(c);
            } else if chars.next_if_eq(&'"').is_some() {
                cell.push('"');
            } else {
                quoted = false;
            }
        } else if c == '"' && fresh {
            cell.clear(); // spaces before an opening quote
            (quoted, fresh) = (true, false);
        } else if c == sep {
            row.push(std::mem::take(&mut cell));
            fresh = true;
        } else if c == '\r' || c == '\n' {
            if c == '\r' {
                chars.next_if_eq(&'\n');
            }
            row.push(std::mem::take(&mut cell));
            rows.push(std::mem::take(&mut row));
            fresh = true;
        } else {
            fresh &= c.is_whitespace();
            cell.push(c);
        }
    }
    if !cell.is_empty() || !row.is_empty() || quoted {
        row.push(cell);
        rows.push(row);
    }
    rows
}

fn is_blank(row: &[String]) -> bool {
    row.iter().all(|c| c.trim().is_empty())
}

/// Where the name is: one column, or family-and-middle name + given name.
#[derive(Clone, Copy)]
enum NameCols {
    Full(usize),
    Split(usize, usize),
}

/// The columns found in a header row.
struct Columns {
    stt: Option<usize>,
    name: Option<NameCols>,
    birth: Option<usize>,
    class: Option<usize>,
    code: Option<usize>,
}

fn columns(header: &[String]) -> Columns {
    let heads: Vec<String> = header
        .iter()
        .map(|h| loose(h).trim_matches([':', '*', '.', ' ']).to_string())
        .collect();
    let find = |names: &str| heads.iter().position(|h| is_one_of(h, names));
    // "Họ (và tên) đệm" before "Tên"; not "Hộ khẩu" (household address), which looses alike.
    let ten = find("ten");
    let is_ho = |h: &String| {
        (h == "ho" || h.starts_with("ho ")) && !h.starts_with("ho khau") && !is_one_of(h, FULL_NAME)
    };
    let ho = ten.and_then(|t| heads[..t].iter().rposition(is_ho));
    let name = match (find(FULL_NAME), ho, ten) {
        (Some(full), _, _) => Some(NameCols::Full(full)),
        (None, Some(ho), Some(ten)) => Some(NameCols::Split(ho, ten)),
        (None, None, Some(ten)) => Some(NameCols::Full(ten)),
        _ => None,
    };
    Columns {
        stt: find(STT),
        name,
        birth: find(BIRTH),
        class: find(CLASS),
        code: find(CODE),
    }
}

/// The index of the header row: the first of the first few non-blank rows with a name column.
fn find_header(rows: &[Vec<String>]) -> Option<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, row)| !is_blank(row))
        .take(HEADER_SEARCH_ROWS)
        .find(|(_, row)| columns(row).name.is_some())
        .map(|(i, _)| i)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn normalise_class(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Parses a class list. Required columns: name and class. Order of checks: TooLarge, NotText,
/// NoHeader, MissingColumns, TooMany, IncompleteRows, Empty, DuplicateCodes.
pub fn parse(bytes: &[u8]) -> Result<Roster, RosterError> {
    if bytes.len() > MAX_ROSTER_BYTES {
        return Err(RosterError::TooLarge);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(RosterError::OldOrLockedExcel);
    }
    let (rows, h) = if bytes.starts_with(b"PK\x03\x04") {
        // An Excel workbook: its first sheet, cell by cell.
        let rows = super::xlsx::first_sheet_rows(bytes).map_err(RosterError::Workbook)?;
        let h = find_header(&rows).ok_or(RosterError::NoHeader)?;
        (rows, h)
    } else {
        let text = decode(bytes)?;
        // The separator is the one that makes the header row widest.
        let mut best: Option<(usize, Vec<Vec<String>>, usize)> = None;
        for sep in ['\t', ';', ','] {
            let rows = split_rows(&text, sep);
            if let Some(h) = find_header(&rows) {
                let width = rows[h].len();
                if best.as_ref().is_none_or(|(w, _, _)| width > *w) {
                    best = Some((width, rows, h));
                }
            }
        }
        let (_, rows, h) = best.ok_or(RosterError::NoHeader)?;
        (rows, h)
    };
    let cols = columns(&rows[h]);
    let (Some(name_cols), Some(class_col)) = (cols.name, cols.class) else {
        let missing = [
            (cols.name.is_none(), "Họ và tên"),
            (cols.class.is_none(), "Lớp"),
        ];
        let missing = missing
            .into_iter()
            .filter_map(|(m, h)| m.then_some(h))
            .collect();
        return Err(RosterError::MissingColumns(missing));
    };
    let mut entries = Vec::new();
    let mut incomplete = Vec::new();
    let filled = rows.iter().skip(h + 1).filter(|r| !is_blank(r)).count();
    if filled > MAX_ROSTER_STUDENTS {
        return Err(RosterError::TooMany(filled));
    }
    for (i, row) in rows.iter().enumerate().skip(h + 1) {
        if is_blank(row) {
            continue;
        }
        let cell = |col: Option<usize>| col.and_then(|c| row.get(c)).map_or("", |s| s.trim());
        let name = match name_cols {
            NameCols::Full(c) => collapse(cell(Some(c))),
            NameCols::Split(ho, ten) => {
                collapse(&format!("{} {}", cell(Some(ho)), cell(Some(ten))))
            }
        };
        let class = normalise_class(cell(Some(class_col)));
        if name.is_empty() || class.is_empty() {
            incomplete.push(i + 1);
            continue;
        }
        entries.push(RosterEntry {
            stt: cell(cols.stt).trim_end_matches('.').parse().ok(),
            name,
            birth: cell(cols.birth).to_string(),
            class,
            code: cell(cols.code).to_uppercase(),
        });
    }
    if !incomplete.is_empty() {
        return Err(RosterError::IncompleteRows(incomplete));
    }
    if entries.is_empty() {
        return Err(RosterError::Empty);
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in entries.iter().filter(|e| !e.code.is_empty()) {
        *counts.entry(e.code.as_str()).or_default() += 1;
    }
    let dups: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .map(|(c, _)| c.to_string())
        .collect();
    if !dups.is_empty() {
        return Err(RosterError::DuplicateCodes(dups));
    }
    Ok(Roster { entries })
}

impl Roster {
    /// The classes on the list, sorted, each once.
    pub fn classes(&self) -> Vec<String> {
        let set: BTreeSet<&str> = self.entries.iter().map(|e| e.class.as_str()).collect();
        set.into_iter().map(str::to_string).collect()
    }

    /// Finds the roster entry for a student: by student code when both have one
    /// (case-insensitive), else by class (exact, already upper-cased) and name compared with
    /// [`key`] (so NFC/NFD, case and spacing do not matter). Returns the index into `entries`.
    /// If the name+class matches more than one entry, returns None (ambiguous — the teacher
    /// assigns by hand). An entry whose code differs from the record's code never matches by
    /// name: two codes that disagree are two different students.
    pub fn find(&self, code: &str, class: &str, name: &str) -> Option<(usize, MatchKind)> {
        let code = code.trim().to_uppercase();
        let (class, name) = (normalise_class(class), key(name));
        let hits = |wanted: &dyn Fn(&RosterEntry) -> bool| -> Vec<usize> {
            (0..self.entries.len())
                .filter(|&i| wanted(&self.entries[i]))
                .collect()
        };
        let only = |hits: Vec<usize>, kind| (hits.len() == 1).then(|| (hits[0], kind));
        let by_code = hits(&|e| !code.is_empty() && e.code == code);
        if !by_code.is_empty() {
            return only(by_code, MatchKind::Code);
        }
        if class.is_empty() || name.is_empty() {
            return None;
        }
        // No entry has the record's code here, so an entry with another code is someone else.
        let by_name = hits(&|e| {
            e.class == class && key(&e.name) == name && (code.is_empty() || e.code.is_empty())
        });
        only(by_name, MatchKind::ClassAndName)
    }

    /// An index of the entries by code and by class + name key, for finding many students at
    /// once: [`RosterIndex::find`] answers as [`Roster::find`] does, without reading every entry
    /// each time (3,000 students against a 3,000-row list: 9 million name comparisons before).
    pub fn index(&self) -> RosterIndex<'_> {
        let mut by_code: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut by_name: BTreeMap<(&str, String), Vec<usize>> = BTreeMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            if !e.code.is_empty() {
                by_code.entry(&e.code).or_default().push(i);
            }
            by_name.entry((&e.class, key(&e.name))).or_default().push(i);
        }
        RosterIndex {
            roster: self,
            by_code,
            by_name,
        }
    }
}

/// A roster's entries by code and by class + name ([`Roster::index`]).
pub struct RosterIndex<'a> {
    roster: &'a Roster,
    by_code: BTreeMap<&'a str, Vec<usize>>,
    by_name: BTreeMap<(&'a str, String), Vec<usize>>,
}

impl RosterIndex<'_> {
    /// The same answer as [`Roster::find`].
    pub fn find(&self, code: &str, class: &str, name: &str) -> Option<(usize, MatchKind)> {
        let code = code.trim().to_uppercase();
        let (class, name) = (normalise_class(class), key(name));
        let only = |hits: Vec<usize>, kind| (hits.len() == 1).then(|| (hits[0], kind));
        if !code.is_empty()
            && let Some(hits) = self.by_code.get(code.as_str())
        {
            return only(hits.clone(), MatchKind::Code);
        }
        if class.is_empty() || name.is_empty() {
            return None;
        }
        let hits = self
            .by_name
            .get(&(class.as_str(), name))
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| code.is_empty() || self.roster.entries[i].code.is_empty())
            .collect();
        only(hits, MatchKind::ClassAndName)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry's fields: STT, name, birth, class, code.
    type Row<'a> = (Option<u32>, &'a str, &'a str, &'a str, &'a str);

    fn rows(roster: &Roster) -> Vec<Row<'_>> {
        let e = roster.entries.iter();
        e.map(|e| (e.stt, &*e.name, &*e.birth, &*e.class, &*e.code))
            .collect()
    }

    fn utf16(s: &str, be: bool) -> Vec<u8> {
        // U+FEFF first: the byte order mark.
        let units = std::iter::once(0xFEFF).chain(s.encode_utf16());
        units
            .flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() })
            .collect()
    }

    const STUDENTS: [Row; 3] = [
        (Some(1), "Nguyễn Văn An", "01/02/2010", "10A1", "HS001"),
        (Some(2), "Trần Thị Bình", "15/03/2010", "10A1", "HS002"),
        (Some(3), "Lê Hoàng Đức", "20/12/2009", "10A2", "HS003"),
    ];

    #[test]
    fn utf8_with_bom_comma_separated() {
        let text = "\u{feff}STT,Họ và tên,Ngày sinh,Lớp,Mã học sinh\n\
                    1,Nguyễn Văn An,01/02/2010,10A1,hs001\n\
                    2,Trần Thị Bình,15/03/2010,10a1,HS002\n\
                    3,Lê Hoàng Đức,20/12/2009,10 a2, HS003 \n";
        assert!(text.as_bytes().starts_with(b"\xEF\xBB\xBF"));
        let roster = parse(text.as_bytes()).unwrap();
        assert_eq!(rows(&roster), STUDENTS);
        assert_eq!(roster.classes(), ["10A1", "10A2"]);
    }

    #[test]
    fn semicolons_without_bom_capital_headers_in_another_order() {
        let text = "LOP;HO VA TEN;MA HS\n10a1;  Nguyễn   Văn An ;hs001\n\
                    10A1;Trần Thị Bình;HS002\n10A2;Lê Hoàng Đức;HS003\n";
        let roster = parse(text.as_bytes()).unwrap();
        let want = STUDENTS.map(|(_, name, _, class, code)| (None, name, "", class, code));
        assert_eq!(rows(&roster), want);
    }

    #[test]
    fn utf16_le_and_be_tab_separated() {
        let text = "STT\tHọ và tên\tNgày sinh\tLớp\tMã học sinh\r\n\
                    1\tNguyễn Văn An\t01/02/2010\t10A1\tHS001\r\n\
                    2\tTrần Thị Bình\t15/03/2010\t10A1\tHS002\r\n\
                    3\tLê Hoàng Đức\t20/12/2009\t10A2\tHS003\r\n";
        for be in [false, true] {
            assert_eq!(rows(&parse(&utf16(text, be)).unwrap()), STUDENTS);
        }
    }

    #[test]
    fn title_rows_crlf_blank_lines_and_quotes() {
        let text = "DANH SÁCH LỚP 10A1\r\nNăm học 2026-2027\r\n\r\nSTT,Họ và tên,Lớp,Mã HS\r\n\
                    1,\"Nguyễn Văn An, con\",10A1,HS1\r\n\r\n\
                    2,\"Trần \"\"Bé\"\" Bình\",10A1,HS2\r\n,,,\r\n\
                    3,\"Lê\r\nVăn   Cường\",10a1,HS3\r\n";
        let roster = parse(text.as_bytes()).unwrap();
        let want: [Row; 3] = [
            (Some(1), "Nguyễn Văn An, con", "", "10A1", "HS1"),
            (Some(2), "Trần \"Bé\" Bình", "", "10A1", "HS2"),
            (Some(3), "Lê Văn Cường", "", "10A1", "HS3"),
        ];
        assert_eq!(rows(&roster), want);
    }

    #[test]
    fn find_by_nfd_name_by_code_and_ambiguous() {
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} Linh";
        let text = format!(
            "Họ và tên,Lớp,Mã HS\n{nfd},10A1,HS01\nTrần Văn Nam,10A1,\nTrần  văn nam,10a1,\n"
        );
        use MatchKind::*;
        let roster = parse(text.as_bytes()).unwrap();
        assert_eq!(roster.entries[0].name, nfd, "the name is kept as typed");
        let linh = "Nguyễn Thị Linh";
        assert_eq!(roster.find("", "10A1", linh), Some((0, ClassAndName)));
        assert_eq!(roster.find("hs01", "10a1", "Other"), Some((0, Code)));
        assert_eq!(roster.find("", "10A2", linh), None);
        assert_eq!(roster.find("HS99", "10A1", linh), None, "another code");
        assert_eq!(roster.find("", "10A1", "Trần Văn Nam"), None, "ambiguous");
    }

    #[test]
    fn family_and_given_name_columns_are_joined() {
        let text = "STT,Họ và tên đệm,Tên,Lớp,Hộ khẩu\n1,Nguyễn Văn,An,10a1,Hà Nội\n\
                    2, Trần Thị , Bình ,10A1,Huế\n";
        let want: [Row; 2] = [
            (Some(1), "Nguyễn Văn An", "", "10A1", ""),
            (Some(2), "Trần Thị Bình", "", "10A1", ""),
        ];
        assert_eq!(rows(&parse(text.as_bytes()).unwrap()), want);
    }

    #[test]
    fn an_excel_workbook_is_read_like_a_csv() {
        let roster = parse(&super::super::xlsx::tests::class_list_xlsx()).expect("a class list");
        assert_eq!(roster.entries.len(), 2);
        assert_eq!(roster.entries[0].name, "Nguyễn Thị Linh");
        assert_eq!(roster.entries[0].code, "HS001");
        assert_eq!(roster.entries[1].name, "Trần Văn Nam");
        assert_eq!(roster.entries[1].class, "10A1");
        assert!(roster.find("", "10a1", "TRẦN  VĂN NAM").is_some());
    }

    #[test]
    fn every_error() {
        use RosterError::*;
        let err = |bytes: &[u8]| parse(bytes).unwrap_err();
        assert_eq!(err(&vec![b'a'; MAX_ROSTER_BYTES + 1]), TooLarge);
        let mut long = String::from("Họ và tên,Lớp\n");
        for i in 0..=MAX_ROSTER_STUDENTS {
            long.push_str(&format!("Học sinh {i},10A1\n"));
        }
        assert_eq!(err(long.as_bytes()), TooMany(MAX_ROSTER_STUDENTS + 1));
        assert_eq!(
            err(b"PK\x03\x04\x14\x00\x06\x00"),
            Workbook(super::super::xlsx::XlsxError::Damaged)
        );
        assert_eq!(
            err(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00old xls"),
            OldOrLockedExcel
        );
        assert_eq!(err(b"Ho va ten,Lop\n\xC3\x28\xFF,10A1\n"), NotText);
        assert_eq!(decode(b"H\0o\0"), Err(NotText));
        assert_eq!(err(b"a,b,c\n1,2,3\n"), NoHeader);
        let no_class = "Họ và tên,Ngày sinh\nAn,01/01/2010\n";
        assert_eq!(err(no_class.as_bytes()), MissingColumns(vec!["Lớp"]));
        // Lines: 1 title, 2 blank, 3 header, 4 ok, 5 no name, 6 no class, 7 (two lines in a
        // quoted cell, one row in Excel) no class, 8 ok.
        let rows = "Lớp 10A1\n\nHọ và tên,Lớp\nAn,10A1\n,10A1\nBình,\n\"Cường\nX\", \nDũng,10A1\n";
        assert_eq!(err(rows.as_bytes()), IncompleteRows(vec![5, 6, 7]));
        assert_eq!(err("STT,Họ và tên,Lớp\n\n,,\n".as_bytes()), Empty);
        let dups =
            "Họ và tên,Lớp,Mã HS\nA,10A1,HS2\nB,10A1,hs1\nC,10A1,HS1\nD,10A1,HS2\nE,10A1,X\n";
        let dups = err(dups.as_bytes());
        assert_eq!(dups, DuplicateCodes(vec!["HS1".into(), "HS2".into()]));
        assert_eq!(
            dups.to_string(),
            "the same student code is on several rows: HS1, HS2"
        );
    }

    #[test]
    fn the_index_finds_what_a_search_of_every_entry_finds() {
        let text = "Họ và tên,Lớp,Mã học sinh\nTrần Văn Nam,10A1,\nTrần Văn Nam,10A1,\n\
                    Nguyễn Thị Linh,10A1,HS01\nLê Mai,10A2,HS02\nLê Mai,10A1,\nĐỗ An,10A2,HS03\n";
        let roster = parse(text.as_bytes()).unwrap();
        let index = roster.index();
        for code in ["", "hs01", "HS02", " hs02 ", "HS03", "HS99"] {
            for class in ["", "10A1", "10a1", "10 A2", "11A1"] {
                for name in [
                    "",
                    "Trần Văn Nam",
                    "tran van nam",
                    "Nguyễn Thị Linh",
                    "LÊ  MAI",
                    "Đỗ An",
                ] {
                    assert_eq!(
                        index.find(code, class, name),
                        roster.find(code, class, name),
                        "{code:?} {class:?} {name:?}"
                    );
                }
            }
        }
    }
}
