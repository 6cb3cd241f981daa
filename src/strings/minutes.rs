//! Words of the minutes (会议纪要) in Markdown.
