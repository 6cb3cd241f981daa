//! Words for linking a meeting to the one before it (`podium run --previous`, the plan's
//! `previous`) and carrying its unfinished tasks.
