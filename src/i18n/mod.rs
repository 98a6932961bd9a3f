//! Every visible string, one table per language (`vi.rs`, `en.rs`). A missing translation is a
//! compile error, because both tables fill the same struct.

mod en;
pub mod lrs;
mod lrs_en;
mod lrs_vi;
pub mod pages;
mod pages_en;
mod pages_vi;
pub mod people;
mod people_en;
mod people_vi;
pub mod survey;
mod survey_en;
mod survey_vi;
pub mod teach;
mod teach_en;
mod teach_vi;
mod vi;
pub mod ward;
mod ward_en;
mod ward_vi;

pub use crate::content::Lang;

/// The UI's words. Fields holding `fn` build sentences with numbers or names in them.
pub struct Strings {
    pub app_name: &'static str,
    pub app_tagline: &'static str,
    pub skip_link: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_lessons: &'static str,
    pub nav_walkthroughs: &'static str,
    pub nav_progress: &'static str,
    pub nav_teacher: &'static str,
    /// The footer's entry to the ward's report.
    pub nav_ward: &'static str,
    pub nav_about: &'static str,
    /// Name of the phone's menu button (it shows an icon).
    pub menu: &'static str,
    /// Label of the button that switches to the *other* language, written in that language.
    pub switch_lang: &'static str,
    pub switch_lang_aria: &'static str,
    pub footer_local: &'static str,
    pub storage_memory: &'static str,
    pub storage_full: &'static str,
    pub storage_recovered: &'static str,
    /// Damaged data could not be set aside because storage is full.
    pub storage_damaged_no_room: &'static str,
    /// Saved profiles could not be read: a chunk did not download.
    pub storage_unread: &'static str,
    pub notice_export: &'static str,
    pub dismiss: &'static str,
    pub update_available: &'static str,
    pub update_reload: &'static str,
    pub offline: &'static str,
    /// A page's code or the lesson files could not be downloaded.
    /// Shown while a page's code or files download (after a short delay).
    pub opening: &'static str,
    pub load_failed_title: &'static str,
    pub load_failed_network: &'static str,
    pub load_failed_damaged: &'static str,
    pub load_retry: &'static str,

    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub home_start: &'static str,
    pub home_continue: fn(&str) -> String,
    pub home_practice: &'static str,
    pub home_card_lessons: &'static str,
    pub home_card_lessons_body: fn(usize) -> String,
    pub home_card_walk: &'static str,
    pub home_card_walk_body: &'static str,
    pub home_card_progress: &'static str,
    pub home_card_progress_body: &'static str,
    pub home_target_title: &'static str,
    pub home_target: &'static str,
    pub progress_complete: &'static str,

    pub nf_title: &'static str,
    pub nf_body: &'static str,
    pub nf_home: &'static str,

    /// The language of this table.
    pub lang: Lang,
    /// The header's student chip, its buttons and the idle sign-out notice (in the frame, so
    /// in the first download; the rest of the profile words are in `people`).
    pub who: fn(&str, &str) -> String,
    pub switch_student: &'static str,
    pub choose_profile: &'static str,
    pub idle_signed_out: fn(u32) -> String,
}

impl Strings {
    /// The words of the lazily loaded pages (lessons, quiz, walkthroughs, progress, teacher,
    /// about). A function, not a field, so the tables are only linked into those pages'
    /// chunks, not the first download.
    pub fn pages(&self) -> &'static pages::PageStrings {
        match self.lang {
            Lang::Vi => &pages_vi::PAGES_VI,
            Lang::En => &pages_en::PAGES_EN,
        }
    }

    /// Profiles, certificate, moving progress. A function, not a field: the tables are then
    /// only linked into the pages that use them (their page chunks), not the first download.
    pub fn people(&self) -> &'static people::PeopleStrings {
        match self.lang {
            Lang::Vi => &people_vi::PEOPLE_VI,
            Lang::En => &people_en::PEOPLE_EN,
        }
    }

    /// The ward's report (linked into the ward chunk only, see [`Strings::people`]).
    pub fn ward(&self) -> &'static ward::WardStrings {
        match self.lang {
            Lang::Vi => &ward_vi::WARD_VI,
            Lang::En => &ward_en::WARD_EN,
        }
    }

    /// The teacher area's step for the Learning Record Store (the teacher chunk only).
    pub fn lrs(&self) -> &'static lrs::LrsStrings {
        match self.lang {
            Lang::Vi => &lrs_vi::LRS_VI,
            Lang::En => &lrs_en::LRS_EN,
        }
    }

    /// The survey: the student's panel, the teacher's feedback, the ward's line (linked into
    /// those pages' chunks only, see [`Strings::people`]).
    pub fn survey(&self) -> &'static survey::SurveyStrings {
        match self.lang {
            Lang::Vi => &survey_vi::SURVEY_VI,
            Lang::En => &survey_en::SURVEY_EN,
        }
    }

    /// The teacher's report (linked into the teacher chunk only, see [`Strings::people`]).
    pub fn teach(&self) -> &'static teach::TeachStrings {
        match self.lang {
            Lang::Vi => &teach_vi::TEACH_VI,
            Lang::En => &teach_en::TEACH_EN,
        }
    }
}

/// The table for a language.
pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Vi => &vi::VI,
        Lang::En => &en::EN,
    }
}

/// A `yyyy-mm` month as the report shows it: `mm/yyyy` (the same in both languages).
pub fn month_label(month: &str) -> String {
    match month.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => month.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_is_accented_and_differs_from_english() {
        let (vi, en) = (strings(Lang::Vi), strings(Lang::En));
        assert_eq!(vi.nav_lessons, "Bài học");
        assert_ne!(vi.home_title, en.home_title);
        assert_eq!(vi.switch_lang, "English");
        assert_eq!(en.switch_lang, "Tiếng Việt");
        assert_eq!(
            (vi.pages().score_line)(5, 7, 71),
            "Bạn trả lời đúng 5/7 câu (71%)."
        );
        assert_eq!(
            (en.pages().score_line)(5, 7, 71),
            "You got 5 of 7 right (71%)."
        );
    }
}
