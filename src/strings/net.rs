//! Strings of the network, in Chinese and English side by side. What goes over the wire is a
//! `Text` holding both languages (each side shows its own), so most of these return one.

use super::Lang;
use crate::net::wire::Text;

/// A sentence in both languages, from one function of the language.
fn both(text: impl Fn(Lang) -> String) -> Text {
    Text::new(text(Lang::Zh), text(Lang::En))
}

/// A refusal of the session (`strings::refusal`) in both languages, for a note-taker.
pub fn refusal(r: &crate::session::Refusal) -> Text {
    both(|l| super::refusal(l, r))
}

pub fn busy() -> Text {
    Text::new(
        "这个地址同时有太多人在加入，请稍后再试",
        "Too many joins at once from this address; try again in a moment",
    )
}

pub fn disconnected_by_host() -> Text {
    Text::new("主持人断开了你的连接", "The host disconnected you")
}

pub fn display_cannot_change() -> Text {
    Text::new("大屏只能查看", "A stage display cannot change the meeting")
}

/// The host's notice when a note-taker's connection ended, and why.
pub fn left(name: &str, why: &Text) -> Text {
    both(|l| match l {
        Lang::Zh => format!("{name} 已断开（{}）", why.zh),
        Lang::En => format!("{name} left ({})", why.en),
    })
}

/// To the one who tried a name already in use.
pub fn name_taken(name: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("“{name}”这个名字已经有人在用，请换一个名字加入"),
        Lang::En => format!("Someone has already joined as “{name}”; join with another name"),
    })
}

/// The host's notice of it.
pub fn name_taken_notice(addr: &str, name: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("{addr} 想以“{name}”加入，但这个名字已在使用"),
        Lang::En => format!("{addr} tried to join as “{name}”, a name already in use"),
    })
}

pub fn notetaker_joined(name: &str, addr: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("记录员 {name} 已加入（{addr}）"),
        Lang::En => format!("Note-taker {name} joined ({addr})"),
    })
}

pub fn display_joined(addr: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("大屏已连接（{addr}）"),
        Lang::En => format!("A stage display joined ({addr})"),
    })
}

pub fn too_many_tries(wait: u64) -> Text {
    both(|l| match l {
        Lang::Zh => format!("加入码错误次数太多，请 {wait} 秒后再试"),
        Lang::En => format!("Too many wrong codes from this address; try again in {wait} s"),
    })
}

pub fn name_needed() -> Text {
    Text::new(
        "加入时需要名字（--name，不超过 40 个字，不含控制字符）",
        "A name is needed to join (--name: at most 40 characters, no control characters)",
    )
}

/// The host's notice of a refusal, with the address it came from.
pub fn from_addr(addr: &str, message: &Text) -> Text {
    both(|l| match l {
        Lang::Zh => format!("{addr}：{}", message.zh),
        Lang::En => format!("{addr}: {}", message.en),
    })
}

pub fn wrong_code() -> Text {
    Text::new("加入码不对", "The join code is wrong")
}

pub fn wrong_code_notice(addr: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("{addr} 输入了错误的加入码"),
        Lang::En => format!("{addr} tried a wrong join code"),
    })
}

pub fn no_answer() -> Text {
    Text::new("长时间没有响应", "no answer for a long time")
}

pub fn too_large(err: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("消息过大：{err}"),
        Lang::En => format!("message too large: {err}"),
    })
}

pub fn connection_closed() -> Text {
    Text::new("连接已关闭", "connection closed")
}

pub fn malformed_message(err: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("消息格式不对：{err}"),
        Lang::En => format!("malformed message: {err}"),
    })
}

pub fn host_quit() -> Text {
    Text::new("主持人已退出", "the host quit")
}

pub fn not_verified() -> Text {
    Text::new(
        "无法用加入码验证对方：加入码不对，或对方不是本场会议的主持人",
        "The other side could not be verified with the join code: the code is wrong, or it is not this meeting's host",
    )
}

pub fn network_error(err: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("网络错误：{err}"),
        Lang::En => format!("Network error: {err}"),
    })
}

/// What a laptop says when the host's messages cannot be understood.
pub fn incompatible(detail: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!(
            "主持人发来的消息无法理解（{detail}）：两台电脑的 podium 版本可能不同，请装同一版本"
        ),
        Lang::En => format!(
            "The host's messages cannot be understood ({detail}): the two laptops may run different podium versions; install the same one"
        ),
    })
}

/// Both sides, when the protocol versions differ.
pub fn versions_differ(host: u32, joiner: u32) -> Text {
    both(|l| match l {
        Lang::Zh => format!(
            "协议版本不同：主持人的 podium 是第 {host} 版，加入的电脑是第 {joiner} 版；请两台电脑装同一版本的 podium"
        ),
        Lang::En => format!(
            "Protocol versions differ: the host's podium speaks version {host}, the joining laptop's version {joiner}; install the same podium on both"
        ),
    })
}

pub fn malformed_hello() -> Text {
    Text::new(
        "握手消息格式不对（这不是 podium 的加入请求）",
        "The handshake message is malformed (this is not a podium join request)",
    )
}

pub fn connection_lost(err: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("连接中断：{err}"),
        Lang::En => format!("connection lost: {err}"),
    })
}

/// A note-taker's notice after a (re)connection: `n` commands in the outbox belong to
/// another meeting and stay in the outbox file at `path`.
pub fn other_meeting_kept(n: usize, path: &str) -> Text {
    both(|l| match l {
        Lang::Zh => format!("{n} 条记录属于另一场会议，没有发送；它们保存在 {path}"),
        Lang::En => format!(
            "{n} entries belong to another meeting and were not sent; they are kept in {path}"
        ),
    })
}

/// A note-taker's notice when the host refused one of its commands.
pub fn host_refused(message: &Text) -> Text {
    both(|l| match l {
        Lang::Zh => format!("主持人未接受：{}", message.zh),
        Lang::En => format!("The host did not accept it: {}", message.en),
    })
}

/// A note-taker's notice when the link to the host was lost (`why`): closed for good, or
/// reconnecting; new entries wait on the laptop either way.
pub fn link_lost(why: &Text, reconnecting: bool) -> Text {
    both(|l| match (l, reconnecting) {
        (Lang::Zh, false) => format!("{}；新录入的内容保存在本机", why.zh),
        (Lang::Zh, true) => format!("{}；正在重新连接，新录入的内容先保存在本机", why.zh),
        (Lang::En, false) => format!("{}; new entries are kept on this laptop", why.en),
        (Lang::En, true) => format!("{}; reconnecting; new entries wait on this laptop", why.en),
    })
}
