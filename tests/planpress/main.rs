//! The one integration-test binary: it builds the shipped edition in-process and
//! checks what a reader of the printed plan would check.

mod doc;

mod broken;
mod cli;
mod document;
mod editions;
mod fixtures;
mod layout;
mod live;
mod pdf;
mod properties;
mod safety;
mod sheets;
mod sheets_rows;
mod snapshots;
mod web;
mod web_shapes;
