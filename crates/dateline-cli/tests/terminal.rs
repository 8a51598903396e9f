//! What a person sees in a real terminal (tmux): the progress bar while indexing, cleared at
//! the end, and colours in search results unless `NO_COLOR` or `--color never` says otherwise.
//!
//! Needs tmux (`.ci/run` installs it); without it the test is skipped locally and fails
//! under CI.

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::{sample, write_made_up_corpus, MadeUpCorpus};

/// A tmux server of our own (its own socket), killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(command: &str) -> Option<Tmux> {
        let socket = format!("dateline-test-{}", std::process::id());
        let ok = Command::new("tmux")
            .args(["-L", &socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-s", "t", "-x", "160", "-y", "48"])
            .arg(command)
            .env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .status()
            .ok()?
            .success();
        assert!(ok, "tmux new-session failed");
        Some(Tmux { socket })
    }

    /// The screen, with colours as escape sequences.
    fn screen(&self) -> String {
        let out: Output = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-e", "-t", "t"])
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen holds `text`; returns every screen seen meanwhile.
    fn wait_for(&self, text: &str, timeout: Duration) -> Vec<String> {
        let deadline = Instant::now() + timeout;
        let mut seen = Vec::new();
        loop {
            let screen = self.screen();
            let done = screen.contains(text);
            seen.push(screen);
            if done {
                return seen;
            }
            assert!(
                Instant::now() < deadline,
                "{text:?} never appeared; last screen:\n{}",
                seen.last().unwrap()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

fn tmux_available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        if std::env::var_os("CI").is_some() {
            panic!("tmux is missing under CI (.ci/run installs it)");
        }
        eprintln!("skipping: tmux is not installed (apt-get install tmux)");
    }
    found
}

/// Enough made-up articles to keep the progress bar on screen for a while.
fn write_corpus(dir: &Path, files: usize) {
    write_made_up_corpus(
        dir,
        &MadeUpCorpus {
            files,
            title: "Article",
            words: 700,
            vocabulary: 2_000_000,
            paragraph: None,
            seed: 0x2545_f491_4f6c_dd1d,
        },
    );
}

/// Whether a line holds an SGR escape sequence (a colour or a weight).
fn has_style(line: &str) -> bool {
    line.contains("\x1b[")
}

#[test]
fn progress_bar_and_colours_as_seen_in_a_terminal() {
    if !tmux_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_corpus(&corpus, 1000);
    let sample_index = dir.path().join("sample-idx");
    let status = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["--index", sample_index.to_str().unwrap(), "index"])
        .arg(sample())
        .output()
        .unwrap()
        .status;
    assert!(status.success());

    let bin = env!("CARGO_BIN_EXE_dateline");
    let index = dir.path().join("idx");
    let script = format!(
        "{bin} --index {idx} index {corpus} --threads 1 --memory 64; echo INDEX-DONE; \
         {bin} --index {sample_index} search Hammond; echo SEARCH-DONE; \
         NO_COLOR=1 {bin} --index {sample_index} search Hammond; echo NOCOLOR-DONE; \
         {bin} --index {sample_index} --color never search Hammond; echo NEVER-DONE; \
         sleep 60",
        idx = index.display(),
        corpus = corpus.display(),
        sample_index = sample_index.display(),
    );
    let Some(tmux) = Tmux::start(&script) else {
        return;
    };

    // The bar: elapsed time, a bar drawn in colour, bytes done of the total.
    let screens = tmux.wait_for("INDEX-DONE", Duration::from_secs(180));
    let bar_screen = screens
        .iter()
        .find(|s| s.contains("[00:00:") && s.contains("iB/") && s.contains("eta"))
        .unwrap_or_else(|| {
            panic!(
                "no progress bar among {} screens; one:\n{:?}",
                screens.len(),
                screens[screens.len() / 2]
            )
        });
    let bar_line = bar_screen.lines().find(|l| l.contains("iB/")).unwrap();
    assert!(bar_line.contains('█') || bar_line.contains('░') || bar_line.contains(' '));
    assert!(has_style(bar_line), "the bar is not coloured: {bar_line:?}");
    // At the end the bar is gone and the summary is there.
    let last = screens.last().unwrap();
    assert!(last.contains("Indexed 1000 files"), "{last}");
    assert!(!last.contains("iB/"), "the bar was left on screen:\n{last}");

    let screens = tmux.wait_for("NEVER-DONE", Duration::from_secs(60));
    let screen = screens.last().unwrap();
    let section = |from: &str, to: &str| -> Vec<String> {
        let start = screen
            .find(from)
            .unwrap_or_else(|| panic!("{from} missing:\n{screen}"));
        let end = screen.find(to).unwrap();
        screen[start..end]
            .lines()
            .skip(1)
            .map(str::to_string)
            .collect()
    };
    let coloured = section("INDEX-DONE", "SEARCH-DONE");
    let title = coloured
        .iter()
        .find(|l| l.contains("Coalition ministers meet"))
        .expect("the hit's title");
    assert!(
        has_style(title),
        "the title is not bold in a terminal: {title:?}"
    );
    assert!(
        coloured
            .iter()
            .any(|l| l.contains("Hammond") && has_style(l)),
        "the match is not highlighted: {coloured:?}"
    );
    for (name, lines) in [
        ("NO_COLOR", section("SEARCH-DONE", "NOCOLOR-DONE")),
        ("--color never", section("NOCOLOR-DONE", "NEVER-DONE")),
    ] {
        assert!(
            lines.iter().all(|l| !has_style(l)),
            "{name} left colour: {lines:?}"
        );
    }
    let plain = section("SEARCH-DONE", "NOCOLOR-DONE");
    assert!(
        plain.iter().any(|l| l.contains("Coalition ministers meet")),
        "{plain:?}"
    );
}
