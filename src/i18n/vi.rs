//! Tiếng Việt — the original interface language.

use super::{Lang, Strings};

/// Vietnamese strings.
pub static VI: Strings = Strings {
    app_name: "DVC Lab",
    app_tagline: "Phòng thực hành Dịch vụ công trực tuyến",
    opening: "Đang mở trang…",
    load_failed_title: "Chưa mở được trang này",
    load_failed_network: "Máy chưa tải được phần này của DVC Lab. Hãy kiểm tra kết nối mạng rồi bấm “Thử lại”. Sau lần tải đầy đủ đầu tiên, DVC Lab dùng được cả khi không có mạng.",
    load_failed_damaged: "Một tệp của DVC Lab tải về bị hỏng hoặc không đầy đủ. Bấm “Thử lại”; nếu vẫn lỗi, hãy báo thầy cô để cài lại DVC Lab trên máy chủ của trường.",
    load_retry: "Thử lại",
    skip_link: "Bỏ qua, tới nội dung chính",
    nav_label: "Điều hướng chính",
    nav_home: "Trang chủ",
    nav_lessons: "Bài học",
    nav_walkthroughs: "Thực hành",
    nav_progress: "Tiến độ của tôi",
    nav_teacher: "Dành cho giáo viên",
    nav_ward: "Dành cho phường",
    nav_about: "Giới thiệu & quyền riêng tư",
    menu: "Danh mục",
    switch_lang: "English",
    switch_lang_aria: "Switch the interface to English",
    footer_local: "Mọi dữ liệu học tập chỉ lưu trên trình duyệt của máy này, không gửi đi đâu.",
    storage_memory: "Trình duyệt này không cho phép lưu dữ liệu (chế độ ẩn danh?). Bạn vẫn học được, nhưng tiến độ sẽ mất khi đóng trang.",
    storage_full: "Bộ nhớ của trình duyệt đã đầy nên chưa lưu được tiến độ mới. Hãy xuất dữ liệu ra tệp để không mất gì.",
    storage_recovered: "Dữ liệu đã lưu bị hỏng nên ứng dụng đã cất riêng một bản sao và bắt đầu lại; bạn có thể xuất bản sao đó ra tệp.",
    storage_damaged_no_room: "Một phần dữ liệu đã lưu bị hỏng, và bộ nhớ đầy nên chưa cất riêng được bản sao; dữ liệu đó vẫn được giữ nguyên. Hãy xuất dữ liệu ra tệp rồi nhờ thầy cô giải phóng bộ nhớ.",
    storage_unread: "Chưa đọc được dữ liệu đã lưu trên máy này vì một phần của ứng dụng chưa tải về được. Hãy kiểm tra kết nối mạng rồi tải lại trang; dữ liệu đã lưu vẫn còn nguyên.",
    notice_export: "Xuất dữ liệu ra tệp",
    dismiss: "Đóng",
    update_available: "Đã có phiên bản mới",
    update_reload: "Tải lại",
    offline: "Đang ngoại tuyến — bạn vẫn học được, tiến độ vẫn được lưu trên máy.",

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
    progress_complete: "Bạn đã hoàn thành toàn bộ chương trình!",

    nf_title: "Không tìm thấy trang",
    nf_body: "Trang bạn mở không có trong DVC Lab. Có thể đường dẫn bị gõ sai hoặc đã cũ.",
    nf_home: "Về trang chủ",

    lang: Lang::Vi,
    who: |name, class| format!("{name} · {class}"),
    switch_student: "Đổi người học",
    choose_profile: "Chọn tài khoản học",
    idle_signed_out: |m| {
        format!(
            "Bạn đã được tự động đăng xuất vì không có thao tác nào trong {m} phút. Hãy chọn tên của bạn để học tiếp."
        )
    },
};
