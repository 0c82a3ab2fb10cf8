//! Reading text and sheets: CSV in any of the encodings Excel writes, workbooks
//! (XLSX, with ODS and XLS refused by name), and the progress of a long read.

pub mod csv;
pub mod progress;
pub mod xlsx;
