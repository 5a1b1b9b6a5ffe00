//! Lesson Markdown turned into a small block tree the reader draws and the validator checks.
//!
//! Parsing happens once at load time with `pulldown-cmark`; the UI only walks [`Block`]s. Keeping our own
//! tree (rather than rendering events directly) lets the validator see headings and images with their
//! line numbers, and keeps the drawing code free of parser state.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    /// The address of a link. Links are shown, never opened: the app works offline and a learner must not
    /// be sent to a page that might be fake.
    pub link: Option<String>,
}

/// A line of styled text.
pub type Inline = Vec<Span>;

/// One block of a lesson.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        text: Inline,
    },
    Paragraph(Inline),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Quote(Vec<Block>),
    Table {
        header: Vec<Inline>,
        rows: Vec<Vec<Inline>>,
    },
    Image {
        src: String,
        alt: String,
    },
    Code(String),
    Rule,
}

/// A heading with its source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingRef {
    pub level: u8,
    pub text: String,
    pub line: usize,
}

/// An image reference with its source line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub src: String,
    pub line: usize,
}

/// The parsed lesson.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub blocks: Vec<Block>,
    pub headings: Vec<HeadingRef>,
    pub images: Vec<ImageRef>,
    pub words: usize,
}

/// Plain text of a line of spans.
#[must_use]
pub fn plain(inline: &[Span]) -> String {
    inline.iter().map(|s| s.text.as_str()).collect()
}

enum Frame {
    Blocks(Vec<Block>),
    Quote(Vec<Block>),
    Item(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Table {
        header: Vec<Inline>,
        rows: Vec<Vec<Inline>>,
        row: Vec<Inline>,
    },
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    inline: Inline,
    bold: u32,
    italic: u32,
    link: Option<String>,
    image: Option<(String, String)>,
    code_block: Option<String>,
    in_cell: bool,
    in_head: bool,
}

impl Builder {
    fn push_block(&mut self, block: Block) {
        match self.stack.last_mut() {
            Some(Frame::Blocks(b) | Frame::Quote(b) | Frame::Item(b)) => b.push(block),
            // Blocks never arrive directly in a list or table; keep them rather than lose text.
            _ => {
                if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(vec![block]);
                }
            }
        }
    }

    fn flush_inline(&mut self) {
        if self.in_cell {
            return;
        }
        let inline = std::mem::take(&mut self.inline);
        if inline.iter().any(|s| !s.text.trim().is_empty()) {
            self.push_block(Block::Paragraph(trim_inline(inline)));
        }
    }

    fn text(&mut self, text: &str, code: bool) {
        if let Some((_, alt)) = &mut self.image {
            alt.push_str(text);
            return;
        }
        if let Some(buf) = &mut self.code_block {
            buf.push_str(text);
            return;
        }
        let span = Span {
            text: text.to_owned(),
            bold: self.bold > 0,
            italic: self.italic > 0,
            code,
            link: self.link.clone(),
        };
        match self.inline.last_mut() {
            Some(last)
                if last.bold == span.bold
                    && last.italic == span.italic
                    && last.code == span.code
                    && last.link == span.link =>
            {
                last.text.push_str(text);
            }
            _ => self.inline.push(span),
        }
    }
}

