//! The validation rules against the real formats (shared/domain §2, §3.1, §6).

use crate::walkthrough::formats::{
    CharKind, Date, RuleError, Stamp, check_dossier_code, check_password, check_personal_id, fold,
};
use crate::walkthrough::rules::{Ctx, Rule};
use crate::walkthrough::scenario::Values;

fn today() -> Date {
    Date::new(2025, 9, 15).expect("a real day")
}

fn check(spec: &str, value: &str) -> Result<(), RuleError> {
    check_with(spec, value, &Values::new())
}

fn check_with(spec: &str, value: &str, values: &Values) -> Result<(), RuleError> {
    let rule = Rule::parse(spec).expect("a valid rule");
    let ctx = Ctx {
        today: today(),
        tray: vec![("anh.jpg", 800), ("to-lon.pdf", 7500), ("anh.png", 300)],
        values,
    };
    rule.check(value, &ctx)
}

#[test]
fn personal_id_structure_province_century_year_and_sex() {
    // 001 Hà Nội, 3 = female born 2000–2099, 09 = 2009 (a fake number).
    assert_eq!(
        check_personal_id("001309000246", Some(2009), Some(true)),
        Ok(())
    );
    assert_eq!(check_personal_id(" 001309000246 ", None, None), Ok(()));
    // 087 Đồng Tháp, 0 = male born 1900–1999: the source's example.
    assert_eq!(
        check_personal_id("087084000999", Some(1984), Some(false)),
        Ok(())
    );
    assert_eq!(
        check_personal_id("00130900024", None, None),
        Err(RuleError::IdLength)
    );
    assert_eq!(
        check_personal_id("0013090002466", None, None),
        Err(RuleError::IdLength)
    );
    assert_eq!(
        check_personal_id("00130900024a", None, None),
        Err(RuleError::IdLength)
    );
    assert_eq!(
        check_personal_id("003309000246", None, None),
        Err(RuleError::IdProvince("003".into()))
    );
    assert_eq!(
        check_personal_id("099309000246", None, None),
        Err(RuleError::IdProvince("099".into()))
    );
    // Born 2009 but the century digit says 1900s.
    assert_eq!(
        check_personal_id("001109000246", Some(2009), Some(true)),
        Err(RuleError::IdCentury {
            digit: 1,
            year: 2009
        })
    );
    // Right century, wrong year digits.
    assert_eq!(
        check_personal_id("001310000246", Some(2009), Some(true)),
        Err(RuleError::IdYear { year: 2009 })
    );
    // Right century, wrong sex: 2 is male.
    assert_eq!(
        check_personal_id("001209000246", Some(2009), Some(true)),
        Err(RuleError::IdSex {
            digit: 2,
            female: true
        })
    );
    assert_eq!(
        check_personal_id("001309000246", Some(2009), Some(false)),
        Err(RuleError::IdSex {
            digit: 3,
            female: false
        })
    );
    // 2100s: 4 male / 5 female.
    assert_eq!(
        check_personal_id("001501000246", Some(2101), Some(true)),
        Ok(())
    );
    assert!(check("personal-id born=2009 sex=female", "001309000246").is_ok());
}

#[test]
fn phone_is_ten_digits_starting_with_zero() {
    assert!(check("phone", "0912345678").is_ok());
    for bad in [
        "912345678",
        "09123456789",
        "+84912345678",
        "1912345678",
        "0912 345 678",
        "09123a5678",
    ] {
        assert_eq!(check("phone", bad), Err(RuleError::Phone), "{bad}");
    }
}

