//! Words of the console's task form and task view.
