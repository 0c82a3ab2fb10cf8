//! Finding the header: column names and their spellings, the header row and shape of
//! a file, where each column sits, the user's column mappings, and the raw table of
//! text cells under the header.

pub mod detect;
pub mod layout;
pub mod mapping;
pub mod raw;
pub mod schema;
mod spelling;