fn trim_inline(mut inline: Inline) -> Inline {
    if let Some(first) = inline.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = inline.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    inline.retain(|s| !s.text.is_empty());
    inline
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Parses lesson Markdown (`CommonMark` with tables).
#[must_use]
pub fn parse(source: &str) -> Parsed {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| line_starts.partition_point(|&s| s <= offset).max(1);

    let mut b = Builder {
        stack: vec![Frame::Blocks(Vec::new())],
        ..Builder::default()
    };
    let mut parsed = Parsed::default();
    let mut heading: Option<(u8, usize)> = None;

    for (event, range) in Parser::new_ext(source, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => b.flush_inline(),
                Tag::Heading { level, .. } => {
                    b.flush_inline();
                    heading = Some((level_number(level), line_of(range.start)));
                }
                Tag::BlockQuote(_) => {
                    b.flush_inline();
                    b.stack.push(Frame::Quote(Vec::new()));
                }
                Tag::List(start) => {
                    b.flush_inline();
                    b.stack.push(Frame::List {
                        start,
                        items: Vec::new(),
                    });
                }
                Tag::Item => b.stack.push(Frame::Item(Vec::new())),
                Tag::Table(_) => {
                    b.flush_inline();
                    b.stack.push(Frame::Table {
                        header: Vec::new(),
                        rows: Vec::new(),
                        row: Vec::new(),
                    });
                }
                Tag::TableHead => b.in_head = true,
                Tag::TableCell => {
                    b.in_cell = true;
                    b.inline.clear();
                }
                Tag::Strong => b.bold += 1,
                Tag::Emphasis => b.italic += 1,
                Tag::Link { dest_url, .. } => b.link = Some(dest_url.into_string()),
                Tag::Image { dest_url, .. } => {
                    b.flush_inline();
                    parsed.images.push(ImageRef {
                        src: dest_url.to_string(),
                        line: line_of(range.start),
                    });
                    b.image = Some((dest_url.into_string(), String::new()));
                }
                Tag::CodeBlock(_) => {
                    b.flush_inline();
                    b.code_block = Some(String::new());
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => b.flush_inline(),
                TagEnd::Heading(_) => {
                    let text = trim_inline(std::mem::take(&mut b.inline));
                    if let Some((level, line)) = heading.take() {
                        parsed.headings.push(HeadingRef {
                            level,
                            text: plain(&text),
                            line,
                        });
                        b.push_block(Block::Heading { level, text });
                    }
                }
                TagEnd::BlockQuote(_) => {
                    b.flush_inline();
                    if let Some(Frame::Quote(blocks)) = b.stack.pop() {
                        b.push_block(Block::Quote(blocks));
                    }
                }
                TagEnd::List(_) => {
                    if let Some(Frame::List { start, items }) = b.stack.pop() {
                        b.push_block(Block::List { start, items });
                    }
                }
                TagEnd::Item => {
                    b.flush_inline();
                    if let Some(Frame::Item(blocks)) = b.stack.pop()
                        && let Some(Frame::List { items, .. }) = b.stack.last_mut()
                    {
                        items.push(blocks);
                    }
                }
                TagEnd::TableHead => b.in_head = false,
                TagEnd::TableCell => {
                    let cell = trim_inline(std::mem::take(&mut b.inline));
                    b.in_cell = false;
                    if let Some(Frame::Table { header, row, .. }) = b.stack.last_mut() {
                        if b.in_head {
                            header.push(cell);
                        } else {
                            row.push(cell);
                        }
                    }
                }
                TagEnd::TableRow => {
                    if let Some(Frame::Table { rows, row, .. }) = b.stack.last_mut() {
                        rows.push(std::mem::take(row));
                    }
                }
                TagEnd::Table => {
                    if let Some(Frame::Table { header, rows, .. }) = b.stack.pop() {
                        b.push_block(Block::Table { header, rows });
                    }
                }
                TagEnd::Strong => b.bold = b.bold.saturating_sub(1),
                TagEnd::Emphasis => b.italic = b.italic.saturating_sub(1),
                TagEnd::Link => b.link = None,
                TagEnd::Image => {
                    if let Some((src, alt)) = b.image.take() {
                        b.push_block(Block::Image { src, alt });
                    }
                }
                TagEnd::CodeBlock => {
                    if let Some(code) = b.code_block.take() {
                        b.push_block(Block::Code(code.trim_end().to_owned()));
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                parsed.words += t.split_whitespace().count();
                b.text(&t, false);
            }
            Event::Code(t) => {
                parsed.words += t.split_whitespace().count();
                b.text(&t, true);
            }
            Event::SoftBreak => b.text(" ", false),
            Event::HardBreak => b.text("\n", false),
            Event::Rule => {
                b.flush_inline();
                b.push_block(Block::Rule);
            }
            _ => {}
        }
    }
    b.flush_inline();
    if let Some(Frame::Blocks(blocks)) = b.stack.into_iter().next() {
        parsed.blocks = blocks;
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_tables_images_and_styles() {
        let md = "## Mở đầu\n\nChữ **đậm** và *nghiêng*.\n\n1. Một\n2. Hai\n   - con\n\n\
                  | A | B |\n|---|---|\n| 1 | 2 |\n\n![Sơ đồ](so-do.svg)\n\n> **Ghi nhớ:** điều này\n\n\
                  Xem <https://dichvucong.gov.vn>.\n";
        let p = parse(md);
        assert_eq!(
            p.headings,
            vec![HeadingRef {
                level: 2,
                text: "Mở đầu".into(),
                line: 1
            }]
        );
        assert_eq!(
            p.images,
            vec![ImageRef {
                src: "so-do.svg".into(),
                line: 13
            }]
        );
        let Block::Paragraph(para) = &p.blocks[1] else {
            panic!("{:?}", p.blocks[1])
        };
        assert!(para.iter().any(|s| s.bold && s.text == "đậm"));
        assert!(para.iter().any(|s| s.italic && s.text == "nghiêng"));
        let Block::List { start, items } = &p.blocks[2] else {
            panic!("{:?}", p.blocks[2])
        };
        assert_eq!(*start, Some(1));
        assert_eq!(items.len(), 2);
        assert!(matches!(items[1].last(), Some(Block::List { start: None, .. })));
        let Block::Table { header, rows } = &p.blocks[3] else {
            panic!("{:?}", p.blocks[3])
        };
        assert_eq!(plain(&header[1]), "B");
        assert_eq!(plain(&rows[0][0]), "1");
        assert_eq!(
            p.blocks[4],
            Block::Image {
                src: "so-do.svg".into(),
                alt: "Sơ đồ".into()
            }
        );
        assert!(matches!(&p.blocks[5], Block::Quote(q) if q.len() == 1));
        let Block::Paragraph(last) = &p.blocks[6] else {
            panic!("{:?}", p.blocks[6])
        };
        assert_eq!(last[1].link.as_deref(), Some("https://dichvucong.gov.vn"));
    }
}
