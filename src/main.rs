//! Entry point: installs the panic hook and mounts the app. Everything else is in the library.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(dvc_lab::app::App);
    // The first screen is in the document and its handlers attached: `make bench` reads this.
    dvc_lab::platform::mark("dvclab-ready");
    dvc_lab::app::prepare_student_pages();
}
