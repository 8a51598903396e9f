//! Bounding how deep an HTML page nests before it reaches the extractor.
//!
//! rs-trafilatura walks the parsed DOM recursively, one stack frame per level (about 700 bytes
//! in its deepest walk), and works out the text of candidate elements, which costs each element
//! its depth: 3,000 unclosed `<div>` overflow a 2 MiB thread stack (rayon's workers, where
//! `dateline index` reads pages), and 6,000 take 10 s. Real article pages nest a few dozen
//! levels.
//!
//! [`limit`] follows the page's tags the way an HTML5 tree builder (html5ever, under
//! rs-trafilatura) places them: implied end tags, scopes, insertion modes (tables, `select`,
//! `template`), the active formatting elements with their reopening, the three-copies limit and
//! the adoption agency algorithm, SVG and MathML. Where it does not follow the parser exactly,
//! it errs high, so what it finds is an upper bound on the depth of the tree the parser builds.
//! A start tag that would take that bound to [`MAX_DEPTH`] (or open more than
//! [`MAX_FORMATTING`] formatting elements) is removed, with its end tag, so its text stays,
//! flat, inside the deepest element kept; Blink caps its trees at 512 levels the same way. A
//! `<frameset>` after the page's body has begun is removed too: the parser ignores it, unless
//! what came before lets it replace the body, which the scan does not follow. A page within
//! the limits is returned borrowed, unchanged: the extractor sees exactly what it saw before.
//!
//! The scan is one pass over the bytes; what it does per tag is bounded by the depth, which the
//! cap bounds (the 31 MB of benchmark pages take some 25 ms; the extractor, 2 s).

use std::borrow::Cow;

use memchr::{memchr, memmem};
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::Xxh3;

/// Deepest element nesting (`html` and `body` included) handed to the extractor. The 181 pages
/// of the extraction benchmark nest at most 51 levels. rs-trafilatura's deepest recursion takes
/// about 700 bytes a level, so 128 levels use a small part of a 2 MiB stack, and its work,
/// linear in the depth per element, stays within a few times that of a flat page of the same
/// size (a page of 200,000 nested `<div>` takes 1.1 s; 256 levels would take twice that).
pub(crate) const MAX_DEPTH: usize = 128;

/// Most formatting elements (`<b>`, `<font>`...) open or waiting to be reopened at once; `<a>`
/// is not counted, as a new one ends the last. The parser reopens them all in each later
/// paragraph, so 60 distinct unclosed `<b>` followed by 30,000 short paragraphs make 1.8
/// million elements. The benchmark pages have at most 3 at once.
pub(crate) const MAX_FORMATTING: usize = 8;

/// Elements the parser adds on its own: `html` and `body`.
const IMPLIED: usize = 2;

/// The page without the start tags that would nest deeper than [`MAX_DEPTH`] or open more
/// than [`MAX_FORMATTING`] formatting elements, and without their end tags (each replaced by a
/// space, so words on either side stay apart); borrowed and unchanged when none is removed.
pub(crate) fn limit(html: &str) -> Cow<'_, str> {
    limit_to(html, MAX_DEPTH, MAX_FORMATTING).0
}

/// [`limit`] with the caps given, and the deepest nesting the page is estimated to reach
/// once limited.
fn limit_to(html: &str, max_depth: usize, max_formatting: usize) -> (Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let mut tree = Tree::new(max_depth, max_formatting);
    let mut tag = Tag::default();
    // Start tags removed, by name, whose end tags are still to be removed.
    let mut dropped: FxHashMap<Box<str>, usize> = FxHashMap::default();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut pos = 0;
    while let Some(off) = memchr(b'<', &b[pos..]) {
        let lt = pos + off;
        tree.text(&b[pos..lt]);
        let end = match scan(b, lt, &mut tag, tree.in_foreign()) {
            Markup::Text => {
                tree.text(b"<");
                pos = lt + 1;
                continue;
            }
            Markup::Skip(end) => {
                pos = end;
                continue;
            }
            Markup::Eof => break,
            Markup::Tag(end) => end,
        };
        pos = end;
        let drop = if tag.is_end {
            match dropped.get_mut(tag.name.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    true
                }
                _ => {
                    tree.end(&tag.name);
                    false
                }
            }
        } else {
            match tree.start(&tag) {
                Action::Keep | Action::Leaf => false,
                Action::Drop => {
                    match dropped.get_mut(tag.name.as_str()) {
                        Some(n) => *n += 1,
                        None => {
                            dropped.insert(tag.name.as_str().into(), 1);
                        }
                    }
                    true
                }
                Action::RawText => {
                    // Up to the end tag, the element holds text only. Without an end tag it
                    // would run to the end of the page; the rest is still read as markup then,
                    // in case the parser does not see raw text there (which errs high).
                    if let Some(close) = raw_text_end(b, end, &tag.name) {
                        match scan(b, close, &mut tag, false) {
                            Markup::Tag(after) => pos = after,
                            _ => break,
                        }
                    }
                    false
                }
            }
        };
        if drop {
            let out = out.get_or_insert_with(|| String::with_capacity(html.len()));
            out.push_str(&html[copied..lt]);
            out.push(' ');
            copied = end;
        }
    }
    let deepest = tree.deepest;
    match out {
        None => (Cow::Borrowed(html), deepest),
        Some(mut out) => {
            out.push_str(&html[copied..]);
            (Cow::Owned(out), deepest)
        }
    }
}

/// What starts at a `<`.
enum Markup {
    /// A `<` that is text.
    Text,
    /// A comment, doctype or processing instruction, ending before the given byte.
    Skip(usize),
    /// A start or end tag (in the [`Tag`] passed), ending before the given byte.
    Tag(usize),
    /// A comment or tag the page ends inside: the parser emits nothing more.
    Eof,
}

/// A start or end tag, as far as nesting needs it.
#[derive(Default)]
struct Tag {
    /// ASCII-lowercased, as the tokenizer gives it.
    name: String,
    is_end: bool,
    /// Ends in `/>`: meaningful in SVG and MathML only.
    self_closing: bool,
    /// Tag name and raw attributes of a formatting element's start tag, for the parser's
    /// three-copies limit on identical formatting elements (different spellings of equal
    /// attributes count as different, which keeps more copies and errs high).
    key: u64,
    /// A `color`, `face` or `size` attribute, which makes `<font>` leave SVG and MathML.
    font_attr: bool,
    /// `encoding="text/html"` (or XHTML): an `annotation-xml` holding HTML.
    html_encoding: bool,
}

