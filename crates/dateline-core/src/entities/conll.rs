//! Measuring the extractor against CoNLL-2003 files: exact-span precision, recall and F1,
//! typed (per type and micro) and untyped.
//!
//! A CoNLL file (`token POS chunk NER` per line, IOB1 or IOB2 tags, documents separated by
//! `-DOCSTART-`, sentences by blank lines) is turned into articles the way Dateline reads
//! news: the first sentence of a document is its title, the others form the body, one per
//! line, tokens joined by single spaces. Gold spans and extracted [`Mention`]s are then
//! compared by field and byte range.

use std::collections::HashSet;

use serde::Serialize;

use super::{EntityExtractor, EntityKind, Mention, MentionField};

/// One gold entity span of a CoNLL document.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct GoldSpan {
    /// Field of the span.
    pub field: MentionField,
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: EntityKind,
}

/// One CoNLL document as an article: title, body and gold spans.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ConllDoc {
    /// The first sentence.
    pub title: String,
    /// The other sentences, one per line.
    pub body: String,
    /// Gold entity spans.
    pub gold: Vec<GoldSpan>,
}

impl ConllDoc {
    /// The document written all in capitals, as old wire copy and some archives are: its
    /// ASCII letters upper-cased, so the gold spans' byte offsets still hold. Scoring it
    /// measures how the extractor reads such text.
    ///
    /// ```
    /// use dateline_core::entities::conll::parse_conll;
    ///
    /// let docs = parse_conll("-DOCSTART- -X- O O\n\nPeace -X- O O\n\nJohn -X- O B-PER\n").unwrap();
    /// let shouted = docs[0].in_capitals();
    /// assert_eq!(shouted.body, "JOHN");
    /// assert_eq!(shouted.gold, docs[0].gold);
    /// ```
    pub fn in_capitals(&self) -> ConllDoc {
        ConllDoc {
            title: self.title.to_ascii_uppercase(),
            body: self.body.to_ascii_uppercase(),
            gold: self.gold.clone(),
        }
    }
}

/// Errors reading a CoNLL file.
#[derive(Debug, thiserror::Error)]
pub enum ConllError {
    /// A tag is neither `O` nor `B-`/`I-` followed by `PER`, `ORG`, `LOC` or `MISC`.
    #[error("CoNLL line {line}: unknown tag {tag:?}")]
    BadTag {
        /// 1-based line number.
        line: usize,
        /// The tag as written.
        tag: String,
    },
}

fn kind_of(label: &str) -> Option<EntityKind> {
    match label {
        "PER" => Some(EntityKind::Person),
        "ORG" => Some(EntityKind::Organization),
        "LOC" => Some(EntityKind::Place),
        "MISC" => Some(EntityKind::Misc),
        _ => None,
    }
}

/// Parses CoNLL-2003 text into documents.
///
/// # Errors
/// [`ConllError::BadTag`] on a tag that is not `O`, `B-X` or `I-X` with `X` one of `PER`,
/// `ORG`, `LOC`, `MISC`.
///
/// # Example
/// ```
/// use dateline_core::entities::conll::parse_conll;
///
/// let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\n\
///             Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n";
/// let docs = parse_conll(text)?;
/// assert_eq!(docs[0].title, "EU rejects");
/// assert_eq!(docs[0].body, "Peter Blackburn");
/// assert_eq!(&docs[0].body[docs[0].gold[1].start..docs[0].gold[1].end], "Peter Blackburn");
/// # Ok::<(), dateline_core::entities::conll::ConllError>(())
/// ```
pub fn parse_conll(text: &str) -> Result<Vec<ConllDoc>, ConllError> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut doc = ConllDoc::default();
    let mut sentences = 0usize;
    let mut in_sentence = false;
    // The open entity: (start byte, type).
    let mut open: Option<(usize, EntityKind)> = None;
    let mut last_end = 0usize;

    fn close(
        doc: &mut ConllDoc,
        open: &mut Option<(usize, EntityKind)>,
        sentences: usize,
        end: usize,
    ) {
        if let Some((start, kind)) = open.take() {
            let field = if sentences == 0 {
                MentionField::Title
            } else {
                MentionField::Body
            };
            doc.gold.push(GoldSpan {
                field,
                start,
                end,
                kind,
            });
        }
    }

    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.starts_with("-DOCSTART-") {
            close(&mut doc, &mut open, sentences, last_end);
            if in_sentence || !doc.title.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            sentences = 0;
            in_sentence = false;
            continue;
        }
        let mut cols = line.split_whitespace();
        let Some(token) = cols.next() else {
            // Sentence break.
            close(&mut doc, &mut open, sentences, last_end);
            if in_sentence {
                sentences += 1;
                in_sentence = false;
            }
            continue;
        };
        let tag = cols.last().unwrap_or("O");
        let field_text = if sentences == 0 {
            &mut doc.title
        } else {
            &mut doc.body
        };
        if in_sentence {
            field_text.push(' ');
        } else if sentences > 0 && !field_text.is_empty() {
            field_text.push('\n');
        }
        in_sentence = true;
        let start = field_text.len();
        field_text.push_str(token);
        let end = field_text.len();
        let (prefix, label) = match tag {
            "O" => ("O", ""),
            t => t.split_once('-').ok_or_else(|| ConllError::BadTag {
                line: i + 1,
                tag: t.to_string(),
            })?,
        };
        if prefix == "O" {
            close(&mut doc, &mut open, sentences, last_end);
        } else {
            let kind = kind_of(label).ok_or_else(|| ConllError::BadTag {
                line: i + 1,
                tag: tag.to_string(),
            })?;
            let continues = prefix == "I" && open.is_some_and(|(_, k)| k == kind);
            if !continues {
                close(&mut doc, &mut open, sentences, last_end);
                open = Some((start, kind));
            }
        }
        last_end = end;
    }
    close(&mut doc, &mut open, sentences, last_end);
    if in_sentence || !doc.title.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// True positives, false positives and false negatives of one class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Spans found and right.
    pub tp: u64,
    /// Spans found and wrong.
    pub fp: u64,
    /// Gold spans missed.
    pub fn_: u64,
}

