//! Reads the first sheet of an Excel workbook (`.xlsx`) into rows of text cells, so a class
//! list saved by Excel can be imported as it is. Only what a class list needs: the ZIP
//! container (stored or deflated entries, via `miniz_oxide`), the workbook's first sheet, shared
//! and inline strings, numbers as written. Formulas give their cached value; styles, dates as
//! dates and other sheets are ignored. Lives in the teacher chunk only (see ARCHITECTURE.md).

use std::collections::BTreeMap;

/// Biggest total of unpacked XML accepted (a class list sheet is a few hundred KB at most;
/// the limit stops a "zip bomb").
const MAX_UNPACKED: usize = 32 * 1024 * 1024;

/// Why a workbook could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum XlsxError {
    /// Not a ZIP file, or its directory is cut short.
    #[error("the workbook is damaged or incomplete")]
    Damaged,
    /// A ZIP file, but without a worksheet (a Word document, an .ods file, …).
    #[error("no worksheet in the file")]
    NoSheet,
    /// Encrypted (password-protected) or using a compression Excel does not write.
    #[error("the workbook is password-protected or uses an unknown compression")]
    Unsupported,
    /// Unpacks to more than the limit.
    #[error("the workbook is too large once unpacked")]
    TooLarge,
}

/// The rows of the workbook's first sheet, each a list of cells from column A; gaps (empty
/// cells, skipped rows) are filled with empty strings, so row `i` is Excel's row `i + 1`.
pub fn first_sheet_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, XlsxError> {
    let zip = Zip::open(bytes)?;
    let mut budget = MAX_UNPACKED;
    let sheet_path = first_sheet_path(&zip, &mut budget)?;
    let shared = match zip.read("xl/sharedStrings.xml", &mut budget) {
        Ok(xml) => shared_strings(&xml),
        Err(XlsxError::NoSheet) => Vec::new(),
        Err(e) => return Err(e),
    };
    let sheet = zip.read(&sheet_path, &mut budget)?;
    Ok(sheet_rows(&sheet, &shared))
}

/// One entry of the ZIP directory.
struct Entry {
    method: u16,
    flags: u16,
    compressed: usize,
    size: usize,
    local: usize,
}

/// The ZIP container: its directory by file name.
struct Zip<'a> {
    bytes: &'a [u8],
    entries: BTreeMap<String, Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

impl<'a> Zip<'a> {
    fn open(bytes: &'a [u8]) -> Result<Zip<'a>, XlsxError> {
        // The end-of-directory record is in the last 22 + 65,535 bytes.
        let from = bytes.len().saturating_sub(22 + 65_535);
        let eocd = (from..bytes.len().saturating_sub(21))
            .rev()
            .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
            .ok_or(XlsxError::Damaged)?;
        let count = u16_at(bytes, eocd + 10).ok_or(XlsxError::Damaged)? as usize;
        let mut at = u32_at(bytes, eocd + 16).ok_or(XlsxError::Damaged)?;
        let mut entries = BTreeMap::new();
        for _ in 0..count {
            if !bytes
                .get(at..)
                .is_some_and(|b| b.starts_with(b"PK\x01\x02"))
            {
                return Err(XlsxError::Damaged);
            }
            let field = |off| u16_at(bytes, at + off).ok_or(XlsxError::Damaged);
            let (name_len, extra_len, comment_len) = (field(28)?, field(30)?, field(32)?);
            let name = bytes
                .get(at + 46..at + 46 + name_len as usize)
                .ok_or(XlsxError::Damaged)?;
            entries.insert(
                String::from_utf8_lossy(name).replace('\\', "/"),
                Entry {
                    flags: field(8)?,
                    method: field(10)?,
                    compressed: u32_at(bytes, at + 20).ok_or(XlsxError::Damaged)?,
                    size: u32_at(bytes, at + 24).ok_or(XlsxError::Damaged)?,
                    local: u32_at(bytes, at + 42).ok_or(XlsxError::Damaged)?,
                },
            );
            at += 46 + name_len as usize + extra_len as usize + comment_len as usize;
        }
        Ok(Zip { bytes, entries })
    }

    /// The text of one entry (`NoSheet` when it is not there).
    fn read(&self, name: &str, budget: &mut usize) -> Result<String, XlsxError> {
        let e = self.entries.get(name).ok_or(XlsxError::NoSheet)?;
        if e.flags & 1 != 0 {
            return Err(XlsxError::Unsupported);
        }
        if e.size > *budget {
            return Err(XlsxError::TooLarge);
        }
        let b = self.bytes;
        if !b
            .get(e.local..)
            .is_some_and(|l| l.starts_with(b"PK\x03\x04"))
        {
            return Err(XlsxError::Damaged);
        }
        let name_len = u16_at(b, e.local + 26).ok_or(XlsxError::Damaged)? as usize;
        let extra_len = u16_at(b, e.local + 28).ok_or(XlsxError::Damaged)? as usize;
        let start = e.local + 30 + name_len + extra_len;
        let data = b
            .get(start..start + e.compressed)
            .ok_or(XlsxError::Damaged)?;
        let raw = match e.method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, *budget).map_err(
                |err| match err.status {
                    miniz_oxide::inflate::TINFLStatus::HasMoreOutput => XlsxError::TooLarge,
                    _ => XlsxError::Damaged,
                },
            )?,
            _ => return Err(XlsxError::Unsupported),
        };
        if raw.len() != e.size {
            return Err(XlsxError::Damaged);
        }
        *budget -= raw.len();
        String::from_utf8(raw).map_err(|_| XlsxError::Damaged)
    }
}

