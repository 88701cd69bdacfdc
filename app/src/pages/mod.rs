//! One module per screen. Routes are declared in [`crate::App`].

pub mod compare;
pub mod home;
pub mod invite;
pub mod login;
pub mod not_found;
pub mod part_detail;
pub mod parts;
pub mod quote_files;
pub mod quote_form;
pub mod quote_upload;
pub mod quote_view;
pub mod rfq_buyer;
pub mod rfq_new;
pub mod rfqs;
pub mod supplier_detail;
pub mod supplier_rfq;
pub mod suppliers;
pub mod users;
pub mod visit_notes;
