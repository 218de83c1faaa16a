//! The core's integration tests: one binary, one module per feature.

mod compare_outputs;
mod devset;
mod evaluator;
mod format_doc;
mod robustness;
mod spans;
