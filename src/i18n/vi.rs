//! Tiếng Việt — the original interface language.

use super::Strings;

/// Vietnamese strings.
pub static VI: Strings = Strings {
    app_name: "DVC Lab",
    app_tagline: "Phòng thực hành Dịch vụ công trực tuyến",
    skip_link: "Bỏ qua, tới nội dung chính",
    nav_label: "Điều hướng chính",
    nav_home: "Trang chủ",
    nav_lessons: "Bài học",
    nav_walkthroughs: "Thực hành",
    nav_progress: "Tiến độ của tôi",
    nav_teacher: "Giáo viên",
    nav_about: "Giới thiệu & quyền riêng tư",
    menu: "Mục lục",
    switch_lang: "English",
    switch_lang_aria: "Switch the interface to English",
    footer_local: "Mọi dữ liệu học tập chỉ lưu trên trình duyệt của máy này, không gửi đi đâu. Chạy được cả khi không có mạng.",
    storage_memory: "Trình duyệt này không cho phép lưu dữ liệu (chế độ ẩn danh?). Bạn vẫn học được, nhưng tiến độ sẽ mất khi đóng trang.",
    storage_full: "Bộ nhớ của trình duyệt đã đầy nên chưa lưu được tiến độ mới. Hãy báo giáo viên xuất dữ liệu ra tệp.",
    storage_recovered: "Dữ liệu đã lưu bị hỏng nên ứng dụng đã cất riêng một bản sao và bắt đầu lại; giáo viên có thể xuất bản sao đó.",
    dismiss: "Đóng",

    home_title: "Học dùng dịch vụ công trực tuyến — dễ hiểu, an toàn",
    home_lead: "Những bài học ngắn có câu hỏi kèm giải thích, cùng một cổng dịch vụ công mô phỏng để bạn tập nộp hồ sơ, thanh toán, tra cứu và nhận diện lừa đảo mà không sợ sai.",
    home_start: "Bắt đầu học",
    home_continue: |t| format!("Học tiếp: {t}"),
    home_practice: "Thực hành trên cổng mô phỏng",
    home_card_lessons: "Bài học",
    home_card_lessons_body: |n| format!("{n} bài, mỗi bài 5–10 phút, có câu hỏi và giải thích."),
    home_card_walk: "Thực hành",
    home_card_walk_body: "Tập các bước trên bản mô phỏng Cổng Dịch vụ công và VNeID với dữ liệu giả định.",
    home_card_progress: "Tiến độ của tôi",
    home_card_progress_body: "Xem bài nào đã đạt, bài nào cần học lại.",
    home_target_title: "Vì sao học?",
    home_target: "Kế hoạch của phường đặt mục tiêu: đến hết năm 2026, 80% học sinh THPT được phổ cập kiến thức và kỹ năng sử dụng dịch vụ công trực tuyến; đến năm 2030 là 100%.",

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
    failed: "Chưa đạt — cần đúng từ 80%. Đọc giải thích bên trên rồi làm lại nhé.",
    retry: "Làm lại",
    attempt_n: |n| format!("Lần làm thứ {n}"),
    next_lesson: "Bài tiếp theo →",
    all_lessons_done: "Đây là bài cuối cùng. Xem tiến độ của bạn →",

    walk_title: "Thực hành trên cổng mô phỏng",
    walk_lead: "Bản mô phỏng giống cách Cổng Dịch vụ công và ứng dụng VNeID hoạt động, nhưng không phải cổng thật: chỉ dùng dữ liệu giả định, không gửi gì đi đâu.",
    walk_none: "Các bài thực hành đang được soạn. Trong lúc chờ, hãy học các bài học — mỗi bài có phần câu hỏi tình huống.",

    progress_title: "Tiến độ của tôi",
    progress_lead: "Tiến độ được lưu trên trình duyệt này.",
    progress_overall: |done, total| format!("Đã đạt {done}/{total} bài bắt buộc"),
    progress_next: "Học tiếp",
    progress_complete: "Bạn đã hoàn thành toàn bộ chương trình!",
    progress_rule: "Hoàn thành chương trình khi mọi bài bắt buộc đều đạt từ 80% trở lên.",
    col_lesson: "Bài học",
    col_status: "Trạng thái",
    col_best: "Điểm cao nhất",
    col_tries: "Số lần làm",

    teacher_title: "Khu vực giáo viên",
    teacher_lead: "Tổng hợp mức độ hoàn thành của lớp so với mục tiêu 80% (2026) và 100% (2030).",
    teacher_storage: |n, persistent| {
        if persistent {
            format!("Máy này đang lưu tiến độ của {n} hồ sơ học sinh trong trình duyệt.")
        } else {
            format!("Trình duyệt không cho lưu lâu dài; {n} hồ sơ chỉ có trong bộ nhớ tạm.")
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
    about_sim_body: "Phần thực hành là bản mô phỏng, không phải cổng thật. Mọi họ tên, số định danh, mã hồ sơ và số tiền trong đó là giả định hoặc minh hoạ.",
    about_sources: "Nguồn thông tin",
    about_sources_body: "Nội dung bài học dựa trên các văn bản và hướng dẫn công khai của cơ quan nhà nước. Quy định có thể thay đổi; khi làm thủ tục thật, hãy xem thông tin trên Cổng Dịch vụ công quốc gia.",

    nf_title: "Không tìm thấy trang",
    nf_body: "Trang bạn mở không có trong DVC Lab. Có thể đường dẫn bị gõ sai hoặc đã cũ.",
    nf_home: "Về trang chủ",
};
