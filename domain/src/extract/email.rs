//! E-mail.
use super::memory::MappingMemory;
use super::model::Extraction;
pub fn read(
    _bytes: &[u8],
    _file: &str,
    _memory: Option<&MappingMemory>,
    _depth: u8,
    _ex: &mut Extraction,
) {
}
