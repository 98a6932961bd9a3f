//! Reads the first sheet of an Excel workbook (`.xlsx`) into rows of text cells, so a class
//! list saved by Excel can be imported as it is. Only what a class list needs: the ZIP
//! container (stored or deflated entries, via `miniz_oxide`), the workbook's first sheet, shared
//! and inline strings, numbers as written. Formulas give their cached value; styles, dates as
//! dates and other sheets are ignored. Lives in the teacher chunk only (see ARCHITECTURE.md).

use std::borrow::Cow;
use std::collections::BTreeMap;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

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
        Ok(xml) => shared_strings(&xml)?,
        Err(XlsxError::NoSheet) => Vec::new(),
        Err(e) => return Err(e),
    };
    let sheet = zip.read(&sheet_path, &mut budget)?;
    sheet_rows(&sheet, &shared)
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
    // `<sheet r:id="…">` (or `<x:sheet>` with another prefix for the relationships' namespace).
    let mut id = None;
    walk(&book, |node| {
        if let Node::Open(e) = node
            && local(e) == "sheet"
            && id.is_none()
        {
            id = Some(attr(e, "id").unwrap_or_default());
        }
    })?;
    let mut target = None;
    if let Some(id) = id {
        walk(&rels, |node| {
            if let Node::Open(e) = node
                && local(e) == "Relationship"
                && target.is_none()
                && attr(e, "Id").as_deref() == Some(id.as_str())
            {
                target = attr(e, "Target");
            }
        })?;
    }
    let path = target
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

