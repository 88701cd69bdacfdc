//! One router per feature, merged in `crate::app`.

pub mod admin;
pub mod clarifications;
pub mod compare;
pub mod invitations;
pub mod parts;
pub mod quotes;
pub mod rfqs;
pub mod suppliers;
