//! podium: a terminal console that runs live report meetings.
//!
//! The core (`plan`, `session`, `timer`, `decimal`) knows nothing of files or terminals;
//! `store` does the session's I/O; `commands`, `report` and `tui` are the edges.

pub mod commands;
pub mod console;
pub mod deadline;
pub mod decimal;
pub mod display;
pub mod import;
pub mod jsonpos;
pub mod names;
pub mod net;
pub mod plan;
pub mod planfile;
pub mod planform;
pub mod ratio;
pub mod report;
pub mod scoring;
pub mod session;
pub mod sessions;
pub mod store;
pub mod strings;
pub mod task;
pub mod terminal;
pub mod text;
pub mod timer;
pub mod tui;
pub mod wallclock;
pub mod widgets;
