//! Integration tests, in one binary (one link of the heavy dependencies).
//! They read like the user manual: each module is one part of it.

mod briefing;
mod cli_check;
mod cli_summary;
mod cli_user_files;
mod compare;
mod corpus;
mod dashboard;
mod datasets;
mod export;
mod fts_flows;
mod help;
mod malformed;
mod master_lists;
mod offline;
mod panels;
mod props;
mod real_formats;
mod screen;
mod support;
mod user_files;
mod workbooks;
mod xls;