/// HTML whitespace, with CR (which the parser turns into LF).
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// Reads the markup starting at `b[lt] == b'<'` as the HTML tokenizer does; `foreign` inside
/// SVG or MathML, where `<![CDATA[` starts a CDATA section.
fn scan(b: &[u8], lt: usize, tag: &mut Tag, foreign: bool) -> Markup {
    let i = lt + 1;
    match b.get(i) {
        Some(b'!') if b[i + 1..].starts_with(b"--") => comment_end(b, i + 3),
        Some(b'!') if foreign && b[i + 1..].starts_with(b"[CDATA[") => {
            // Text up to `]]>`. Without one it would run to the end of the page; read as
            // outside SVG then, which sees more tags, not fewer.
            match memmem::find(&b[i + 8..], b"]]>") {
                Some(q) => Markup::Skip(i + 8 + q + 3),
                None => bogus_end(b, i),
            }
        }
        Some(b'!' | b'?') => bogus_end(b, i),
        Some(b'/') => match b.get(i + 1) {
            Some(c) if c.is_ascii_alphabetic() => scan_tag(b, i + 1, true, tag),
            Some(b'>') => Markup::Skip(i + 2),
            Some(_) => bogus_end(b, i + 1),
            None => Markup::Eof,
        },
        Some(c) if c.is_ascii_alphabetic() => scan_tag(b, i, false, tag),
        _ => Markup::Text,
    }
}

/// A doctype, bogus comment, or `<![CDATA[` outside SVG and MathML: up to the first `>`.
fn bogus_end(b: &[u8], from: usize) -> Markup {
    memchr(b'>', &b[from..]).map_or(Markup::Eof, |p| Markup::Skip(from + p + 1))
}

/// A comment whose text starts at `from`: it ends at `-->` or `--!>`, or at once as `<!-->`
/// and `<!--->`.
fn comment_end(b: &[u8], from: usize) -> Markup {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return Markup::Skip(from + 1);
    }
    if rest.starts_with(b"->") {
        return Markup::Skip(from + 2);
    }
    let mut p = 0;
    while let Some(q) = memmem::find(&rest[p..], b"--") {
        let dash = p + q;
        if rest[dash + 2..].starts_with(b">") {
            return Markup::Skip(from + dash + 3);
        }
        if rest[dash + 2..].starts_with(b"!>") {
            return Markup::Skip(from + dash + 4);
        }
        p = dash + 1;
    }
    Markup::Eof
}

/// A tag whose name starts at `name_start`, through its attributes (quoted values may hold
/// `>`), to the `>` that ends it.
fn scan_tag(b: &[u8], name_start: usize, is_end: bool, tag: &mut Tag) -> Markup {
    let len = b.len();
    let mut p = name_start;
    while p < len && !is_space(b[p]) && b[p] != b'/' && b[p] != b'>' {
        p += 1;
    }
    tag.name.clear();
    // Tag names end at ASCII bytes, so the bytes are whole UTF-8 characters.
    tag.name
        .push_str(&String::from_utf8_lossy(&b[name_start..p]));
    tag.name.make_ascii_lowercase();
    tag.is_end = is_end;
    tag.self_closing = false;
    tag.font_attr = false;
    tag.html_encoding = false;
    let attrs_start = p;
    let end = loop {
        // Before an attribute name.
        while p < len && is_space(b[p]) {
            p += 1;
        }
        match b.get(p) {
            None => return Markup::Eof,
            Some(b'>') => break p + 1,
            Some(b'/') => {
                p += 1;
                if b.get(p) == Some(&b'>') {
                    tag.self_closing = true;
                    break p + 1;
                }
                continue;
            }
            Some(_) => {}
        }
        // The name: its first character is taken whatever it is (even `=`).
        let name_start = p;
        p += 1;
        while p < len && !is_space(b[p]) && !matches!(b[p], b'/' | b'>' | b'=') {
            p += 1;
        }
        let name = &b[name_start..p];
        while p < len && is_space(b[p]) {
            p += 1;
        }
        if p >= len {
            return Markup::Eof;
        }
        if b[p] != b'=' {
            note_attribute(tag, name, b"");
            continue;
        }
        p += 1;
        while p < len && is_space(b[p]) {
            p += 1;
        }
        let value = match b.get(p) {
            None => return Markup::Eof,
            Some(&q @ (b'"' | b'\'')) => match memchr(q, &b[p + 1..]) {
                None => return Markup::Eof,
                Some(e) => {
                    let value = &b[p + 1..p + 1 + e];
                    p += e + 2;
                    value
                }
            },
            Some(_) => {
                let start = p;
                while p < len && !is_space(b[p]) && b[p] != b'>' {
                    p += 1;
                }
                &b[start..p]
            }
        };
        note_attribute(tag, name, value);
    };
    tag.key = if !is_end && html_kind(&tag.name) & FORMATTING != 0 {
        let mut key = Xxh3::new();
        key.update(tag.name.as_bytes());
        key.update(&[0]);
        key.update(&b[attrs_start..end]);
        key.digest()
    } else {
        0
    };
    Markup::Tag(end)
}

/// Records what an attribute tells about leaving or entering HTML.
fn note_attribute(tag: &mut Tag, name: &[u8], value: &[u8]) {
    if ["color", "face", "size"]
        .iter()
        .any(|a| name.eq_ignore_ascii_case(a.as_bytes()))
    {
        tag.font_attr = true;
    }
    if name.eq_ignore_ascii_case(b"encoding")
        && (value.eq_ignore_ascii_case(b"text/html")
            || value.eq_ignore_ascii_case(b"application/xhtml+xml"))
    {
        tag.html_encoding = true;
    }
}

/// Where the end tag `</name` of a raw text element (`<script>`, `<style>`, `<title>`...)
/// starts, at or after `from`: the first one followed by a space, `/` or `>`, as the
/// tokenizer finds it. (A `<script>` holding `<!--<script>` may run further in the parser; the
/// scan then reads some script as markup, which errs high.)
fn raw_text_end(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let name = name.as_bytes();
    let mut p = from;
    while let Some(q) = memmem::find(&b[p..], b"</") {
        let lt = p + q;
        let name_end = lt + 2 + name.len();
        if name_end <= b.len()
            && b[lt + 2..name_end].eq_ignore_ascii_case(name)
            && b.get(name_end)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some(lt);
        }
        p = lt + 2;
    }
    None
}

/// What to do with a start tag.
enum Action {
    /// Pass it on.
    Keep,
    /// Remove it (and later its end tag): it would nest too deep.
    Drop,
    /// Pass it on; text only follows, up to its end tag (`<plaintext>` has none: the rest of
    /// the page is text).
    RawText,
    /// Pass it on: an element without content (only from [`Tree::open`]).
    Leaf,
}

/// How the adoption agency algorithm ended.
enum Adoption {
    /// No formatting element of the name: the end tag is a generic one.
    NoEntry,
    /// The element is closed, or was already.
    Closed,
    /// Something bounding the scope lies above the element (entry `.0`): nothing happened.
    OutOfScope(usize),
    /// The element was moved, and is still open.
    Moved,
}

/// Namespaces of elements.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

