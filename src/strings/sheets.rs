//! Words of the printed score sheets (`podium sheets`).
