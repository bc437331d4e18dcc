//! Integration tests: build fixture sites in temporary folders and check the produced files.

mod harness;

// The benchmark corpus generator (examples/gen_corpus), used here as a library.
#[allow(dead_code, reason = "the tests use only part of the generator")]
#[path = "../../examples/gen_corpus/corpus/mod.rs"]
mod gen_corpus;

mod architecture;
mod archives;
mod bad_input;
mod brand;
mod browser;
mod check;
mod cli;
mod containment;
mod corpus;
mod cross_links;
mod deploy;
mod errors;
mod faults;
mod feeds;
mod first_run;
mod html;
mod keep_going;
mod languages;
mod look;
mod migrate;
mod pages;
mod properties;
mod publish;
mod quote_review;
mod quotes;
mod search;
mod serve;
mod site_pages;
mod templates;
mod watch;
mod watch_storm;
mod wordpress;
