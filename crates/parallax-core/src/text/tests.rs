use expect_test::{expect, Expect};

use super::{structure, tokens, TokenKind};
use crate::span::Span;

/// Renders paragraphs and sentences one per line: "¶" starts a paragraph, "|" a sentence.
fn check_sentences(input: &str, expect: Expect) {
    let structure = structure(input);
    let mut out = String::new();
    for paragraph in &structure.paragraphs {
        out.push_str("¶\n");
        for sentence in &paragraph.sentences {
            assert!(paragraph.span.contains(*sentence));
            out.push_str(&format!("| {}\n", sentence.slice(input)));
        }
    }
    expect.assert_eq(&out);
}

fn check_tokens(input: &str, expect: Expect) {
    let out: Vec<String> = tokens(input, Span::new(0, input.len()))
        .iter()
        .map(|token| {
            let mark = match token.kind {
                TokenKind::Word => "w",
                TokenKind::Number => "n",
                TokenKind::Punct => "p",
            };
            format!("{mark}:{}", token.lower)
        })
        .collect();
    expect.assert_eq(&out.join(" "));
}

#[test]
fn sentences_survive_titles_initials_and_decimals() {
    check_sentences(
        "Dr. Jane Roe met Mr. J. R. Smith in St. Louis on Jan. 5. Prices rose 3.5% to $1,200.50 in the U.S. The rise was small.",
        expect![[r#"
            ¶
            | Dr. Jane Roe met Mr. J. R. Smith in St. Louis on Jan. 5.
            | Prices rose 3.5% to $1,200.50 in the U.S.
            | The rise was small.
        "#]],
    );
}

#[test]
fn sentences_keep_acronyms_and_examples_together() {
    check_sentences(
        "U.S. President Joe Biden and U.K. officials, e.g. the foreign secretary, met Gen. Ray Odierno. They talked.",
        expect![[r#"
            ¶
            | U.S. President Joe Biden and U.K. officials, e.g. the foreign secretary, met Gen. Ray Odierno.
            | They talked.
        "#]],
    );
}

#[test]
fn sentences_end_inside_closing_quotes() {
    check_sentences(
        "\u{201c}We are ready.\u{201d} The minister left. \"Why now?\" he asked. \"It is late!\" She agreed.",
        expect![[r#"
            ¶
            | “We are ready.”
            | The minister left.
            | "Why now?" he asked.
            | "It is late!"
            | She agreed.
        "#]],
    );
}

#[test]
fn sentences_handle_ellipses_and_lowercase_continuations() {
    check_sentences(
        "He paused... and then went on. It was over… Nobody moved. Approx. five people stayed.",
        expect![[r#"
            ¶
            | He paused... and then went on.
            | It was over…
            | Nobody moved.
            | Approx. five people stayed.
        "#]],
    );
}

#[test]
fn paragraphs_and_lines() {
    check_sentences(
        "Title line\n\nFirst paragraph. Second sentence.\nA list item\n\n\n  Last one  ",
        expect![[r#"
            ¶
            | Title line
            ¶
            | First paragraph.
            | Second sentence.
            | A list item
            ¶
            | Last one
        "#]],
    );
}

#[test]
fn sentences_of_odd_input() {
    check_sentences("", expect![[""]]);
    check_sentences(
        "no punctuation at all just words\n\n. . .\n\n\"unbalanced quote. Here",
        expect![[r#"
            ¶
            | no punctuation at all just words
            ¶
            | . . .
            ¶
            | "unbalanced quote.
            | Here
        "#]],
    );
}

#[test]
fn tokens_split_words_numbers_and_punctuation() {
    check_tokens(
        "Russia’s so-called \"red line\": 74% of 1,000 (3.5) don't G7.",
        expect![[
            r#"w:russia's w:so-called p:" w:red w:line p:" p:: n:74 p:% w:of n:1,000 p:( n:3.5 p:) w:don't w:g7 p:."#
        ]],
    );
}

#[test]
fn structure_lookups() {
    let text = "One. Two.\n\nThree.";
    let structure = structure(text);
    assert_eq!(structure.sentences().count(), 3);
    assert_eq!(structure.paragraph_index_at(11), Some(1));
    assert_eq!(structure.paragraph_index_at(9), None);
    assert_eq!(
        structure.sentence_at(6).map(|span| span.slice(text)),
        Some("Two.")
    );
    assert_eq!(structure.sentence_at(4), None);
    assert_eq!(structure.sentence_at(100), None);
}
