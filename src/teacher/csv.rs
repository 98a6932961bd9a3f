//! CSV for Excel: what a teacher gets when exporting a class, opened by double-click.
//!
//! Excel only reads UTF-8 (and so Vietnamese names) correctly when the file starts with a byte
//! order mark, and it expects commas and CRLF line ends. Every text cell is neutralised against
//! formula injection (a student could type `=HYPERLINK(...)` as their name) and then quoted;
//! numbers the app writes itself are written as they are, so Excel can add them up.

/// The byte order mark that tells Excel the file is UTF-8.
const BOM: &str = "\u{feff}";

/// The separator between cells.
const SEPARATOR: char = ',';

/// A cell: text (neutralised) or a number (written as is).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text typed by someone: neutralised with [`safe`], then quoted with [`quote`].
    Text(String),
    /// A whole number, written as is (`-2` stays a number).
    Int(i64),
    /// A percentage 0–100, written like `85` (no `%`, so Excel can average it).
    Pct(u8),
}

impl Cell {
    /// The cell as it appears in the file.
    fn render(&self) -> String {
        match self {
            Cell::Text(text) => quote(&safe(text)),
            Cell::Int(n) => number(*n),
            Cell::Pct(p) => number(i64::from(*p)),
        }
    }
}

impl From<&str> for Cell {
    /// A text cell.
    fn from(text: &str) -> Self {
        Cell::Text(text.to_string())
    }
}

impl From<String> for Cell {
    /// A text cell.
    fn from(text: String) -> Self {
        Cell::Text(text)
    }
}

/// A number the app wrote itself: never neutralised or quoted.
fn number(n: i64) -> String {
    n.to_string()
}

/// Neutralises a cell against formula injection: if it starts with '=', '+', '-', '@', a tab
/// or a carriage return, prefixes a single quote ('). Excel set to a Vietnamese or European
/// locale splits a CSV on ';' (and ignores quotes that do not open a field), so a name like
/// `An;=HYPERLINK(…)` would start a live cell there: every piece after a ',', ';' or tab that
/// would start a formula gets the quote too. Numbers the app writes itself ([`Cell::Int`],
/// [`Cell::Pct`]) are written as they are and never neutralised.
pub fn safe(cell: &str) -> String {
    let risky = |c: char| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r');
    let mut out = String::with_capacity(cell.len() + 2);
    let mut at_start = true;
    for c in cell.chars() {
        if at_start && risky(c) {
            out.push('\'');
        }
        // Spaces between a separator and the formula sign do not make it safe.
        at_start = matches!(c, ',' | ';' | '\t') || (at_start && c == ' ');
        out.push(c);
    }
    out
}

