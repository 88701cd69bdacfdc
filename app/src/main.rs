//! The wasm binary Trunk builds: everything lives in the `app` library.

fn main() {
    app::start();
}
