//! Tiếng Việt: báo cáo của giáo viên.

use super::teach::TeachStrings;
use crate::teacher::roster::RosterError;
use crate::teacher::xlsx::XlsxError;

/// Vietnamese teacher-report strings.
pub static TEACH_VI: TeachStrings = TeachStrings {
    lock_lead: "Khu vực giáo viên trên máy này đã được đặt mã PIN. Hãy nhập mã PIN để xem báo cáo và tài khoản học của học sinh.",
    lock_label: "Mã PIN giáo viên",
    lock_open: "Mở khu vực giáo viên",
    lock_wrong: "Mã PIN không đúng. Hãy thử lại.",
    lock_wait: |s| format!("Đã nhập sai nhiều lần: hãy chờ {s} giây rồi thử lại."),
    forgot: "Quên mã PIN?",
    recovery_title: "Đặt mã PIN mới bằng mã khôi phục",
    recovery_help: "Mã khôi phục hiện ra một lần khi đặt mã PIN. Với mã này, thầy cô đặt mã PIN mới mà mọi dữ liệu trên máy vẫn còn nguyên.",
    recovery_label: "Mã khôi phục (12 chữ số)",
    recovery_submit: "Đặt mã PIN mới",
    recovery_wrong: "Mã khôi phục chưa đúng.",
    recovery_none: "Mã PIN của máy này được đặt khi ứng dụng chưa có mã khôi phục.",
    reset_title: "Không còn mã khôi phục?",
    reset_help: "Có thể xoá mã PIN. Để không ai dùng cách này xem được số liệu của cả trường, những gì đã nhập vào khu vực giáo viên và khu vực phường trên máy này (tiến độ các lớp, danh sách lớp, báo cáo tổng hợp của các trường) cũng bị xoá; thầy cô nhập lại từ các tệp. Tài khoản học và tiến độ của học sinh trên máy này được giữ nguyên.",
    reset_button: "Xoá mã PIN và dữ liệu đã nhập",
    reset_confirm: "Xoá mã PIN cùng tiến độ, danh sách lớp và báo cáo của phường đã nhập trên máy này? Tài khoản học của học sinh trên máy này được giữ nguyên.",
    reset_done: "Đã xoá mã PIN và dữ liệu đã nhập. Tài khoản học của học sinh trên máy này vẫn còn nguyên.",
    reset_failed: "Chưa xoá được dữ liệu đã nhập nên mã PIN vẫn giữ nguyên. Hãy tải lại trang rồi thử lại.",
    recovery_shown: |code| {
        format!(
            "Mã khôi phục: {code}. Hãy chép lại và cất ở nơi khác (không để cạnh máy). Nếu quên mã PIN, nhập mã này để đặt mã mới mà không mất dữ liệu. Mã chỉ hiện một lần."
        )
    },
    recovery_missing: "Mã PIN này chưa có mã khôi phục (được đặt trước khi có tính năng này). Hãy đặt lại mã PIN để nhận mã khôi phục.",
    steps_label: "Các bước",
    step_lab: "1. Trên máy phòng học",
    step_import: "2. Trên máy của thầy cô",
    step_report: "3. Báo cáo",
    step_settings: "Mã PIN",
    step_import_lead: "Trên máy của thầy cô: nhập các tệp tiến độ của các máy phòng học và tệp học sinh gửi, rồi nhập danh sách lớp.",
    step_settings_lead: "Mã PIN giữ khu vực giáo viên và khu vực phường trên máy này.",
    see_report: "Xem báo cáo →",
    go_import: "Nhập tệp tiến độ và danh sách lớp (bước 2) →",
    trouble_title: "Khi có sự cố",
    advanced_title: "Nâng cao",
    clear_title: "Xoá dữ liệu đã nhập",
    clear_help: |students, classes| {
        format!(
            "Xoá khỏi máy này mọi tiến độ và danh sách lớp đã nhập ({students} học sinh, {classes} lớp). Các tệp đã nhập và tài khoản học trên các máy phòng học không bị xoá."
        )
    },
    pin_title: "Mã PIN giáo viên (không bắt buộc)",
    pin_on: "Khu vực giáo viên trên máy này đang có mã PIN: mỗi lần mở đều phải nhập mã.",
    pin_off: "Khu vực giáo viên trên máy này chưa có mã PIN: ai cũng mở được.",
    pin_new: "Mã PIN mới (4–8 chữ số)",
    pin_again: "Nhập lại mã PIN mới",
    pin_set: "Lưu mã PIN",
    pin_remove: "Bỏ mã PIN",
    pin_saved: "Đã lưu mã PIN. Từ nay, mỗi lần mở khu vực giáo viên đều phải nhập mã này.",
    pin_removed: "Đã bỏ mã PIN. Khu vực giáo viên mở được mà không cần mã.",
    pin_format: "Mã PIN phải gồm 4 đến 8 chữ số (0–9).",
    pin_mismatch: "Hai lần nhập mã PIN không giống nhau.",
    pin_help: "Mã PIN chỉ nhằm tránh để học sinh vô tình vào khu vực giáo viên trên máy dùng chung, không phải biện pháp bảo mật mạnh. Đừng dùng mã PIN điện thoại, thẻ ngân hàng hay mật khẩu quan trọng khác.",
    export_pc_title: "Xuất tiến độ của máy này",
    export_pc_help: "Một tệp chứa mọi tài khoản học trên máy này, có mã kiểm tra cho từng tài khoản học. Chép tệp sang máy của thầy cô rồi nhập ở bước 2.",
    machine_label: "Tên máy (để nhận ra tệp), ví dụ: Phòng máy 2 – Máy 07",
    export_pc: "Xuất tiến độ của máy này",

    import_title: "Nhập tiến độ từ các máy",
    import_help: "Chọn nhiều tệp cùng lúc: tệp xuất từ từng máy trong phòng máy và tệp học sinh tự tải về. Nhập lại cùng một tệp không làm thay đổi gì; cùng một học sinh ở nhiều máy được gộp thành một.",
    import_label: "Chọn tệp tiến độ (.json)",
    drop_here: "…hoặc kéo thả các tệp vào đây",
    importing: |done, total| format!("Đang nhập {done}/{total} tệp…"),
    file_ok: |name, new, updated, unchanged, conflicts| {
        let mut s =
            format!("{name}: {new} học sinh mới, {updated} được cập nhật, {unchanged} không đổi");
        if conflicts > 0 {
            s.push_str(&format!(", {conflicts} chỗ khác nhau cần xem (bên dưới)"));
        }
        s + "."
    },
    file_failed: |name, why| format!("{name}: không nhập được — {why}"),

    roster_title: "Danh sách lớp",
    roster_help: "Chọn tệp Excel (.xlsx, chỉ đọc trang tính đầu tiên), hoặc tệp CSV hay tệp văn bản (.txt) lưu từ Excel. Tệp cần có cột “Họ và tên” và “Lớp”; có thể thêm “STT”, “Ngày sinh”, “Mã học sinh”. Các cột xếp theo thứ tự nào cũng được.",
    roster_label: "Chọn tệp danh sách lớp (.xlsx, .csv, .txt)",
    roster_ok: |n, classes| format!("Đã nhận danh sách {n} học sinh, {classes} lớp."),
    roster_added: |a| {
        let mut parts: Vec<String> = a
            .added
            .iter()
            .map(|(c, n)| format!("Đã thêm lớp {c} ({n} học sinh)."))
            .collect();
        parts.extend(
            a.replaced
                .iter()
                .map(|(c, n)| format!("Đã thay danh sách lớp {c} ({n} học sinh).")),
        );
        parts.push(format!("Đang có {} lớp.", a.classes));
        parts.join(" ")
    },
    class_size: |c, n| format!("Lớp {c}: sĩ số {n}"),
    remove_class: "Bỏ lớp này",
    remove_class_aria: |c| format!("Bỏ lớp này: {c}"),
    remove_class_confirm: |c| {
        format!(
            "Bỏ danh sách lớp {c}? Tiến độ đã nhập không bị xóa; học sinh lớp này sẽ được tính riêng là không có trong danh sách."
        )
    },
    roster_error: |e| {
        match e {
        RosterError::TooLarge => "Tệp quá lớn so với một danh sách lớp.".into(),
        RosterError::NotText => {
            "Không đọc được danh sách lớp từ tệp này. Trong Excel, hãy chọn Lưu dưới dạng (Save As), kiểu Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8, rồi nhập lại tệp vừa lưu."
                .into()
        }
        RosterError::OldOrLockedExcel => "Đây là tệp Excel kiểu cũ (.xls) hoặc tệp Excel có đặt mật khẩu. Hãy bỏ mật khẩu (nếu có), rồi trong Excel chọn Lưu dưới dạng (Save As), kiểu Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8, và nhập lại tệp vừa lưu.".into(),
        RosterError::Workbook(e) => match e {
            XlsxError::Unsupported => "Tệp Excel có đặt mật khẩu hoặc dùng kiểu nén không được hỗ trợ. Hãy bỏ mật khẩu, hoặc lưu lại dưới dạng CSV UTF-8.".into(),
            XlsxError::NoSheet => "Tệp này không có trang tính Excel nào. Hãy lưu lại dưới dạng Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8.".into(),
            XlsxError::TooLarge => "Tệp Excel chứa quá nhiều dữ liệu. Hãy chỉ giữ lại trang tính danh sách lớp, lưu lại rồi nhập lại.".into(),
            XlsxError::Damaged => "Tệp Excel bị hỏng hoặc chưa tải về hết. Hãy mở lại trong Excel và lưu một bản mới.".into(),
        },
        RosterError::NoHeader => "Không thấy dòng tiêu đề có cột “Họ và tên”.".into(),
        RosterError::MissingColumns(c) => format!("Thiếu cột: {}.", c.join(", ")),
        RosterError::Empty => "Danh sách không có học sinh nào.".into(),
        RosterError::TooMany(n) => format!("Danh sách có {n} dòng, nhiều hơn số học sinh của một trường (tối đa {}). Bạn chọn đúng trang tính chưa? Danh sách cũ được giữ nguyên.", crate::teacher::roster::MAX_ROSTER_STUDENTS),
        RosterError::DuplicateCodes(c) => format!(
            "Mã học sinh bị trùng: {}. Hãy sửa trong Excel rồi nhập lại.",
            c.join(", ")
        ),
        RosterError::IncompleteRows(r) => format!(
            "Dòng thiếu họ tên hoặc lớp: {}.",
            r.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
    },

    nothing_yet: "Chưa có dữ liệu. Hãy nhập tệp tiến độ và danh sách lớp.",
    by_month_title: "Số học sinh hoàn thành theo tháng (cộng dồn)",
    class_table_label: "Bảng tỉ lệ hoàn thành theo lớp",
    col_month: "Tháng",
    as_of_label: "Tính đến ngày",
    as_of_help: "Để trống là tính đến hôm nay. Chọn một ngày (ví dụ 31/12/2026) để làm báo cáo định kỳ.",
    school_line: |done, total, pct| {
        format!("Toàn trường: {done}/{total} học sinh hoàn thành — {pct}%")
    },
    class_line: |class, done, total, pct| format!("{class}: {done}/{total} hoàn thành — {pct}%"),
    target_2026: "Mục tiêu 2026: 80%",
    target_2030: "Mục tiêu 2030: 100%",
    chart_title: "Tỉ lệ hoàn thành theo lớp (vạch đứt: mục tiêu 80% năm 2026; thanh đầy: 100% năm 2030)",
    col_class: "Lớp",
    col_students: "Sĩ số",
    col_completed: "Hoàn thành",
    col_in_progress: "Đang học",
    col_not_started: "Chưa bắt đầu",
    col_share: "Tỉ lệ",
    col_name: "Họ và tên",
    col_code: "Mã HS",
    col_status: "Trạng thái",
    col_lessons: "Bài đã đạt",
    col_walks: "Thực hành",
    col_last: "Học lần cuối",
    standing_done: "Hoàn thành",
    standing_progress: "Đang học",
    standing_none: "Chưa bắt đầu",
    not_on_roster: "không có trong danh sách",
    students_title: "Học sinh",
    filter_class: "Lớp",
    all_classes: "Tất cả",
    filter_text: "Tìm theo tên hoặc mã học sinh",
    sort_by: |col| format!("Sắp xếp theo {col}"),
    unmatched_title: "Tài khoản học chưa khớp với danh sách lớp",
    unmatched_help: "Chọn học sinh tương ứng trong danh sách để tính vào lớp.",
    assign: "Ghép",
    assign_choose: "— chọn học sinh —",
    conflicts_title: "Thông tin khác nhau giữa các tệp",
    conflict_line: |name, field, kept, other| {
        let field = super::people_vi::field_name(field);
        format!("{name}: {field} “{kept}” (đang dùng) và “{other}”.")
    },
    lessons_title: "Tỉ lệ đạt từng bài",
    pass_rate: |passed, total| format!("{passed}/{total} học sinh đạt"),
    missed_title: "Những câu hỏi bị trả lời sai nhiều nhất",
    steps_title: "Các bước thực hành bị làm sai nhiều nhất",
    times: |n| format!("{n} lần"),
    verify_title: "Kiểm tra mã giấy chứng nhận",
    verify_label: "Mã xác minh (ví dụ: FBJ7-17JR)",
    verify_button: "Kiểm tra",
    verify_ok: |name, class, date| format!("Hợp lệ: {name}, lớp {class}, hoàn thành ngày {date}."),
    verify_none: "Không có giấy chứng nhận nào với mã này trong dữ liệu đã nhập.",
    exports_title: "Xuất báo cáo",
    ward_title: "Báo cáo tổng hợp gửi phường",
    ward_help: "Một tệp chỉ có số liệu theo lớp (sĩ số, đã hoàn thành, đang học, chưa bắt đầu, theo tháng) đến ngày đã chọn ở trên — không có tên, mã hay bản ghi của học sinh nào. Gửi tệp này cho cán bộ phường (qua USB hoặc thư điện tử); phường mở nó qua liên kết “Dành cho phường” ở cuối trang.",
    ward_school_label: "Tên trường (như phường sẽ thấy)",
    ward_export: "Xuất báo cáo tổng hợp của trường",
    ward_done: |file, day| {
        format!("Đã tải về “{file}” (số liệu đến ngày {day}). Hãy gửi tệp này cho phường.")
    },
    ward_no_school: "Hãy nhập tên trường trước khi xuất.",
    ward_no_lists: "Chưa có danh sách lớp: sĩ số trong báo cáo chỉ là số học sinh đã dùng ứng dụng, nên tỉ lệ sẽ cao hơn thực tế. Hãy nhập danh sách lớp trước khi gửi phường.",
    csv_class: "Tải về tệp CSV: hoàn thành theo từng học sinh",
    csv_school: "Tải về tệp CSV: tổng hợp theo lớp",
    xapi: "Tải về dữ liệu học tập theo chuẩn xAPI (để đưa vào kho dữ liệu học tập LRS)",
    print_report: "In báo cáo",
    clear: "Xoá dữ liệu đã nhập trên máy này",
    clear_confirm: "Xóa mọi tiến độ và danh sách lớp đã nhập trên máy này? (Tài khoản học của học sinh trên máy này không bị xóa.)",
    saved_full: "Bộ nhớ của trình duyệt đã đầy nên dữ liệu đã nhập chỉ dùng được đến khi đóng trang. Hãy tải tệp CSV về ngay.",
    save_failed: "Trình duyệt từ chối lưu dữ liệu. Hãy tải lại trang rồi thử lại, hoặc dùng trình duyệt khác.",
    download_failed: "Trình duyệt không cho tải tệp xuống. Hãy cho phép tải xuống cho trang này rồi thử lại.",
    stored_left_out: |n| {
        format!(
            "{n} bản ghi đã lưu có giá trị không thể có (ví dụ một ngày ở năm 99999) nên đã được bỏ ra; hãy nhập lại tệp của máy đó nếu cần."
        )
    },
    stored_set_aside: "Dữ liệu giáo viên đã lưu trên trình duyệt này không đọc được (bị hỏng hoặc do phiên bản mới hơn ghi). Một bản sao đã được cất riêng; “Xuất dữ liệu” ở cuối trang lấy được bản sao đó. Hãy nhập lại các tệp.",
    stored_kept: "Dữ liệu giáo viên đã lưu không đọc được, và bộ nhớ đầy nên chưa cất riêng được bản sao: dữ liệu đó được giữ nguyên, không bị ghi đè. Những gì nhập bây giờ chỉ dùng được đến khi đóng trang; bấm “Xóa dữ liệu đã nhập” để bắt đầu lại.",
    stored_set_aside_db: "Dữ liệu giáo viên đã lưu trên trình duyệt này không đọc được (bị hỏng hoặc do phiên bản mới hơn ghi). Một bản sao đã được cất riêng trên máy này; hãy tải bản sao về để không mất, rồi nhập lại các tệp.",
    download_set_aside: "Tải bản sao đã cất riêng",
    loading_data: "Đang mở dữ liệu đã nhập…",
    memory_only: "Trình duyệt này không cho ứng dụng lưu dữ liệu của giáo viên (có thể do chế độ ẩn danh hoặc do cài đặt của trường). Bạn vẫn nhập tệp và xem báo cáo được, nhưng dữ liệu sẽ mất khi đóng trang: hãy tải tệp CSV hoặc in báo cáo trước khi đóng.",
    rows_shown: |n, total| {
        format!("Đang hiện {n}/{total} học sinh. Chọn một lớp ở trên để xem cả lớp.")
    },
    show_more: |n| format!("Hiện thêm {n} học sinh"),
    report_heading: |date| {
        format!("Báo cáo kết quả học “Kỹ năng sử dụng dịch vụ công trực tuyến” đến ngày {date}")
    },
    col_certificate: "Mã giấy chứng nhận",
    whole_school: "Toàn trường",
    print_school: "Trường",
    printed_on: |date| format!("In ngày {date}"),
    col_target_2026: "Đạt 80%?",
    col_target_2030: "Đạt 100%?",
    target_met: "Đạt",
    target_not_met: "Chưa đạt",
    target_short: |n| format!("(thiếu {n} HS)"),
    target_none: "Không có học sinh",
    apart_note: |n| {
        format!(
            "Ngoài ra có {n} học sinh có tiến độ nhưng không có trong danh sách lớp nào: không tính vào sĩ số và tỉ lệ, danh sách ở trang cuối."
        )
    },
    apart_title: "Học sinh có tiến độ nhưng không có trong danh sách lớp (không tính vào tỉ lệ)",
    class_title: |class| format!("Lớp {class}"),
    print_class_line: |c| {
        format!(
            "Sĩ số {}: {} hoàn thành ({}%), {} đang học, {} chưa bắt đầu.",
            c.students,
            c.completed,
            c.percent(),
            c.in_progress,
            c.not_started
        )
    },
    col_number: "STT",
    sign_school: "Xác nhận của nhà trường",
    sign_teacher: "Người lập báo cáo",
    sign_hint: "(Ký, ghi rõ họ tên)",
};