/// The path of the workbook's first sheet (in the workbook's order, through its relationships),
/// or the usual `xl/worksheets/sheet1.xml`.
fn first_sheet_path(zip: &Zip, budget: &mut usize) -> Result<String, XlsxError> {
    let fallback = "xl/worksheets/sheet1.xml".to_string();
    let (Ok(book), Ok(rels)) = (
        zip.read("xl/workbook.xml", budget),
        zip.read("xl/_rels/workbook.xml.rels", budget),
    ) else {
        return if zip.entries.contains_key(&fallback) {
            Ok(fallback)
        } else {
            Err(XlsxError::NoSheet)
        };
    };
    let path = tags(&book, "sheet")
        .next()
        .and_then(|(attrs, _)| attr(attrs, "r:id"))
        .and_then(|id| {
            tags(&rels, "Relationship")
                .find(|(a, _)| attr(a, "Id").as_deref() == Some(id.as_str()))
                .and_then(|(a, _)| attr(a, "Target"))
        })
        .map(|target| match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        })
        .unwrap_or(fallback);
    if zip.entries.contains_key(&path) {
        Ok(path)
    } else {
        Err(XlsxError::NoSheet)
    }
}

/// Every `<name …>…</name>` (or `<name …/>`) in `xml`: its attribute text and its inner XML.
fn tags<'x>(xml: &'x str, name: &'x str) -> impl Iterator<Item = (&'x str, &'x str)> + 'x {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let mut rest = xml;
    std::iter::from_fn(move || {
        loop {
            let i = rest.find(&open)?;
            let after = &rest[i + open.len()..];
            // `<c` must not match `<col`: the name ends at a space, `>` or `/`.
            if !after.starts_with([' ', '>', '/', '\t', '\r', '\n']) {
                rest = after;
                continue;
            }
            let end = after.find('>')?;
            let attrs = after[..end].trim_end_matches('/');
            if after[..end].ends_with('/') {
                rest = &after[end + 1..];
                return Some((attrs, ""));
            }
            let body = &after[end + 1..];
            let stop = body.find(&close).unwrap_or(body.len());
            rest = &body[(stop + close.len()).min(body.len())..];
            return Some((attrs, &body[..stop]));
        }
    })
}

/// The value of attribute `name` in an attribute text.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        let i = rest.find(name)?;
        let before_ok = i == 0 || rest[..i].ends_with([' ', '\t', '\r', '\n']);
        let after = rest[i + name.len()..].trim_start();
        if before_ok && let Some(after) = after.strip_prefix('=') {
            let after = after.trim_start();
            let quote = after.chars().next()?;
            let value = &after[1..];
            return Some(unescape(&value[..value.find(quote)?]));
        }
        rest = &rest[i + name.len()..];
    }
}

/// XML text → plain text (the five named entities and numeric references).
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        // An entity is at most 10 bytes ("&#x10FFFF;"): look no further, so text full of
        // '&' costs linear time, not a search over the rest of the sheet at every '&'.
        let Some(end) = tail.bytes().take(11).position(|b| b == b';') else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let ch = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of every `<t>` in a string item (rich text has several runs; phonetic hints in
/// `<rPh>` are not part of the text).
fn item_text(xml: &str) -> String {
    let mut without_hints = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<rPh") {
        without_hints.push_str(&rest[..i]);
        rest = rest[i..]
            .find("</rPh>")
            .map_or("", |e| &rest[i + e + "</rPh>".len()..]);
    }
    without_hints.push_str(rest);
    tags(&without_hints, "t")
        .map(|(_, t)| unescape(t))
        .collect()
}

