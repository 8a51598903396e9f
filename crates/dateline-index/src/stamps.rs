//! The size and modification time of each single-article file (raw text, HTML) whose article
//! the index holds, so that re-running `dateline index` over a folder passes over the files
//! that have not changed without reading them.
//!
//! Reading, parsing and fingerprinting an unchanged file is most of a re-run over raw files
//! (and the boilerplate of its folder is learned again for it); with the stamps, a folder in
//! which no file changed is not read at all. A file is passed over only when its stamp is the
//! one recorded when its article was last indexed and the index still holds an article of its
//! id; anything else (a file changed, copied over, touched, a stamp lost) reads it again, which
//! is never wrong, only slower. On Unix the stamp also holds the file's inode and change time
//! (`ctime`, which no program sets back), so a file rewritten in place and given its old
//! modification time, or two files swapped by renames, are read. The stamps live in one file
//! of the index folder (not in tantivy's directory, whose clean-up would delete it), written
//! whole (a new file renamed over the old) at the end of each complete ingest run: an
//! interrupted run leaves the last complete run's stamps, which stay true of the files they
//! describe. An index in memory keeps none.

use std::collections::HashMap;
use std::path::Path;
use std::time::UNIX_EPOCH;

/// The file in the index folder.
const FILE: &str = "dateline-file-stamps";
/// Format tag: a change of layout gives a new tag, and old files are ignored.
const MAGIC: &[u8; 8] = b"DLSTAMP2";
/// Bytes of one record: key, length, seconds, nanoseconds, inode and change time.
const RECORD: usize = 8 + 8 + 8 + 4 + 8;

/// What identifies one version of a file without reading it: its length and modification
/// time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    secs: u64,
    nanos: u32,
    /// A hash of the inode and change time (Unix; 0 elsewhere).
    change: u64,
}

impl Stamp {
    /// The stamp of a file from its metadata; `None` where the system gives no modification
    /// time (such files are always read).
    pub(crate) fn of(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            len: meta.len(),
            secs: modified.as_secs(),
            nanos: modified.subsec_nanos(),
            change: change_of(meta),
        })
    }
}

#[cfg(unix)]
fn change_of(meta: &std::fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let mut bytes = [0u8; 24];
    bytes[..8].copy_from_slice(&meta.ino().to_le_bytes());
    bytes[8..16].copy_from_slice(&meta.ctime().to_le_bytes());
    bytes[16..].copy_from_slice(&meta.ctime_nsec().to_le_bytes());
    xxhash_rust::xxh3::xxh3_64(&bytes)
}

#[cfg(not(unix))]
fn change_of(_: &std::fs::Metadata) -> u64 {
    0
}

/// Stamps by the id hash of the file's article ([`crate::document::id_hash`]).
#[derive(Debug, Default)]
pub(crate) struct Stamps {
    by_key: HashMap<u64, Stamp>,
}

impl Stamps {
    /// The stamps saved in the index folder `dir` for runs with the same `settings`; none
    /// when there are none, or they were saved with other settings, or cannot be read, or the
    /// index is in memory (`None`).
    pub(crate) fn load(dir: Option<&Path>, settings: u64) -> Stamps {
        let Some(Ok(bytes)) = dir.map(|dir| std::fs::read(dir.join(FILE))) else {
            return Stamps::default();
        };
        Stamps::decode(&bytes, settings).unwrap_or_default()
    }

