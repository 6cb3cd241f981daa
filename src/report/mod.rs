//! Reports written from a session: the minutes in Markdown (the JSON record lives in
//! `session::record`).

pub mod markdown;
