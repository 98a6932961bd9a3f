//! Lessons as data: the file format and parser ([`syntax`]) and the checks that need the whole
//! course ([`check`]). Loading the files and the parsed course live in the app (`dvc_lab::content`).

pub mod check;
pub mod syntax;