#[test]
fn strong_password_needs_length_upper_lower_digit_symbol() {
    assert_eq!(check_password("Hoa.Sen#17"), Ok(()));
    assert_eq!(check_password("Mật.Khẩu9"), Ok(()));
    assert_eq!(
        check_password("linh2009"),
        Err(RuleError::PasswordWeak {
            short: false,
            missing: vec![CharKind::Upper, CharKind::Symbol]
        })
    );
    assert_eq!(
        check_password("Linh@20"),
        Err(RuleError::PasswordWeak {
            short: true,
            missing: vec![]
        })
    );
    assert!(
        matches!(check_password("HOASEN#17"), Err(RuleError::PasswordWeak { missing, .. }) if missing == vec![CharKind::Lower])
    );
    assert!(
        matches!(check_password("Hoa.Sen#xx"), Err(RuleError::PasswordWeak { missing, .. }) if missing == vec![CharKind::Digit])
    );
}

#[test]
fn passcode_is_six_digits_and_not_trivial() {
    assert!(check("passcode", "370951").is_ok());
    assert_eq!(check("passcode", "000000"), Err(RuleError::PasscodeSimple));
    assert_eq!(check("passcode", "123456"), Err(RuleError::PasscodeSimple));
    assert_eq!(check("passcode", "37095"), Err(RuleError::PasscodeFormat));
    assert_eq!(check("passcode", "37O951"), Err(RuleError::PasscodeFormat));
    assert_eq!(check("digits 6", "482913"), Ok(()));
    assert_eq!(check("digits 6", "48291"), Err(RuleError::Digits(6)));
}

#[test]
fn dates_are_dd_mm_yyyy_real_and_not_in_the_future() {
    assert!(check("date", "12/05/2009").is_ok());
    assert!(check("date", "15/09/2025").is_ok(), "today itself is fine");
    assert!(check("date", "29/02/2024").is_ok(), "leap year");
    assert_eq!(
        check("date", "16/09/2025"),
        Err(RuleError::DateFuture(today()))
    );
    assert_eq!(check("date", "29/02/2023"), Err(RuleError::DateInvalid));
    assert_eq!(check("date", "31/04/2009"), Err(RuleError::DateInvalid));
    assert_eq!(check("date", "12/13/2009"), Err(RuleError::DateInvalid));
    for bad in ["2009-05-12", "12/5/2009", "12/05/09", "12.05.2009", ""] {
        assert_eq!(check("date", bad), Err(RuleError::DateFormat), "{bad}");
    }
    // "Today" is a parameter: the same date is fine a day later.
    let rule = Rule::Date;
    let values = Values::new();
    let later = Ctx {
        today: Date::new(2025, 9, 16).expect("day"),
        tray: vec![],
        values: &values,
    };
    assert!(rule.check("16/09/2025", &later).is_ok());
    let s = Stamp::parse("28/04/2025 17:00").expect("stamp");
    assert_eq!(s.to_string(), "17:00 28/04/2025");
    assert!(
        Stamp::parse("28/04/2025 17:00").expect("a") < Stamp::parse("28/04/2025 17:01").expect("b")
    );
    assert_eq!(Stamp::parse("28/04/2025 25:00"), None);
}

#[test]
fn exactly_two_distinct_electives() {
    assert!(check("choose 2", "lich-su, dia-li").is_ok());
    assert_eq!(
        check("choose 2", "lich-su"),
        Err(RuleError::Choose { want: 2, got: 1 })
    );
    assert_eq!(
        check("choose 2", "lich-su, dia-li, vat-li"),
        Err(RuleError::Choose { want: 2, got: 3 })
    );
    assert_eq!(
        check("choose 2", "lich-su, lich-su"),
        Err(RuleError::Duplicate)
    );
}

