//! Terminal styles. `anstream` strips them when output is not a terminal or `NO_COLOR` is set.

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
