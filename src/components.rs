//! Reusable view pieces: the site frame, the explorer (search, filters, results) and the reader with its highlights.

pub mod annotated_paragraph;
pub mod article_list;
pub mod article_meta;
pub mod article_view;
pub mod empty_results;
pub mod explanation_panel;
pub mod explore_view;
pub mod facet_group;
pub mod filter_panel;
pub mod highlight_legend;
pub mod marked_text;
pub mod removed_lines;
pub mod result_list;
pub mod search_box;
pub mod site_footer;
pub mod site_header;
pub mod sort_options;

pub use annotated_paragraph::AnnotatedParagraph;
pub use article_list::ArticleList;
pub use article_meta::ArticleMeta;
pub use article_view::ArticleView;
pub use empty_results::EmptyResults;
pub use explanation_panel::ExplanationPanel;
pub use explore_view::ExploreView;
pub use facet_group::FacetGroup;
pub use filter_panel::FilterPanel;
pub use highlight_legend::HighlightLegend;
pub use marked_text::MarkedText;
pub use removed_lines::RemovedLines;
pub use result_list::ResultList;
pub use search_box::SearchBox;
pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use sort_options::SortOptions;
