//! Words of the printable workbook: title rows, page footers, document properties.
