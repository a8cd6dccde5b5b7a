//! planpress: a ward office's Service Improvement Action Plan, from content to PDF.
//!
//! The pipeline ([`pipeline`]), a module per stage:
//! [`content`] (load and validate) → [`view`] (the display facts, computed once) →
//! [`render`] (templates: Typst source, or the web edition's HTML) → [`world`] (the
//! sandboxed Typst world) → [`pdf`] (compile, export) with [`layout`] (the layout
//! check) between → [`fs`] (atomic writes).
//!
//! Around it: [`config`] (what to build), [`error`] (what can stop it), [`item`]
//! (every item's identity), [`fonts`], [`diff`], [`sheets`], [`archive`],
//! [`extract`], [`new`], [`fmt`], [`preview`], [`schema`], [`lint`].

pub mod archive;
pub mod city;
pub mod city_check;
pub mod common_change;
pub mod config;
pub mod content;
pub mod diff;
pub mod edit;
pub mod error;
pub mod extract;
pub mod fmt;
pub mod fonts;
pub mod fs;
pub mod io_message;
pub mod item;
pub mod layout;
pub mod lint;
pub mod marks;
pub mod new;
pub mod new_city;
pub mod outputs;
pub mod pdf;
pub mod pipeline;
pub mod preview;
pub mod render;
pub mod schema;
pub mod sheets;
pub mod summary;
pub mod view;
pub mod world;

pub use config::Config;
pub use content::{Content, ContentErrors};
pub use error::BuildError;
pub use item::ItemId;
pub use pipeline::{Built, Pipeline, Prepared, build};
pub use render::{Generated, Templates};
pub use view::View;
pub use world::PlanWorld;
