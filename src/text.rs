//! Comparing Vietnamese names the way a teacher would: the same name typed on Windows (NFC),
//! pasted from a Mac (NFD), in capitals or with extra spaces is the same name. Browser-free.
//!
//! `key` keeps every diacritic (Lê ≠ Le) and is for matching; `loose` drops them (đ → d) and
//! is for search boxes, where typing "nguyen" should find "Nguyễn".

const DECOMPOSE: [(char, &str); 75] = [
    ('à', "a\u{300}"),
    ('á', "a\u{301}"),
    ('â', "a\u{302}"),
    ('ã', "a\u{303}"),
    ('è', "e\u{300}"),
    ('é', "e\u{301}"),
    ('ê', "e\u{302}"),
    ('ì', "i\u{300}"),
    ('í', "i\u{301}"),
    ('î', "i\u{302}"),
    ('ò', "o\u{300}"),
    ('ó', "o\u{301}"),
    ('ô', "o\u{302}"),
    ('õ', "o\u{303}"),
    ('ù', "u\u{300}"),
    ('ú', "u\u{301}"),
    ('û', "u\u{302}"),
    ('ý', "y\u{301}"),
    ('ă', "a\u{306}"),
    ('ĕ', "e\u{306}"),
    ('ĩ', "i\u{303}"),
    ('ĭ', "i\u{306}"),
    ('ŏ', "o\u{306}"),
    ('ũ', "u\u{303}"),
    ('ŭ', "u\u{306}"),
    ('ŷ', "y\u{302}"),
    ('ơ', "o\u{31b}"),
    ('ư', "u\u{31b}"),
    ('ṍ', "o\u{303}\u{301}"),
    ('ṹ', "u\u{303}\u{301}"),
    ('ạ', "a\u{323}"),
    ('ả', "a\u{309}"),
    ('ấ', "a\u{302}\u{301}"),
    ('ầ', "a\u{302}\u{300}"),
    ('ẩ', "a\u{302}\u{309}"),
    ('ẫ', "a\u{302}\u{303}"),
    ('ậ', "a\u{323}\u{302}"),
    ('ắ', "a\u{306}\u{301}"),
    ('ằ', "a\u{306}\u{300}"),
    ('ẳ', "a\u{306}\u{309}"),
    ('ẵ', "a\u{306}\u{303}"),
    ('ặ', "a\u{323}\u{306}"),
    ('ẹ', "e\u{323}"),
    ('ẻ', "e\u{309}"),
    ('ẽ', "e\u{303}"),
    ('ế', "e\u{302}\u{301}"),
    ('ề', "e\u{302}\u{300}"),
    ('ể', "e\u{302}\u{309}"),
    ('ễ', "e\u{302}\u{303}"),
    ('ệ', "e\u{323}\u{302}"),
    ('ỉ', "i\u{309}"),
    ('ị', "i\u{323}"),
    ('ọ', "o\u{323}"),
    ('ỏ', "o\u{309}"),
    ('ố', "o\u{302}\u{301}"),
    ('ồ', "o\u{302}\u{300}"),
    ('ổ', "o\u{302}\u{309}"),
    ('ỗ', "o\u{302}\u{303}"),
    ('ộ', "o\u{323}\u{302}"),
    ('ớ', "o\u{31b}\u{301}"),
    ('ờ', "o\u{31b}\u{300}"),
    ('ở', "o\u{31b}\u{309}"),
    ('ỡ', "o\u{31b}\u{303}"),
    ('ợ', "o\u{31b}\u{323}"),
    ('ụ', "u\u{323}"),
    ('ủ', "u\u{309}"),
    ('ứ', "u\u{31b}\u{301}"),
    ('ừ', "u\u{31b}\u{300}"),
    ('ử', "u\u{31b}\u{309}"),
    ('ữ', "u\u{31b}\u{303}"),
    ('ự', "u\u{31b}\u{323}"),
    ('ỳ', "y\u{300}"),
    ('ỵ', "y\u{323}"),
    ('ỷ', "y\u{309}"),
    ('ỹ', "y\u{303}"),
];

/// Canonical combining class of the marks Vietnamese uses (Unicode `ccc`).
fn ccc(c: char) -> u8 {
    match c {
        '\u{31b}' => 216,
        '\u{323}' => 220,
        '\u{300}'..='\u{36f}' => 230,
        _ => 0,
    }
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Lower case, single spaces, every letter decomposed into base + marks in canonical order: two
/// spellings of one name give the same key whatever normalisation their keyboard used.
pub fn key(s: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    let mut space = false;
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match DECOMPOSE.iter().find(|(p, _)| *p == c) {
            Some((_, d)) => out.extend(d.chars()),
            None => out.push(c),
        }
    }
    // Put each run of marks in canonical order (stable, so equal classes keep their order).
    let mut i = 0;
    while i < out.len() {
        if is_mark(out[i]) {
            let start = i;
            while i < out.len() && is_mark(out[i]) {
                i += 1;
            }
            out[start..i].sort_by_key(|c| ccc(*c));
        } else {
            i += 1;
        }
    }
    out.into_iter().collect()
}

