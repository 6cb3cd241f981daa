//! The ballot page's words ([F2]).

#[allow(unused_imports)]
use super::Lang;
