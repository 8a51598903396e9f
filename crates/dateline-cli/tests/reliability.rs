//! Bad input and hostile surroundings: locked, read-only, unreadable, looping, full and
//! out-of-date indexes, each with one clear message and the index left as it was. Also the
//! command-line experience: `show`, completions, the man page, help examples, quiet/verbose.

mod common;

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{
    assert_one_line_error, command, dateline, indexed_sample, sample, sample_id, stderr, stdout,
    write_made_up_corpus, MadeUpCorpus,
};

fn count(index: &Path) -> usize {
    let out = dateline(index, &["search", "*", "--count"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out).trim().parse().expect("a count")
}

/// Asserts `index` holds the whole sample corpus (12 articles) and that it is searchable.
fn assert_holds_the_sample(index: &Path) {
    assert_eq!(count(index), 12);
    let out = dateline(index, &["search", "Hammond", "--count"]);
    assert_eq!(stdout(&out).trim(), "1");
}

/// Whether this process runs as root (permission bits do not stop root: such tests run the
/// command as `nobody` instead).
fn is_root() -> bool {
    let probe = tempfile::NamedTempFile::new().unwrap();
    probe.as_file().metadata().unwrap().uid() == 0
}

/// Runs `cmd` without root's powers, so that permission bits apply.
fn unprivileged(cmd: &mut Command) -> &mut Command {
    if is_root() {
        cmd.uid(65534).gid(65534);
    }
    cmd
}

/// Makes a test folder reachable by `nobody` (tempdir makes it private to root).
fn open_up(path: &Path) {
    for entry in walk(path) {
        if entry.is_symlink() {
            continue;
        }
        let mode = if entry.is_dir() { 0o777 } else { 0o666 };
        fs::set_permissions(&entry, fs::Permissions::from_mode(mode)).unwrap();
    }
}

fn walk(path: &Path) -> Vec<PathBuf> {
    let mut all = vec![path.to_path_buf()];
    if path.is_dir() && !path.is_symlink() {
        for entry in fs::read_dir(path).unwrap() {
            all.extend(walk(&entry.unwrap().path()));
        }
    }
    all
}

#[test]
fn a_second_writer_is_told_the_index_is_locked_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let before = count(&index);
    // Hold the writer lock as a running `dateline index` does.
    let held = tantivy::Index::open_in_dir(&index).unwrap();
    let writer: tantivy::IndexWriter = held.writer(20_000_000).unwrap();
    let out = dateline(&index, &["index", sample().to_str().unwrap()]);
    assert_one_line_error(&out, "is locked by another dateline process");
    // Searching while someone writes is fine.
    assert_eq!(count(&index), before);
    drop(writer);
    let out = dateline(&index, &["index", sample().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn an_index_of_another_version_is_refused_on_open_and_rebuilt_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let marker = index.join("dateline.json");
    let text = fs::read_to_string(&marker).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["schema_version"] = 0.into();
    json["analyzer"] = "news_en_v0".into();
    fs::write(&marker, serde_json::to_string(&json).unwrap()).unwrap();

    let out = dateline(&index, &["search", "Hammond"]);
    assert_one_line_error(&out, "was written with schema v0 and analyzer news_en_v0");
    assert!(stderr(&out).contains("--rebuild"), "{}", stderr(&out));
    // Plain indexing refuses too: it would mix versions.
    let out = dateline(&index, &["index", sample().to_str().unwrap()]);
    assert_one_line_error(&out, "was written with schema v0");

    let out = dateline(&index, &["index", "--rebuild", sample().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!dir.path().join("idx.rebuild").exists());
    assert!(!dir.path().join("idx.old").exists());
    assert_holds_the_sample(&index);
}

#[test]
fn a_forged_marker_does_not_hide_an_unknown_analyzer() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    // An index whose schema names an analyzer this build does not have.
    let meta = index.join("meta.json");
    let text = fs::read_to_string(&meta).unwrap();
    assert!(
        text.contains("news_en_v1"),
        "the test needs the analyzer name"
    );
    fs::write(&meta, text.replace("news_en_v1", "news_en_v9")).unwrap();
    let out = dateline(&index, &["search", "Hammond"]);
    assert_one_line_error(&out, "the unknown analyzer news_en_v9");
}

#[test]
fn rebuild_never_replaces_a_folder_that_is_not_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let precious = dir.path().join("thesis");
    fs::create_dir(&precious).unwrap();
    fs::write(precious.join("chapter1.tex"), "text").unwrap();
    let out = dateline(
        &precious,
        &["index", "--rebuild", sample().to_str().unwrap()],
    );
    assert_one_line_error(&out, "holds no Dateline index");
    assert!(precious.join("chapter1.tex").exists());
}

#[test]
fn a_failed_rebuild_leaves_the_old_index_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let out = dateline(&index, &["index", "--rebuild", "/no/such/corpus"]);
    assert_one_line_error(&out, "/no/such/corpus");
    assert_eq!(count(&index), 12);
}