fn shared_strings(xml: &str) -> Vec<String> {
    tags(xml, "si").map(|(_, body)| item_text(body)).collect()
}

/// `"BC12"` → column index 54 (0-based).
fn column_of(reference: &str) -> Option<usize> {
    let letters: String = reference
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    Some(
        letters.chars().fold(0usize, |n, c| {
            n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)
        }) - 1,
    )
}

/// The sheet's rows (row `i` is Excel's row `i + 1`), at most 100,000 rows × 200 columns.
fn sheet_rows(xml: &str, shared: &[String]) -> Vec<Vec<String>> {
    let data = xml.find("<sheetData").map_or(xml, |i| &xml[i..]);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for (attrs, body) in tags(data, "row") {
        let number = attr(attrs, "r")
            .and_then(|r| r.parse::<usize>().ok())
            .unwrap_or(rows.len() + 1);
        if number == 0 || number > 100_000 {
            continue;
        }
        while rows.len() < number {
            rows.push(Vec::new());
        }
        let row = &mut rows[number - 1];
        for (cattrs, cbody) in tags(body, "c") {
            let col = attr(cattrs, "r")
                .and_then(|r| column_of(&r))
                .unwrap_or(row.len());
            if col >= 200 {
                continue;
            }
            let value = || tags(cbody, "v").next().map(|(_, v)| unescape(v));
            let text = match attr(cattrs, "t").as_deref() {
                Some("s") => value()
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .and_then(|i| shared.get(i).cloned()),
                Some("inlineStr") => tags(cbody, "is").next().map(|(_, is)| item_text(is)),
                Some("b") => value().map(|v| if v.trim() == "1" { "TRUE" } else { "FALSE" }.into()),
                _ => value(),
            }
            .unwrap_or_default();
            while row.len() <= col {
                row.push(String::new());
            }
            row[col] = text;
        }
    }
    rows
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A minimal ZIP writer for tests: `(name, bytes, deflate?)`.
    pub(crate) fn zip(files: &[(&str, &[u8], bool)]) -> Vec<u8> {
        let (mut out, mut dir) = (Vec::new(), Vec::new());
        for (name, data, deflate) in files {
            let packed = if *deflate {
                miniz_oxide::deflate::compress_to_vec(data, 6)
            } else {
                data.to_vec()
            };
            let offset = out.len() as u32;
            let method: u16 = if *deflate { 8 } else { 0 };
            let head = |sig: &[u8], central: bool| {
                let mut h = sig.to_vec();
                if central {
                    h.extend(20u16.to_le_bytes());
                }
                h.extend(20u16.to_le_bytes());
                h.extend(0u16.to_le_bytes());
                h.extend(method.to_le_bytes());
                h.extend([0u8; 4]); // time, date
                h.extend(0u32.to_le_bytes()); // crc (not checked by the reader)
                h.extend((packed.len() as u32).to_le_bytes());
                h.extend((data.len() as u32).to_le_bytes());
                h.extend((name.len() as u16).to_le_bytes());
                h.extend(0u16.to_le_bytes());
                if central {
                    h.extend([0u8; 10]); // comment len, disk, internal and external attributes
                    h.extend(offset.to_le_bytes());
                }
                h.extend(name.as_bytes());
                h
            };
            out.extend(head(b"PK\x03\x04", false));
            out.extend(&packed);
            dir.extend(head(b"PK\x01\x02", true));
        }
        let at = out.len() as u32;
        out.extend(&dir);
        out.extend(b"PK\x05\x06");
        out.extend([0u8; 4]);
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((dir.len() as u32).to_le_bytes());
        out.extend(at.to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out
    }

    /// A class list as Excel writes it: shared strings (one with rich-text runs and an entity),
    /// an inline string, a number, an empty cell, a title row and a gap row; the class list is
    /// the *second* sheet file but the first in the workbook.
    pub(crate) fn class_list_xlsx() -> Vec<u8> {
        let book = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Lớp 10A1" sheetId="2" r:id="rId7"/><sheet name="Khác" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let rels = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#;
        let shared = r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9"><si><t>DANH SÁCH LỚP 10A1 &amp; 10A2</t></si><si><t>STT</t></si><si><t>Họ và tên</t></si><si><t>Ngày sinh</t></si><si><t>Lớp</t></si><si><t>Mã học sinh</t></si><si><r><rPr><b/></rPr><t>Nguyễn </t></r><r><t xml:space="preserve">Thị Linh</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>10A1</t></si><si><t>HS001</t></si></sst>"#;
        let sheet2 = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="1" max="5" width="12"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="s"><v>4</v></c><c r="E3" t="s"><v>5</v></c></row><row r="4"><c r="A4"><v>1</v></c><c r="B4" t="s"><v>6</v></c><c r="C4" s="3"><v>39500</v></c><c r="D4" t="s"><v>7</v></c><c r="E4" t="s"><v>8</v></c></row><row r="5"><c r="A5"><v>2</v></c><c r="B5" t="inlineStr"><is><t>Trần Văn Nam</t></is></c><c r="D5" t="str"><f>"10"&amp;"A1"</f><v>10A1</v></c></row></sheetData></worksheet>"#;
        let sheet1 = r#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>"#;
        zip(&[
            ("[Content_Types].xml", b"<Types/>", true),
            ("xl/workbook.xml", book.as_bytes(), true),
            ("xl/_rels/workbook.xml.rels", rels.as_bytes(), false),
            ("xl/sharedStrings.xml", shared.as_bytes(), true),
            ("xl/worksheets/sheet1.xml", sheet1.as_bytes(), true),
            ("xl/worksheets/sheet2.xml", sheet2.as_bytes(), true),
        ])
    }

    #[test]
    fn the_first_sheet_of_a_workbook_becomes_rows_of_text() {
        let rows = first_sheet_rows(&class_list_xlsx()).expect("readable");
        assert_eq!(rows[0], vec!["DANH SÁCH LỚP 10A1 & 10A2"]);
        assert!(rows[1].is_empty(), "row 2 is empty in Excel");
        assert_eq!(
            rows[2],
            vec!["STT", "Họ và tên", "Ngày sinh", "Lớp", "Mã học sinh"]
        );
        assert_eq!(
            rows[3],
            vec!["1", "Nguyễn Thị Linh", "39500", "10A1", "HS001"]
        );
        assert_eq!(rows[4], vec!["2", "Trần Văn Nam", "", "10A1"]);
    }

    #[test]
    fn a_workbook_from_another_zip_writer_is_read() {
        // Written by Python's zipfile (tests/e2e/fixtures/README.md).
        let rows = first_sheet_rows(include_bytes!("../../tests/e2e/fixtures/lop-10a1.xlsx"))
            .expect("readable");
        assert_eq!(
            rows[2],
            vec!["STT", "Mã học sinh", "Họ và tên", "Ngày sinh", "Lớp"]
        );
        assert_eq!(rows[5], vec!["3", "HS103", "Phạm Thu Hà", "39700", "10A1"]);
    }

    #[test]
    fn damaged_foreign_and_oversized_workbooks_are_refused() {
        let good = class_list_xlsx();
        assert_eq!(
            first_sheet_rows(&good[..good.len() - 30]),
            Err(XlsxError::Damaged)
        );
        assert_eq!(
            first_sheet_rows(b"PK\x03\x04 nothing"),
            Err(XlsxError::Damaged)
        );
        let word = zip(&[("word/document.xml", b"<w:document/>", true)]);
        assert_eq!(first_sheet_rows(&word), Err(XlsxError::NoSheet));
        let bomb = vec![b'a'; MAX_UNPACKED + 1];
        let big = zip(&[("xl/worksheets/sheet1.xml", &bomb, true)]);
        assert_eq!(first_sheet_rows(&big), Err(XlsxError::TooLarge));
    }

    #[test]
    fn xml_text_is_unescaped_and_columns_are_read_from_references() {
        assert_eq!(
            unescape("a &amp; b &lt;c&gt; &#273;&#x1EA1; &bogus"),
            "a & b <c> đạ &bogus"
        );
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("Z9"), Some(25));
        assert_eq!(column_of("AA10"), Some(26));
        assert_eq!(column_of("12"), None);
    }

    #[test]
    fn text_full_of_ampersands_is_read_in_linear_time() {
        // A 2.4 KB workbook can inflate to megabytes of '&': each one used to start a search
        // for ';' over the rest of the text (hours of work for this input).
        let text = "&".repeat(4_000_000) + "&amp;";
        let out = unescape(&text);
        assert_eq!(out.len(), 4_000_001);
        assert!(out.ends_with("&&"));
        assert_eq!(unescape("a&#x1F600;b&lt;&bogus;"), "a😀b<&bogus;");
    }
}