    fn decode(bytes: &[u8], settings: u64) -> Option<Stamps> {
        let (head, body) = bytes.split_at_checked(24)?;
        let word = |at: usize| u64::from_le_bytes(head[at..at + 8].try_into().unwrap_or([0; 8]));
        if &head[..8] != MAGIC || word(8) != settings {
            return None;
        }
        let count = usize::try_from(word(16)).ok()?;
        if body.len() != count.checked_mul(RECORD)? {
            return None;
        }
        let mut by_key = HashMap::with_capacity(count);
        for record in body.chunks_exact(RECORD) {
            let u64_at =
                |at: usize| u64::from_le_bytes(record[at..at + 8].try_into().unwrap_or([0; 8]));
            let nanos = u32::from_le_bytes(record[24..28].try_into().unwrap_or([0; 4]));
            by_key.insert(
                u64_at(0),
                Stamp {
                    len: u64_at(8),
                    secs: u64_at(16),
                    nanos,
                    change: u64_at(28),
                },
            );
        }
        Some(Stamps { by_key })
    }

    /// Writes the stamps to the index folder `dir` (nowhere for an index in memory), replacing
    /// the saved ones in one step.
    pub(crate) fn save(&self, dir: Option<&Path>, settings: u64) -> std::io::Result<()> {
        let Some(dir) = dir else {
            return Ok(());
        };
        let mut bytes = Vec::with_capacity(24 + self.by_key.len() * RECORD);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&settings.to_le_bytes());
        bytes.extend_from_slice(&(self.by_key.len() as u64).to_le_bytes());
        for (key, stamp) in &self.by_key {
            bytes.extend_from_slice(&key.to_le_bytes());
            bytes.extend_from_slice(&stamp.len.to_le_bytes());
            bytes.extend_from_slice(&stamp.secs.to_le_bytes());
            bytes.extend_from_slice(&stamp.nanos.to_le_bytes());
            bytes.extend_from_slice(&stamp.change.to_le_bytes());
        }
        let temporary = dir.join(format!("{FILE}.tmp"));
        std::fs::write(&temporary, &bytes)?;
        std::fs::rename(&temporary, dir.join(FILE))
    }

    /// Whether no stamp is held.
    pub(crate) fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// Whether the file of the article `key` has the stamp recorded for it.
    pub(crate) fn unchanged(&self, key: u64, stamp: Option<Stamp>) -> bool {
        stamp.is_some_and(|s| self.by_key.get(&key) == Some(&s))
    }

    /// Records that the index holds the article `key` read from a file with `stamp`.
    pub(crate) fn record(&mut self, key: u64, stamp: Stamp) {
        self.by_key.insert(key, stamp);
    }

    /// Forgets the stamp of `key` (its file is read again next time).
    pub(crate) fn forget(&mut self, key: u64) {
        self.by_key.remove(&key);
    }

    /// Keeps only the stamps of the keys `keep` admits.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(u64) -> bool) {
        self.by_key.retain(|&key, _| keep(key));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_read_back_as_written_and_only_with_the_same_settings() {
        let folder = tempfile::tempdir().unwrap();
        let dir = Some(folder.path());
        let mut stamps = Stamps::default();
        let a = Stamp {
            len: 10,
            secs: 1_700_000_000,
            nanos: 5,
            change: 9,
        };
        stamps.record(1, a);
        let zero = Stamp {
            len: 0,
            secs: 0,
            nanos: 0,
            change: 0,
        };
        stamps.record(u64::MAX, zero);
        stamps.save(dir, 7).unwrap();
        let read = Stamps::load(dir, 7);
        assert!(read.unchanged(1, Some(a)));
        assert!(!read.unchanged(1, Some(Stamp { nanos: 6, ..a })));
        assert!(!read.unchanged(1, Some(Stamp { change: 8, ..a })));
        assert!(!read.unchanged(2, Some(a)));
        assert!(!read.unchanged(1, None));
        assert_eq!(read.by_key.len(), 2);
        assert!(Stamps::load(dir, 8).by_key.is_empty(), "other settings");
        assert!(Stamps::load(None, 7).by_key.is_empty(), "in memory");
        // A cut or foreign file is no stamps, never an error.
        std::fs::write(folder.path().join(FILE), b"DLSTAMP2short").unwrap();
        assert!(Stamps::load(dir, 7).by_key.is_empty());
    }
}
