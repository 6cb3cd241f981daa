//! A disk that fills up, for the tests of disk trouble: `Writer::set_disk` puts it under a
//! session's writer. It lives with the tests, out of the shipped library.

use podium::store::{Disk, RealDisk};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// A disk that fills up: writes succeed until `budget` bytes have been written, then the
/// write in progress is cut short (what a full disk does) and fails with "no space left".
/// Raise the budget again to make room.
pub struct FullDisk {
    pub budget: Arc<AtomicU64>,
}

impl FullDisk {
    fn take(&self, want: usize) -> usize {
        let have = self.budget.load(Ordering::SeqCst) as usize;
        let granted = have.min(want);
        self.budget.fetch_sub(granted as u64, Ordering::SeqCst);
        granted
    }
}

fn no_space() -> io::Error {
    io::Error::new(io::ErrorKind::StorageFull, "no space left on device")
}

impl Disk for FullDisk {
    fn append(&mut self, journal: &mut File, bytes: &[u8]) -> io::Result<()> {
        let granted = self.take(bytes.len());
        journal.write_all(&bytes[..granted])?;
        journal.sync_data()?;
        if granted < bytes.len() {
            return Err(no_space());
        }
        Ok(())
    }

    fn replace(&mut self, path: &Path, temp: &Path, bytes: &[u8]) -> io::Result<()> {
        let granted = self.take(bytes.len());
        if granted < bytes.len() {
            // The temporary file is cut short, then removed (as the store's atomic write
            // does); the session file is never touched.
            let _ = fs::write(temp, &bytes[..granted]);
            let _ = fs::remove_file(temp);
            return Err(no_space());
        }
        RealDisk.replace(path, temp, bytes)
    }

    fn truncate(&mut self, journal: &mut File) -> io::Result<()> {
        RealDisk.truncate(journal)
    }
}
