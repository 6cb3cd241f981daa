//! Words of `podium ballots` and of the slips it prints (测评票, 测评码).

use super::Lang;

/// The default file's tail: `<plan>-测评票.docx`, `<plan>-测评码.csv`.
pub fn file_tail(lang: Lang, csv: bool) -> &'static str {
    match csv {
        false => lang.pick("测评票", "ballots"),
        true => lang.pick("测评码", "ballot-codes"),
    }
}

/// A console holds the session.
pub fn locked(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("{err}；请在那个控制台里发放或作废测评票，或先退出它"),
        Lang::En => format!("{err}; issue or void ballots in that console, or quit it first"),
    }
}

/// The plan declares no ballot groups.
pub fn no_groups(lang: Lang, plan: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "{plan} 没有测评分组：请在计划的 scoring.ballot_groups 中写明各组的名称、权重和张数，如 [{{\"name\": \"领导\", \"weight\": 60, \"ballots\": 12}}, {{\"name\": \"部门\", \"weight\": 40, \"ballots\": 30}}]"
        ),
        Lang::En => format!(
            "{plan} has no ballot groups: declare them in the plan's scoring.ballot_groups with a name, a weight and how many ballots, e.g. [{{\"name\": \"Leaders\", \"weight\": 60, \"ballots\": 12}}, {{\"name\": \"Staff\", \"weight\": 40, \"ballots\": 30}}]"
        ),
    }
}

/// `--group NAME=N` with a name that is not a ballot group.
pub fn unknown_group(lang: Lang, name: &str, groups: &[String]) -> String {
    match lang {
        Lang::Zh => format!(
            "--group {name}：计划中没有这个测评分组（有：{}）",
            groups.join("、")
        ),
        Lang::En => format!(
            "--group {name}: the plan has no such ballot group (it has: {})",
            groups.join(", ")
        ),
    }
}

/// `--group NAME=…` given twice.
pub fn group_twice(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("--group {name} 写了两次：每组只写一次（补发到的总张数）"),
        Lang::En => format!(
            "--group {name} is given twice: give each group once (the total it should have)"
        ),
    }
}

/// A target below what is already issued.
pub fn below_issued(lang: Lang, group: &str, target: usize, issued: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "测评分组 {group} 已发放 {issued} 张（含作废的），不能减到 {target} 张：张数是本组共发放的总数，只能补发；遗失的票请用 --void 票号 作废"
        ),
        Lang::En => format!(
            "ballot group {group} already has {issued} ballots issued (voided ones included), not {target}: the number is the group's total and only grows; void a lost slip with --void SERIAL"
        ),
    }
}

/// A bad `--url`.
pub fn bad_url(lang: Lang, url: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "--url {url}：应为 http:// 或 https:// 开头的地址，只含主机和端口，如 http://192.168.1.5:7374"
        ),
        Lang::En => format!(
            "--url {url}: give an http:// or https:// address with only a host and a port, e.g. http://192.168.1.5:7374"
        ),
    }
}

/// A bad `--wifi`.
pub fn bad_wifi(lang: Lang) -> String {
    match lang {
        Lang::Zh => "--wifi 应写作 无线网络名称:密码（开放网络写 名称:），名称不能为空".into(),
        Lang::En => {
            "--wifi takes SSID:PASSWORD (an open network: SSID:), and the SSID cannot be empty"
                .into()
        }
    }
}

/// `-o` with an extension that is neither .docx nor .csv (and no `--format`).
pub fn bad_extension(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("{path}：测评票只能写成 .docx（打印）或 .csv（邮件合并），或用 --format 指定")
        }
        Lang::En => format!(
            "{path}: ballots are written as .docx (to print) or .csv (a mail merge), or say which with --format"
        ),
    }
}

/// The output file exists.
pub fn exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Zh => format!("{path} 已存在，未覆盖；请另选文件名（-o）"),
        Lang::En => format!("{path} exists and was not replaced; choose another name (-o)"),
    }
}

/// `--void` a serial that was never issued.
pub fn unknown_serial(lang: Lang, serial: &str) -> String {
    match lang {
        Lang::Zh => format!("--void {serial}：没有这个票号的票（票号如 领导-007，见票面）"),
        Lang::En => format!(
            "--void {serial}: no ballot has this serial (a serial reads like 领导-007, see the slip)"
        ),
    }
}

/// `--void` a serial voided before.
pub fn voided_before(lang: Lang, serial: &str) -> String {
    match lang {
        Lang::Zh => format!("--void {serial}：这张票已经作废"),
        Lang::En => format!("--void {serial}: this ballot is already voided"),
    }
}

/// A ballot voided.
pub fn voided(lang: Lang, serial: &str) -> String {
    match lang {
        Lang::Zh => format!("已作废 {serial}"),
        Lang::En => format!("voided {serial}"),
    }
}

/// After issuing: “领导：发放 3 张，领导-013 至 领导-015”.
pub fn issued(lang: Lang, group: &str, n: usize, first: &str, last: &str) -> String {
    match (lang, n) {
        (Lang::Zh, 1) => format!("{group}：发放 1 张，{first}"),
        (Lang::Zh, _) => format!("{group}：发放 {n} 张，{first} 至 {last}"),
        (Lang::En, 1) => format!("{group}: issued 1 ballot, {first}"),
        (Lang::En, _) => format!("{group}: issued {n} ballots, {first} to {last}"),
    }
}

/// Where the slips or codes were written.
pub fn written(lang: Lang, path: &str, csv: bool) -> String {
    match (lang, csv) {
        (Lang::Zh, false) => format!("测评票已写入 {path}"),
        (Lang::Zh, true) => format!("测评码已写入 {path}"),
        (Lang::En, false) => format!("the slips are in {path}"),
        (Lang::En, true) => format!("the codes are in {path}"),
    }
}