#[test]
fn sets_equals_contains_lengths_numbers_email() {
    assert!(check("set a, b, c", "c, a, b").is_ok());
    assert_eq!(
        check("set a, b, c", "a, b"),
        Err(RuleError::Set {
            missing: 1,
            extra: 0
        })
    );
    assert_eq!(
        check("set a, b, c", "a, b, c, d"),
        Err(RuleError::Set {
            missing: 0,
            extra: 1
        })
    );
    assert!(check("equals NGUYỄN THỊ LINH", "  Nguyễn  Thị Linh ").is_ok());
    assert_eq!(check("equals 7KX2P", "7KX2"), Err(RuleError::NotEqual));
    assert!(check("exact Tn25@x7q", " Tn25@x7q").is_ok());
    assert_eq!(
        check("exact Tn25@x7q", "tn25@x7q"),
        Err(RuleError::NotEqual)
    );
    assert!(check("one-of a | b", "B").is_ok());
    assert_eq!(
        fold("Trích LỤC khai sinh, Đăng ký"),
        "trich luc khai sinh, dang ky"
    );
    assert!(check("contains tạm trú", "dang ky TAM TRU").is_ok());
    assert_eq!(
        check("contains tạm trú", "căn cước"),
        Err(RuleError::NotContains)
    );
    assert_eq!(check("length 20..", "ngắn"), Err(RuleError::TooShort(20)));
    assert_eq!(check("length ..5", "123456"), Err(RuleError::TooLong(5)));
    assert!(check("number 1..10", "2").is_ok());
    for bad in ["0", "11", "-1", "2.5", "hai"] {
        assert!(check("number 1..10", bad).is_err(), "{bad}");
    }
    assert!(check("email", "linh@mophong.edu.vn").is_ok());
    for bad in ["linh", "linh@", "@x.vn", "linh@x", "li nh@x.vn", "a@b@c.vn"] {
        assert_eq!(check("email", bad), Err(RuleError::Email), "{bad}");
    }
}

#[test]
fn files_types_sizes_and_count() {
    assert!(check("files jpg,pdf max-mb=5", "anh.jpg").is_ok());
    assert!(matches!(
        check("files jpg,pdf max-mb=5", "anh.png"),
        Err(RuleError::FileType { .. })
    ));
    assert_eq!(
        check("files jpg,pdf max-mb=5", "to-lon.pdf"),
        Err(RuleError::FileTooBig {
            name: "to-lon.pdf".into(),
            max_kb: 5000
        })
    );
    assert_eq!(
        check("files jpg,pdf max-files=1", "anh.jpg, to-lon.pdf"),
        Err(RuleError::TooManyFiles(1))
    );
    assert!(check("files JPG,jpeg", "ANH.JPG").is_ok());
}

#[test]
fn cross_field_and_dossier_code() {
    let mut values = Values::new();
    values.insert("mat-khau".into(), "Hoa.Sen#17".into());
    assert!(check_with("same-as mat-khau", "Hoa.Sen#17", &values).is_ok());
    assert_eq!(
        check_with("same-as mat-khau", "hoa.sen#17", &values),
        Err(RuleError::NotSame)
    );
    assert_eq!(
        check_with("differs-from mat-khau", "Hoa.Sen#17", &values),
        Err(RuleError::NotDifferent)
    );
    assert_eq!(check_dossier_code("000.00.31.H99-250915-0007"), Ok(()));
    for bad in [
        "000.00.31.H99-250915",
        "000.00.31.H99-250931-0007",
        "00.00.31.H99-250915-0007",
        "000.00.31.99-250915-0007",
        "000.00.31.H99-250915-007",
    ] {
        assert_eq!(
            check_dossier_code(bad),
            Err(RuleError::DossierCode),
            "{bad}"
        );
    }
}

#[test]
fn rule_specs_are_parsed_or_explained() {
    assert_eq!(
        Rule::parse("personal-id born=2009 sex=female"),
        Ok(Rule::PersonalId {
            born: Some(2009),
            female: Some(true)
        })
    );
    assert!(
        Rule::parse("phonee")
            .unwrap_err()
            .contains("unknown rule `phonee`")
    );
    assert!(
        Rule::parse("phone 10")
            .unwrap_err()
            .contains("takes nothing")
    );
    assert!(
        Rule::parse("choose two")
            .unwrap_err()
            .contains("whole number")
    );
    assert!(Rule::parse("number 5..1").is_err());
    assert!(Rule::parse("files").is_err());
    assert!(Rule::parse("personal-id sex=x").is_err());
}
