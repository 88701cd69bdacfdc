//! Text PDFs.
use super::memory::MappingMemory;
use super::model::Extraction;
pub fn read(_bytes: &[u8], _file: &str, _memory: Option<&MappingMemory>, _ex: &mut Extraction) {}
