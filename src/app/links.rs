//! Opening a source's address in the system browser, only when its link is clicked
//! (issue 13): the program itself never fetches it. The address is checked again
//! (`http(s)` only, one argument, see [`openable`]) and handed to the platform's
//! opener (`xdg-open`, `open`, `explorer`) on a worker thread, so a slow opener
//! never blocks a frame; the status bar says what happened, and when no opener
//! could run the address is put on the clipboard instead.

use super::jobs::{Job, Polled};
use crate::query::sources::openable;

/// What opens an address (the system's opener by default; tests put their own).
pub type UrlOpener = fn(&str) -> Result<(), String>;

/// The system's opener: `xdg-open` (Linux and the BSDs), `open` (macOS),
/// `explorer` (Windows); the address is one argument, never read by a shell.
///
/// # Errors
/// When the opener cannot be started or reports a failure.
pub fn system_opener(url: &str) -> Result<(), String> {
    let program = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let status = std::process::Command::new(program)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("{program} could not be started: {e}"))?;
    // explorer exits 1 even when it opened the page.
    if status.success() || cfg!(target_os = "windows") {
        Ok(())
    } else {
        Err(format!("{program} failed ({status})"))
    }
}

/// The links being opened, and what opens them.
pub struct Links {
    opener: UrlOpener,
    jobs: Vec<(String, Job<Result<(), String>>)>,
    /// Every address handed to the opener, in order (for tests).
    pub opened: Vec<String>,
}

impl Default for Links {
    fn default() -> Self {
        Links {
            opener: system_opener,
            jobs: Vec::new(),
            opened: Vec::new(),
        }
    }
}

impl Links {
    /// Replaces what opens an address.
    pub fn set_opener(&mut self, opener: UrlOpener) {
        self.opener = opener;
    }

    /// Starts opening `url`; the notice for the status bar.
    pub fn open(&mut self, ctx: &egui::Context, url: &str) -> String {
        let Some(url) = openable(url) else {
            return format!("Not opened: \u{201c}{url}\u{201d} is not a web address");
        };
        let opener = self.opener;
        let address = url.clone();
        match Job::spawn(ctx, "link opener", move || opener(&address)) {
            Ok(job) => {
                self.opened.push(url.clone());
                self.jobs.push((url.clone(), job));
                format!("Opening {url} in your browser\u{2026}")
            }
            Err(why) => {
                ctx.copy_text(url.clone());
                format!("{url} was not opened ({why}); the address is on the clipboard")
            }
        }
    }

    /// What the finished openers said, as notices; an address that could not be
    /// opened is put on the clipboard.
    pub fn poll(&mut self, ctx: &egui::Context) -> Vec<String> {
        let mut notices = Vec::new();
        self.jobs.retain(|(url, job)| {
            let failed = match job.poll() {
                Polled::Running => return true,
                Polled::Done(Ok(())) => {
                    notices.push(format!("Opened {url} in your browser"));
                    return false;
                }
                Polled::Done(Err(why)) | Polled::Stopped(why) => why,
            };
            ctx.copy_text(url.clone());
            notices.push(format!(
                "{url} was not opened ({failed}); the address is on the clipboard"
            ));
            false
        });
        notices
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finished(links: &mut Links, ctx: &egui::Context) -> Vec<String> {
        for _ in 0..500 {
            let notices = links.poll(ctx);
            if !notices.is_empty() {
                return notices;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        Vec::new()
    }

    #[test]
    fn only_web_addresses_reach_the_opener_and_a_failure_is_said() {
        let ctx = egui::Context::default();
        let mut links = Links::default();
        links.set_opener(|_| Err("no browser here".into()));
        assert_eq!(
            links.open(&ctx, "file:///etc/passwd"),
            "Not opened: \u{201c}file:///etc/passwd\u{201d} is not a web address"
        );
        assert!(links.opened.is_empty());
        assert_eq!(
            links.open(&ctx, "https://example.org/a"),
            "Opening https://example.org/a in your browser\u{2026}"
        );
        assert_eq!(links.opened, ["https://example.org/a"]);
        assert_eq!(
            finished(&mut links, &ctx),
            [
                "https://example.org/a was not opened (no browser here); the address is on the clipboard"
            ]
        );
        links.set_opener(|_| Ok(()));
        links.open(&ctx, "https://example.org/b");
        assert_eq!(
            finished(&mut links, &ctx),
            ["Opened https://example.org/b in your browser"]
        );
    }
}
