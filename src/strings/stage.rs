//! The stage's voting screen words ([F2]).

#[allow(unused_imports)]
use super::Lang;
