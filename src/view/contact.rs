//! 問合せ先 as the colophon and the web footer print it.

use serde::Serialize;

use crate::content::model::{Contact, number_and_note};

#[derive(Debug, Clone, Serialize)]
pub struct ContactView {
    pub section: String,
    pub phone: Option<Number>,
    pub fax: Option<Number>,
    pub email: Option<String>,
    pub address: Option<String>,
}

/// A phone or FAX number: as written (with its note), and the number alone for a
/// `tel:` link.
#[derive(Debug, Clone, Serialize)]
pub struct Number {
    /// 044-856-3133（直通）
    pub text: String,
    /// 044-856-3133
    pub number: String,
}

impl Number {
    fn new(written: &str) -> Self {
        Number {
            text: written.to_string(),
            number: number_and_note(written).0.to_string(),
        }
    }
}

impl From<&Contact> for ContactView {
    fn from(c: &Contact) -> Self {
        ContactView {
            section: c.section.clone(),
            phone: c.phone.as_deref().map(Number::new),
            fax: c.fax.as_deref().map(Number::new),
            email: c.email.clone(),
            address: c.address.clone(),
        }
    }
}
