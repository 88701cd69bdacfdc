//! One module per screen. Routes are declared in [`crate::App`].

pub mod home;
pub mod invite;
pub mod login;
pub mod not_found;
pub mod parts;
pub mod rfqs;
pub mod suppliers;
