//! `planpress lint`: notation checks of an edition's text (表記ゆれ, 公用文).

pub mod dictionary;
