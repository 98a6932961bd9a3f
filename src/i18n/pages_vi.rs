//! Tiếng Việt: the lazily loaded pages.

use super::pages::PageStrings;

/// Vietnamese page strings.
pub static PAGES_VI: PageStrings = PageStrings {
    menu: "Mục lục",
    teacher_persisted: |p| {
        match p {
        Some(true) => "Trình duyệt đã đồng ý giữ lâu dài dữ liệu của DVC Lab (không tự xóa khi thiếu chỗ).".into(),
        Some(false) => "Trình duyệt chưa hứa giữ lâu dài dữ liệu; khi máy thiếu chỗ, dữ liệu có thể bị xóa. Hãy xuất dữ liệu định kỳ.".into(),
        None => "Trình duyệt này không cho biết dữ liệu có được giữ lâu dài hay không.".into(),
    }
    },

    lessons_title: "Bài học",
    lessons_lead: "Học theo thứ tự hoặc chọn bài bạn cần. Mỗi bài kết thúc bằng câu hỏi; đúng từ 80% là đạt.",
    lesson_minutes: |n| format!("{n} phút"),
    lesson_questions: |n| format!("{n} câu hỏi"),
    lesson_number: |n| format!("Bài {n}"),
    status_not_started: "Chưa học",
    status_in_progress: "Đang học",
    status_done: "Đã đạt",
    best_score: |n| format!("Điểm cao nhất: {n}%"),
    optional_lesson: "Bài đọc thêm",

    back_to_lessons: "← Tất cả bài học",
    lesson_not_found: "Không có bài học này. Có thể đường dẫn bị gõ sai.",
    callout_tip: "Mẹo",
    callout_warning: "Lưu ý",
    callout_scam: "Cảnh báo lừa đảo",
    glossary_hint: "Bấm hoặc di chuột để xem nghĩa",
    opens_new_tab: "(mở trong thẻ mới)",
    start_walkthrough: "Thực hành",
    checked_on: |d| format!("Cập nhật: {d}"),
    sources_title: "Nguồn",
    optional_walk: "Thực hành thêm",

    quiz_title: "Câu hỏi kiểm tra",
    quiz_intro: |n| {
        format!(
            "Trả lời cả {n} câu rồi bấm “Nộp bài”. Đúng từ 80% là đạt; sau khi nộp, bạn sẽ thấy giải thích cho từng đáp án."
        )
    },
    question_n: |i, n| format!("Câu {i}/{n}"),
    kind_single: "Chọn một đáp án",
    kind_multiple: "Chọn tất cả đáp án đúng",
    kind_truefalse: "Đúng hay sai?",
    kind_order: "Sắp xếp các bước theo đúng thứ tự",
    kind_match: "Nối mỗi thuật ngữ với ý nghĩa",
    kind_scenario: "Tình huống",
    situation: "Tình huống",
    move_up: |s| format!("Đưa lên: {s}"),
    move_down: |s| format!("Đưa xuống: {s}"),
    position: |n| format!("Bước {n}"),
    match_choose: "— Chọn ý nghĩa —",
    submit: "Nộp bài",
    unanswered: |list| format!("Bạn chưa trả lời câu {list}. Hãy trả lời hết rồi nộp bài."),
    answer_right: "Đúng",
    answer_wrong: "Chưa đúng",
    your_choice: "Bạn chọn",
    right_answer: "Đáp án đúng",
    right_order: "Thứ tự đúng",
    right_match: "Nghĩa đúng",
    score_line: |c, n, p| format!("Bạn trả lời đúng {c}/{n} câu ({p}%)."),
    passed: "Đạt! Bạn đã hoàn thành bài này.",
    quiz_unsaved: "Kết quả này CHƯA được lưu: bộ nhớ của trình duyệt đã đầy. Hãy bấm “Xuất dữ liệu ra tệp” để giữ nó, rồi nhập tệp đó ở máy khác hoặc nhờ thầy cô giải phóng bộ nhớ.",
    failed: "Chưa đạt — cần đúng từ 80%. Đọc giải thích bên dưới rồi làm lại nhé.",
    wrong_in: "Sai ở ",
    question_ref: |n| format!("câu {n}"),
    and: " và ",
    review_title: "Xem lại các câu sai",
    previous_attempt: |c, n, p| format!("Lần trước: đúng {c}/{n} câu ({p}%)."),
    previous_wrong: |k| format!("Xem lại {k} câu sai và giải thích."),
    to_quiz: |n| format!("↓ Tới phần câu hỏi ({n} câu)"),
    retry: "Làm lại",
    attempt_n: |n| format!("Lần làm thứ {n}"),
    next_lesson: "Bài tiếp theo →",
    all_lessons_done: "Đây là bài cuối cùng. Xem tiến độ của bạn →",

    walk_title: "Thực hành trên cổng mô phỏng",
    walk_lead: "Bản mô phỏng giống cách Cổng Dịch vụ công và ứng dụng VNeID hoạt động, nhưng không phải cổng thật: chỉ dùng dữ liệu giả định, không gửi gì đi đâu.",

    sim_banner: "MÔ PHỎNG – KHÔNG PHẢI CỔNG THẬT. Không nhập thông tin thật.",
    sim_label: "MÔ PHỎNG – KHÔNG PHẢI CỔNG THẬT",
    sim_warn: "Không nhập thông tin thật.",
    walk_guided: "Có hướng dẫn",
    walk_guided_desc: "Từng bước được chỉ rõ; làm sai sẽ được giải thích và làm lại ngay.",
    walk_practice: "Tự làm (chấm điểm)",
    walk_practice_desc: "Không có gợi ý. Điểm dựa trên việc hoàn thành, số lần sai và thời gian.",
    walk_not_done: "Chưa làm",
    walk_guided_done: "Đã làm có hướng dẫn",
    walk_practiced: |n| format!("Đã tự làm {n}/100"),
    walk_practiced_short: "Đã tự làm",
    walk_next: "Bước tiếp theo",
    walk_fix: "Chưa được — cần sửa: ",
    walk_why: "Vì sao?",
    walk_trap: "Dừng lại!",
    walk_locked: "Không thực hiện được",
    walk_finished: "Hoàn thành bài thực hành!",
    walk_score: |n| format!("Điểm: {n}/100"),
    walk_time: |s| format!("Thời gian: {} phút {} giây", s / 60, s % 60),
    walk_mistakes: |n| format!("Số lần làm sai: {n}"),
    walk_review: "Nên xem lại",
    walk_no_review: "Không sai lần nào. Tuyệt vời!",
    walk_again: "Làm lại",
    walk_to_practice: "Tự làm để được chấm điểm",
    walk_next_part: |t| format!("Tiếp theo: {t}"),
    walk_next_certificate: "Tiếp theo: Xem và in giấy chứng nhận",
    walk_back: "← Tất cả bài thực hành",
    walk_not_found: "Không có bài thực hành này. Có thể đường dẫn bị gõ sai.",
    walk_required: "bắt buộc",
    walk_choose: "— Chọn —",
    walk_tray: "Khay giấy tờ mẫu (tệp giả định)",
    walk_phone: "Điện thoại mô phỏng",
    walk_code_shown: "Mã hiển thị",
    walk_mode_guided_badge: "Chế độ có hướng dẫn",
    walk_mode_practice_badge: "Chế độ tự làm",
    walk_clock_label: "Thời gian đã làm: ",
    walk_clock_aim: |m| format!(" / nên xong trong {m} phút"),
    walk_section: "Thực hành trên cổng mô phỏng",
    col_walk: "Bài thực hành",

    progress_title: "Tiến độ của tôi",
    progress_lead: "Tiến độ được lưu trên trình duyệt này.",
    progress_overall: |done, total| {
        format!("Đã hoàn thành {done}/{total} phần bắt buộc (bài học và bài thực hành)")
    },
    progress_next: "Học tiếp",
    progress_rule: "Hoàn thành chương trình khi mọi bài học bắt buộc đạt từ 80% trở lên và mọi bài thực hành đã được tự làm xong (chế độ chấm điểm).",
    col_lesson: "Bài học",
    col_status: "Trạng thái",
    col_best: "Điểm cao nhất",
    col_tries: "Số lần làm",

    teacher_title: "Khu vực giáo viên",
    teacher_lead: "Tổng hợp mức độ hoàn thành của lớp so với mục tiêu 80% (2026) và 100% (2030).",
    teacher_storage_title: "Dữ liệu trên máy này",
    teacher_bytes: |b, n| {
        let kb = b.div_ceil(1024);
        if n == 0 {
            format!("Dung lượng đang dùng: khoảng {kb} KB.")
        } else {
            format!(
                "Dung lượng đang dùng: khoảng {kb} KB, gồm {n} bản sao dữ liệu bị hỏng được cất riêng."
            )
        }
    },
    teacher_export: "Sao lưu mọi thứ ứng dụng lưu trên máy này",
    teacher_export_help: "Tệp gồm tiến độ học và cả các bản sao dữ liệu bị hỏng, để không mất gì khi bộ nhớ đầy hoặc có lỗi.",
    teacher_storage: |n, persistent| {
        if persistent {
            format!(
                "Trình duyệt của máy này đang lưu {n} tài khoản học và giữ lại sau khi tải lại trang."
            )
        } else {
            format!("Trình duyệt không cho lưu lâu dài; {n} tài khoản học chỉ có trong bộ nhớ tạm.")
        }
    },

    about_title: "Giới thiệu & quyền riêng tư",
    about_what: "DVC Lab là gì?",
    about_what_body: "DVC Lab là phòng thực hành giúp học sinh THPT biết cách dùng dịch vụ công trực tuyến: Cổng Dịch vụ công quốc gia, VNeID, thanh toán trực tuyến, tra cứu hồ sơ, đánh giá và phản ánh, nhận diện lừa đảo. Ứng dụng phục vụ Kế hoạch số 12/KH-UBND của phường Trần Liễu.",
    about_privacy: "Dữ liệu của bạn",
    about_privacy_items: &[
        "Tên, lớp và kết quả học chỉ lưu trong trình duyệt của máy bạn đang dùng.",
        "Ứng dụng không có máy chủ riêng và không gửi dữ liệu qua mạng.",
        "Chỉ khi bạn hoặc giáo viên bấm “Xuất”, dữ liệu mới được lưu ra một tệp trên máy.",
        "Không bao giờ nhập thông tin thật (số định danh, mật khẩu, mã OTP) vào ứng dụng này.",
    ],
    about_sim: "Cổng mô phỏng",
    about_sim_body: "Phần thực hành là bản mô phỏng, không phải cổng thật. Mọi họ tên, số định danh, mã hồ sơ và số tiền trong đó là giả định hoặc minh họa.",
    about_sources: "Nguồn thông tin",
    about_sources_body: "Nội dung bài học dựa trên các văn bản và hướng dẫn công khai của cơ quan nhà nước. Quy định có thể thay đổi; khi làm thủ tục thật, hãy xem thông tin trên Cổng Dịch vụ công quốc gia.",
};
