//! `podium ballots PLAN|SESSION [--group NAME=N]… [--void SERIAL]… [--url URL]
//! [--wifi SSID:PASSWORD] [-o FILE] [--format docx|csv]`: issues and voids anonymous ballots
//! and prints the new ones' slips.

use super::CmdResult;
use crate::session::ballots;
use crate::strings::Choice;
use std::path::PathBuf;

#[derive(clap::Args, Debug, Clone)]
pub struct BallotsArgs {
    /// The plan or the session
    pub plan: PathBuf,
    /// Issue up to N ballots for a group: NAME=N (repeatable)
    #[arg(long = "group", value_name = "NAME=N")]
    pub groups: Vec<String>,
    /// Void a ballot by its serial (repeatable)
    #[arg(long = "void", value_name = "SERIAL")]
    pub void: Vec<String>,
    /// The ballot page's address, in the QR codes
    #[arg(long)]
    pub url: Option<String>,
    /// The venue's Wi-Fi: SSID:PASSWORD
    #[arg(long)]
    pub wifi: Option<String>,
    /// The file to write (.docx or .csv)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// docx slips or csv codes
    #[arg(long, value_enum)]
    pub format: Option<SlipFormat>,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlipFormat {
    Docx,
    Csv,
}

/// `n` new codes and the salt their hashes are made with, from the system's random source.
pub fn draw(n: usize) -> Result<(String, Vec<String>), String> {
    let mut salt = [0u8; ballots::SALT_BYTES];
    getrandom::getrandom(&mut salt).map_err(|e| e.to_string())?;
    let mut codes = Vec::with_capacity(n);
    for _ in 0..n {
        let mut bytes = [0u8; ballots::CODE_BYTES];
        getrandom::getrandom(&mut bytes).map_err(|e| e.to_string())?;
        codes.push(ballots::code_from(&bytes));
    }
    Ok((ballots::hex(&salt), codes))
}

/// The address the ballot page would be served at now: this computer's first LAN address
/// and port 7374 (`http://192.168.1.5:7374`); loopback when it has none.
pub fn default_url() -> String {
    let ip = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback())
        .map(|i| i.ip())
        .filter(|ip| ip.is_ipv4())
        .min_by_key(|ip| ip.to_string())
        .map_or_else(|| "127.0.0.1".to_string(), |ip| ip.to_string());
    format!("http://{ip}:{}", crate::net::BALLOTS_PORT)
}

pub fn run(args: BallotsArgs, choice: Choice) -> CmdResult {
    let _ = (args, choice);
    Err("podium ballots: being built ([F1])".into())
}
