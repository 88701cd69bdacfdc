//! Server integration tests through the router. One binary; one module per concern.
//! Runs on SQLite, and on PostgreSQL when `BIDWELL_TEST_DATABASE_URL` is set.
#![allow(clippy::unwrap_used)]

mod harness;

mod audit;
mod auth;
mod authz;
mod award;
mod clock;
mod concurrency;
mod csrf;
mod endpoints;
mod engine;
mod errors;
mod files;
mod hardening;
mod inputs;
mod invitations;
mod mapping;
mod master;
mod nul;
mod openapi;
mod paging;
mod quotes;
mod receipts;
mod redteam;
mod revisions;
mod routes;
mod sealing;
mod serve;
mod sync;
mod throttle;
mod tokens;