/// The file holds the codes: whoever holds one can vote with it.
pub fn secret(lang: Lang, csv: bool) -> String {
    match (lang, csv) {
        (Lang::Zh, true) => "此文件含测评码，须保密：持有测评码的人即可用它投票；邮件合并（发送）完成后请删除此文件".into(),
        (Lang::Zh, false) => "测评票上印有测评码，须保密：持有测评码的人即可用它投票；打印后请删除此文件，票面逐张发放".into(),
        (Lang::En, true) => "this file holds the ballot codes and is secret: whoever holds a code can vote with it; delete the file once the mail merge is sent".into(),
        (Lang::En, false) => "the slips carry the ballot codes and are secret: whoever holds a code can vote with it; delete the file once they are printed, and hand the slips out one by one".into(),
    }
}

/// The ballots were issued but the file could not take its name: where it is.
pub fn not_renamed(lang: Lang, temp: &str, target: &str, err: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "测评票已发放，但无法写成 {target}（{err}）：这批票的测评码在 {temp}，请把它改名后使用；不要重新发放"
        ),
        Lang::En => format!(
            "the ballots were issued but {target} could not be written ({err}): their codes are in {temp}; rename it and use it, do not issue again"
        ),
    }
}

/// The issue was not saved (the journal could not take it): nothing was issued.
pub fn not_saved(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("无法保存到会议记录（{err}）：没有发放也没有作废任何票"),
        Lang::En => {
            format!("could not save to the session ({err}): no ballot was issued or voided")
        }
    }
}

/// The codes could not be drawn or the file not written before issuing.
pub fn not_issued(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("{err}：没有发放任何票"),
        Lang::En => format!("{err}: no ballot was issued"),
    }
}

/// The session file lags behind its journal (the issue is in the journal).
pub fn journal_only(lang: Lang, journal: &str, err: &str) -> String {
    match lang {
        Lang::Zh => {
            format!("已记入日志 {journal}，但会议记录文件未能更新（{err}）；下次打开时补上")
        }
        Lang::En => format!(
            "saved in the journal {journal}, but the session file could not be updated ({err}); the next open brings it up to date"
        ),
    }
}

/// The summary's first line.
pub fn summary_head(lang: Lang, open: bool) -> &'static str {
    match open {
        true => lang.pick("测评票（投票进行中）", "Ballots (voting is open)"),
        false => lang.pick("测评票（投票未开放）", "Ballots (voting is not open)"),
    }
}

/// One group's line of the summary.
pub fn summary_line(lang: Lang, group: &str, issued: usize, cast: usize, voided: usize) -> String {
    match lang {
        Lang::Zh => format!("  {group}：发放 {issued} 张，已投 {cast} 张，作废 {voided} 张"),
        Lang::En => format!("  {group}: {issued} issued, {cast} cast, {voided} voided"),
    }
}

/// The total line of the summary.
pub fn summary_total(lang: Lang) -> &'static str {
    lang.pick("合计", "Total")
}

/// Nothing to issue: every group has its ballots.
pub fn nothing_to_issue(lang: Lang) -> &'static str {
    lang.pick(
        "各组的票已发足，没有新发放；要补发请用 --group 组名=总张数",
        "every group has its ballots; nothing was issued (to issue more: --group NAME=TOTAL)",
    )
}

// The slips.

/// The CSV's header.
pub fn csv_header(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["组别", "票号", "测评码", "链接"],
        Lang::En => ["Group", "Serial", "Code", "Link"],
    }
}

/// “组别：领导”.
pub fn slip_group(lang: Lang, group: &str) -> String {
    match lang {
        Lang::Zh => format!("组别：{group}"),
        Lang::En => format!("Group: {group}"),
    }
}

/// “票号：领导-007”.
pub fn slip_serial(lang: Lang, serial: &str) -> String {
    match lang {
        Lang::Zh => format!("票号：{serial}"),
        Lang::En => format!("Serial: {serial}"),
    }
}

/// The label before the readable code.
pub fn slip_code(lang: Lang) -> &'static str {
    lang.pick("测评码", "Code")
}

/// How to vote with the slip.
pub fn slip_how(lang: Lang, base: &str) -> String {
    match lang {
        Lang::Zh => format!("用手机扫码或在浏览器打开 {base} 输入测评码"),
        Lang::En => format!("Scan with a phone, or open {base} in a browser and type the code"),
    }
}

/// Under the ballot's QR code when a Wi-Fi QR code stands beside it.
pub fn slip_vote_qr(lang: Lang) -> &'static str {
    lang.pick("扫码投票", "Scan to vote")
}

/// Under the Wi-Fi QR code.
pub fn slip_wifi(lang: Lang, ssid: &str) -> String {
    match lang {
        Lang::Zh => format!("扫码连接会场无线网络：{ssid}"),
        Lang::En => format!("Scan to join the venue's Wi-Fi: {ssid}"),
    }
}

/// The slips document could not be made.
pub fn failed(lang: Lang, err: &str) -> String {
    match lang {
        Lang::Zh => format!("无法生成测评票文档：{err}"),
        Lang::En => format!("could not make the slips document: {err}"),
    }
}

/// A slip's second line: its group and serial, apart.
pub fn slip_head(lang: Lang, group: &str, serial: &str) -> String {
    let gap = lang.pick("　　", "    ");
    format!(
        "{}{gap}{}",
        slip_group(lang, group),
        slip_serial(lang, serial)
    )
}

/// “测评码：” before the code on a slip.
pub fn slip_code_label(lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}：", slip_code(lang)),
        Lang::En => format!("{}: ", slip_code(lang)),
    }
}
