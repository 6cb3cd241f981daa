//! Words of the Word/WPS documents: 会议纪要, 通报, 督办清单.

use super::Lang;

pub fn not_built(lang: Lang) -> String {
    lang.pick("Word 文档导出尚未完成", "Word documents are not built yet")
        .into()
}
