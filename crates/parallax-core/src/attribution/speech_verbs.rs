//! The speech-verb lexicon: which word forms report speech, their lemma and how they take content.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::{Token, WordHash};

const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.txt");

/// How a speech verb takes what was said; see `data/speech_verbs.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    Strong,
    Weak,
    Object,
}

#[derive(Debug, Clone)]
pub struct SpeechVerb {
    pub lemma: String,
    pub class: VerbClass,
    /// The second word of a two-word verb ("out" in "point out").
    pub particle: Option<String>,
}

/// A speech verb found in a token stream.
#[derive(Debug, Clone, Copy)]
pub struct CueMatch<'l> {
    pub verb: &'l SpeechVerb,
    /// How many tokens the cue covers (2 for "pointed out").
    pub n_tokens: usize,
}

pub struct SpeechVerbs {
    by_form: HashMap<String, usize, WordHash>,
    verbs: Vec<SpeechVerb>,
}

impl SpeechVerbs {
    /// The speech verb starting at `tokens[idx]`, if that token is one.
    pub fn at<'l>(&'l self, tokens: &[Token], idx: usize) -> Option<CueMatch<'l>> {
        let token = tokens.get(idx)?;
        let verb = &self.verbs[*self.by_form.get(&token.lower)?];
        let n_tokens = match &verb.particle {
            Some(particle) => {
                if tokens.get(idx + 1)?.lower != *particle {
                    return None;
                }
                2
            }
            None => 1,
        };
        Some(CueMatch { verb, n_tokens })
    }
}

pub fn speech_verbs() -> &'static SpeechVerbs {
    static VERBS: OnceLock<SpeechVerbs> = OnceLock::new();
    VERBS.get_or_init(|| parse(SPEECH_VERBS))
}

fn parse(data: &str) -> SpeechVerbs {
    let mut by_form = HashMap::default();
    let mut verbs = Vec::new();
    for line in data
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let mut fields = line.split('|').map(str::trim);
        let (Some(lemma), Some(class), Some(forms)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let class = match class {
            "strong" => VerbClass::Strong,
            "weak" => VerbClass::Weak,
            "object" => VerbClass::Object,
            _ => continue,
        };
        let particle = lemma
            .split_once(' ')
            .map(|(_, particle)| particle.to_string());
        let idx = verbs.len();
        verbs.push(SpeechVerb {
            lemma: lemma.to_string(),
            class,
            particle,
        });
        for form in forms.split_whitespace() {
            by_form.entry(form.to_string()).or_insert(idx);
        }
    }
    SpeechVerbs { by_form, verbs }
}
