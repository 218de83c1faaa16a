//! Project automation: `cargo xtask setup|build|serve|test|size`.
fn main() {}
