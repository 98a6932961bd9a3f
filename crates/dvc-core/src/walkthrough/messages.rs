//! What the simulated portal says when a value is wrong, in both languages. The scenario files
//! hold the teacher's explanations of typical mistakes; this module holds the portal's own
//! messages, including the real required-field message of the VNeID forms.

use super::formats::{CharKind, RuleError, Stamp};
use crate::content::syntax::Lang;

/// The real message shown when a field marked `*` is empty (VNeID e-forms).
pub fn required(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Vui lòng nhập đầy đủ các thông tin có dấu *",
        Lang::En => "Please fill in all the information marked *",
    }
}

/// A select, radio or checkbox value that is not one of its options.
pub fn not_an_option(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Hãy chọn một mục trong danh sách.",
        Lang::En => "Choose an item from the list.",
    }
}

/// An action tried after its deadline.
pub fn locked(until: Stamp, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Đã hết hạn lúc {until}: hệ thống đã khóa, không thể thay đổi nữa."),
        Lang::En => format!(
            "The deadline was {until}: the system is locked and nothing can be changed any more."
        ),
    }
}

fn megabytes(kb: u32, lang: Lang) -> String {
    let text = if kb.is_multiple_of(1000) {
        (kb / 1000).to_string()
    } else {
        format!("{:.1}", f64::from(kb) / 1000.0)
    };
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The portal's message for a value that breaks a rule.
pub fn rule(err: &RuleError, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let pick = |v: &str, e: &str| if vi { v.to_string() } else { e.to_string() };
    match err {
        RuleError::IdLength => pick(
            "Số định danh cá nhân phải có đúng 12 chữ số.",
            "The personal ID number must have exactly 12 digits.",
        ),
        RuleError::IdProvince(code) => pick(
            &format!(
                "Ba chữ số đầu ({code}) phải là mã tỉnh nơi đăng ký khai sinh, nhưng {code} không phải mã tỉnh nào."
            ),
            &format!(
                "The first three digits ({code}) must be the code of the province where the birth was registered, and {code} is no province code."
            ),
        ),
        RuleError::IdCentury { digit, year } => {
            let male = (year.div_euclid(100) - 19) * 2;
            pick(
                &format!(
                    "Chữ số thứ 4 ({digit}) cho biết thế kỷ sinh và giới tính: người sinh năm {year} phải có chữ số {male} (nam) hoặc {} (nữ).",
                    male + 1
                ),
                &format!(
                    "The 4th digit ({digit}) encodes the century of birth and the sex: someone born in {year} has {male} (male) or {} (female).",
                    male + 1
                ),
            )
        }
        RuleError::IdYear { year } => {
            let yy = format!("{:02}", year.rem_euclid(100));
            pick(
                &format!(
                    "Chữ số thứ 5 và 6 là hai số cuối của năm sinh: sinh năm {year} thì phải là {yy}."
                ),
                &format!(
                    "Digits 5 and 6 are the last two digits of the birth year: for {year} they must be {yy}."
                ),
            )
        }
        RuleError::IdSex { digit, female } => {
            let want = digit / 2 * 2 + u8::from(*female);
            pick(
                &format!(
                    "Chữ số thứ 4 ({digit}) là của {}; người này là {} nên chữ số đó phải là {want}.",
                    if *female { "nam" } else { "nữ" },
                    if *female { "nữ" } else { "nam" }
                ),
                &format!(
                    "The 4th digit ({digit}) means {}; this person is {}, so it must be {want}.",
                    if *female { "male" } else { "female" },
                    if *female { "female" } else { "male" }
                ),
            )
        }
        RuleError::Phone => pick(
            "Số điện thoại phải có 10 chữ số và bắt đầu bằng số 0.",
            "A phone number has 10 digits and starts with 0.",
        ),
        RuleError::PasswordWeak { short, missing } => {
            let mut parts: Vec<&str> = Vec::new();
            if *short {
                parts.push(if vi {
                    "đủ 8 ký tự"
                } else {
                    "8 characters"
                });
            }
            for k in missing {
                parts.push(match (k, vi) {
                    (CharKind::Upper, true) => "chữ hoa",
                    (CharKind::Lower, true) => "chữ thường",
                    (CharKind::Digit, true) => "chữ số",
                    (CharKind::Symbol, true) => "ký tự đặc biệt",
                    (CharKind::Upper, false) => "an upper-case letter",
                    (CharKind::Lower, false) => "a lower-case letter",
                    (CharKind::Digit, false) => "a digit",
                    (CharKind::Symbol, false) => "a special character",
                });
            }
            pick(
                &format!(
                    "Mật khẩu phải có ít nhất 8 ký tự, gồm chữ hoa, chữ thường, chữ số và ký tự đặc biệt. Còn thiếu: {}.",
                    parts.join(", ")
                ),
                &format!(
                    "The password needs at least 8 characters with upper case, lower case, a digit and a special character. Missing: {}.",
                    parts.join(", ")
                ),
            )
        }
        RuleError::PasscodeFormat => pick(
            "Mã passcode gồm đúng 6 chữ số.",
            "The passcode is exactly 6 digits.",
        ),
        RuleError::PasscodeSimple => pick(
            "Mã passcode này quá dễ đoán (000000, 123456): hãy chọn 6 chữ số khác.",
            "This passcode is too easy to guess (000000, 123456): choose 6 other digits.",
        ),
        RuleError::Digits(n) => pick(
            &format!("Mã này gồm đúng {n} chữ số."),
            &format!("This code is exactly {n} digits."),
        ),
        RuleError::DateFormat => pick(
            "Ngày phải viết theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/09/2009.",
            "Write the date as day/month/year (dd/mm/yyyy), e.g. 05/09/2009.",
        ),
        RuleError::DateInvalid => pick(
            "Ngày này không có trên lịch: hãy kiểm tra lại ngày và tháng.",
            "That day does not exist: check the day and the month.",
        ),
        RuleError::DateFuture(today) => pick(
            &format!("Ngày này ở sau hôm nay ({today}): không thể là một ngày trong tương lai."),
            &format!("That date is after today ({today}): it cannot be in the future."),
        ),
        RuleError::Email => pick(
            "Địa chỉ email chưa đúng dạng, ví dụ ten@mien.vn.",
            "That is not an e-mail address, e.g. name@domain.vn.",
        ),
        RuleError::Choose { want, got } => pick(
            &format!("Phải chọn đúng {want} mục (bạn đang chọn {got})."),
            &format!("Choose exactly {want} items (you have chosen {got})."),
        ),
        RuleError::Duplicate => pick(
            "Mỗi mục chỉ được chọn một lần.",
            "Each item can be chosen only once.",
        ),
        RuleError::Set { missing, extra } => {
            let mut s = String::new();
            if *missing > 0 {
                s += &pick(
                    &format!("Còn thiếu {missing} mục đúng. "),
                    &format!("{missing} right item(s) missing. "),
                );
            }
            if *extra > 0 {
                s += &pick(
                    &format!("Có {extra} mục bạn chọn không đúng."),
                    &format!("{extra} of your choices are wrong."),
                );
            }
            s.trim_end().to_string()
        }
        RuleError::NotEqual => pick(
            "Thông tin chưa đúng: hãy đọc lại và thử lại.",
            "That is not right: read again and retry.",
        ),
        RuleError::NotContains => pick(
            "Không tìm thấy thủ tục phù hợp với từ khóa này. Hãy thử từ khóa khác.",
            "No procedure matches that keyword. Try another one.",
        ),
        RuleError::TooShort(n) => pick(
            &format!("Cần ít nhất {n} ký tự."),
            &format!("Write at least {n} characters."),
        ),
        RuleError::TooLong(n) => pick(
            &format!("Tối đa {n} ký tự."),
            &format!("At most {n} characters."),
        ),
        RuleError::NumberRange { min, max } => pick(
            &format!("Nhập một số từ {min} đến {max}."),
            &format!("Enter a number from {min} to {max}."),
        ),
        RuleError::FileType { name, allowed } => {
            let list = allowed
                .iter()
                .map(|t| t.to_uppercase())
                .collect::<Vec<_>>()
                .join(", ");
            pick(
                &format!("Tệp {name} không đúng định dạng. Chỉ nhận: {list}."),
                &format!("{name} is not an accepted file type. Accepted: {list}."),
            )
        }
        RuleError::FileTooBig { name, max_kb } => pick(
            &format!(
                "Tệp {name} lớn hơn {} MB cho phép.",
                megabytes(*max_kb, lang)
            ),
            &format!(
                "{name} is larger than the {} MB allowed.",
                megabytes(*max_kb, lang)
            ),
        ),
        RuleError::TooManyFiles(n) => pick(
            &format!("Chỉ được đính kèm tối đa {n} tệp."),
            &format!("Attach at most {n} file(s)."),
        ),
        RuleError::NotSame => pick(
            "Hai lần nhập không giống nhau.",
            "The two entries are not the same.",
        ),
        RuleError::NotDifferent => pick(
            "Không được trùng với thông tin ở ô trước.",
            "This must differ from the field before.",
        ),
        RuleError::DossierCode => pick(
            "Mã hồ sơ chưa đúng dạng, ví dụ 000.00.31.H99-250915-0007.",
            "That is not a dossier code; it looks like 000.00.31.H99-250915-0007.",
        ),
    }
}
