//! Short excerpts for article lists: the first sentence of an article's text, kept to a readable length.

use parallax_core::pack::PackArticle;

/// Longest excerpt shown, in characters; longer first sentences are cut at a word and get an ellipsis.
const MAX_CHARS: usize = 220;

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "prof", "st", "gen", "col", "lt", "sen", "rep", "gov", "jr", "sr",
    "vs", "etc", "no", "inc",
];

/// The first sentence of `text`: up to the first `.`, `?` or `!` (with any closing quotes) that is
/// followed by a space and a capital letter or an opening quote, skipping "Dr.", "U.S." and initials.
pub fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they end.
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if matches!(next, '"' | '\'' | '”' | '’' | ')' | '»') {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = &text[end..];
        let Some(after_space) = rest.strip_prefix(' ') else {
            continue;
        };
        let starts_sentence = after_space
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“' | '‘' | '«' | '\''));
        if !starts_sentence {
            continue;
        }
        if c == '.' {
            let word = text[..i]
                .rsplit(|w: char| w.is_whitespace() || w == '(')
                .next()
                .unwrap_or("");
            let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let is_dotted = word.contains('.');
            if is_initial || is_dotted || ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
                continue;
            }
        }
        return &text[..end];
    }
    text
}

/// Cuts `sentence` to at most [`MAX_CHARS`] characters at a word boundary, adding an ellipsis when it cuts.
pub fn shorten(sentence: &str) -> String {
    if sentence.chars().count() <= MAX_CHARS {
        return sentence.to_owned();
    }
    let cut = sentence
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// The excerpt shown under an article's title: its first sentence that is not the title itself.
pub fn article_excerpt(article: &PackArticle) -> String {
    let analysis = &article.analysis;
    let paragraphs = analysis
        .structure
        .paragraphs
        .iter()
        .map(|paragraph| paragraph.span.slice(&analysis.text));
    let body = paragraphs
        .map(str::trim)
        .find(|paragraph| !paragraph.is_empty() && *paragraph != article.title.trim());
    shorten(first_sentence(body.unwrap_or("")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &str) {
        assert_eq!(first_sentence(text), expected);
    }

    #[test]
    fn ends_at_the_first_full_stop_before_a_capital() {
        check(
            "NATO met in Madrid. It agreed on little.",
            "NATO met in Madrid.",
        );
        check("Is this the end? Nobody knows.", "Is this the end?");
        check("One sentence only", "One sentence only");
        check("  Padded.  ", "Padded.");
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_it() {
        check(
            "Dr. Smith met the U.S. envoy in St. Louis. Then he left.",
            "Dr. Smith met the U.S. envoy in St. Louis.",
        );
        check(
            "John F. Kennedy spoke. Then Jens Stoltenberg.",
            "John F. Kennedy spoke.",
        );
        check(
            "Spending rose to 2.5 percent. Analysts agreed.",
            "Spending rose to 2.5 percent.",
        );
        check(
            "It ended at 5 p.m. yesterday. More later.",
            "It ended at 5 p.m. yesterday.",
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        check(
            "He said \"it is over.\" Nobody agreed.",
            "He said \"it is over.\"",
        );
        check(
            "She warned: “we are divided.” “Nonsense,” he said.",
            "She warned: “we are divided.”",
        );
    }

    #[test]
    fn long_sentences_are_cut_at_a_word() {
        let long = "word ".repeat(100);
        let short = shorten(long.trim());
        assert!(short.ends_with("word…"), "{short}");
        assert!(short.chars().count() <= MAX_CHARS + 1);
        assert_eq!(shorten("Short."), "Short.");
    }

    #[test]
    fn the_seed_articles_each_have_an_excerpt() {
        let pack: parallax_core::pack::Pack = serde_json::from_str(crate::SEED_PACK_JSON).unwrap();
        for article in &pack.articles {
            let excerpt = article_excerpt(article);
            assert!(!excerpt.is_empty(), "{}", article.slug);
            assert_ne!(excerpt, article.title, "{}", article.slug);
        }
    }
}
