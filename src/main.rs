//! Entry point: installs the panic hook and starts the app. Everything else is in the library.

fn main() {
    console_error_panic_hook::set_once();
    dvc_lab::app::start();
}
