//! Quotation pairing: finds quoted stretches in one paragraph in every common quote style.

use crate::span::Span;
use crate::text::Token;

/// A quotation in a paragraph's token list.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or the number of tokens when the quotation runs on to the
    /// next paragraph (the convention of leaving a multi-paragraph quotation open).
    pub close: usize,
    /// The quoted text without marks and surrounding white space; none when empty.
    pub inner: Option<Span>,
}

/// Single quotes longer than this many tokens are taken for stray apostrophes, not quotations.
const MAX_SINGLE_QUOTE_TOKENS: usize = 120;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Double,
    Guillemet,
    Single,
}

/// Pairs the quotation marks of one paragraph. Nested quotes (single inside double) stay part of
/// the outer quotation. An unclosed double quote only counts when the next paragraph opens with a
/// quotation mark; otherwise it is a stray mark and ignored.
pub fn find_quotes(
    text: &str,
    tokens: &[Token],
    paragraph: Span,
    next_starts_with_quote: bool,
) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<(usize, Style)> = None;
    for (idx, token) in tokens.iter().enumerate() {
        let mark = token.span.slice(text);
        let mut chars = mark.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        let prev = text[..token.span.start].chars().next_back();
        let next = text[token.span.end..].chars().next();
        let prev_is_space = prev
            .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/'));
        let next_is_space = next.is_none_or(char::is_whitespace);
        let next_is_alnum = next.is_some_and(char::is_alphanumeric);
        match (c, open) {
            ('"', Some((start, Style::Double))) | ('”', Some((start, Style::Double))) => {
                quotes.push(make_quote(text, tokens, start, idx, paragraph));
                open = None;
            }
            ('"' | '“' | '„', None) | ('”', None)
                if !next_is_space && (c != '”' || prev_is_space) =>
            {
                open = Some((idx, Style::Double));
            }
            // A fresh opening curly quote while one is open: the earlier one was never closed.
            ('“' | '„', Some((_, Style::Double))) => open = Some((idx, Style::Double)),
            ('«', None) => open = Some((idx, Style::Guillemet)),
            ('»', Some((start, Style::Guillemet))) => {
                quotes.push(make_quote(text, tokens, start, idx, paragraph));
                open = None;
            }
            ('‘', None) => open = Some((idx, Style::Single)),
            ('\'', None) if prev_is_space && next_is_alnum => open = Some((idx, Style::Single)),
            ('’' | '\'', Some((start, Style::Single))) if !next_is_alnum && !prev_is_space => {
                if idx - start <= MAX_SINGLE_QUOTE_TOKENS {
                    quotes.push(make_quote(text, tokens, start, idx, paragraph));
                }
                open = None;
            }
            _ => {}
        }
    }
    if let Some((start, Style::Double | Style::Guillemet)) = open {
        if next_starts_with_quote {
            quotes.push(make_quote(text, tokens, start, tokens.len(), paragraph));
        }
    }
    quotes
}

fn make_quote(text: &str, tokens: &[Token], open: usize, close: usize, paragraph: Span) -> Quote {
    let start = tokens[open].span.end;
    let end = tokens.get(close).map_or(paragraph.end, |t| t.span.start);
    let raw = &text[start..end];
    let leading = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim().trim_end_matches(',').trim_end();
    let inner =
        (!trimmed.is_empty()).then(|| Span::new(start + leading, start + leading + trimmed.len()));
    Quote { open, close, inner }
}
