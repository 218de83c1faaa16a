//! One component per route: the article list, the reader, the comparison, paste-and-analyse, the
//! lessons, the teacher's import, the privacy page and not-found.

pub mod analyze;
pub mod compare;
pub mod home;
pub mod import;
pub mod lesson;
pub mod lesson_editor;
pub mod lessons;
pub mod not_found;
pub mod privacy;
pub mod read;

pub use analyze::AnalyzePage;
pub use compare::ComparePage;
pub use home::HomePage;
pub use import::ImportPage;
pub use lesson::LessonPage;
pub use lesson_editor::{EditorMode, LessonEditorPage};
pub use lessons::LessonsPage;
pub use not_found::NotFoundPage;
pub use privacy::PrivacyPage;
pub use read::ReadPage;
