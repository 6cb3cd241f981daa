//! Words of a series of rounds in the console and on the stage: categories, bands (等次), the round before (上期) and rank changes (进位 / 退位).
