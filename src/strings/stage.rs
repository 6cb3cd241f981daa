//! The stage's voting screen words ([F2]): what the room reads while voting is open, and the
//! refusals of `podium display --ballots-url` and `--wifi`, in Chinese and English.

use super::Lang;

/// Over the page's QR code.
pub fn scan(lang: Lang) -> &'static str {
    lang.pick(
        "请扫码参加现场测评",
        "Scan the code to take part in the evaluation",
    )
}

/// Over the page's QR code when the row has room: the address can be typed instead.
pub fn scan_or_type(lang: Lang) -> &'static str {
    lang.pick(
        "请扫码参加现场测评，或在浏览器打开下方地址，输入票面上的测评码",
        "Scan the code to take part in the evaluation, or open the address below in a browser and type the code on your slip",
    )
}

/// Over the address when there is no room for the QR code.
pub fn type_code(lang: Lang) -> &'static str {
    lang.pick(
        "请在浏览器打开下方地址，输入票面上的测评码",
        "Open the address below in a browser and type the code on your slip",
    )
}

/// Under the Wi-Fi QR code.
pub fn wifi_scan(lang: Lang, ssid: &str) -> String {
    match lang {
        Lang::Zh => format!("扫码连接会场无线网络：{ssid}"),
        Lang::En => format!("Scan to join the venue's Wi-Fi: {ssid}"),
    }
}

/// The venue's Wi-Fi in words, when its QR code has no room beside the page's.
pub fn wifi_words(lang: Lang, ssid: &str, password: &str) -> String {
    match (lang, password.is_empty()) {
        (Lang::Zh, false) => format!("会场无线网络：{ssid}　密码：{password}"),
        (Lang::Zh, true) => format!("会场无线网络：{ssid}（无密码）"),
        (Lang::En, false) => format!("Venue Wi-Fi: {ssid}, password: {password}"),
        (Lang::En, true) => format!("Venue Wi-Fi: {ssid} (no password)"),
    }
}

/// The ballots received so far of those that count: “已收 45 / 62”.
pub fn received(lang: Lang, cast: usize, of: usize) -> String {
    format!("{} {cast} / {of}", lang.pick("已收", "Received"))
}

/// Each ballot group's ballots received of those issued and not voided:
/// “领导 10/12 · 部门 25/30”.
pub fn by_group(groups: &[(String, usize, usize)]) -> String {
    groups
        .iter()
        .map(|(name, cast, of)| format!("{name} {cast}/{of}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The counts on one row: “已收 45 / 62（领导 10/12 · 部门 25/30）”.
pub fn counts(lang: Lang, received: &str, by_group: &str) -> String {
    if by_group.is_empty() {
        return received.to_string();
    }
    match lang {
        Lang::Zh => format!("{received}（{by_group}）"),
        Lang::En => format!("{received} ({by_group})"),
    }
}

/// In place of the QR code when the window cannot hold it.
pub fn too_small(lang: Lang) -> &'static str {
    lang.pick(
        "窗口太小，无法显示二维码：请放大",
        "The window is too small for the QR code: enlarge it",
    )
}

/// In place of the QR code when the display does not know where the page is served.
pub fn address_unknown(lang: Lang) -> &'static str {
    lang.pick(
        "测评页面的地址未知：请用 --serve 开始会议（或用 podium display --ballots-url 给出地址）",
        "The ballot page's address is unknown: start the meeting with --serve (or give it with podium display --ballots-url)",
    )
}

/// Over the counts when the address is unknown.
pub fn voting_open(lang: Lang) -> &'static str {
    lang.pick("现场测评进行中", "Voting is open")
}

/// `--ballots-url` that is not an http(s) address. The value is not repeated: it may be a
/// ballot's own link, which carries its code.
pub fn bad_url(lang: Lang) -> &'static str {
    lang.pick(
        "--ballots-url 应为测评页面的地址，以 http:// 或 https:// 开头（如 http://192.168.1.5:7374）",
        "--ballots-url must be the ballot page's address, starting with http:// or https:// (such as http://192.168.1.5:7374)",
    )
}

/// `--ballots-url` naming one ballot's link (`…/b/CODE`) rather than the page: its code would
/// be on the screen for the whole room.
pub fn url_with_code(lang: Lang) -> &'static str {
    lang.pick(
        "--ballots-url 应为测评页面的地址，不能是某张测评票的链接（…/b/测评码）：否则全场都能看到这张票的测评码",
        "--ballots-url must be the ballot page's address, not one ballot's link (…/b/CODE): the whole room would see that ballot's code",
    )
}

/// `--wifi` without a network name.
pub fn bad_wifi(lang: Lang) -> &'static str {
    lang.pick(
        "--wifi 应为 名称:密码（如 会场WiFi:12345678；开放网络写 名称:），名称不能为空",
        "--wifi must be SSID:PASSWORD (such as Venue:12345678; an open network is SSID:), with a name",
    )
}