#[test]
fn a_read_only_index_can_be_searched_but_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    open_up(dir.path());
    let files_before = walk(&index).len();
    for entry in walk(&index) {
        let mode = if entry.is_dir() { 0o555 } else { 0o444 };
        fs::set_permissions(&entry, fs::Permissions::from_mode(mode)).unwrap();
    }
    let out = unprivileged(&mut command(&index, &["search", "Hammond", "--count"]))
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "1", "{}", stderr(&out));
    let out = unprivileged(&mut command(
        &index,
        &["index", sample().join("raw").to_str().unwrap()],
    ))
    .output()
    .unwrap();
    assert_one_line_error(&out, "cannot write to the index at");
    assert!(
        stderr(&out).contains("ermission denied"),
        "{}",
        stderr(&out)
    );
    assert_eq!(walk(&index).len(), files_before, "files were added");
    assert_eq!(count(&index), 12);
}

#[test]
fn unreadable_files_and_folders_and_symlink_loops_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(corpus.join("locked")).unwrap();
    fs::copy(
        sample().join("raw/space-probe.txt"),
        corpus.join("good.txt"),
    )
    .unwrap();
    fs::copy(
        sample().join("raw/central-bank.txt"),
        corpus.join("secret.txt"),
    )
    .unwrap();
    fs::copy(
        sample().join("raw/flood-defences.txt"),
        corpus.join("locked/inner.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&corpus, corpus.join("loop")).unwrap();
    std::os::unix::fs::symlink(corpus.join("nowhere.txt"), corpus.join("dangling.txt")).unwrap();
    open_up(dir.path());
    fs::set_permissions(corpus.join("secret.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(corpus.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();

    let index = dir.path().join("idx");
    let out = unprivileged(&mut command(&index, &["index", corpus.to_str().unwrap()]))
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    let line = |name: &str| {
        text.lines()
            .find(|l| l.contains(name) && !l.contains("Indexed"))
            .unwrap_or_else(|| panic!("{name} not reported:\n{text}"))
            .to_string()
    };
    assert!(line("secret.txt").contains("ermission denied"), "{text}");
    assert!(line("locked").contains("ermission denied"), "{text}");
    assert!(line("loop").contains("symbolic link loop"), "{text}");
    assert!(line("dangling.txt").contains("No such file"), "{text}");
    let out = unprivileged(&mut command(&index, &["search", "*", "--count"]))
        .output()
        .unwrap();
    assert_eq!(stdout(&out).trim(), "1", "{}", stderr(&out));
}

/// A small tmpfs, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: &Path, size: &str) -> Option<SmallDisk> {
        fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| SmallDisk(at.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Articles of made-up words, so that their index is large: `files` files of about 6 kB.
fn write_wordy_corpus(dir: &Path, files: usize) {
    write_made_up_corpus(
        dir,
        &MadeUpCorpus {
            files,
            title: "Wordy article",
            words: 900,
            vocabulary: 5_000_000,
            paragraph: Some(90),
            seed: 0x9e37_79b9_7f4a_7c15,
        },
    );
}

#[test]
fn a_full_disk_gets_a_clear_message_and_the_index_keeps_its_last_commit() {
    if !is_root() {
        eprintln!("skipping: mounting a small tmpfs needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&dir.path().join("disk"), "3m") else {
        if std::env::var_os("CI").is_some() {
            panic!("cannot mount a tmpfs under CI");
        }
        eprintln!("skipping: cannot mount a tmpfs here");
        return;
    };
    let index = disk.0.join("idx");
    let out = dateline(&index, &["index", sample().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let corpus = dir.path().join("wordy");
    write_wordy_corpus(&corpus, 1500);
    let out = dateline(
        &index,
        &["index", corpus.to_str().unwrap(), "--memory", "64"],
    );
    assert_one_line_error(&out, "No space left on device");
    assert!(
        stderr(&out).contains("cannot write to the index at"),
        "{}",
        stderr(&out)
    );
    assert_holds_the_sample(&index);
}

#[test]
fn show_prints_the_whole_article_with_its_entities() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let out = dateline(&index, &["show", &sample_id("raw/coalition-talks.txt")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("Coalition ministers meet in London on foreign fighters\n"),
        "{text}"
    );
    assert!(text.contains("2015-01-22 15:11 UTC"), "{text}");
    let source = fs::read_to_string(sample().join("raw/coalition-talks.txt")).unwrap();
    let last_paragraph = source.trim_end().lines().last().unwrap().trim();
    assert!(text.contains(last_paragraph), "body incomplete:\n{text}");
    assert!(text.contains("Philip Hammond"), "{text}");
    assert!(text.contains("Islamic State"), "{text}");
    assert!(!text.contains('\x1b'), "colour off a terminal: {text:?}");

    let out = dateline(
        &index,
        &[
            "show",
            &sample_id("raw/coalition-talks.txt"),
            "--format",
            "json",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["date"], "2015-01-22T15:11:00Z");
    assert!(json["body"].as_str().unwrap().contains(last_paragraph));
    assert!(json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["type"] == "PER" && e["name"] == "Philip Hammond"));

    let out = dateline(&index, &["show", "no/such/id"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no article with id \"no/such/id\""));
}

#[test]
fn completions_for_every_shell_and_a_man_page_come_from_the_definitions() {
    let nowhere = Path::new("/nonexistent-index");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = dateline(nowhere, &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        for word in ["dateline", "search", "show", "rebuild", "entity"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("dateline.bash");
    fs::write(
        &script,
        stdout(&dateline(nowhere, &["completions", "bash"])),
    )
    .unwrap();
    let ok = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .unwrap();
    assert!(ok.success(), "bash completion script does not parse");

    let out = dateline(nowhere, &["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.contains("\n.TH dateline 1 "), "{}", &page[..80]);
    for section in [
        "DATELINE INDEX",
        "DATELINE SEARCH",
        "DATELINE SHOW",
        "\\-\\-rebuild",
    ] {
        assert!(page.contains(section), "man page lacks {section}");
    }
    // Rendered by man(1) where it is installed, without warnings.
    let page_file = dir.path().join("dateline.1");
    fs::write(&page_file, &page).unwrap();
    if let Ok(out) = Command::new("man")
        .arg("-l")
        .arg(&page_file)
        .env("MANWIDTH", "100")
        .env("MAN_KEEP_STDERR", "1")
        .output()
    {
        if out.status.success() {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains("dateline show"), "{text}");
            assert!(text.contains("Examples:"), "{text}");
        }
    }
}

#[test]
fn every_command_has_examples_in_its_help() {
    let nowhere = Path::new("/nonexistent-index");
    for cmd in ["index", "search", "stats", "show", "completions", "man"] {
        let out = dateline(nowhere, &[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        let help = stdout(&out);
        assert!(
            help.contains("Examples:"),
            "{cmd} --help has no examples:\n{help}"
        );
        assert!(help.contains(&format!("dateline {cmd}")), "{cmd}:\n{help}");
    }
    let out = dateline(nowhere, &["--help"]);
    let help = stdout(&out);
    assert!(help.contains("Exit status:"), "{help}");
    assert!(
        help.contains("--quiet") && help.contains("--verbose"),
        "{help}"
    );
    // The hidden test hook stays hidden.
    let out = dateline(nowhere, &["index", "--help"]);
    assert!(!stdout(&out).contains("commit-every"));
}

#[test]
fn quiet_prints_only_warnings_and_verbose_says_each_step() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus).unwrap();
    fs::copy(sample().join("raw/space-probe.txt"), corpus.join("a.txt")).unwrap();
    fs::write(corpus.join("empty.txt"), "").unwrap();
    let index = dir.path().join("idx");
    let out = dateline(&index, &["index", "--quiet", corpus.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "", "quiet printed a summary");
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("skipped:") && stderr(&out).contains("empty.txt"));

    let out = dateline(&index, &["-v", "index", corpus.to_str().unwrap()]);
    let err = stderr(&out);
    // The empty file is read again (to report it); the article's file is not.
    assert!(
        err.contains("found 2 files: 1 (0.0 MB) to read, 1 unchanged since indexed"),
        "{err}"
    );
    assert!(err.contains("committing"), "{err}");
    assert!(stdout(&out).contains("unchanged"), "{}", stdout(&out));

    let out = dateline(&index, &["--quiet", "--verbose", "stats"]);
    assert_eq!(out.status.code(), Some(2), "--quiet and --verbose conflict");
}

#[test]
fn colour_follows_color_and_no_color() {
    let dir = tempfile::tempdir().unwrap();
    let index = indexed_sample(dir.path());
    let out = dateline(
        &index,
        &[
            "--color",
            "always",
            "show",
            &sample_id("raw/coalition-talks.txt"),
        ],
    );
    assert!(stdout(&out).contains("\x1b["), "{}", stdout(&out));
    let out = dateline(
        &index,
        &[
            "--color",
            "never",
            "show",
            &sample_id("raw/coalition-talks.txt"),
        ],
    );
    assert!(!stdout(&out).contains('\x1b'));
    let out = command(&index, &["search", "Hammond"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&out).contains('\x1b'));
    let out = dateline(&index, &["--color", "always", "search", "(unclosed"]);
    assert!(stderr(&out).starts_with("\x1b["), "{:?}", stderr(&out));
}

#[test]
fn errors_are_one_line_with_their_cause() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(&dir.path().join("idx"), &["index", "/no/such/path"]);
    assert_one_line_error(&out, "/no/such/path: No such file or directory");
    // The cause is not repeated.
    assert_eq!(
        stderr(&out).matches("No such file").count(),
        1,
        "{}",
        stderr(&out)
    );
    let not_index = dir.path().join("stuff");
    fs::create_dir(&not_index).unwrap();
    fs::write(not_index.join("notes.txt"), "x").unwrap();
    let out = dateline(&not_index, &["search", "x"]);
    assert_one_line_error(&out, "holds no Dateline index");
}
