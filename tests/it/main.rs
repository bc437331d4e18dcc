//! Integration tests: build fixture sites in temporary folders and check the produced files.

mod harness;

mod cli;
mod corpus;
mod errors;
mod pages;
mod publish;
mod quotes;
mod templates;
