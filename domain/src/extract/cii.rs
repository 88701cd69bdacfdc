//! CII XML.
use super::model::Extraction;
pub fn read(_bytes: &[u8], _file: &str, _ex: &mut Extraction) {}
