//! Vietnamese words of the ward's report.

use super::ward::WardStrings;
use crate::teacher::summary::SummaryError;
use crate::ward::Added;

/// Vietnamese.
pub static WARD_VI: WardStrings = WardStrings {
    title: "Phường: tổng hợp kết quả các trường",
    lead: "Tỉ lệ học sinh đã hoàn thành của từng trường và toàn phường so với mục tiêu 80% (năm 2026) và 100% (năm 2030), từ tệp báo cáo tổng hợp của các trường (không có tên học sinh).",
    lock_lead: "Trang tổng hợp của phường được bảo vệ bằng mã PIN của máy này.",
    loading: "Đang mở dữ liệu đã lưu…",
    memory_only: "Trình duyệt này không cho ứng dụng lưu dữ liệu của phường (có thể đang ở chế độ ẩn danh). Các tệp đã nhập chỉ dùng được đến khi đóng trang; hãy tải tệp CSV về trước khi đóng.",
    stored_unreadable: "Dữ liệu đã lưu của phường không đọc được nên chưa dùng; hãy nhập lại các tệp của các trường.",
    stored_left_out: |n| {
        format!(
            "{n} báo cáo đã lưu có số liệu không hợp lệ nên đã được bỏ ra; hãy nhập lại tệp của trường đó."
        )
    },
    save_failed: "Chưa lưu được (bộ nhớ của trình duyệt đã đầy?). Số liệu vẫn dùng được đến khi đóng trang; hãy tải tệp CSV về.",

    import_title: "Nhập báo cáo của các trường",
    import_help: "Mỗi trường gửi một tệp “báo cáo tổng hợp của trường” (giáo viên xuất ở khu vực Giáo viên). Chọn một lúc nhiều tệp (hoặc kéo thả vào khung). Báo cáo mới hơn của một trường thay báo cáo cũ; nhập lại đúng một tệp không làm thay đổi gì.",
    import_label: "Chọn tệp báo cáo tổng hợp (.json)",
    drop_here: "… hoặc kéo thả các tệp vào đây.",
    importing: |done, total| format!("Đang đọc {done}/{total} tệp…"),
    added: |file, school, day, added| match added {
        Added::New => format!("{file}: đã thêm {school} (số liệu đến ngày {day})."),
        Added::Same => format!(
            "{file}: đã có đúng báo cáo này của {school} (đến ngày {day}); không có gì thay đổi."
        ),
        Added::Replaced { older } => format!(
            "{file}: đã thay báo cáo đến ngày {} của {school} bằng báo cáo đến ngày {day}.",
            crate::dates::day_of(older)
        ),
        Added::Older { kept } => format!(
            "{file}: phường đã có báo cáo mới hơn của {school} (đến ngày {}); tệp này (đến ngày {day}) không được dùng.",
            crate::dates::day_of(kept)
        ),
        Added::Conflict => format!(
            "{file}: {school} đã có một báo cáo khác cùng ngày {day} với số liệu khác. Xem mục “Cần xem lại” để chọn bản đúng."
        ),
    },
    refused: |file, e| {
        let why = match e {
            SummaryError::TooLarge { kb } => format!("tệp nặng {kb} KB, quá lớn so với một báo cáo tổng hợp. Bạn chọn đúng tệp chưa?"),
            SummaryError::Incomplete(_) => "tệp không đầy đủ hoặc bị hỏng (có thể việc sao chép chưa xong). Hãy xin trường gửi lại.".into(),
            SummaryError::HasNames => "đây là tệp tiến độ có tên học sinh, không phải báo cáo tổng hợp. Tên học sinh không được rời khỏi trường: hãy nhờ giáo viên bấm “Xuất báo cáo tổng hợp của trường” và gửi tệp đó.".into(),
            SummaryError::NotOurs => "đây không phải báo cáo tổng hợp của DVC Lab.".into(),
            SummaryError::Newer(v) => format!("tệp do phiên bản DVC Lab mới hơn tạo ra (định dạng {v}). Hãy cập nhật ứng dụng rồi nhập lại."),
            SummaryError::Edited => "số liệu trong tệp đã bị sửa sau khi xuất (mã kiểm tra không khớp). Hãy xin trường xuất lại.".into(),
            SummaryError::Inconsistent(_) => "số liệu trong tệp không khớp nhau (ví dụ tổng các phần khác sĩ số), có thể tệp đã bị sửa hoặc hỏng. Hãy xin trường xuất lại.".into(),
        };
        format!("{file}: chưa nhập — {why} Không có gì bị thay đổi.")
    },
    unreadable: "trình duyệt không đọc được tệp.",
    too_large: "tệp quá lớn so với một báo cáo tổng hợp.",

    nothing_yet: "Chưa có báo cáo nào. Hãy nhập tệp báo cáo tổng hợp của các trường.",
    ward_line: |done, total, pct| {
        format!("Toàn phường: {done}/{total} học sinh đã hoàn thành — {pct}%")
    },
    days_line: |first, last| match last {
        Some(last) => format!("Số liệu của các trường tính đến các ngày từ {first} đến {last}."),
        None => format!("Số liệu tính đến ngày {first}."),
    },
    schools_count: |n| format!("{n} trường"),
    target_2026: "Mục tiêu 2026: 80%",
    target_2030: "Mục tiêu 2030: 100%",
    target_met: "Đạt",
    target_not_met: "Chưa đạt",
    target_short: |n| format!("(thiếu {n} HS)"),
    target_none: "Không có học sinh",
    chart_title: "Tỉ lệ học sinh đã hoàn thành theo trường (vạch đứt: 80%)",
    chart_line: |school, done, total, pct| format!("{school}: {done}/{total} — {pct}%"),
    table_label: "Bảng số liệu theo trường",
    col_school: "Trường",
    col_as_of: "Đến ngày",
    col_students: "Sĩ số",
    col_completed: "Đã hoàn thành",
    col_in_progress: "Đang học",
    col_not_started: "Chưa bắt đầu",
    col_share: "Tỉ lệ",
    col_target_2026: "Đạt 80%?",
    col_target_2030: "Đạt 100%?",
    whole_ward: "Toàn phường",
    no_lists_badge: "chưa có danh sách lớp",
    no_lists_note: "“Chưa có danh sách lớp”: trường đó chưa nhập danh sách lớp, nên sĩ số chỉ là số học sinh đã dùng ứng dụng và tỉ lệ cao hơn thực tế.",
    conflict_badge: "cần xem lại",
    remove_school: "Bỏ",
    remove_school_aria: |s| format!("Bỏ báo cáo của {s}"),
    remove_school_confirm: |s| format!("Bỏ báo cáo của {s} khỏi tổng hợp của phường?"),

    trend_title: "Số học sinh hoàn thành theo tháng",
    trend_help: "Cộng dồn đến cuối mỗi tháng, trên tổng sĩ số các trường.",
    col_month: "Tháng",
    col_completed_so_far: "Đã hoàn thành (cộng dồn)",
    trend_chart_label: |last, pct| {
        format!(
            "Biểu đồ: tỉ lệ hoàn thành của toàn phường tăng dần theo tháng, đến {last} là {pct}%."
        )
    },

    conflicts_title: "Cần xem lại",
    conflicts_help: "Hai tệp của cùng một trường, cùng ngày, nhưng số liệu khác nhau. Bản đang được tính vẫn được tính cho đến khi bạn chọn.",
    conflict_line: |school, day, (done, total), (other_done, other_total)| {
        format!(
            "{school}, đến ngày {day}: bản đang tính {done}/{total} hoàn thành; bản mới nhập {other_done}/{other_total}."
        )
    },
    use_other: "Dùng bản mới nhập",
    keep_counted: "Giữ bản đang tính",

    exports_title: "Xuất báo cáo của phường",
    csv: "Tải về tệp CSV (mở bằng Excel)",
    print: "In báo cáo",
    clear: "Xoá toàn bộ dữ liệu của phường",
    clear_help: "Xoá mọi báo cáo của các trường đã nhập trên máy này. Các tệp gốc không bị xoá.",
    clear_confirm: "Xoá mọi báo cáo của các trường đã nhập trên máy này?",
    cleared: "Đã xoá dữ liệu của phường trên máy này.",
    download_failed: "Trình duyệt không cho tải tệp xuống. Hãy cho phép tải xuống cho trang này rồi thử lại.",

    print_ward: "Phường",
    print_heading: |span| {
        format!(
            "Báo cáo tổng hợp kết quả học “Kỹ năng sử dụng dịch vụ công trực tuyến” của học sinh trung học phổ thông — số liệu đến {span}"
        )
    },
    printed_on: |date| format!("In ngày {date}"),
    sign_maker: "Người lập báo cáo",
    sign_head: "Lãnh đạo đơn vị",
    sign_hint: "(Ký, ghi rõ họ tên)",
};
