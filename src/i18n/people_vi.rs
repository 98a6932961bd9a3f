//! Tiếng Việt: tài khoản học (the student's profile — "hồ sơ" is kept for the administrative
//! dossiers the lessons teach about), giấy chứng nhận, chuyển tiến độ.

use super::people::PeopleStrings;
use crate::profile::Problem;
use crate::transfer::ImportError;
use crate::transfer::ImportFailure;

/// Vietnamese profile strings.
pub static PEOPLE_VI: PeopleStrings = PeopleStrings {
    title: "Ai đang học?",
    lead: "Chọn tên của bạn, hoặc tạo tài khoản học mới nếu đây là lần đầu. Mỗi bạn một tài khoản học để tiến độ không bị lẫn.",
    gate: "Hãy chọn tài khoản học của bạn trước, để kết quả được lưu đúng người.",
    search: "Tìm theo tên hoặc lớp",
    list_label: "Tài khoản học trên máy này",
    none: "Máy này chưa có tài khoản học nào. Hãy tạo tài khoản học của bạn.",
    no_match: "Không có tên nào khớp. Thử gõ ít chữ hơn, hoặc tạo tài khoản học mới.",
    has_pin: "có mã PIN",
    pin_for: |name| format!("Mã PIN của {name}"),
    pin_wrong: "Mã PIN chưa đúng. Nếu quên mã, hãy nhờ thầy cô.",
    pin_enter: "Vào học",
    cancel: "Hủy",
    create_open: "Tạo tài khoản học mới",
    create_title: "Tạo tài khoản học mới",
    field_name: "Họ và tên",
    field_name_hint: "Có dấu, ví dụ: Nguyễn Thị Linh",
    field_class: "Lớp",
    field_class_hint: "Ví dụ: 10A1",
    field_school: "Trường",
    field_school_hint: "Ví dụ: THPT Trần Liễu",
    field_code: "Mã học sinh",
    field_code_hint: "Điền nếu bạn biết (mã này có trong danh sách lớp của thầy cô).",
    field_pin: "Mã PIN 4 chữ số",
    field_pin_hint: "Giúp các bạn khác không vào nhầm tài khoản học của bạn trên máy dùng chung. Mã này không bảo mật cao: đừng dùng mã PIN điện thoại, thẻ ngân hàng hay mật khẩu thật.",
    field_pin_again: "Nhập lại mã PIN",
    optional: "(không bắt buộc)",
    create_submit: "Tạo và bắt đầu học",
    more_options: "Thêm tuỳ chọn",
    more_options_inside: |school| {
        if school.is_empty() {
            "mã học sinh, PIN".into()
        } else {
            format!("trường ({school}), mã học sinh, PIN")
        }
    },
    form_errors: |n| format!("Có {n} chỗ cần sửa trong biểu mẫu."),
    problem: |p| match p {
        Problem::Empty => "Ô này không được để trống.",
        Problem::NameNotFull => {
            "Hãy gõ đủ họ và tên (ít nhất hai chữ), để thầy cô tìm được bạn trong danh sách lớp."
        }
        Problem::NameCharacters => {
            "Họ tên chỉ gồm chữ cái (có dấu) và dấu cách, không có số hay ký hiệu."
        }
        Problem::ClassFormat => {
            "Lớp viết theo dạng khối 10, 11 hoặc 12 rồi đến tên lớp, ví dụ 10A1 hoặc 11B."
        }
        Problem::CodeFormat => "Mã học sinh chỉ gồm chữ cái và chữ số, tối đa 20 ký tự.",
        Problem::PinFormat => "Mã PIN phải đúng 4 chữ số, ví dụ 2580.",
        Problem::PinMismatch => "Hai lần nhập mã PIN chưa giống nhau.",
        Problem::Duplicate => {
            "Máy này đã có tài khoản học cùng họ tên và lớp. Hãy chọn tài khoản học đó trong danh sách ở trên."
        }
        Problem::TooLong => "Nội dung quá dài.",
    },
    import_title: "Đã học ở máy khác?",
    restore_title: "Khôi phục tài khoản học của học sinh từ tệp",
    restore_help: "Dùng khi bộ nhớ của máy đã đầy hoặc khi chuyển sang máy khác: chọn tệp “Xuất dữ liệu ra tệp” hay tệp tiến độ của máy. Các tài khoản học được thêm hoặc gộp vào máy này; nếu không đủ chỗ thì không có gì bị thay đổi.",
    import_help: "Chọn tệp tiến độ (.json) bạn đã tải về ở máy kia. Tiến độ được gộp, không mất gì.",
    import_button: "Nhập tệp tiến độ",
    import_done: |r| {
        let mut parts = Vec::new();
        if !r.created.is_empty() {
            parts.push(format!("Đã thêm tài khoản học: {}.", r.created.join(", ")));
        }
        if !r.merged.is_empty() {
            parts.push(format!(
                "Đã gộp tiến độ vào tài khoản học: {}.",
                r.merged.join(", ")
            ));
        }
        if !r.unchanged.is_empty() {
            parts.push(format!(
                "Không có gì mới: máy này đã có đủ tiến độ trong tệp của {}.",
                r.unchanged.join(", ")
            ));
        }
        for (who, c) in &r.conflicts {
            let field = field_name(c.field);
            parts.push(format!(
                "Lưu ý: {who} có {field} khác nhau — máy này giữ “{}”, tệp ghi “{}”.",
                c.kept, c.other
            ));
        }
        if r.needs_pin.is_some() {
            parts.push("Tài khoản học này có mã PIN: hãy chọn tên của bạn trong danh sách rồi nhập mã PIN để tiếp tục.".into());
        }
        parts.join(" ")
    },
    import_failed: |f| {
        match f {
        ImportFailure::NotYours(name) => format!("Tệp này là tiến độ của {name}, không phải của bạn. Hãy bấm “Đổi người học” rồi nhập ở trang chọn tài khoản học."),
        ImportFailure::WholePc(n) => format!("Tệp này có {n} tài khoản học: đó là tệp của cả một máy, do thầy cô xuất. Thầy cô nhập nó ở khu vực Giáo viên. Không có gì bị thay đổi."),
        ImportFailure::Storage(_) => "Bộ nhớ của trình duyệt đã đầy nên chưa nhập được. Không có gì bị thay đổi.".into(),
        ImportFailure::File(e) => match e {
            ImportError::TooLarge { mb } => format!("Tệp nặng {mb} MB, quá lớn so với một tệp tiến độ DVC Lab. Bạn chọn đúng tệp chưa?"),
            ImportError::NotJson(_) => "Tệp không đầy đủ hoặc không phải tệp tiến độ DVC Lab (có thể việc sao chép chưa xong). Không có gì bị thay đổi.".into(),
            ImportError::NotOurs => "Đây không phải tệp tiến độ DVC Lab. Không có gì bị thay đổi.".into(),
            ImportError::Newer(v) => format!("Tệp này do phiên bản DVC Lab mới hơn tạo ra (định dạng {v}). Hãy cập nhật ứng dụng rồi nhập lại."),
            ImportError::Tampered(name) => format!("Dữ liệu của {name} trong tệp đã bị sửa sau khi xuất (mã kiểm tra không khớp) nên không được nhập."),
            ImportError::Damaged(_) => "Một tài khoản học trong tệp bị hỏng nên tệp không được nhập. Không có gì bị thay đổi.".into(),
            ImportError::Empty => "Tệp không có tài khoản học nào.".into(),
            ImportError::OutOfRange { name, problem } => format!("Dữ liệu của {name} trong tệp có giá trị mà DVC Lab không bao giờ ghi ({}), có thể tệp đã bị sửa hoặc hỏng. Tệp không được nhập; không có gì bị thay đổi.", out_of_range(problem)),
            ImportError::SchoolSummary => "Đây là báo cáo tổng hợp của trường, để gửi cho phường (mở qua liên kết “Dành cho phường” ở cuối trang), không phải tệp tiến độ. Không có gì bị thay đổi.".into(),
            ImportError::TooMany(n) => format!("Tệp có {n} tài khoản học, nhiều hơn số học sinh của một trường. Bạn chọn đúng tệp chưa? Không có gì bị thay đổi."),
        },
    }
    },

    chart_title: "Điểm cao nhất từng bài",
    chart_pass_line: "Mức đạt: 80%",
    move_title: "Mang tiến độ sang máy khác",
    move_help: "Tải tệp tiến độ của bạn về, rồi mở DVC Lab trên điện thoại hoặc máy khác và chọn “Nhập tệp tiến độ”. Tiến độ ở hai nơi được gộp lại.",
    download_own: "Tải về tệp tiến độ của bạn",
    import_own: "Nhập tệp tiến độ vào tài khoản học này",
    certificate_link: "Xem và in giấy chứng nhận",

    cert_title: "Giấy chứng nhận",
    cert_heading: "GIẤY CHỨNG NHẬN HOÀN THÀNH",
    cert_awarded: "DVC Lab chứng nhận học sinh",
    cert_module: "đã hoàn thành chương trình luyện tập “Kỹ năng sử dụng dịch vụ công trực tuyến”",
    cert_class: "Lớp",
    cert_school: "Trường",
    cert_date: "Ngày hoàn thành",
    cert_results: "Kết quả",
    cert_code: "Mã xác minh",
    cert_code_help: "Thầy cô có thể kiểm tra mã này ở Khu vực giáo viên, sau khi nhập tệp tiến độ của bạn.",
    cert_print: "In giấy chứng nhận",
    cert_save_pdf: "Lưu thành tệp PDF",
    cert_pdf_hint: "Để lưu thành tệp: bấm “Lưu thành tệp PDF”, chọn máy in “Lưu dưới dạng PDF” rồi bấm “Lưu”. Giấy vừa một trang A4.",
    cert_share: "Chia sẻ",
    cert_share_title: "Giấy chứng nhận DVC Lab",
    cert_share_text: |name, class, school, day, code| {
        let school = if school.is_empty() {
            String::new()
        } else {
            format!(", {school}")
        };
        format!(
            "{name} (lớp {class}{school}) đã hoàn thành chương trình luyện tập “Kỹ năng sử dụng dịch vụ công trực tuyến” của DVC Lab ngày {day}. Mã xác minh: {code}."
        )
    },
    cert_share_failed: "Máy này không chia sẻ được. Hãy lưu thành tệp PDF rồi gửi tệp đó.",
    cert_not_yet: "Bạn chưa hoàn thành chương trình. Giấy chứng nhận sẽ hiện khi mọi bài học bắt buộc đạt từ 80% trở lên và mọi bài thực hành đã được tự làm xong (chế độ chấm điểm).",
    cert_note: "Giấy này do ứng dụng luyện tập DVC Lab tạo ra, không phải văn bản của cơ quan nhà nước.",

    teacher_profiles_title: "Tài khoản học trên máy này",
    teacher_no_profiles: "Chưa có tài khoản học nào trên máy này.",
    pc_school_label: "Trường của máy này",
    pc_school_hint: "Tài khoản học mới trên máy này sẽ ghi trường này, học sinh không phải gõ (vẫn đổi được trong “Thêm tuỳ chọn”). Để trống nếu máy dùng cho nhiều trường.",
    pc_school_saved: |school| {
        format!("Đã lưu: tài khoản học mới trên máy này ghi trường “{school}”.")
    },
    pc_school_cleared: "Đã lưu: máy này không đặt sẵn trường, học sinh tự gõ.",
    pc_school_too_long: "Tên trường quá dài (tối đa 80 ký tự).",
    teacher_idle_label: "Tự động đăng xuất sau bao nhiêu phút không thao tác (0 = không tự đăng xuất)",
    teacher_idle_saved: |m| {
        if m == 0 {
            "Đã lưu: không tự đăng xuất.".into()
        } else {
            format!("Đã lưu: tự đăng xuất sau {m} phút.")
        }
    },
    save: "Lưu",
    delete: "Xóa",
    delete_confirm: |name| {
        format!(
            "Xóa tài khoản học của {name} khỏi máy này? Máy vẫn cất riêng một bản sao; bản này có trong tệp sao lưu của máy (khu vực giáo viên, mục “Khi có sự cố”)."
        )
    },
    col_name: "Họ và tên",
    col_class: "Lớp",
    col_done: "Bài đã đạt",
};

/// What is out of range in an imported record, in Vietnamese.
fn out_of_range(p: &crate::progress::OutOfRange) -> &'static str {
    use crate::progress::OutOfRange::*;
    match p {
        Date(_) => "một ngày nằm ngoài khoảng 2020–2099",
        Score(_) => "một điểm lớn hơn 100",
        Count(_) => "một con số lớn bất thường",
        Id(_) => "một mã bài học hoặc mã tài khoản học không hợp lệ",
        Detail(_) => "họ tên, lớp, trường hoặc mã học sinh quá dài hay có ký tự lạ",
    }
}

/// A student detail's name, in Vietnamese.
pub fn field_name(f: crate::progress::Field) -> &'static str {
    use crate::progress::Field::*;
    match f {
        Name => "họ tên",
        Class => "lớp",
        School => "trường",
        Code => "mã học sinh",
    }
}