/// The parser's insertion mode inside an element: set by the nearest table part, `select` or
/// `template` around it (as html5ever's "reset the insertion mode" finds it), else "in body".
/// Inside a table, other elements are moved before the table but stay open, so the mode holds
/// for them too.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Body,
    Table,
    TableBody,
    Row,
    Cell,
    Caption,
    ColGroup,
    /// Only options are read; other tags are ignored.
    Select,
    /// A `select` inside a table: as [`Mode::Select`], but table parts close it.
    SelectInTable,
    Template,
    /// Only frames are read.
    Frameset,
}

/// The insertion mode inside an HTML element `name` opened in `parent`'s mode.
fn mode_inside(name: &str, parent: Mode) -> Mode {
    match name {
        "td" | "th" => Mode::Cell,
        "tr" => Mode::Row,
        "tbody" | "thead" | "tfoot" => Mode::TableBody,
        "caption" => Mode::Caption,
        "colgroup" => Mode::ColGroup,
        "table" => Mode::Table,
        "template" => Mode::Template,
        "frameset" => Mode::Frameset,
        "select" => match parent {
            Mode::Table | Mode::TableBody | Mode::Row | Mode::Cell | Mode::Caption => {
                Mode::SelectInTable
            }
            _ => Mode::Select,
        },
        _ => parent,
    }
}

// Kinds of element, for HTML elements (see `html_kind`).
/// The spec's "special" elements: a generic end tag does not close past one.
const SPECIAL: u16 = 1;
/// Bounds the default scope (and so every scope).
const SCOPE: u16 = 1 << 1;
/// Formatting elements, reopened by the parser where they were closed too early.
const FORMATTING: u16 = 1 << 2;
/// Never has content.
const VOID: u16 = 1 << 3;
/// Holds text only, up to its end tag.
const RAW_TEXT: u16 = 1 << 4;
/// Closes an open `<p>`.
const CLOSES_P: u16 = 1 << 5;
/// Puts a marker on the list of formatting elements: those opened inside are not reopened
/// outside.
const MARKER: u16 = 1 << 6;
/// Opened without reopening the formatting elements first.
const NO_REOPEN: u16 = 1 << 7;
/// Leaves SVG and MathML for HTML.
const BREAKOUT: u16 = 1 << 8;
/// A table part (`table`, `tbody`, `thead`, `tfoot`, `tr`): text there may be whitespace
/// only, which is not reopened in.
const TABLE_PART: u16 = 1 << 9;
/// A heading, `h1` to `h6`.
const HEADING: u16 = 1 << 10;

/// What kind of element an HTML element is (a combination of the kinds above).
fn html_kind(name: &str) -> u16 {
    const BLOCK: u16 = SPECIAL | CLOSES_P | NO_REOPEN;
    match name {
        "address" | "article" | "aside" | "details" | "dialog" | "dir" | "fieldset"
        | "figcaption" | "figure" | "footer" | "header" | "hgroup" | "main" | "nav" | "search"
        | "section" | "summary" => BLOCK,
        "center" | "menu" => BLOCK | BREAKOUT,
        "blockquote" | "dd" | "div" | "dl" | "dt" | "li" | "listing" | "ol" | "p" | "pre"
        | "ul" => BLOCK | BREAKOUT,
        "form" => BLOCK,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BLOCK | BREAKOUT | HEADING,
        "plaintext" => BLOCK | RAW_TEXT,
        "xmp" => SPECIAL | CLOSES_P | RAW_TEXT,
        "hr" => SPECIAL | CLOSES_P | VOID | NO_REOPEN | BREAKOUT,
        "a" | "font" => FORMATTING,
        "nobr" => FORMATTING | BREAKOUT,
        "b" | "big" | "code" | "em" | "i" | "s" | "small" | "strike" | "strong" | "tt" | "u" => {
            FORMATTING | BREAKOUT
        }
        "applet" | "marquee" | "object" => SPECIAL | SCOPE | MARKER,
        "template" => SPECIAL | SCOPE | MARKER | NO_REOPEN,
        "caption" | "td" | "th" => SPECIAL | SCOPE | MARKER | NO_REOPEN,
        "html" => SPECIAL | SCOPE | NO_REOPEN,
        "table" => SPECIAL | SCOPE | NO_REOPEN | BREAKOUT | TABLE_PART,
        "tbody" | "thead" | "tfoot" | "tr" => SPECIAL | NO_REOPEN | TABLE_PART,
        "colgroup" | "frameset" => SPECIAL | NO_REOPEN,
        "body" | "head" => SPECIAL | NO_REOPEN | BREAKOUT,
        "br" | "embed" | "img" => SPECIAL | VOID | BREAKOUT,
        "meta" => SPECIAL | VOID | NO_REOPEN | BREAKOUT,
        "area" | "input" | "keygen" | "wbr" => SPECIAL | VOID,
        "base" | "basefont" | "bgsound" | "col" | "frame" | "link" | "param" | "source"
        | "track" => SPECIAL | VOID | NO_REOPEN,
        "image" => VOID,
        "iframe" | "noembed" | "noframes" | "script" | "style" | "textarea" | "title" => {
            SPECIAL | RAW_TEXT | NO_REOPEN
        }
        "button" | "noscript" | "select" => SPECIAL,
        "ruby" | "span" | "sub" | "sup" | "var" => BREAKOUT,
        _ => 0,
    }
}

/// An open element.
struct Node {
    /// ASCII-lowercased.
    name: Box<str>,
    ns: Ns,
    /// Kinds ([`html_kind`] for HTML elements).
    kind: u16,
    /// Start tags inside are read as HTML (`foreignObject`, MathML text, HTML annotations).
    integration: bool,
    /// Its entry on the list of formatting elements, or 0.
    fmt: u32,
    /// The insertion mode inside it.
    mode: Mode,
}

impl Node {
    fn is_html(&self, name: &str) -> bool {
        self.ns == Ns::Html && &*self.name == name
    }
}

/// An entry of the list of active formatting elements.
enum Entry {
    /// Where a cell, caption, template or object starts: the formatting elements before it are
    /// not reopened inside.
    Marker,
    Formatting {
        /// The [`Node::fmt`] of the element standing for it.
        id: u32,
        key: u64,
        name: Box<str>,
        /// Whether that element is open; if not, the parser reopens it before the next text
        /// or inline element.
        open: bool,
    },
}

/// The parser's stack of open elements and list of formatting elements, as followed.
struct Tree {
    stack: Vec<Node>,
    list: Vec<Entry>,
    /// Formatting entries whose element is closed: the parser may reopen each.
    closed: usize,
    /// Formatting entries.
    formatting: usize,
    /// Open `<p>` elements: none, and no paragraph needs looking for.
    paragraphs: usize,
    /// A `<form>` is open for the parser (which ignores `<form>` inside one).
    form: bool,
    /// Something has gone into the page's body (or may have): a frameset is no longer the
    /// page's.
    body_started: bool,
    next_id: u32,
    max_depth: usize,
    max_formatting: usize,
    /// The deepest level reached: [`Tree::bound`], one more for elements without children.
    deepest: usize,
}

