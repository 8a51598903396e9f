//! `dateline completions` and `dateline man`: generated from the clap definitions in `args`.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};

pub fn run(args: CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut Cli::command(), "dateline", &mut out);
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The man page: the top-level page, then a section per subcommand with its options and
/// examples (the `after_help` text, kept as written).
pub fn man() -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    let top = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    top.render_title(&mut page)?;
    top.render_name_section(&mut page)?;
    top.render_synopsis_section(&mut page)?;
    top.render_description_section(&mut page)?;
    top.render_options_section(&mut page)?;
    top.render_subcommands_section(&mut page)?;
    verbatim(&mut page, ".SH", "NOTES", command.get_after_help())?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        writeln!(page, ".SH \"DATELINE {}\"", name.to_uppercase())?;
        let man = clap_mangen::Man::new(sub.clone().bin_name(format!("dateline {name}")));
        let mut section = Vec::new();
        man.render_description_section(&mut section)?;
        man.render_synopsis_section(&mut section)?;
        man.render_options_section(&mut section)?;
        // Within a subcommand's section its parts are subsections.
        let section = String::from_utf8(section)?
            .replace(".SH DESCRIPTION\n", "")
            .replace(".SH ", ".SS ");
        page.extend_from_slice(section.as_bytes());
        verbatim(&mut page, ".SS", "NOTES", sub.get_after_help())?;
    }
    let mut out = std::io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes help text as an unfilled block, so examples keep their lines and alignment.
fn verbatim(
    page: &mut Vec<u8>,
    macro_: &str,
    heading: &str,
    text: Option<&clap::builder::StyledStr>,
) -> std::io::Result<()> {
    let Some(text) = text else { return Ok(()) };
    writeln!(page, "{macro_} {heading}")?;
    writeln!(page, ".nf")?;
    for line in text.to_string().lines() {
        let line = line.replace('\\', "\\e").replace('-', "\\-");
        if line.starts_with('.') || line.starts_with('\'') {
            writeln!(page, "\\&{line}")?;
        } else {
            writeln!(page, "{line}")?;
        }
    }
    writeln!(page, ".fi")
}