/// A name as a file name part: letters without diacritics and digits, words joined by `-`
/// ("THPT Nguyễn Du" → `thpt-nguyen-du`), at most 60 characters; `truong` when nothing is left.
pub fn file_slug(s: &str) -> String {
    let mut out = String::new();
    for c in loose(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "truong".into() } else { out }
}

/// Like [`key`] without the diacritics (and đ as d), for forgiving search.
pub fn loose(s: &str) -> String {
    key(s)
        .chars()
        .filter(|c| !is_mark(*c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// A letter with a diacritic of the Latin blocks Vietnamese is written in (Latin-1, Extended-A
/// and -B for đ, ơ, ư; Extended Additional for ạ … ỹ), or a combining mark.
fn accented(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' | '\u{300}'..='\u{36f}')
        && c != '×'
        && c != '÷'
}

/// A letter of a Vietnamese or English word.
fn letter(c: char) -> bool {
    c.is_ascii_alphabetic() || accented(c)
}

/// Whether a word carries Vietnamese letters (a diacritic or đ): "phố", "Đà", not "Linh".
fn marked(word: &str) -> bool {
    word.chars().any(accented)
}

/// Whether `s` reads as Vietnamese: at least half of its words carry Vietnamese letters
/// ("Thành phố Hà Nội", "Xã Mô Phỏng Ba"), not an English phrase with a name in it ("Go to
/// Công an Phường Mô Phỏng Một on the booked date").
pub fn is_vietnamese(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(letter))
        .collect();
    let vietnamese = words.iter().fold(0, |n, w| n + usize::from(marked(w)));
    !words.is_empty() && 2 * vietnamese >= words.len()
}

/// An English text with Vietnamese in it, cut into pieces marked `true` where they are
/// Vietnamese — for `lang="vi"` on them (WCAG 3.1.2). The English portal's labels keep the
/// real portal's words in brackets ("Province/City (Tỉnh/Thành phố)") or the other way round
/// ("Mẹ (mother)"): the text outside the brackets and each bracket's inside are judged apart,
/// with [`is_vietnamese`]. The pieces put together give `s` back.
pub fn vietnamese_parts(s: &str) -> Vec<(&str, bool)> {
    // (start, end, inside brackets) of each piece, brackets themselves outside.
    let mut cuts: Vec<(usize, usize, bool)> = Vec::new();
    let (mut depth, mut from) = (0usize, 0usize);
    for (i, c) in s.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    cuts.push((from, i + 1, false));
                    from = i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    cuts.push((from, i, true));
                    from = i;
                }
            }
            _ => {}
        }
    }
    cuts.push((from, s.len(), false));
    // The text outside the brackets is judged as a whole: "98 – Tỉnh Thử Nghiệm (invented)".
    let outside: String = cuts
        .iter()
        .filter(|c| !c.2)
        .map(|&(a, b, _)| &s[a..b])
        .collect::<Vec<_>>()
        .join(" ");
    let outside_vi = is_vietnamese(&outside);
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    for (a, b, inside) in cuts {
        if a == b {
            continue;
        }
        let piece = &s[a..b];
        let vi = if inside {
            is_vietnamese(piece)
        } else {
            outside_vi && piece.chars().any(letter)
        };
        // Pieces follow each other: one of the same language grows the last one.
        match out.last_mut() {
            Some(last) if last.2 == vi => last.1 = b,
            _ => out.push((a, b, vi)),
        }
    }
    out.into_iter().map(|(a, b, vi)| (&s[a..b], vi)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_school_name_becomes_a_plain_file_name() {
        assert_eq!(file_slug("THPT Nguyễn Du"), "thpt-nguyen-du");
        assert_eq!(
            file_slug("  Trường THPT Đống Đa (cơ sở 2) "),
            "truong-thpt-dong-da-co-so-2"
        );
        assert_eq!(file_slug("../../"), "truong");
    }

    #[test]
    fn nfc_and_nfd_spellings_of_a_name_match() {
        let nfc = "Nguyễn Thị Ánh Tuyết";
        let nfd = "Nguye\u{302}\u{303}n Thi\u{323} A\u{301}nh Tuye\u{302}\u{301}t";
        assert_ne!(nfc, nfd);
        assert_eq!(key(nfc), key(nfd));
        assert_eq!(key("  NGUYỄN   thị ánh tuyết "), key(nfc));
        // Marks typed out of canonical order still match.
        assert_eq!(key("e\u{302}\u{323}"), key("ệ"));
    }

    #[test]
    fn key_keeps_diacritics_but_loose_drops_them() {
        assert_ne!(key("Lê Văn"), key("Le Van"));
        assert_eq!(loose("Lê Văn Đức"), "le van duc");
        assert_eq!(loose("Phạm Thị Ngọc Ước"), loose("pham thi ngoc uoc"));
    }
    #[test]
    fn the_vietnamese_parts_of_an_english_portal_label() {
        assert_eq!(
            vietnamese_parts("Province/City (Tỉnh/Thành phố)"),
            vec![
                ("Province/City (", false),
                ("Tỉnh/Thành phố", true),
                (")", false)
            ]
        );
        assert_eq!(
            vietnamese_parts("Mẹ (mother)"),
            vec![("Mẹ (", true), ("mother)", false)]
        );
        assert_eq!(
            vietnamese_parts("98 – Tỉnh Thử Nghiệm (invented)"),
            vec![("98 – Tỉnh Thử Nghiệm (", true), ("invented)", false)]
        );
        assert_eq!(
            vietnamese_parts("Thành phố Hà Nội"),
            vec![("Thành phố Hà Nội", true)]
        );
        assert_eq!(
            vietnamese_parts("Xã Mô Phỏng Ba"),
            vec![("Xã Mô Phỏng Ba", true)]
        );
        // English with a name in it, and plain English, stay English.
        let go = "Go to Công an Phường Mô Phỏng Một on the booked date to give biometrics if asked";
        assert_eq!(vietnamese_parts(go), vec![(go, false)]);
        assert_eq!(vietnamese_parts("Full name"), vec![("Full name", false)]);
        assert_eq!(vietnamese_parts("Code (SMS)"), vec![("Code (SMS)", false)]);
        assert!(vietnamese_parts("").is_empty());
        // Brackets inside brackets and a bracket never closed.
        assert_eq!(
            vietnamese_parts("Form (Phiếu số 1 (mẫu)) sent"),
            vec![
                ("Form (", false),
                ("Phiếu số 1 (mẫu)", true),
                (") sent", false)
            ]
        );
        assert_eq!(concat(vietnamese_parts("Level (Cấp xã")), "Level (Cấp xã");
        // Decomposed letters (pasted from a Mac) count too.
        assert!(is_vietnamese("Tha\u{300}nh pho\u{302}\u{301}"));
    }

    fn concat(parts: Vec<(&str, bool)>) -> String {
        parts.into_iter().map(|p| p.0).collect()
    }
    /// Every letter of the Vietnamese alphabet (its 12 vowels — a ă â e ê i o ô ơ u ư y — with
    /// each of the five tones or none, composed by the `unicode-normalization` crate, đ, and
    /// the other letters), in generated names written in NFC and in NFD, with capitals and
    /// stray spaces: `key` is exactly that crate's NFD of the lower-cased name with single
    /// spaces.
    #[test]
    // The reference crates are native dev-dependencies only.
    #[cfg(not(target_arch = "wasm32"))]
    fn key_is_the_nfd_of_the_lowercased_name_for_every_vietnamese_letter() {
        use unicode_normalization::UnicodeNormalization;
        let vowels: [(char, &[&str]); 6] = [
            ('a', &["", "\u{306}", "\u{302}"]),
            ('e', &["", "\u{302}"]),
            ('i', &[""]),
            ('o', &["", "\u{302}", "\u{31b}"]),
            ('u', &["", "\u{31b}"]),
            ('y', &[""]),
        ];
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"];
        let mut lower: Vec<char> = Vec::new();
        for (base, mods) in vowels {
            for m in mods {
                for tone in tones {
                    let composed: Vec<char> = format!("{base}{m}{tone}").nfc().collect();
                    assert_eq!(composed.len(), 1, "{base}{m}{tone}");
                    lower.push(composed[0]);
                }
            }
        }
        assert_eq!(lower.len(), 72);
        lower.extend("bcdđfghjklmnpqrstvwxz".chars());
        let letters: Vec<char> = lower
            .iter()
            .flat_map(|c| [*c].into_iter().chain(c.to_uppercase()))
            .collect();
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..5000 {
            let mut name = String::new();
            for w in 0..1 + next(4) {
                name.push_str(["", " ", "  ", "\t"][next(4)]);
                if w > 0 {
                    name.push(' ');
                }
                for _ in 0..1 + next(7) {
                    name.push(letters[next(letters.len())]);
                }
            }
            name.push_str(["", " ", "  "][next(3)]);
            let single: String = name.split_whitespace().collect::<Vec<_>>().join(" ");
            let want: String = single.to_lowercase().nfd().collect();
            let nfc: String = name.nfc().collect();
            let nfd: String = name.nfd().collect();
            assert_eq!(key(&nfc), want, "{nfc:?}");
            assert_eq!(key(&nfd), want, "{nfd:?}");
        }
    }
}
