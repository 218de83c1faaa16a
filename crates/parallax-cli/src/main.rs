//! `parallax`: build packs and print analyses from the command line.

fn main() {
    eprintln!("usage: parallax <command>");
    std::process::exit(2);
}
