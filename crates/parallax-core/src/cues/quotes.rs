//! Quotation marks: the stretches of text each paragraph puts between them, in any common quote style.
//!
//! Double quotes (straight, curly, low-9, guillemets) and single quotes (straight or curly) are
//! paired within one paragraph. A single quote only opens after a space or an opening bracket and
//! only closes before a non-letter, so apostrophes ("Russia's", "don't") are never taken for quotes.
//! An unclosed double quote runs to the end of its paragraph, the convention for quotations that
//! continue into the next paragraph; an unclosed single quote is dropped.

use crate::span::Span;
use crate::text::Structure;

/// One quotation: `outer` includes the marks, `inner` is the quoted words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quote {
    pub outer: Span,
    pub inner: Span,
}

fn opens_after(previous: Option<char>) -> bool {
    previous
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/' | ':'))
}

/// Every quotation in the text, in order of their opening marks.
pub(crate) fn find(text: &str, structure: &Structure) -> Vec<Quote> {
    let mut out = Vec::new();
    for paragraph in &structure.paragraphs {
        let body = paragraph.span.slice(text);
        let base = paragraph.span.start;
        let mut open_double: Option<usize> = None;
        let mut open_single: Option<usize> = None;
        let mut previous: Option<char> = None;
        let mut chars = body.char_indices().peekable();
        while let Some((idx, c)) = chars.next() {
            let next = chars.peek().map(|&(_, next)| next);
            let width = c.len_utf8();
            let close = |start: usize, out: &mut Vec<Quote>| {
                let open_width = body[start..].chars().next().map_or(1, char::len_utf8);
                out.push(Quote {
                    outer: Span::new(base + start, base + idx + width),
                    inner: Span::new(base + start + open_width, base + idx),
                });
            };
            match c {
                '“' | '„' | '«' if open_double.is_none() => open_double = Some(idx),
                '”' | '»' => {
                    if let Some(start) = open_double.take() {
                        close(start, &mut out);
                    }
                }
                '"' => match open_double {
                    Some(start) if !previous.is_some_and(char::is_whitespace) => {
                        open_double = None;
                        close(start, &mut out);
                    }
                    None if opens_after(previous) => open_double = Some(idx),
                    _ => {}
                },
                '‘' | '\'' | '’' => {
                    let letter_before = previous.is_some_and(char::is_alphanumeric);
                    let letter_after = next.is_some_and(char::is_alphanumeric);
                    match open_single {
                        Some(start)
                            if !letter_after && !previous.is_some_and(char::is_whitespace) =>
                        {
                            open_single = None;
                            close(start, &mut out);
                        }
                        None if c != '’'
                            && !letter_before
                            && opens_after(previous)
                            && next.is_some_and(|n| !n.is_whitespace()) =>
                        {
                            open_single = Some(idx)
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
            previous = Some(c);
        }
        if let Some(start) = open_double {
            let open_width = body[start..].chars().next().map_or(1, char::len_utf8);
            out.push(Quote {
                outer: Span::new(base + start, base + body.len()),
                inner: Span::new(base + start + open_width, base + body.len()),
            });
        }
    }
    out.sort_by_key(|quote| quote.outer.start);
    out
}