impl Counts {
    /// `tp / (tp + fp)`, 0 when nothing was found.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// `tp / (tp + fn)`, 0 when there is no gold span.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of the extractor on a set of CoNLL documents.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ConllScores {
    /// Documents scored.
    pub documents: usize,
    /// Per type, in [`EntityKind::ALL`] order.
    pub per_type: Vec<(EntityKind, Counts)>,
    /// Typed micro average over PER, ORG and LOC.
    pub micro_per_org_loc: Counts,
    /// Typed micro average over all four types (what conlleval reports).
    pub micro_all: Counts,
    /// Untyped (span only) over PER, ORG and LOC gold spans and PER, ORG, LOC predictions.
    pub untyped_per_org_loc: Counts,
    /// Untyped over all gold spans and all predictions.
    pub untyped_all: Counts,
}

fn count(
    gold: &HashSet<(MentionField, usize, usize)>,
    pred: &HashSet<(MentionField, usize, usize)>,
) -> Counts {
    let tp = pred.intersection(gold).count() as u64;
    Counts {
        tp,
        fp: pred.len() as u64 - tp,
        fn_: gold.len() as u64 - tp,
    }
}

/// Scores `mentions` (one list per document, as from [`EntityExtractor::mentions`]) against
/// the documents' gold spans.
pub fn score(docs: &[ConllDoc], mentions: &[Vec<Mention>]) -> ConllScores {
    let mut out = ConllScores {
        documents: docs.len(),
        per_type: EntityKind::ALL
            .iter()
            .map(|k| (*k, Counts::default()))
            .collect(),
        ..ConllScores::default()
    };
    let main = |k: EntityKind| k != EntityKind::Misc;
    for (doc, found) in docs.iter().zip(mentions) {
        for (kind, counts) in out.per_type.iter_mut() {
            let gold = doc
                .gold
                .iter()
                .filter(|g| g.kind == *kind)
                .map(|g| (g.field, g.start, g.end))
                .collect();
            let pred = found
                .iter()
                .filter(|m| m.kind == *kind)
                .map(|m| (m.field, m.start, m.end))
                .collect();
            let c = count(&gold, &pred);
            counts.add(c);
            out.micro_all.add(c);
            if main(*kind) {
                out.micro_per_org_loc.add(c);
            }
        }
        let span_sets = |only_main: bool| {
            let gold: HashSet<_> = doc
                .gold
                .iter()
                .filter(|g| !only_main || main(g.kind))
                .map(|g| (g.field, g.start, g.end))
                .collect();
            let pred: HashSet<_> = found
                .iter()
                .filter(|m| !only_main || main(m.kind))
                .map(|m| (m.field, m.start, m.end))
                .collect();
            count(&gold, &pred)
        };
        out.untyped_per_org_loc.add(span_sets(true));
        out.untyped_all.add(span_sets(false));
    }
    out
}

/// Runs the extractor over the documents and scores its mentions.
pub fn evaluate(extractor: &EntityExtractor, docs: &[ConllDoc]) -> ConllScores {
    let mentions: Vec<Vec<Mention>> = docs
        .iter()
        .map(|d| extractor.mentions(Some(&d.title), &d.body))
        .collect();
    score(docs, &mentions)
}
