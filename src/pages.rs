//! One component per route: the article list, the reader, the comparison, paste-and-analyse and not-found.

pub mod analyze;
pub mod compare;
pub mod home;
pub mod not_found;
pub mod read;

pub use analyze::AnalyzePage;
pub use compare::ComparePage;
pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use read::ReadPage;