/// Whether a node bounds the default scope.
fn default_scope(n: &Node) -> bool {
    n.kind & SCOPE != 0
}

/// Whether a node bounds the button scope.
fn button_scope(n: &Node) -> bool {
    default_scope(n) || n.is_html("button")
}

/// Whether a node bounds the list item scope.
fn list_scope(n: &Node) -> bool {
    default_scope(n) || n.is_html("ol") || n.is_html("ul")
}

/// Whether a node bounds the table scope.
fn table_scope(n: &Node) -> bool {
    n.ns == Ns::Html && matches!(&*n.name, "html" | "table" | "template")
}

impl Tree {
    fn new(max_depth: usize, max_formatting: usize) -> Tree {
        Tree {
            stack: Vec::new(),
            list: Vec::new(),
            closed: 0,
            formatting: 0,
            paragraphs: 0,
            form: false,
            body_started: false,
            next_id: 0,
            max_depth,
            max_formatting,
            deepest: IMPLIED,
        }
    }

    /// An upper bound on the depth of the parser's tree here: the open elements and the
    /// formatting elements it may reopen.
    fn bound(&self) -> usize {
        IMPLIED + self.stack.len() + self.closed
    }

    fn top(&self) -> Option<&Node> {
        self.stack.last()
    }

    /// Whether the current element is an SVG or MathML one.
    fn in_foreign(&self) -> bool {
        self.top().is_some_and(|n| n.ns != Ns::Html)
    }

    /// The insertion mode with the first `len` elements open.
    fn mode_at(&self, len: usize) -> Mode {
        len.checked_sub(1)
            .map_or(Mode::Body, |i| self.stack[i].mode)
    }

    /// Index of the nearest open element matching `found` among the first `len`, unless one
    /// matching `boundary` comes first.
    fn find(
        &self,
        len: usize,
        found: impl Fn(&Node) -> bool,
        boundary: impl Fn(&Node) -> bool,
    ) -> Option<usize> {
        for i in (0..len).rev() {
            let n = &self.stack[i];
            if found(n) {
                return Some(i);
            }
            if boundary(n) {
                return None;
            }
        }
        None
    }

    /// Where an open `<p>` in button scope among the first `len` elements is.
    fn open_p(&self, len: usize) -> Option<usize> {
        if self.paragraphs == 0 {
            return None;
        }
        self.find(len, |n| n.is_html("p"), button_scope)
    }

    /// How much closing the elements from `cut` on lowers the bound: formatting elements stay
    /// counted (the parser may reopen them).
    fn lowered_by(&self, cut: usize) -> usize {
        self.stack[cut..].iter().filter(|n| n.fmt == 0).count()
    }

    /// The list entry of formatting element `id`.
    fn entry_of(&self, id: u32) -> Option<usize> {
        if id == 0 {
            return None;
        }
        self.list
            .iter()
            .rposition(|e| matches!(e, Entry::Formatting { id: i, .. } if *i == id))
    }

    /// Opens an element; returns its formatting entry's id if it is a formatting element (0
    /// otherwise), for the caller to add the entry.
    fn push(&mut self, name: &str, ns: Ns, kind: u16, integration: bool) -> u32 {
        let fmt = if ns == Ns::Html && kind & FORMATTING != 0 {
            self.next_id += 1;
            self.next_id
        } else {
            0
        };
        if ns == Ns::Html && name == "p" {
            self.paragraphs += 1;
        }
        let parent = self.mode_at(self.stack.len());
        let mode = if ns == Ns::Html {
            mode_inside(name, parent)
        } else {
            parent
        };
        self.stack.push(Node {
            name: name.into(),
            ns,
            kind,
            integration,
            fmt,
            mode,
        });
        self.deepest = self.deepest.max(self.bound());
        fmt
    }

    /// Closes the current element; a formatting element's entry stays, to be reopened.
    fn pop(&mut self) {
        let Some(n) = self.stack.pop() else { return };
        if n.is_html("p") {
            self.paragraphs -= 1;
        }
        if let Some(i) = self.entry_of(n.fmt) {
            if let Entry::Formatting { open, .. } = &mut self.list[i] {
                *open = false;
                self.closed += 1;
            }
        }
    }

