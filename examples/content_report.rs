//! `make content-report`: prints a JSON summary of the embedded course (lessons per language and,
//! for each lesson, its id, title, blocks, questions by type and linked walkthroughs).

fn main() {
    let report = dvc_lab::content::course().report();
    match serde_json::to_string_pretty(&report) {
        Ok(text) => println!("{text}"),
        Err(e) => {
            eprintln!("cannot print the report: {e}");
            std::process::exit(1);
        }
    }
}
