//! The browser app's entry point; everything is in the library (`src/lib.rs`).

fn main() {
    kassoren_web::start();
}
