//! English words of the LRS step.

use super::lrs::LrsStrings;
use crate::teacher::lrs::SettingsError;
use crate::teacher::xapi::IriError;

/// English.
pub static LRS_EN: LrsStrings = LrsStrings {
    step: "4. The ward's system",
    lead: "When the ward has a Learning Record Store (LRS), the school sends its results there instead of copying files on USB sticks, and another computer (a teacher's or the ward's) reads the report back without any file. With no network, everything else works as usual.",
    settings_title: "Settings",
    endpoint_label: "Address of the Learning Record Store (LRS)",
    endpoint_hint: "For example https://lrs.phuong.vn/xAPI — or /lrs if the school's server relays it (then no key is typed).",
    iri_label: "The school's address (IRI)",
    iri_hint: "Every record sent carries this address, e.g. https://thpt-a.edu.vn/dvc-lab. Set it once and do not change it.",
    save_settings: "Save settings",
    settings_saved: "Settings saved.",
    settings_error: |e| {
        match e {
        SettingsError::NoEndpoint => "Type the address of the Learning Record Store (LRS), e.g. https://lrs.phuong.vn/xAPI.".into(),
        SettingsError::BadEndpoint => "The LRS address must start with https:// (or http://), or with / when the school's server relays it.".into(),
        SettingsError::Iri(IriError::Empty) => "Type the school's address, e.g. https://thpt-a.edu.vn/dvc-lab.".into(),
        SettingsError::Iri(IriError::NotHttp) => "The school's address must start with https:// (or http://) and a host name.".into(),
        SettingsError::Iri(IriError::BadCharacters) => "The school's address cannot contain spaces, ?, # or quotes.".into(),
    }
    },

    blocked: |origin| {
        format!(
            "This page is not allowed to connect to {origin} yet. The school server's administrator runs scripts/allow-lrs.sh dist {origin} after building the app (README, “Nhiều trường: kho dữ liệu học tập (LRS)”), or uses the /lrs relay on the school's server."
        )
    },

    send_title: "Send to the ward's system",
    send_help: "Sends the data imported in step 2 as xAPI, at most 500 records at a time. Records carry no student names: only the account's random id, the class and the school. If a send is interrupted (network down, laptop closed), the next send carries on with the rest; sending again creates no duplicates.",
    counts: |all, sent, left| {
        format!("{all} records; the system confirmed {sent}; {left} not sent yet.")
    },
    nothing_imported: "Nothing to send yet: import progress in step 2 first.",
    credential_title: "The school's key",
    credential_help: "The ward gives each school a key and a secret. They are kept only for this browser session and forgotten when the browser closes.",
    key_label: "Key",
    secret_label: "Secret",
    credential_kept: "Using the key typed in this session.",
    forget_credential: "Forget the key",
    send: "Send to the ward's system",
    send_rest: "Send the rest",
    stop: "Stop sending",
    retry_now: "Retry now",
    progress_label: "Sending progress",
    sending: |done, total| format!("Sent {done}/{total} records…"),
    chunk_ok: |n, count| format!("Part {n}: {count} records — stored by the system."),
    chunk_retry: |n, count, why, secs| {
        format!("Part {n}: {count} records — not sent yet ({why}); retrying in {secs} seconds.")
    },
    waiting: |why, secs| {
        format!(
            "Cannot reach the system ({why}). Retrying by itself in {secs} seconds; nothing is lost."
        )
    },
    sent_all: |n| format!("All sent: the system confirmed {n} records."),
    nothing_new: "Nothing new to send: the system has every record.",
    stopped: |left| {
        format!("Stopped. {left} records not sent yet; press “Send the rest” when ready.")
    },
    credential_refused: |status| {
        format!(
            "The system does not accept this key ({status}): the key or secret is wrong, or the key may not write. Type it again. No record was counted as sent."
        )
    },
    refused: |status, why| {
        format!("The system refused ({status}): {why}. No record of this part was counted as sent.")
    },
    conflict: |why| {
        format!(
            "The system reports a record with a known id but different content (409): {why}. Tell the system's administrator."
        )
    },
    not_saved: "What the system confirmed could not be kept on this computer; the next send sends it again (the system ignores duplicates).",

    read_title: "Read back from the system",
    read_help: "Reads every record of the school from the system and rebuilds the report in step 3 — on a teacher's new computer or at the ward, with no file. Import the class lists in step 2 to show the students' names (the system keeps no names).",
    read: "Read back from the system",
    reading: |n| format!("Read {n} records…"),
    read_done: |r| {
        let mut s = format!(
            "Read {} records of {} accounts: {} new, {} updated, {} unchanged.",
            r.statements, r.profiles, r.new, r.updated, r.unchanged
        );
        if r.named > 0 {
            s.push_str(&format!(
                " {} accounts recognised through the class lists.",
                r.named
            ));
        }
        if r.skipped > 0 {
            s.push_str(&format!(
                " Left out {} records that are not this school's.",
                r.skipped
            ));
        }
        s
    },
    read_failed: |why| format!("Could not read the data: {why}"),
    see_report: "See the report →",
};
