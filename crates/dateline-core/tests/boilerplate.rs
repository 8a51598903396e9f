//! Boilerplate learned per folder, on folders built from real articles: the versions and
//! copies of one story keep every paragraph, while lines shared by different stories are
//! still learned.

mod common;

use std::path::{Path, PathBuf};

use dateline_core::reader::boilerplate::BoilerplateModel;
use dateline_core::reader::{raw, read_bytes, read_file_with, Format};

/// A file of the seed with one more paragraph, as a saved update of the story.
fn update(seed: &str, n: usize) -> String {
    format!(
        "{}\n\nUpdate {n}: officials from country number {n} confirmed they would attend the \
         follow-up meeting next month.\n",
        seed.trim_end()
    )
}

/// Writes the files into a new folder and learns its boilerplate as `dateline index` does:
/// from the bytes of every raw file of the folder.
fn folder(files: &[(String, String)]) -> (tempfile::TempDir, Vec<PathBuf>, BoilerplateModel) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut model = BoilerplateModel::new();
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).expect("write");
            model.add_bytes(&read_bytes(&path).expect("read back"));
            path
        })
        .collect();
    (dir, paths, model)
}

/// The body of a raw file read with the folder's model.
fn body(path: &Path, model: &BoilerplateModel) -> String {
    read_file_with(path, Format::RawText, "story", Some(model))
        .expect("file reads")
        .remove(0)
        .expect("article")
        .body
}

/// The body of one text read alone (no model).
fn alone(text: &str) -> String {
    raw::parse(text.as_bytes(), "story").expect("article").body
}

fn paragraphs(body: &str) -> usize {
    body.split("\n\n").count()
}

#[test]
fn three_to_five_saved_versions_of_a_story_keep_every_paragraph() {
    let Some(seed) = common::seed_path() else {
        return;
    };
    let seed = std::fs::read_to_string(seed).expect("seed");
    assert_eq!(paragraphs(&alone(&seed)), 21);
    for versions in 3..=5 {
        let files: Vec<(String, String)> = (1..=versions)
            .map(|n| (format!("story-v{n}.txt"), update(&seed, n)))
            .collect();
        let (_dir, paths, model) = folder(&files);
        assert_eq!(model.stories(), 1, "{versions} versions are one story");
        for ((name, text), path) in files.iter().zip(&paths) {
            let got = body(path, &model);
            assert_eq!(got, alone(text), "{versions} versions: {name}");
            assert_eq!(paragraphs(&got), 22, "{versions} versions: {name}");
        }
    }
}

#[test]
fn six_identical_copies_of_a_story_keep_every_paragraph() {
    let Some(seed) = common::seed_path() else {
        return;
    };
    let seed = std::fs::read_to_string(seed).expect("seed");
    let files: Vec<(String, String)> = (1..=6)
        .map(|n| (format!("copy-{n}.txt"), seed.clone()))
        .collect();
    let (_dir, paths, model) = folder(&files);
    assert_eq!((model.files(), model.stories()), (6, 1));
    for path in &paths {
        assert_eq!(body(path, &model), alone(&seed), "{}", path.display());
    }
}

/// Versions of the seed among BBC News articles, every file ending with the same footer: the
/// footer is learned and dropped everywhere, the versions keep their text.
#[test]
fn versions_keep_their_text_while_a_footer_shared_by_different_stories_is_learned() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let seed = std::fs::read_to_string(data.join("seed/london-terror-talks.txt")).expect("seed");
    let footer = "Follow us on Twitter and Facebook for the latest news";
    let mut stories: Vec<(String, String)> = (1..=3)
        .map(|n| (format!("story-v{n}.txt"), update(&seed, n)))
        .collect();
    for n in 1..=5 {
        let name = format!("{n:03}.txt");
        let text = std::fs::read_to_string(data.join("bbc-news/raw/business").join(&name))
            .expect("BBC article");
        stories.push((format!("bbc-{name}"), text));
    }
    let files: Vec<(String, String)> = stories
        .iter()
        .map(|(name, text)| (name.clone(), format!("{}\n\n{footer}\n", text.trim_end())))
        .collect();
    let (_dir, paths, model) = folder(&files);
    assert_eq!(model.stories(), 6, "the 3 versions are one story");
    assert!(model.is_boilerplate(footer));
    for (((name, text), path), (_, original)) in files.iter().zip(&paths).zip(&stories) {
        let got = body(path, &model);
        assert!(alone(text).ends_with(footer), "{name}");
        assert_eq!(got, alone(original), "{name}");
    }
}

/// A scraped page saved four times in the benchmark's folder of pages (from many sites) reads
/// as it does with the folder alone: its article is not learned as the folder's boilerplate.
#[test]
fn a_scraped_page_saved_four_times_keeps_its_article() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let dir = data.join("article-extraction-benchmark/scraped_txt");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("benchmark folder")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    let pages: Vec<Vec<u8>> = names
        .iter()
        .map(|p| std::fs::read(p).expect("page"))
        .collect();
    let mut folder = BoilerplateModel::new();
    for page in &pages {
        folder.add_bytes(page);
    }
    let mut with_copies = folder.clone();
    let id = "db6b0816c612296c7f1f001c6df874214fcca0da0fc86fb3aea9358c7f681754";
    let page = std::fs::read(dir.join(format!("{id}.txt"))).expect("page");
    for _ in 0..3 {
        with_copies.add_bytes(&page);
    }
    let read = |model: &BoilerplateModel| {
        raw::parse_with(&page, id, Some(model))
            .expect("article")
            .body
    };
    let expected = read(&folder);
    assert!(expected.contains("Hoa Lo prison"), "{expected}");
    assert_eq!(read(&with_copies), expected);
}
