//! Tests that need something from outside (a server, a browser, `../shared`) and cannot run
//! here: one helper, shared by the test crates that include this file (`#[path]`).

/// Is this a CI run (`CI` set to anything but empty, `0` or `false`)?
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

/// Skip a test that cannot run here, saying so where it is seen: straight on standard error,
/// past the test harness's capture (cargo test would otherwise report a silent "ok"). Under CI
/// a test that cannot run fails instead.
pub fn skip(test: &str, why: &str) {
    if under_ci() {
        panic!("{test} cannot run under CI: {why}");
    }
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
}
