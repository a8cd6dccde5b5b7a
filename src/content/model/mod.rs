//! The serde model of an edition: what the printed plan is made of.
//!
//! Every struct denies unknown keys so a typo in a content file is an error,
//! and accepts an optional `$schema` key so editors can validate while typing.

mod annex;
mod chapters;
mod common;
mod comparison;
mod edition;
mod free;
mod regulation;
mod standards;
mod targets;
mod text;

pub use annex::*;
pub use chapters::*;
pub use common::*;
pub use comparison::*;
pub use edition::*;
pub use free::*;
pub use regulation::*;
pub use standards::*;
pub use targets::*;
pub use text::*;
