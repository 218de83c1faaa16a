//! Hooks that keep the app in step with the browser: the URL hash, the document title, focus on navigation, the colour theme.

pub mod after_paint;
pub mod timing;
pub mod use_document_title;
pub mod use_hash_route;
pub mod use_page_focus;
pub mod use_service_worker;
pub mod use_stored_data;
pub mod use_student_work;
pub mod use_theme;

pub use after_paint::after_paint;
pub use use_document_title::use_document_title;
pub use use_hash_route::use_hash_route;
pub use use_page_focus::use_page_focus;
pub use use_service_worker::use_service_worker;
pub use use_stored_data::use_stored_data;
pub use use_theme::use_theme;