/// Quotes a cell for CSV when it contains a separator (',' or the ';' of other locales), a
/// quote, CR or LF (doubling quotes).
pub fn quote(cell: &str) -> String {
    if cell.contains([SEPARATOR, ';', '\t', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// One CSV document: UTF-8 with BOM (so Excel shows Vietnamese), comma-separated, CRLF line
/// ends (after every line, the last included); every text cell goes through [`safe`] then
/// [`quote`].
pub fn document(header: &[&str], rows: &[Vec<Cell>]) -> String {
    let mut out = String::from(BOM);
    let mut line = |cells: Vec<String>| {
        out.push_str(&cells.join(&SEPARATOR.to_string()));
        out.push_str("\r\n");
    };
    line(header.iter().map(|h| quote(&safe(h))).collect());
    for row in rows {
        line(row.iter().map(Cell::render).collect());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document without its BOM, split into lines (the last, empty one dropped).
    fn lines(doc: &str) -> Vec<&str> {
        let body = doc.strip_prefix(BOM).expect("starts with a BOM");
        let mut lines: Vec<&str> = body.split("\r\n").collect();
        assert_eq!(lines.pop(), Some(""), "ends with CRLF");
        lines
    }

    #[test]
    fn the_document_has_a_bom_and_crlf_line_ends() {
        let doc = document(&["Họ tên", "Điểm"], &[vec!["An".into(), Cell::Pct(85)]]);
        assert!(doc.starts_with('\u{feff}'));
        assert_eq!(doc.as_bytes()[..3], [0xEF, 0xBB, 0xBF]);
        assert_eq!(doc, "\u{feff}Họ tên,Điểm\r\nAn,85\r\n");
        assert_eq!(
            doc.matches('\n').count(),
            doc.matches("\r\n").count(),
            "no bare LF"
        );
    }

    #[test]
    fn a_vietnamese_name_round_trips() {
        let name = "Nguyễn Thị Phương Uyên";
        let doc = document(
            &["Tên", "Lớp"],
            &[vec![name.into(), Cell::Text("10A1".into())]],
        );
        assert_eq!(lines(&doc), vec!["Tên,Lớp", "Nguyễn Thị Phương Uyên,10A1"]);
        let cells: Vec<&str> = lines(&doc)[1].split(',').collect();
        assert_eq!(cells[0], name);
    }

    #[test]
    fn formulas_are_neutralised_but_our_numbers_are_not() {
        for bad in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(safe(bad).starts_with('\''), "{bad:?}");
            assert_eq!(&safe(bad)[1..], bad);
        }
        assert_eq!(safe("Lan"), "Lan");
        assert_eq!(safe(""), "");
        let doc = document(
            &["a", "b", "c", "d", "e"],
            &[vec![
                "+1".into(),
                "-2".into(),
                "@SUM(A1)".into(),
                Cell::Int(-2),
                Cell::Pct(100),
            ]],
        );
        assert_eq!(lines(&doc)[1], "'+1,'-2,'@SUM(A1),-2,100");
        let link = document(&["x"], &[vec!["=HYPERLINK(\"http://x\",\"y\")".into()]]);
        assert_eq!(
            lines(&link)[1],
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        assert_eq!(lines(&document(&["=cmd"], &[]))[0], "'=cmd", "headers too");
    }

    #[test]
    fn a_cell_with_a_comma_and_a_quote_is_quoted() {
        assert_eq!(
            quote("Trường \"A\", Hà Nội"),
            "\"Trường \"\"A\"\", Hà Nội\""
        );
        assert_eq!(quote("plain"), "plain");
        let doc = document(&["x", "y"], &[vec!["a,\"b\"".into(), Cell::Int(7)]]);
        assert_eq!(lines(&doc)[1], "\"a,\"\"b\"\"\",7");
    }

    #[test]
    fn a_cell_with_a_newline_is_quoted() {
        assert_eq!(quote("dòng 1\ndòng 2"), "\"dòng 1\ndòng 2\"");
        assert_eq!(quote("a\r\nb"), "\"a\r\nb\"");
        let doc = document(&["x"], &[vec!["dòng 1\r\ndòng 2".into()]]);
        assert_eq!(doc, "\u{feff}x\r\n\"dòng 1\r\ndòng 2\"\r\n");
    }

    #[test]
    fn no_cell_is_live_when_excel_splits_on_semicolons_or_commas() {
        let names = [
            "An;=HYPERLINK(\"http://x.example\",\"bấm\")",
            "Bình; +1+1",
            "Chi,@SUM(A1)",
            "Dũng;\t-2+3",
            "=cmd|' /C calc'!A0",
        ];
        let rows: Vec<Vec<Cell>> = names
            .iter()
            .map(|n| vec![Cell::Text((*n).into()), Cell::Int(-2)])
            .collect();
        let doc = document(&["Tên", "Số"], &rows);
        for line in lines(&doc).into_iter().skip(1) {
            // However Excel splits the line (',' or ';' or tab, quotes honoured or not), no
            // piece but the app's own number starts with a formula sign.
            for piece in line.split([',', ';', '\t']) {
                let p = piece.trim_start_matches([' ', '"']);
                if p == "-2" {
                    continue;
                }
                assert!(
                    !p.starts_with(['=', '+', '-', '@']),
                    "live cell {p:?} in {line:?}"
                );
            }
        }
        assert_eq!(
            safe("Nguyễn Văn An"),
            "Nguyễn Văn An",
            "plain names untouched"
        );
    }
}