/// What a walk through an XML part meets. Elements are known by their local name, so
/// `<row>`, `<x:row>` and `<main:row>` are the same (Excel writes no prefix; other writers,
/// and Excel's own "Strict Open XML" files, put the sheet's namespace under one).
enum Node<'a> {
    /// A start tag (`<c r="A1">`, and `<c/>`, which is followed by its `Close`).
    Open(&'a BytesStart<'a>),
    /// An end tag's local name.
    Close(&'a str),
    /// Character data with its references resolved (one tag's text may come in pieces).
    Text(&'a str),
}

/// Walks `xml` in document order; a part that is not well-formed XML is `Damaged`.
fn walk(xml: &str, mut visit: impl FnMut(Node<'_>)) -> Result<(), XlsxError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().expand_empty_elements = true;
    loop {
        match reader.read_event().map_err(|_| XlsxError::Damaged)? {
            Event::Start(e) => visit(Node::Open(&e)),
            Event::End(e) => visit(Node::Close(e.local_name().as_ref())),
            Event::Text(t) => visit(Node::Text(&t.xml10_content())),
            Event::CData(t) => visit(Node::Text(&t.xml10_content())),
            Event::GeneralRef(r) => match r.resolve_char_ref() {
                Ok(Some(c)) => visit(Node::Text(c.encode_utf8(&mut [0; 4]))),
                // The five predefined entities; anything else (no DTD declares it) as written.
                _ => match resolve_predefined_entity(&r) {
                    Some(text) => visit(Node::Text(text)),
                    None => visit(Node::Text(&format!("&{};", &*r))),
                },
            },
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// An element's local name (`"row"` for `<x:row>`).
fn local<'a>(e: &'a BytesStart<'_>) -> &'a str {
    e.local_name().into_inner()
}

/// The value of the attribute whose local name is `name` (`"id"` finds `r:id`).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(Cow::into_owned)
}

/// The text of one string item (`<si>` in the shared strings, `<is>` in a cell): every `<t>`
/// run (rich text has several), without the phonetic hints in `<rPh>`.
#[derive(Default)]
struct Runs {
    text: String,
    in_t: bool,
    hints: usize,
}

impl Runs {
    fn visit(&mut self, node: &Node) {
        match *node {
            Node::Open(e) => match local(e) {
                "t" => self.in_t = true,
                "rPh" => self.hints += 1,
                _ => {}
            },
            Node::Close("t") => self.in_t = false,
            Node::Close("rPh") => self.hints = self.hints.saturating_sub(1),
            Node::Close(_) => {}
            Node::Text(s) => {
                if self.in_t && self.hints == 0 {
                    self.text.push_str(s);
                }
            }
        }
    }
}

fn shared_strings(xml: &str) -> Result<Vec<String>, XlsxError> {
    let mut strings = Vec::new();
    let mut item: Option<Runs> = None;
    walk(xml, |node| match (&node, item.as_mut()) {
        (Node::Open(e), None) if local(e) == "si" => item = Some(Runs::default()),
        (Node::Close("si"), Some(_)) => strings.extend(item.take().map(|runs| runs.text)),
        (_, Some(runs)) => runs.visit(&node),
        _ => {}
    })?;
    Ok(strings)
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

/// The cell being read: where it goes, its type (`t`), its `<v>` and its inline string.
struct Cell {
    col: usize,
    kind: Option<String>,
    value: Option<String>,
    in_v: bool,
    inline: Option<Runs>,
}

impl Cell {
    fn text(self, shared: &[String]) -> String {
        let value = self.value;
        match self.kind.as_deref() {
            Some("s") => value
                .and_then(|v| v.trim().parse::<usize>().ok())
                .and_then(|i| shared.get(i).cloned()),
            Some("inlineStr") => self.inline.map(|runs| runs.text),
            Some("b") => value.map(|v| if v.trim() == "1" { "TRUE" } else { "FALSE" }.into()),
            _ => value,
        }
        .unwrap_or_default()
    }
}

/// The sheet's rows (row `i` is Excel's row `i + 1`), at most 100,000 rows × 200 columns.
fn sheet_rows(xml: &str, shared: &[String]) -> Result<Vec<Vec<String>>, XlsxError> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    // The row being read (`None` outside rows and in rows past the limit), and its cell.
    let mut row: Option<usize> = None;
    let mut cell: Option<Cell> = None;
    walk(xml, |node| {
        if let Node::Close("c") = node
            && let Some(c) = cell.take()
        {
            if let Some(r) = row
                && c.col < 200
            {
                let (col, text) = (c.col, c.text(shared));
                let cells = &mut rows[r];
                if cells.len() <= col {
                    cells.resize(col + 1, String::new());
                }
                cells[col] = text;
            }
            return;
        }
        if let Some(c) = cell.as_mut() {
            match (&node, c.inline.as_mut()) {
                (_, Some(runs)) => runs.visit(&node),
                (Node::Open(e), None) if local(e) == "v" => {
                    c.in_v = true;
                    c.value.get_or_insert_default();
                }
                (Node::Open(e), None) if local(e) == "is" => c.inline = Some(Runs::default()),
                (Node::Close("v"), None) => c.in_v = false,
                (Node::Text(s), None) if c.in_v => c.value.get_or_insert_default().push_str(s),
                _ => {}
            }
            return;
        }
        match node {
            Node::Open(e) if local(e) == "row" => {
                let number = attr(e, "r")
                    .and_then(|r| r.trim().parse::<usize>().ok())
                    .unwrap_or(rows.len() + 1);
                row = (1..=100_000).contains(&number).then(|| {
                    if rows.len() < number {
                        rows.resize(number, Vec::new());
                    }
                    number - 1
                });
            }
            Node::Close("row") => row = None,
            Node::Open(e) if local(e) == "c" => {
                if let Some(r) = row {
                    cell = Some(Cell {
                        col: attr(e, "r")
                            .and_then(|r| column_of(&r))
                            .unwrap_or(rows[r].len()),
                        kind: attr(e, "t"),
                        value: None,
                        in_v: false,
                        inline: None,
                    });
                }
            }
            _ => {}
        }
    })?;
    Ok(rows)
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

    /// The same class list with every sheet, string and workbook element under an `x:`
    /// prefix (as some writers, and Excel's "Strict Open XML" files, do), the relationships'
    /// namespace under `rel:` and the package's under `pr:`.
    fn namespaced_class_list_xlsx() -> Vec<u8> {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        let book = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="{main}" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Lớp 10A1" sheetId="2" rel:id="rId7"/><x:sheet name="Khác" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>"#
        );
        let rels = r#"<pr:Relationships xmlns:pr="http://schemas.openxmlformats.org/package/2006/relationships"><pr:Relationship Id="rId1" Target="worksheets/sheet1.xml"/><pr:Relationship Id="rId7" Target="/xl/worksheets/sheet2.xml"/></pr:Relationships>"#;
        let shared = format!(
            r#"<x:sst xmlns:x="{main}"><x:si><x:t>DANH SÁCH LỚP 10A1 &amp; 10A2</x:t></x:si><x:si><x:t>STT</x:t></x:si><x:si><x:t>Họ và tên</x:t></x:si><x:si><x:t>Ngày sinh</x:t></x:si><x:si><x:t>Lớp</x:t></x:si><x:si><x:t>Mã học sinh</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>Nguyễn </x:t></x:r><x:r><x:t xml:space="preserve">Thị Linh</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ignored</x:t></x:rPh></x:si><x:si><x:t>10A1</x:t></x:si><x:si><x:t>HS001</x:t></x:si></x:sst>"#
        );
        let sheet2 = format!(
            r#"<x:worksheet xmlns:x="{main}"><x:cols><x:col min="1" max="5" width="12"/></x:cols><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row><x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" t="s"><x:v>2</x:v></x:c><x:c r="C3" t="s"><x:v>3</x:v></x:c><x:c r="D3" t="s"><x:v>4</x:v></x:c><x:c r="E3" t="s"><x:v>5</x:v></x:c></x:row><x:row r="4"><x:c r="A4"><x:v>1</x:v></x:c><x:c r="B4" t="s"><x:v>6</x:v></x:c><x:c r="C4" s="3"><x:v>39500</x:v></x:c><x:c r="D4" t="s"><x:v>7</x:v></x:c><x:c r="E4" t="s"><x:v>8</x:v></x:c></x:row><x:row r="5"><x:c r="A5"><x:v>2</x:v></x:c><x:c r="B5" t="inlineStr"><x:is><x:t>Trần Văn Nam</x:t></x:is></x:c><x:c r="D5" t="str"><x:f>"10"&amp;"A1"</x:f><x:v>10A1</x:v></x:c></x:row></x:sheetData></x:worksheet>"#
        );
        let sheet1 = format!(
            r#"<x:worksheet xmlns:x="{main}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>not this sheet</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>"#
        );
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
    fn a_namespaced_workbook_reads_the_same_rows_as_a_plain_one() {
        let plain = first_sheet_rows(&class_list_xlsx()).expect("readable");
        let prefixed = first_sheet_rows(&namespaced_class_list_xlsx()).expect("readable");
        assert_eq!(prefixed, plain);
        assert_eq!(prefixed[3][1], "Nguyễn Thị Linh", "the shared rich text");
        assert_eq!(prefixed[4][1], "Trần Văn Nam", "the inline string");
    }

    /// A workbook of one sheet, `sheet1.xml` found without a workbook part.
    fn one_sheet(sheet_data: &str, shared: Option<&str>) -> Result<Vec<Vec<String>>, XlsxError> {
        let sheet = format!(
            r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
        );
        let mut files = vec![("xl/worksheets/sheet1.xml", sheet.as_bytes(), true)];
        if let Some(shared) = shared {
            files.push(("xl/sharedStrings.xml", shared.as_bytes(), false));
        }
        first_sheet_rows(&zip(&files))
    }

    #[test]
    fn empty_cells_are_kept_by_their_column_letters() {
        // A1 then C1: B1 is empty; a cell without a reference follows the one before it.
        let rows = one_sheet(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>An</t></is></c><c r="C1" t="inlineStr"><is><t>10A1</t></is></c><c t="inlineStr"><is><t>D</t></is></c></row><row><c r="AA2"><v>7</v></c></row><row r="4"><c r="B4" t="s"><v>1</v></c><c r="A4" t="b"><v>1</v></c><c r="C4"/></row>"#,
            Some("<sst><si><t>zero</t></si><si><t>one</t></si></sst>"),
        )
        .expect("readable");
        assert_eq!(rows[0], vec!["An", "", "10A1", "D"]);
        assert_eq!(rows[1].len(), 27, "AA is the 27th column");
        assert_eq!(rows[1][26], "7");
        assert!(rows[2].is_empty(), "row 3 is not in the sheet");
        assert_eq!(rows[3], vec!["TRUE", "one", ""]);
    }

    #[test]
    fn references_are_resolved_and_broken_xml_is_damaged() {
        let rows = one_sheet(
            r#"<row r="1"><c r="A1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &#273;&#x1EA1; &quot;x&apos;</t></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[<raw> & text]]></t></is></c></row>"#,
            None,
        )
        .expect("readable");
        assert_eq!(rows[0], vec![r#"a & b <c> đạ "x'"#, "<raw> & text"]);
        assert_eq!(
            one_sheet(r#"<row r="1"><c r="A1"><v>1</v></row>"#, None),
            Err(XlsxError::Damaged),
            "a cell that is never closed"
        );
        assert_eq!(
            one_sheet(r#"<row r="1"><c r="A1"><v>R&D</v></c></row>"#, None),
            Err(XlsxError::Damaged),
            "a bare '&'"
        );
    }

    #[test]
    fn columns_are_read_from_references() {
        assert_eq!(column_of("A1"), Some(0));
        assert_eq!(column_of("Z9"), Some(25));
        assert_eq!(column_of("AA10"), Some(26));
        assert_eq!(column_of("12"), None);
    }

    #[test]
    fn text_full_of_references_is_read_in_linear_time() {
        // A 2.4 KB workbook can inflate to megabytes of references: the hand scanner once
        // searched the rest of the text at every '&' (hours of work for such an input).
        let text = "&amp;".repeat(1_000_000);
        let rows = one_sheet(
            &format!(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>{text}</t></is></c></row>"#),
            None,
        )
        .expect("readable");
        assert_eq!(rows[0][0].len(), 1_000_000);
        assert!(rows[0][0].bytes().all(|b| b == b'&'));
    }
}
