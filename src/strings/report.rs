//! Strings of the report, in Chinese and English side by side.

#[allow(unused_imports)]
use super::Lang;
