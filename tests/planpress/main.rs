//! The one integration-test binary: it builds the shipped edition in-process and
//! checks what a reader of the printed plan would check.

mod doc;

mod annex;
mod archiving;
mod blocks;
mod broken;
mod changes;
mod cli;
mod comparison;
mod comparison_forms;
mod comparison_layout;
mod cost;
mod deep_org;
mod document;
mod editions;
mod extracting;
mod fixtures;
mod layout;
mod line_breaks;
mod lint;
mod lint_spans;
mod lint_style;
mod live;
mod mutations;
mod outputs;
mod pdf;
mod properties;
mod reading;
mod reading_edges;
mod regulation_print;
mod release;
mod safety;
mod sheets;
mod sheets_rows;
mod snapshots;
mod spacing;
mod web;
mod web_phrases;
mod web_shapes;
mod windows;
