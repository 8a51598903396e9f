//! Terminal styles. `anstream` strips them when output is not a terminal or `NO_COLOR` is set.

use std::fmt::{self, Display};

use anstyle::{AnsiColor, Style};

/// `error:` prefix.
pub const ERROR: Style = AnsiColor::Red.on_default().bold();
/// Highlighted query terms in snippets.
pub const MATCH: Style = AnsiColor::Yellow.on_default().bold();
/// Titles.
pub const TITLE: Style = Style::new().bold();
/// Ranks, ids and other secondary text.
pub const DIM: Style = Style::new().dimmed();
/// Entity names.
pub const ENTITY: Style = AnsiColor::Cyan.on_default();
/// Warnings (skipped files).
pub const WARN: Style = AnsiColor::Yellow.on_default();

/// `text` in `style`, reset right after it so that the style does not run on into what
/// follows (`anstream` strips both escapes where colour is off).
pub fn paint<T: Display>(style: Style, text: T) -> impl Display {
    struct Painted<T>(Style, T);
    impl<T: Display> Display for Painted<T> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{}{}{}", self.0.render(), self.1, self.0.render_reset())
        }
    }
    Painted(style, text)
}

/// How much the commands say besides their results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verbosity {
    /// Results, warnings and errors only.
    Quiet,
    /// Plus progress bars and summaries.
    Normal,
    /// Plus each step (commits, timings).
    Verbose,
}

impl Verbosity {
    /// From `--quiet` and `--verbose` (clap makes them exclusive).
    pub fn from_flags(quiet: bool, verbose: bool) -> Self {
        match (quiet, verbose) {
            (true, _) => Verbosity::Quiet,
            (false, true) => Verbosity::Verbose,
            (false, false) => Verbosity::Normal,
        }
    }
}

/// Applies `--color` to text output (`anstream`) and to progress bars (`console`, used by
/// indicatif). `auto` colours a terminal unless `NO_COLOR` is set to a non-empty value.
pub fn set_color(when: crate::args::ColorWhen) {
    use std::io::IsTerminal;

    use crate::args::ColorWhen;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (text, stderr) = match when {
        ColorWhen::Always => (anstream::ColorChoice::Always, true),
        ColorWhen::Never => (anstream::ColorChoice::Never, false),
        ColorWhen::Auto => (
            anstream::ColorChoice::Auto,
            !no_color && std::io::stderr().is_terminal(),
        ),
    };
    text.write_global();
    console::set_colors_enabled_stderr(stderr);
}

/// An error and its causes on one line (`a: b: c`), without repeating a cause that a message
/// already ends with.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.ends_with(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

/// Replaces Rust's panic message and backtrace with one line saying it is a bug (exit 101).
/// `RUST_BACKTRACE` set keeps the standard report, for developers.
pub fn report_panics_in_one_line() {
    if std::env::var_os("RUST_BACKTRACE").is_some() {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        anstream::eprintln!(
            "{} internal error (a bug in dateline, please report it): {}{at}",
            paint(ERROR, "error:"),
            message.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }));
}

/// A progress bar counting `unit`s on standard error: hidden when `--quiet` is given or
/// standard error is not a terminal (indicatif checks).
pub fn counter_bar(verbosity: Verbosity, unit: &str) -> indicatif::ProgressBar {
    let target = if verbosity == Verbosity::Quiet {
        indicatif::ProgressDrawTarget::hidden()
    } else {
        indicatif::ProgressDrawTarget::stderr()
    };
    let bar = indicatif::ProgressBar::with_draw_target(None, target);
    if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
        "{{spinner:.green}} [{{elapsed_precise}}] {{wide_bar:.cyan/blue}} {{pos}}/{{len}} {unit} \
         (eta {{eta}})"
    )) {
        bar.set_style(style.progress_chars("█▉▊▋▌▍▎▏ "));
    }
    bar
}

/// A progress callback for the library's `(done, total)` reports, drawing on `bar`.
pub fn count_progress(bar: &indicatif::ProgressBar) -> impl Fn(usize, usize) + '_ {
    move |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    }
}
