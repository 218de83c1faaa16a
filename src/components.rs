//! Reusable view pieces: the site frame, the article list and the reader with its highlights.

pub mod annotated_paragraph;
pub mod article_list;
pub mod article_meta;
pub mod article_view;
pub mod explanation_panel;
pub mod highlight_legend;
pub mod removed_lines;
pub mod site_footer;
pub mod site_header;

pub use annotated_paragraph::AnnotatedParagraph;
pub use article_list::ArticleList;
pub use article_meta::ArticleMeta;
pub use article_view::ArticleView;
pub use explanation_panel::ExplanationPanel;
pub use highlight_legend::HighlightLegend;
pub use removed_lines::RemovedLines;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
