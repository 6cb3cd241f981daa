//! What every benchmark shares: summary statistics, counts from the environment, and the
//! folder the benchmarks write their files to.
#![allow(dead_code)] // each benchmark is its own crate and uses part of this

use std::path::PathBuf;

/// Min, median, 99th percentile (nearest rank) and max of a set of timings, in whatever
/// unit they were taken.
pub struct Stats {
    pub min: f64,
    pub median: f64,
    pub p99: f64,
    pub max: f64,
    pub n: usize,
}

impl Stats {
    pub fn of(mut samples: Vec<f64>) -> Stats {
        samples.sort_by(f64::total_cmp);
        let n = samples.len();
        let median = if n % 2 == 1 {
            samples[n / 2]
        } else {
            (samples[n / 2 - 1] + samples[n / 2]) / 2.0
        };
        Stats {
            min: samples[0],
            median,
            p99: samples[((n * 99).div_ceil(100)).clamp(1, n) - 1],
            max: samples[n - 1],
            n,
        }
    }
}

/// A positive count from the environment, or `default`.
pub fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(default)
}

/// Where the files go: `PODIUM_BENCH_DIR`, else Cargo's temp folder under `target/` (a real
/// disk: `/tmp` is a RAM disk on many systems, where a flush costs nothing).
pub fn bench_dir() -> PathBuf {
    std::env::var_os("PODIUM_BENCH_DIR")
        .map(PathBuf::from)
        .or_else(|| option_env!("CARGO_TARGET_TMPDIR").map(PathBuf::from))
        .unwrap_or_else(std::env::temp_dir)
}
