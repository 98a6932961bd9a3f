//! Vietnamese words of the LRS step.

use super::lrs::LrsStrings;
use crate::teacher::lrs::SettingsError;
use crate::teacher::xapi::IriError;

/// Vietnamese.
pub static LRS_VI: LrsStrings = LrsStrings {
    step: "4. Hệ thống của phường",
    lead: "Khi phường có kho dữ liệu học tập (LRS), trường gửi kết quả lên đó thay cho tệp chép bằng USB, và máy khác (của thầy cô hay của phường) lấy lại báo cáo mà không cần tệp. Không có mạng, mọi thứ khác vẫn dùng được như thường.",
    settings_title: "Cài đặt",
    endpoint_label: "Địa chỉ kho dữ liệu học tập (LRS)",
    endpoint_hint: "Ví dụ: https://lrs.phuong.vn/xAPI — hoặc /lrs nếu máy chủ của trường chuyển tiếp (khi đó không cần nhập khoá).",
    iri_label: "Địa chỉ của trường (IRI)",
    iri_hint: "Mọi bản ghi gửi đi mang địa chỉ này, ví dụ https://thpt-a.edu.vn/dvc-lab. Đặt một lần và không đổi nữa.",
    save_settings: "Lưu cài đặt",
    settings_saved: "Đã lưu cài đặt.",
    settings_error: |e| {
        match e {
        SettingsError::NoEndpoint => "Hãy nhập địa chỉ của kho dữ liệu học tập (LRS), ví dụ https://lrs.phuong.vn/xAPI.".into(),
        SettingsError::BadEndpoint => "Địa chỉ LRS phải bắt đầu bằng https:// (hoặc http://), hoặc bằng / nếu máy chủ của trường chuyển tiếp.".into(),
        SettingsError::Iri(IriError::Empty) => "Hãy nhập địa chỉ của trường, ví dụ https://thpt-a.edu.vn/dvc-lab.".into(),
        SettingsError::Iri(IriError::NotHttp) => "Địa chỉ của trường phải bắt đầu bằng https:// (hoặc http://) và tên miền.".into(),
        SettingsError::Iri(IriError::BadCharacters) => "Địa chỉ của trường không được có dấu cách, ?, # hay dấu ngoặc kép.".into(),
    }
    },

    blocked: |origin| {
        format!(
            "Trang này chưa được phép kết nối tới {origin}. Người quản trị máy chủ của trường cần chạy scripts/allow-lrs.sh dist {origin} sau khi dựng ứng dụng (README, “Nhiều trường: kho dữ liệu học tập (LRS)”), hoặc dùng bộ chuyển tiếp /lrs trên máy chủ của trường."
        )
    },

    send_title: "Gửi lên hệ thống của phường",
    send_help: "Gửi dữ liệu đã nhập ở bước 2 theo chuẩn xAPI, mỗi lần tối đa 500 bản ghi. Bản ghi không có tên học sinh: chỉ có mã ngẫu nhiên của tài khoản học, lớp và trường. Nếu bị gián đoạn (mất mạng, gập máy), lần sau bấm gửi sẽ gửi tiếp phần còn lại; gửi lại không tạo bản ghi trùng.",
    counts: |all, sent, left| {
        format!("{all} bản ghi; hệ thống đã xác nhận {sent}; còn {left} chưa gửi.")
    },
    nothing_imported: "Chưa có dữ liệu để gửi: hãy nhập tiến độ ở bước 2 trước.",
    credential_title: "Khoá của trường",
    credential_help: "Phường cấp cho mỗi trường một khoá (key) và mật khẩu (secret). Chúng chỉ được giữ trong phiên trình duyệt này và mất khi đóng trình duyệt.",
    key_label: "Khoá (key)",
    secret_label: "Mật khẩu (secret)",
    credential_kept: "Đang dùng khoá đã nhập trong phiên này.",
    forget_credential: "Quên khoá",
    send: "Gửi lên hệ thống của phường",
    send_rest: "Gửi tiếp phần còn lại",
    stop: "Dừng gửi",
    retry_now: "Thử lại ngay",
    progress_label: "Tiến trình gửi",
    sending: |done, total| format!("Đã gửi {done}/{total} bản ghi…"),
    chunk_ok: |n, count| format!("Phần {n}: {count} bản ghi — hệ thống đã lưu."),
    chunk_retry: |n, count, why, secs| {
        format!("Phần {n}: {count} bản ghi — chưa gửi được ({why}); thử lại sau {secs} giây.")
    },
    waiting: |why, secs| {
        format!(
            "Không kết nối được với hệ thống ({why}). Tự thử lại sau {secs} giây; không mất dữ liệu nào."
        )
    },
    sent_all: |n| format!("Đã gửi xong: hệ thống đã xác nhận {n} bản ghi."),
    nothing_new: "Không có gì mới để gửi: hệ thống đã có mọi bản ghi.",
    stopped: |left| {
        format!("Đã dừng. Còn {left} bản ghi chưa gửi; bấm “Gửi tiếp phần còn lại” khi sẵn sàng.")
    },
    credential_refused: |status| {
        format!(
            "Hệ thống không nhận khoá này ({status}): khoá hoặc mật khẩu sai, hoặc khoá không được phép ghi. Hãy nhập lại. Không bản ghi nào bị tính là đã gửi."
        )
    },
    refused: |status, why| {
        format!(
            "Hệ thống từ chối ({status}): {why}. Không bản ghi nào trong phần này bị tính là đã gửi."
        )
    },
    conflict: |why| {
        format!(
            "Hệ thống báo một bản ghi trùng mã nhưng khác nội dung (409): {why}. Hãy báo cho người quản lý hệ thống."
        )
    },
    not_saved: "Không lưu được trên máy này những gì hệ thống đã xác nhận; lần gửi sau sẽ gửi lại (hệ thống bỏ qua bản trùng).",

    read_title: "Lấy dữ liệu từ hệ thống",
    read_help: "Lấy mọi bản ghi của trường từ hệ thống và dựng lại báo cáo ở bước 3 — dùng trên máy mới của thầy cô hay ở phường, không cần tệp. Nhập danh sách lớp ở bước 2 để hiện tên học sinh (hệ thống không lưu tên).",
    read: "Lấy dữ liệu từ hệ thống",
    reading: |n| format!("Đã đọc {n} bản ghi…"),
    read_done: |r| {
        let mut s = format!(
            "Đã lấy {} bản ghi của {} tài khoản học: {} mới, {} được cập nhật, {} không đổi.",
            r.statements, r.profiles, r.new, r.updated, r.unchanged
        );
        if r.named > 0 {
            s.push_str(&format!(
                " {} tài khoản được nhận ra nhờ danh sách lớp.",
                r.named
            ));
        }
        if r.skipped > 0 {
            s.push_str(&format!(
                " Bỏ qua {} bản ghi không phải của trường này.",
                r.skipped
            ));
        }
        s
    },
    read_failed: |why| format!("Không lấy được dữ liệu: {why}"),
    see_report: "Xem báo cáo →",
};
