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

#[test]
fn tokens_fold_case_and_apostrophes_of_words_only() {
    // Curly apostrophes and Unicode hyphens inside a word are made plain; on their own they are
    // punctuation and stay as written. Non-ASCII letters are lower-cased like ASCII ones.
    check_tokens(
        "ÉTAT Zürich’s naïve İstanbul ΑΘΗΝΑ well‐known ‘quoted’ states’ rights 'tis rock- n’ roll",
        expect!["w:état w:zürich's w:naïve w:i̇stanbul w:αθηνα w:well-known p:‘ w:quoted p:’ w:states p:’ w:rights p:' w:tis w:rock p:- w:n p:’ w:roll"],
    );
}

#[test]
fn tokens_of_numbers_joiners_and_odd_characters() {
    check_tokens(
        "In 2022. 1,000,000, 3.5.1 v2.0 10km 2014–2022 -5 ½ ٣٤ a\u{a0}b\u{b}c\u{2009}d 🙂 x--y 'a'b'",
        expect!["w:in n:2022 p:. n:1,000,000 p:, n:3.5.1 w:v2 p:. n:0 n:10 w:km n:2014 p:– n:2022 p:- n:5 n:½ n:٣٤ w:a w:b w:c w:d p:🙂 w:x p:- p:- w:y p:' w:a'b p:'"],
    );
}

#[test]
fn token_spans_are_byte_spans_of_the_text_and_clamped() {
    fn spans(text: &str, within: Span) -> String {
        tokens(text, within)
            .iter()
            .map(|token| {
                format!(
                    "{}..{}={}",
                    token.span.start,
                    token.span.end,
                    token.span.slice(text)
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
    let text = "Zürich’s «Ära» 12.";
    expect!["0..11=Zürich’s 12..14=« 14..18=Ära 18..20=» 21..23=12 23..24=."]
        .assert_eq(&spans(text, Span::new(0, text.len())));
    // Ends inside a character ("ü", "’") or past the end of the text are moved back onto character
    // boundaries.
    expect!["1..7=ürich"].assert_eq(&spans(text, Span::new(2, 9)));
    expect!["7..10=’ 10..11=s 12..14=« 14..18=Ära 18..20=» 21..23=12 23..24=."]
        .assert_eq(&spans(text, Span::new(9, 100)));
    expect![[""]].assert_eq(&spans(text, Span::new(100, 200)));
}