    /// Closes the element at `i` and all opened after it.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            self.pop();
        }
    }

    /// Removes entry `i` from the list of formatting elements.
    fn remove_entry(&mut self, i: usize) {
        if let Entry::Formatting { id, open, .. } = self.list.remove(i) {
            self.formatting -= 1;
            if open {
                // Its element is now an ordinary one: closing it looks nothing up (the list
                // may hold many markers).
                if let Some(n) = self.stack.iter_mut().rev().find(|n| n.fmt == id) {
                    n.fmt = 0;
                }
            } else {
                self.closed -= 1;
            }
        }
    }

    /// Removes the list's entries back to the last marker, and the marker (as closing a cell,
    /// caption, template or object does).
    fn clear_to_marker(&mut self) {
        while let Some(i) = self.list.len().checked_sub(1) {
            let marker = matches!(self.list[i], Entry::Marker);
            self.remove_entry(i);
            if marker {
                break;
            }
        }
    }

    /// The parser's "reconstruct the active formatting elements": the closed formatting
    /// elements after the last open one (or marker) are opened again. The bound stays.
    fn reopen(&mut self) {
        if self.closed == 0 {
            return;
        }
        let mut from = self.list.len();
        while from > 0 && matches!(self.list[from - 1], Entry::Formatting { open: false, .. }) {
            from -= 1;
        }
        for i in from..self.list.len() {
            let Entry::Formatting { name, .. } = &self.list[i] else {
                continue;
            };
            let name = name.clone();
            self.closed -= 1;
            let new_id = self.push(&name, Ns::Html, html_kind(&name), false);
            if let Entry::Formatting { id, open, .. } = &mut self.list[i] {
                *id = new_id;
                *open = true;
            }
        }
    }

    /// Text between tags.
    fn text(&mut self, text: &[u8]) {
        if text.is_empty() {
            return;
        }
        if !self.body_started && !text.iter().all(|&c| is_space(c)) {
            self.body_started = true;
        }
        if self.top().is_some_and(|n| n.is_html("colgroup")) && !text.iter().all(|&c| is_space(c)) {
            // Text ends a column group.
            self.pop();
        }
        let Some(top) = self.top() else {
            self.reopen();
            return;
        };
        if (top.ns != Ns::Html && !top.integration)
            || matches!(top.mode, Mode::Select | Mode::SelectInTable)
        {
            return;
        }
        if top.ns == Ns::Html && top.kind & TABLE_PART != 0 && text.iter().all(|&c| is_space(c)) {
            return;
        }
        self.reopen();
    }

    /// A start tag: follows it, or says to remove it.
    fn start(&mut self, tag: &Tag) -> Action {
        let action = self.open(tag);
        match action {
            Action::Leaf | Action::RawText => {
                // Elements that hold no others (`<img>`, `<script>`, `<path/>`) are a level
                // too, below the open ones.
                self.deepest = self.deepest.max(self.bound() + 1);
            }
            Action::Keep | Action::Drop => {}
        }
        match action {
            Action::Leaf => Action::Keep,
            action => action,
        }
    }

    /// [`Tree::start`], bar the accounting of elements without content.
    fn open(&mut self, tag: &Tag) -> Action {
        // Anything but the head's elements starts the body, or may.
        if !matches!(
            tag.name.as_str(),
            "html"
                | "head"
                | "base"
                | "basefont"
                | "bgsound"
                | "link"
                | "meta"
                | "title"
                | "style"
                | "script"
                | "noscript"
                | "noframes"
                | "template"
                | "frameset"
                | "frame"
        ) {
            self.body_started = true;
        }
        if let Some(top) = self.top() {
            let foreign = top.ns != Ns::Html
                && !top.integration
                && !(top.ns == Ns::MathMl && &*top.name == "annotation-xml" && tag.name == "svg");
            if foreign {
                let kind = html_kind(&tag.name);
                if kind & BREAKOUT != 0 || (tag.name == "font" && tag.font_attr) {
                    // Back to the nearest HTML element, and read the tag as HTML there. That
                    // takes the bound no higher than it was.
                    while self
                        .top()
                        .is_some_and(|n| n.ns != Ns::Html && !n.integration)
                    {
                        self.pop();
                    }
                    return self.start_html(tag, true);
                }
                if tag.self_closing {
                    return Action::Leaf;
                }
                if self.bound() + 1 >= self.max_depth {
                    return Action::Drop;
                }
                let ns = top.ns;
                self.push_foreign(tag, ns);
                return Action::Keep;
            }
        }
        self.start_html(tag, false)
    }

    /// Opens an SVG or MathML element.
    fn push_foreign(&mut self, tag: &Tag, ns: Ns) {
        let name = tag.name.as_str();
        let (special, integration) = match ns {
            Ns::Svg => {
                let ip = matches!(name, "foreignobject" | "desc" | "title");
                (ip, ip)
            }
            Ns::MathMl => match name {
                "mi" | "mo" | "mn" | "ms" | "mtext" => (true, true),
                "annotation-xml" => (true, tag.html_encoding),
                _ => (false, false),
            },
            Ns::Html => (false, false),
        };
        let kind = if special { SPECIAL | SCOPE } else { 0 };
        self.push(name, ns, kind, integration);
    }

    /// A start tag read as HTML; `forced` when it has already closed foreign elements (it then
    /// cannot take the bound higher than it was, and is kept).
    fn start_html(&mut self, tag: &Tag, forced: bool) -> Action {
        let mut name = tag.name.as_str();
        if matches!(name, "html" | "body" | "head") {
            // Their attributes join the implied elements'.
            return Action::Keep;
        }

        // What the tag closes first: everything from `cut` on (decided before anything
        // changes, as a removed tag must change nothing).
        let mut cut = self.stack.len();
        if self.mode_at(cut) == Mode::Template {
            // Directly inside a template, the first element sets how its content is read.
            let content = match name {
                "td" | "th" => Mode::Row,
                "tr" => Mode::TableBody,
                "caption" | "colgroup" | "tbody" | "thead" | "tfoot" => Mode::Table,
                "col" => Mode::ColGroup,
                _ => Mode::Body,
            };
            if let Some(i) = self.find(cut, |n| n.is_html("template"), |_| false) {
                self.stack[i].mode = content;
            }
        }
        if self.mode_at(cut) == Mode::ColGroup && name != "template" {
            match (name, self.find(cut, |n| n.is_html("colgroup"), |_| false)) {
                ("col", Some(_)) => {}
                // Anything else ends a column group.
                (_, Some(i)) => cut = i,
                // Columns directly in a template; anything else there is ignored.
                ("col", None) => return Action::Leaf,
                (_, None) => return Action::Keep,
            }
        }
        let mode = self.mode_at(cut);
        let in_select = matches!(mode, Mode::Select | Mode::SelectInTable);
        if in_select {
            match name {
                "option" | "optgroup" | "template" => {}
                "hr" => {
                    for closed in ["option", "optgroup"] {
                        if cut > 0 && self.stack[cut - 1].is_html(closed) {
                            cut -= 1;
                        }
                    }
                    self.pop_to(cut);
                    return Action::Leaf;
                }
                "select" => {
                    if let Some(i) = self.open_select(cut) {
                        self.pop_to(i);
                    }
                    return Action::Keep;
                }
                "input" | "keygen" | "textarea" => match self.open_select(cut) {
                    Some(i) => cut = i,
                    None => return Action::Keep,
                },
                "script" => return Action::RawText,
                "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th"
                    if mode == Mode::SelectInTable =>
                {
                    match self.find(cut, |n| n.is_html("select"), |_| false) {
                        Some(i) => cut = i,
                        None => return Action::Keep,
                    }
                }
                // Everything else is ignored inside a `<select>`, raw text elements included.
                _ => return Action::Keep,
            }
        }
        let mode = self.mode_at(cut);
        if name == "frameset" && (self.body_started || !self.stack.is_empty()) {
            // Where the page has begun, the parser ignores a frameset, or drops the page's
            // body for it, depending on what came before: the scan cannot follow that, and
            // removing the tag is what the parser does in the common case.
            return Action::Drop;
        }
        if mode == Mode::Frameset && !matches!(name, "frameset" | "frame" | "noframes") {
            // A frameset ignores all else (even raw text elements).
            return Action::Keep;
        }
        let in_select = matches!(mode, Mode::Select | Mode::SelectInTable);
        let in_table = matches!(mode, Mode::Table | Mode::TableBody | Mode::Row);
        let kind = html_kind(name);
        // Inside a template, forms are ordinary elements.
        let in_template = name == "form"
            && self
                .find(cut, |n| n.is_html("template"), |_| false)
                .is_some();
        if name == "form" && !in_template && (self.form || in_table) {
            // Ignored inside a form; inside a table, opened and closed at once.
            self.form = true;
            return Action::Leaf;
        }
        if kind & (RAW_TEXT | VOID) != 0 && name != "col" {
            // Elements without child elements: what the parser does around them (close a
            // paragraph, or a `<select>` an `<input>` ends; reopen formatting elements) only
            // lowers the bound, or keeps it.
            if kind & CLOSES_P != 0 && !in_select {
                if let Some(i) = self.open_p(cut) {
                    cut = i;
                }
            }
            self.pop_to(cut);
            if kind & NO_REOPEN == 0 && !in_select {
                self.reopen();
            }
            return if kind & RAW_TEXT != 0 {
                Action::RawText
            } else {
                Action::Leaf
            };
        }
        if (name == "svg" || name == "math") && tag.self_closing {
            return Action::Leaf;
        }

        // The row group and row the parser adds around a cell or row opened without them.
        let mut implied: &[&str] = &[];
        // Cells and captions closed, each clearing its formatting elements.
        let mut clears = 0;
        match name {
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption" | "colgroup" | "col" => {
                match mode {
                    Mode::Template if name == "col" => return Action::Leaf,
                    Mode::Template => {}
                    Mode::Table
                    | Mode::TableBody
                    | Mode::Row
                    | Mode::Cell
                    | Mode::Caption
                    | Mode::ColGroup => {
                        (cut, implied, clears) = self.table_part(name, cut);
                        if name == "col" {
                            // Inside the column group it implies.
                            name = "colgroup";
                        }
                    }
                    // Outside a table, ignored.
                    _ => return Action::Keep,
                }
            }
            "table" if in_table => {
                // A table directly inside a table ends it.
                match self.find(cut, |n| n.is_html("table"), table_scope) {
                    Some(i) => cut = i,
                    None => return Action::Keep,
                }
            }
            "li" | "dd" | "dt" => {
                let same = |n: &Node| {
                    n.ns == Ns::Html
                        && if name == "li" {
                            &*n.name == "li"
                        } else {
                            matches!(&*n.name, "dd" | "dt")
                        }
                };
                let stop = |n: &Node| {
                    n.kind & SPECIAL != 0
                        && !(n.ns == Ns::Html && matches!(&*n.name, "address" | "div" | "p"))
                };
                if let Some(i) = self.find(cut, same, stop) {
                    cut = i;
                }
            }
            "button" => {
                if let Some(i) = self.find(cut, |n| n.is_html("button"), default_scope) {
                    cut = i;
                }
            }
            "option" | "optgroup" => {
                if cut > 0 && self.stack[cut - 1].is_html("option") {
                    cut -= 1;
                }
                if name == "optgroup"
                    && in_select
                    && cut > 0
                    && self.stack[cut - 1].is_html("optgroup")
                {
                    cut -= 1;
                }
            }
            _ => {}
        }
        if kind & CLOSES_P != 0 {
            if let Some(i) = self.open_p(cut) {
                cut = i;
            }
        }
        if kind & HEADING != 0 && cut > 0 {
            let below = &self.stack[cut - 1];
            if below.ns == Ns::Html && below.kind & HEADING != 0 {
                cut -= 1;
            }
        }

        let kind = html_kind(name);
        if !forced {
            let after = self.bound() - self.lowered_by(cut) + implied.len() + 1;
            // An `<a>` ends the open one, so links never pile up.
            let too_many =
                kind & FORMATTING != 0 && name != "a" && self.formatting >= self.max_formatting;
            // One level stays free for elements without children (`<img>`, `<script>`).
            if after >= self.max_depth || too_many {
                return Action::Drop;
            }
        }

        self.pop_to(cut);
        for _ in 0..clears {
            self.clear_to_marker();
        }
        if name == "table" && !in_table {
            // A table ends an open paragraph, in standards mode only (set by the doctype):
            // the paragraph stays counted, and no later tag closes it here, which errs high
            // either way.
            if let Some(i) = self.open_p(cut) {
                self.stack[i].name = "".into();
                self.paragraphs -= 1;
            }
        }
        if name == "nobr" {
            // An `<nobr>` inside an open `<nobr>` ends it.
            self.reopen();
            let len = self.stack.len();
            if self
                .find(len, |n| n.is_html("nobr"), default_scope)
                .is_some()
            {
                self.adopt("nobr");
            }
        }
        if name == "a" {
            // An `<a>` inside an open `<a>` ends it as `</a>` would (which never deepens the
            // tree, so the check above needs no allowance for it); one it cannot end, the
            // parser takes off the stack while it stays in the tree: it stays counted, under no
            // name an end tag would match.
            if let Adoption::OutOfScope(i) = self.adopt("a") {
                if let Entry::Formatting { id, .. } = self.list[i] {
                    if let Some(n) = self.stack.iter_mut().rev().find(|n| n.fmt == id) {
                        n.name = "".into();
                    }
                    self.remove_entry(i);
                }
            }
        }
        if kind & NO_REOPEN == 0 && !in_select {
            self.reopen();
        }
        match name {
            "form" if !in_template => self.form = true,
            "svg" => {
                self.push_foreign(tag, Ns::Svg);
                return Action::Keep;
            }
            "math" => {
                self.push_foreign(tag, Ns::MathMl);
                return Action::Keep;
            }
            _ => {}
        }
        for &part in implied {
            self.push(part, Ns::Html, html_kind(part), false);
        }
        let id = self.push(name, Ns::Html, kind, false);
        if kind & MARKER != 0 {
            self.list.push(Entry::Marker);
        }
        if id != 0 {
            self.add_formatting(id, tag);
        }
        if tag.name == "col" {
            return Action::Leaf;
        }
        Action::Keep
    }

    /// Where a table part (cell, row, row group, caption, column group) opened in a table
    /// goes: what it closes first (from `cut` on), the elements the parser adds around it, and
    /// how many cells and captions it closes (each clears the formatting elements opened
    /// inside).
    fn table_part(&self, name: &str, mut cut: usize) -> (usize, &'static [&'static str], usize) {
        let cell = |n: &Node| n.is_html("td") || n.is_html("th");
        let section =
            |n: &Node| n.ns == Ns::Html && matches!(&*n.name, "tbody" | "thead" | "tfoot");
        let context = |n: &Node| n.is_html("table") || n.is_html("template");
        let mut clears = 0;
        if self.mode_at(cut) == Mode::Cell {
            if let Some(i) = self.find(cut, cell, table_scope) {
                cut = i;
                clears += 1;
            }
        }
        if self.mode_at(cut) == Mode::Caption {
            if let Some(i) = self.find(cut, |n| n.is_html("caption"), table_scope) {
                cut = i;
                clears += 1;
            }
        }
        // Back to the innermost element of the kind given (or the bottom).
        let back_to = |len: usize, found: &dyn Fn(&Node) -> bool| {
            self.find(len, found, |_| false).map_or(0, |i| i + 1)
        };
        let row = |n: &Node| n.is_html("tr") || n.is_html("template");
        let body = |n: &Node| section(n) || n.is_html("template");
        let (cut, implied): (usize, &[&str]) = match (name, self.mode_at(cut)) {
            ("td" | "th", Mode::Row) => (back_to(cut, &row), &[]),
            ("td" | "th", Mode::TableBody) => (back_to(cut, &body), &["tr"]),
            ("td" | "th", _) => (back_to(cut, &context), &["tbody", "tr"]),
            ("tr", Mode::Row) => {
                let open = self
                    .find(cut, |n| n.is_html("tr"), table_scope)
                    .unwrap_or(cut);
                (back_to(open, &body), &[])
            }
            ("tr", Mode::TableBody) => (back_to(cut, &body), &[]),
            ("tr", _) => (back_to(cut, &context), &["tbody"]),
            _ => (back_to(cut, &context), &[]),
        };
        (cut, implied, clears)
    }

    /// Where an open `<select>` reachable through options only is, among the first `len`
    /// elements.
    fn open_select(&self, len: usize) -> Option<usize> {
        self.find(
            len,
            |n| n.is_html("select"),
            |n| !(n.is_html("option") || n.is_html("optgroup")),
        )
    }

    /// Adds a formatting element to the list, keeping at most three identical ones after the
    /// last marker (the parser's "Noah's Ark" clause).
    fn add_formatting(&mut self, id: u32, tag: &Tag) {
        let mut same = 0;
        let mut earliest = None;
        for (i, e) in self.list.iter().enumerate().rev() {
            match e {
                Entry::Marker => break,
                Entry::Formatting { key, .. } if *key == tag.key => {
                    same += 1;
                    earliest = Some(i);
                }
                Entry::Formatting { .. } => {}
            }
        }
        if same >= 3 {
            if let Some(i) = earliest {
                self.remove_entry(i);
            }
        }
        self.list.push(Entry::Formatting {
            id,
            key: tag.key,
            name: tag.name.as_str().into(),
            open: true,
        });
        self.formatting += 1;
    }

    /// An end tag.
    fn end(&mut self, name: &str) {
        if name == "p" || name == "br" {
            // Either may put an element in the body.
            self.body_started = true;
        }
        if self.top().is_some_and(|n| n.ns != Ns::Html) && (name == "br" || name == "p") {
            // These leave SVG and MathML, and are read as HTML.
            while self
                .top()
                .is_some_and(|n| n.ns != Ns::Html && !n.integration)
            {
                self.pop();
            }
        }
        if self.top().is_some_and(|n| n.ns != Ns::Html) {
            // In SVG and MathML an end tag closes the nearest foreign element of its name;
            // reaching an HTML element, it is read as HTML.
            for i in (0..self.stack.len()).rev() {
                let n = &self.stack[i];
                if n.ns == Ns::Html {
                    break;
                }
                if &*n.name == name {
                    self.pop_to(i);
                    return;
                }
            }
        }
        let len = self.stack.len();
        let mode = self.mode_at(len);
        if matches!(mode, Mode::Select | Mode::SelectInTable) {
            // Inside a `<select>` only its own end tags count.
            let top_is = |s: &Self, back: usize, name: &str| {
                s.stack.len() > back && s.stack[s.stack.len() - 1 - back].is_html(name)
            };
            match name {
                "option" if top_is(self, 0, "option") => self.pop(),
                "optgroup" => {
                    if top_is(self, 0, "option") && top_is(self, 1, "optgroup") {
                        self.pop();
                    }
                    if top_is(self, 0, "optgroup") {
                        self.pop();
                    }
                }
                "select" => {
                    if let Some(i) = self.open_select(len) {
                        self.pop_to(i);
                    }
                }
                "template" => {
                    if let Some(i) = self.find(len, |n| n.is_html("template"), |_| false) {
                        self.pop_to(i);
                    }
                }
                "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th"
                    if mode == Mode::SelectInTable
                        && self.find(len, |n| n.is_html(name), table_scope).is_some() =>
                {
                    if let Some(i) = self.find(len, |n| n.is_html("select"), |_| false) {
                        self.pop_to(i);
                        self.end(name);
                    }
                }
                _ => {}
            }
            return;
        }
        let kind = html_kind(name);
        let found = match name {
            "html" | "body" | "head" => None,
            "br" => {
                // Read as `<br>`.
                self.reopen();
                self.deepest = self.deepest.max(self.bound() + 1);
                None
            }
            // Inside a frameset, it closes the current frameset; elsewhere it is ignored.
            "frameset" => self
                .top()
                .is_some_and(|n| n.is_html("frameset"))
                .then_some(len - 1),
            "p" => {
                let open = self.open_p(len);
                if open.is_none() {
                    // The parser opens an empty paragraph here.
                    self.deepest = self.deepest.max(self.bound() + 1);
                }
                open
            }
            "li" => self.find(len, |n| n.is_html("li"), list_scope),
            "dd" | "dt" => self.find(len, |n| n.is_html(name), default_scope),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.find(
                len,
                |n| n.ns == Ns::Html && n.kind & HEADING != 0,
                default_scope,
            ),
            "form"
                if self
                    .find(len, |n| n.is_html("template"), |_| false)
                    .is_some() =>
            {
                self.find(len, |n| n.is_html("form"), default_scope)
            }
            "form" => {
                // The form alone leaves the stack, and what it holds stays open, inside it
                // in the tree: it is counted until they close.
                if std::mem::take(&mut self.form) {
                    self.top()
                        .is_some_and(|n| n.is_html("form"))
                        .then_some(len - 1)
                } else {
                    None
                }
            }
            "tr" | "tbody" | "thead" | "tfoot" if mode == Mode::Caption => None,
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "table" | "caption" | "colgroup" => {
                let found = self.find(len, |n| n.is_html(name), table_scope);
                if found.is_some()
                    && (matches!(name, "td" | "th" | "caption")
                        || matches!(mode, Mode::Cell | Mode::Caption))
                {
                    // Closing a cell or caption clears the formatting elements opened in it.
                    if let Some(i) = found {
                        self.pop_to(i);
                    }
                    self.clear_to_marker();
                }
                found
            }
            _ if kind & FORMATTING != 0 => {
                self.end_formatting(name);
                None
            }
            "address" | "article" | "aside" | "blockquote" | "button" | "center" | "details"
            | "dialog" | "dir" | "div" | "dl" | "fieldset" | "figcaption" | "figure" | "footer"
            | "header" | "hgroup" | "listing" | "main" | "menu" | "nav" | "ol" | "pre"
            | "search" | "section" | "summary" | "ul" => {
                self.find(len, |n| n.is_html(name), default_scope)
            }
            "applet" | "marquee" | "object" | "template" => {
                let boundary = |n: &Node| name != "template" && default_scope(n);
                let found = self.find(len, |n| n.is_html(name), boundary);
                if let Some(i) = found {
                    self.pop_to(i);
                    self.clear_to_marker();
                }
                found
            }
            _ => self.find(len, |n| n.is_html(name), |n| n.kind & SPECIAL != 0),
        };
        if let Some(i) = found {
            self.pop_to(i);
        }
    }

    /// The end tag of a formatting element: the parser's adoption agency algorithm, as far as
    /// the open elements go.
    fn end_formatting(&mut self, name: &str) {
        if let Some(top) = self.top() {
            if top.is_html(name) && self.entry_of(top.fmt).is_none() {
                self.pop();
                return;
            }
        }
        if let Adoption::NoEntry = self.adopt(name) {
            // Not a formatting element for the parser: a generic end tag.
            let len = self.stack.len();
            if let Some(k) = self.find(len, |n| n.is_html(name), |n| n.kind & SPECIAL != 0) {
                self.pop_to(k);
            }
        }
    }

    /// The adoption agency algorithm for the formatting element `name`, as far as the open
    /// elements go: the element closes with what was opened after it, unless a special element
    /// was (the "furthest block"): then it moves to just inside that block, up to eight times.
    /// The elements the parser also takes off the stack on the way stay counted (they err
    /// high), and their names stay matchable.
    fn adopt(&mut self, name: &str) -> Adoption {
        for _ in 0..8 {
            let mut entry = None;
            for (i, e) in self.list.iter().enumerate().rev() {
                match e {
                    Entry::Marker => break,
                    Entry::Formatting { name: n, .. } if &**n == name => {
                        entry = Some(i);
                        break;
                    }
                    Entry::Formatting { .. } => {}
                }
            }
            let Some(i) = entry else {
                return Adoption::NoEntry;
            };
            let Entry::Formatting { id, open, .. } = self.list[i] else {
                return Adoption::NoEntry;
            };
            let k = if open {
                self.stack.iter().rposition(|n| n.fmt == id)
            } else {
                None
            };
            let Some(k) = k else {
                self.remove_entry(i);
                return Adoption::Closed;
            };
            if self.stack[k + 1..].iter().any(default_scope) {
                return Adoption::OutOfScope(i);
            }
            let Some(block) =
                (k + 1..self.stack.len()).find(|&j| self.stack[j].kind & SPECIAL != 0)
            else {
                self.pop_to(k);
                if let Some(i) = self.entry_of(id) {
                    self.remove_entry(i);
                }
                return Adoption::Closed;
            };
            let mut moved = self.stack.remove(k);
            moved.mode = self.stack[block - 1].mode;
            self.stack.insert(block, moved);
        }
        Adoption::Moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Estimated depth of a page's deepest element, `html` and `body` included.
    fn depth(html: &str) -> usize {
        limit_to(html, usize::MAX, usize::MAX).1
    }

    #[test]
    fn depth_follows_the_parser() {
        assert_eq!(depth("<p>x</p>"), 3);
        assert_eq!(depth("<div><div><span>x</span></div></div>"), 5);
        // Implied end tags.
        assert_eq!(depth("<p>a<p>b<p>c"), 3);
        assert_eq!(depth("<ul><li>a<li>b<li><p>c<li>d</ul>"), 5);
        assert_eq!(depth("<p>a<div>b</div>"), 3);
        assert_eq!(depth("<select><option>a<option>b</select>"), 4);
        // Implied table parts: table, tbody, tr, td.
        assert_eq!(depth("<table><td>a<td>b</table>"), 6);
        assert_eq!(depth("<table><tr><td>a<tr><td>b</table>"), 6);
        // Void, raw text and self-closing foreign elements do not nest.
        assert_eq!(depth("<br><img src=x><hr><input>"), 3);
        assert_eq!(depth("<script>if (a<b) { x = '<div><div>'; }</script>"), 3);
        assert_eq!(depth("<title><b><b><b></title><style>a>b{}</style>"), 3);
        assert_eq!(depth("<svg><path d='M0'/><path/><g><path/></g></svg>"), 5);
        assert_eq!(depth("<!-- <div><div> --><div x='>'>a</div>"), 3);
    }

    #[test]
    fn misnested_tags_err_high() {
        // A generic end tag does not close past a special element: the spans stay open.
        assert_eq!(depth(&"<span><div></span>".repeat(10)), 22);
        // `</form>` closes the form alone: the divs stay open.
        assert_eq!(depth(&"<form><div></form>".repeat(10)), 22);
        // HTML inside SVG leaves it.
        assert_eq!(depth(&"<svg><div>".repeat(10)), 12);
    }

    #[test]
    fn formatting_elements_are_reopened() {
        // Each paragraph reopens the bold elements left open in the ones before: up to three
        // identical ones, any number of different ones.
        assert_eq!(depth(&"<p><b>x</p>".repeat(10)), 7);
        let page: String = (0..10).map(|i| format!("<p><b class={i}>x</p>")).collect();
        assert_eq!(depth(&page), 13);
        // Closed in the right order, they are gone.
        assert_eq!(depth(&"<p><b>x</b></p>".repeat(10)), 4);
        // `<a>` closes an open `<a>`.
        assert_eq!(depth(&"<a href=x>y".repeat(10)), 3);
    }

    #[test]
    fn insertion_modes_are_followed() {
        // Inside a select, other tags are ignored, raw text ones included.
        assert_eq!(depth("<select><div><div><style><div></select>"), 3);
        assert_eq!(depth("<select><xmp></select><div><div>x</xmp>"), 4);
        // In SVG, a CDATA section is text.
        assert_eq!(depth("<svg><![CDATA[</svg><div>]]><g><g></g></g></svg>"), 5);
        // A template holds a table's rows as they come.
        assert_eq!(depth("<template><td>x</td><td><b>y</b></td></template>"), 5);
    }

    #[test]
    fn framesets_inside_the_body_are_removed() {
        let frames = "<html><head><title>T</title></head><frameset><frame src=a></frameset>";
        assert!(matches!(limit(frames), Cow::Borrowed(_)));
        let limited = limit("<p>Text</p><frameset><frame src=a></frameset><p>More</p>");
        assert_eq!(limited, "<p>Text</p> <frame src=a> <p>More</p>");
    }

    #[test]
    fn pages_within_the_limit_are_unchanged() {
        let page = "<html><body><div><p>Ministers <b>met</b>.</p></div></body></html>";
        assert!(matches!(limit(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_with_its_text() {
        let page = format!(
            "<body><p>Ministers met.</p>{}</body>",
            "<div>x ".repeat(1000)
        );
        let (limited, deepest) = limit_to(&page, 50, 10);
        // One level stays free for elements without children.
        assert_eq!(deepest, 49);
        assert_eq!(limited.matches("<div>").count(), 49 - IMPLIED);
        assert_eq!(limited.matches('x').count(), 1000);
        assert_eq!(depth(&limited), 49);

        let page = "<div>a ".repeat(100) + &"</div>b ".repeat(100);
        let (limited, _) = limit_to(&page, 10, 10);
        assert_eq!(limited.matches("<div>").count(), 7);
        assert_eq!(limited.matches("</div>").count(), 7);
        assert_eq!(limited.matches('a').count(), 100);
        assert_eq!(limited.matches('b').count(), 100);
    }

    #[test]
    fn open_formatting_elements_are_capped() {
        let page: String = (0..100).map(|i| format!("<b class={i}>x ")).collect();
        let (limited, _) = limit_to(&page, 1000, 10);
        assert_eq!(limited.matches("<b ").count(), 10);
        assert_eq!(limited.matches('x').count(), 100);
    }

    #[test]
    fn unterminated_markup_ends_the_scan() {
        for page in ["<div", "<div class='x", "<!-- x", "<script>x", "</", "<"] {
            assert!(matches!(limit(page), Cow::Borrowed(_)), "{page}");
        }
    }
}
