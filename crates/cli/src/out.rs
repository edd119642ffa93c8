//! Where commands write: a standard output that must be open, files that may be devices.
use std::fs::File;
use std::io;
#[cfg(target_os = "linux")]
use std::path::Path;
use std::sync::OnceLock;

/// Was standard output open when rasd started ([`init`])?
static STDOUT_OPEN: OnceLock<bool> = OnceLock::new();

/// First thing in `main`: note whether standard output was closed when rasd was started
/// (`rasd extract … >&-`). The standard library gives a closed standard descriptor
/// `/dev/null`, opened for reading and writing, before `main` runs, so that no file takes its
/// number; every write then succeeds and goes nowhere. That descriptor is told from a
/// `> /dev/null` of the shell, which opens for writing only, by its flags (Linux: `/proc`).
/// A `/dev/null` opened for reading and writing by the caller (Python's `subprocess.DEVNULL`)
/// looks the same and is refused too: `-o /dev/null` discards output without doubt.
pub fn init() {
    let _ = STDOUT_OPEN.set(!stdout_was_closed());
}

#[cfg(target_os = "linux")]
fn stdout_was_closed() -> bool {
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"));
    // `flags:` is octal; its two lowest bits are the access mode (2: read and write).
    let read_write = std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|f| f & 3 == 2)
    });
    null && read_write
}

#[cfg(not(target_os = "linux"))]
fn stdout_was_closed() -> bool {
    false
}

/// Standard output, refused when it was closed (`rasd extract … >&-`): a command would
/// otherwise exit 0 having written nothing.
pub fn stdout() -> anyhow::Result<io::Stdout> {
    if STDOUT_OPEN.get() == Some(&false) {
        anyhow::bail!("standard output is closed: nothing can be written");
    }
    Ok(io::stdout())
}

/// Make what was written to a file durable. A device (`-o /dev/null`), a pipe or a terminal
/// has nothing to sync, and some refuse to (EINVAL).
pub fn sync(f: &File) -> io::Result<()> {
    if f.metadata()?.is_file() {
        f.sync_all()
    } else {
        Ok(())
    }
}
