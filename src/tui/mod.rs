//! The live console.
