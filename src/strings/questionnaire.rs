//! Strings of [F1]: see the module's users.

#[allow(unused_imports)]
use super::Lang;
