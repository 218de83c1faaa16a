//! Attributions (direct quotes and reported speech) and the voices they give a say.
//!
//! The rules work on the tokens of one paragraph at a time. Quotation marks are paired first (straight,
//! curly, single, guillemets), then each quotation looks for a speech verb and a speaker next to it
//! ("…," he warned / X said: "…"), then every remaining speech verb outside quotations is read as
//! reported speech ("X said that …", "according to X", "…, warns X"). Finally each speaker phrase is
//! resolved to a voice: a full name, a later surname, a role ("the NATO chief") or a pronoun points to
//! the nearest fitting named person; vague groups ("analysts", "critics") become anonymous voices.
//! Precision comes first: a speech verb whose speaker cannot be read is left alone.

mod quotes;
mod source;
mod speech_verbs;

use serde::{Deserialize, Serialize};

use crate::entities::gazetteer::lexicon;
use crate::span::Span;
use crate::text::{tokens, Structure, Token, TokenKind, WordList};

use quotes::{find_quotes, Quote};
use source::{np_backward, np_forward, skip_auxiliaries_backward, Np, NpKind};
use speech_verbs::{speech_verbs, CueMatch, VerbClass};

/// What kind of attribution this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// A full quotation: the source's own words, in quotation marks.
    Direct,
    /// Reported speech that quotes a few of the source's words ("… said that "the age … is over"").
    Partial,
    /// Reported speech in the writer's words ("X said that …", "according to X").
    Indirect,
}

/// How the source phrase was tied to a voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// The source phrase names the speaker ("Jens Stoltenberg", "the US State Department").
    Named,
    /// A surname alone, matched to a speaker named in full elsewhere ("Stoltenberg").
    Surname,
    /// A role ("the Russian president") matched to the nearest person who holds it.
    Role,
    /// A pronoun matched to the nearest fitting speaker before it.
    Pronoun,
    /// A quotation with no speech verb that continues the previous speaker's quotation.
    Continuation,
    /// A vague or anonymous source ("analysts", "officials", "it was reported").
    Anonymous,
    /// The source could not be tied to anyone.
    Unresolved,
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub kind: AttributionKind,
    /// The words that name the source ("Dr. Hans Kundberg", "he", "analysts"); none for continuations.
    pub source: Option<Span>,
    /// The speech verb ("warned", "pointed out", "according to").
    pub cue: Option<Span>,
    /// The verb's dictionary form ("warn", "point out", "according to").
    pub cue_lemma: Option<String>,
    /// What was said: the quotation's inner text, or the reported clause.
    pub content: Span,
    /// The quoted stretches (inner text, without marks) inside `content`.
    pub quotes: Vec<Span>,
    /// Index into `voices`.
    pub voice: Option<usize>,
    pub resolution: Resolution,
}

/// What kind of source a voice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoiceKind {
    Person,
    Organisation,
    /// Unnamed or vague: "analysts", "critics", "Russian officials", "it was reported".
    Anonymous,
}

/// A distinct source that the article gives a say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voice {
    pub name: String,
    pub kind: VoiceKind,
    /// Role or affiliation as the text gives it ("senior fellow at the Norwegian Defense University").
    pub role: Option<String>,
    /// Where the text refers to this voice: its source phrases and other mentions of its name.
    pub mentions: Vec<Span>,
    pub n_attributions: usize,
    /// Words inside quotation marks attributed to this voice.
    pub n_words_quoted: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Attributions {
    pub attributions: Vec<Attribution>,
    pub voices: Vec<Voice>,
    /// Quoted stretches (inner text) that no speaker is given for: titles, terms and scare quotes.
    pub unattributed_quotes: Vec<Span>,
}

/// An attribution before its source is resolved to a voice.
struct Draft {
    kind: AttributionKind,
    np: Option<Np>,
    cue: Option<Span>,
    cue_lemma: Option<String>,
    content: Span,
    quotes: Vec<Span>,
    continuation: bool,
}

/// Finds every attribution in the text and the voices behind them.
pub fn find(text: &str, structure: &Structure) -> Attributions {
    let mut drafts = Vec::new();
    let mut unattributed = Vec::new();
    let mut previous_paragraph_ended_with_direct = false;
    for (paragraph_idx, paragraph) in structure.paragraphs.iter().enumerate() {
        let next_starts_with_quote = structure
            .paragraphs
            .get(paragraph_idx + 1)
            .and_then(|next| next.span.slice(text).chars().next())
            .is_some_and(|c| matches!(c, '"' | '“' | '«' | '„'));
        let paragraph_tokens = tokens(text, paragraph.span);
        let context = Paragraph::new(text, paragraph_tokens, &paragraph.sentences);
        let quotes = find_quotes(
            text,
            &context.tokens,
            paragraph.span,
            next_starts_with_quote,
        );
        let first_draft = drafts.len();
        context.attribute(
            &quotes,
            previous_paragraph_ended_with_direct,
            &mut drafts,
            &mut unattributed,
        );
        previous_paragraph_ended_with_direct = drafts[first_draft..]
            .last()
            .is_some_and(|draft: &Draft| draft.kind == AttributionKind::Direct);
    }
    drafts.sort_by_key(|draft| {
        (
            draft
                .content
                .start
                .min(draft.np.as_ref().map_or(usize::MAX, |np| np.span.start)),
            draft.content.end,
        )
    });
    resolve(text, drafts, unattributed)
}

/// One paragraph's tokens and where its sentences start and end, in token indices.
struct Paragraph<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    /// For each token, the index of its sentence.
    sentence_of: Vec<usize>,
    /// For each sentence, its token range.
    sentence_tokens: Vec<(usize, usize)>,
}

impl<'t> Paragraph<'t> {
    fn new(text: &'t str, tokens: Vec<Token>, sentences: &[Span]) -> Paragraph<'t> {
        let mut sentence_of = Vec::with_capacity(tokens.len());
        let mut sentence_tokens = vec![(0, 0); sentences.len().max(1)];
        let mut sentence = 0;
        for (idx, token) in tokens.iter().enumerate() {
            while sentence + 1 < sentences.len() && token.span.start >= sentences[sentence].end {
                sentence += 1;
            }
            if sentence_of.last() != Some(&sentence) {
                sentence_tokens[sentence].0 = idx;
            }
            sentence_tokens[sentence].1 = idx + 1;
            sentence_of.push(sentence);
        }
        Paragraph {
            text,
            tokens,
            sentence_of,
            sentence_tokens,
        }
    }

    fn is(&self, idx: usize, lower: &str) -> bool {
        self.tokens
            .get(idx)
            .is_some_and(|token| token.lower == lower)
    }

    fn sentence_range(&self, idx: usize) -> (usize, usize) {
        self.sentence_of
            .get(idx)
            .map_or((0, 0), |s| self.sentence_tokens[*s])
    }

    /// The speech verb at `idx`. A capitalised form is a name or a heading ("the United States"), not a verb.
    fn cue_at(&self, idx: usize) -> Option<CueMatch<'static>> {
        let token = self.tokens.get(idx)?;
        if token.is_capitalised(self.text) {
            return None;
        }
        speech_verbs().at(&self.tokens, idx)
    }

    fn span_of(&self, from: usize, to: usize) -> Span {
        Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end)
    }

    /// The span of tokens `from..to` without trailing commas, colons and dashes; none when no word is left.
    fn content_span(&self, from: usize, mut to: usize) -> Option<Span> {
        while to > from
            && matches!(
                self.tokens[to - 1].lower.as_str(),
                "," | ":" | ";" | "—" | "–" | "-" | "." | "!" | "?"
            )
        {
            to -= 1;
        }
        let n_words = self.tokens[from..to]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .count();
        (n_words > 0).then(|| self.span_of(from, to))
    }

    fn attribute(
        &self,
        quotes: &[Quote],
        continues_previous: bool,
        drafts: &mut Vec<Draft>,
        unattributed: &mut Vec<Span>,
    ) {
        let first_draft = drafts.len();
        let mut used_cues = vec![false; self.tokens.len()];
        let mut quote_used = vec![false; quotes.len()];
        let mut in_quote = vec![false; self.tokens.len()];
        for quote in quotes {
            in_quote[quote.open..quote.close.min(self.tokens.len())].fill(true);
            if quote.close < self.tokens.len() {
                in_quote[quote.close] = true;
            }
        }
        // Speaker labels of interview transcripts ("Q:", "SMITH:").
        // (Handled per paragraph by `transcript_label`.)
        if let Some(draft) = self.transcript_label() {
            drafts.push(draft);
        }
        // 1. Quotations with a speech verb and speaker next to them.
        let mut last_direct: Option<(usize, usize)> = None; // (draft index, last token of its attribution)
        for (quote_idx, quote) in quotes.iter().enumerate() {
            let Some(inner) = quote.inner else { continue };
            if let Some((draft, end)) = self.direct_quote(quote, inner, &mut used_cues) {
                // The rest of the sentence that holds the speech verb still belongs to this attribution.
                let end = self.sentence_range(end).1.saturating_sub(1).max(end);
                last_direct = Some((drafts.len(), end));
                drafts.push(draft);
                quote_used[quote_idx] = true;
                continue;
            }
            // A quotation right after an attributed one, with nothing but the end of a sentence
            // between them, continues the same speaker ("…," he warned. "And …").
            let after_previous = last_direct.and_then(|(draft_idx, end)| {
                let between = &self.tokens[end + 1..quote.open.max(end + 1)];
                between
                    .iter()
                    .all(|t| matches!(t.lower.as_str(), "." | "!" | "?" | ":"))
                    .then_some(draft_idx)
            });
            let whole_paragraph = quote.open == 0 && quote.close + 2 >= self.tokens.len();
            if after_previous.is_some() || (continues_previous && whole_paragraph) {
                drafts.push(Draft {
                    kind: AttributionKind::Direct,
                    np: None,
                    cue: None,
                    cue_lemma: None,
                    content: inner,
                    quotes: vec![inner],
                    continuation: true,
                });
                last_direct = Some((drafts.len() - 1, quote.close));
                quote_used[quote_idx] = true;
            }
        }
        // 2. Reported speech.
        let mut last_subject: Option<(usize, Np)> = None;
        for idx in 0..self.tokens.len() {
            if in_quote[idx] || used_cues[idx] {
                continue;
            }
            let draft = if self.is(idx, "according") && self.is(idx + 1, "to") {
                self.according_to(idx)
            } else {
                self.reported(idx, &in_quote, last_subject.as_ref())
            };
            let Some(mut draft) = draft else { continue };
            last_subject = draft.np.clone().map(|np| (self.sentence_of[idx], np));
            for (quote_idx, quote) in quotes.iter().enumerate() {
                let Some(inner) = quote.inner else { continue };
                if draft.content.contains(inner) && !quote_used[quote_idx] {
                    draft.quotes.push(inner);
                    quote_used[quote_idx] = true;
                }
            }
            if !draft.quotes.is_empty() {
                draft.kind = AttributionKind::Partial;
            }
            drafts.push(draft);
        }
        truncate_at_other_sources(self.text, &mut drafts[first_draft..], unattributed);
        for (quote_idx, quote) in quotes.iter().enumerate() {
            if let (false, Some(inner)) = (quote_used[quote_idx], quote.inner) {
                unattributed.push(inner);
            }
        }
    }

    /// A quotation with its speaker: `"…," X said`, `"…," said X`, `X said: "…"`, `"…", according to X`.
    fn direct_quote(
        &self,
        quote: &Quote,
        inner: Span,
        used_cues: &mut [bool],
    ) -> Option<(Draft, usize)> {
        let kind = if self.text[inner.start..]
            .starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic())
            || quote.open == self.sentence_range(quote.open).0
        {
            AttributionKind::Direct
        } else {
            AttributionKind::Partial
        };
        let make = |np: Np, cue: Span, lemma: &str| Draft {
            kind,
            np: Some(np),
            cue: Some(cue),
            cue_lemma: Some(lemma.to_string()),
            content: inner,
            quotes: vec![inner],
            continuation: false,
        };
        // After the quotation. A period inside the marks ends the sentence: what follows is new.
        let last_inner = quote
            .close
            .checked_sub(1)
            .map(|i| self.tokens[i].lower.as_str());
        if quote.close < self.tokens.len()
            && last_inner != Some(".")
            && quote.close > quote.open + 1
        {
            let mut j = quote.close + 1;
            if self.is(j, ",") {
                j += 1;
            }
            let (_, sentence_end) = self.sentence_range(quote.close);
            let same_sentence = j < sentence_end;
            if same_sentence {
                if let Some(cue) = self.cue_at(j) {
                    if let Some(np) = np_forward(self, j + cue.n_tokens, sentence_end) {
                        let cue_span = self.span_of(j, j + cue.n_tokens);
                        used_cues[j] = true;
                        let end = np.last_token;
                        return Some((make(np, cue_span, &cue.verb.lemma), end));
                    }
                }
                if let Some(np) = np_forward(self, j, sentence_end) {
                    let k = source::skip_auxiliaries_forward(self, np.last_token + 1);
                    if let Some(cue) = self.cue_at(k) {
                        let cue_span = self.span_of(k, k + cue.n_tokens);
                        used_cues[k] = true;
                        return Some((make(np, cue_span, &cue.verb.lemma), k + cue.n_tokens - 1));
                    }
                }
                if self.is(j, "according") && self.is(j + 1, "to") {
                    if let Some(np) = np_forward(self, j + 2, sentence_end) {
                        used_cues[j] = true;
                        let end = np.last_token;
                        return Some((make(np, self.span_of(j, j + 2), "according to"), end));
                    }
                }
            }
        }
        // Before the quotation: `X said: "…"`, `X said, "…"`.
        let mut b = quote.open.checked_sub(1)?;
        if matches!(self.tokens[b].lower.as_str(), ":" | ",") {
            b = b.checked_sub(1)?;
        }
        let (cue_idx, cue) = self.cue_ending_at(b)?;
        let k = skip_auxiliaries_backward(self, cue_idx)?;
        let np = np_backward(self, k, self.sentence_range(k).0)?;
        used_cues[cue_idx] = true;
        let cue_span = self.span_of(cue_idx, cue_idx + cue.n_tokens);
        Some((make(np, cue_span, &cue.verb.lemma), quote.close))
    }

    /// The speech verb whose last token is `tokens[idx]`.
    fn cue_ending_at(&self, idx: usize) -> Option<(usize, CueMatch<'static>)> {
        if let Some(cue) = self.cue_at(idx).filter(|cue| cue.n_tokens == 1) {
            return Some((idx, cue));
        }
        let start = idx.checked_sub(1)?;
        self.cue_at(start)
            .filter(|cue| cue.n_tokens == 2)
            .map(|cue| (start, cue))
    }

    /// "…, according to X." / "According to X, …".
    fn according_to(&self, idx: usize) -> Option<Draft> {
        let (sentence_start, sentence_end) = self.sentence_range(idx);
        let initial = idx == sentence_start;
        let np = match np_forward(self, idx + 2, sentence_end) {
            // "According to the national chamber of commerce, …": a phrase the name reader cut
            // short of the comma is read whole.
            Some(np) if initial && !self.is(np.last_token + 1, ",") => self
                .according_to_source(idx + 2, initial, sentence_end)
                .unwrap_or(np),
            Some(np) => np,
            None => self.according_to_source(idx + 2, initial, sentence_end)?,
        };
        let content = if idx > sentence_start {
            self.content_span(sentence_start, idx)?
        } else {
            let after = np.last_token + 1;
            let after = if self.is(after, ",") {
                after + 1
            } else {
                after
            };
            self.content_span(after, sentence_end)?
        };
        Some(Draft {
            kind: AttributionKind::Indirect,
            np: Some(np),
            cue: Some(self.span_of(idx, idx + 2)),
            cue_lemma: Some("according to".to_string()),
            content,
            quotes: Vec::new(),
            continuation: false,
        })
    }

    /// The source of "according to" when it is not a name or role phrase the source reader knows:
    /// "according to market research firm ShelfScope", "according to the national chamber of
    /// commerce". The phrase runs to the comma (sentence-initial "According to X, …") or to the
    /// sentence end; a known name or group at its end is preferred, else the short phrase itself is
    /// the source — an organisation when it holds an organisation word, otherwise an unnamed group.
    fn according_to_source(&self, first: usize, initial: bool, sentence_end: usize) -> Option<Np> {
        let mut end = first;
        while end < sentence_end && self.tokens[end].kind == TokenKind::Word {
            end += 1;
        }
        let boundary_ok = match self.tokens.get(end) {
            _ if end == sentence_end => true,
            Some(token) => (initial && token.lower == ",") || token.lower == ".",
            None => true,
        };
        let words = end - first;
        if !boundary_ok || words == 0 || words > 8 {
            return None;
        }
        // "a document seen by the agency": past a preposition the phrase is no longer one name.
        let prepositions = [
            "by", "in", "from", "at", "with", "to", "on", "for", "about", "after",
        ];
        let clause_like =
            (first..end).any(|i| prepositions.contains(&self.tokens[i].lower.as_str()));
        // A name or role phrase that runs to the boundary: "firm ShelfScope" → ShelfScope.
        for start in (first + 1..end).filter(|_| !clause_like).take(4) {
            if let Some(np) = np_forward(self, start, end) {
                if np.last_token + 1 == end && np.kind != NpKind::Group {
                    return Some(np);
                }
            }
        }
        let lexicon = lexicon();
        let determiners = ["the", "a", "an", "one", "two", "three", "several", "some"];
        let body_start = if determiners.contains(&self.tokens[first].lower.as_str()) {
            first + 1
        } else {
            first
        };
        if body_start >= end {
            return None;
        }
        let organisation =
            !clause_like && (body_start..end).any(|i| lexicon.is_org_word(&self.tokens[i].lower));
        let span = self.span_of(first, end);
        Some(Np {
            span,
            kind: if organisation {
                NpKind::Organisation
            } else {
                NpKind::Group
            },
            name: Some(self.span_of(body_start, end).slice(self.text).to_string()),
            canonical: None,
            role: None,
            role_words: Vec::new(),
            first_token: first,
            last_token: end - 1,
        })
    }

    /// Reported speech around the speech verb at `idx`, if it is one and its speaker can be read.
    fn reported(
        &self,
        idx: usize,
        in_quote: &[bool],
        last_subject: Option<&(usize, Np)>,
    ) -> Option<Draft> {
        let cue = self.cue_at(idx)?;
        let (sentence_start, sentence_end) = self.sentence_range(idx);
        let cue_end = idx + cue.n_tokens;
        let cue_span = self.span_of(idx, cue_end);
        let lemma = Some(cue.verb.lemma.clone());
        let draft = |np: Np, content: Span| Draft {
            kind: AttributionKind::Indirect,
            np: Some(np),
            cue: Some(cue_span),
            cue_lemma: lemma.clone(),
            content,
            quotes: Vec::new(),
            continuation: false,
        };
        let complement = self.complement(cue, cue_end, sentence_end, in_quote);
        // "…, warns Jo Jakobsen, professor at …" — the content comes first, the speaker after the verb.
        if idx > sentence_start && self.is(idx - 1, ",") {
            if let Some(np) = np_forward(self, cue_end, sentence_end) {
                if np.last_token + 2 >= sentence_end {
                    let content = self.content_span(sentence_start, idx - 1)?;
                    return Some(draft(np, content));
                }
            }
        }
        // "It was reported that …": a source the sentence does not name.
        let before = skip_auxiliaries_backward(self, idx)?;
        if before >= sentence_start && self.is(before, "it") && before < idx - 1 {
            let passive = matches!(
                self.tokens[idx - 1].lower.as_str(),
                "is" | "was" | "been" | "be"
            );
            if passive && cue.verb.class != VerbClass::Object {
                let content = complement?;
                let np = Np {
                    span: self.span_of(before, idx),
                    kind: NpKind::Passive,
                    name: Some("unnamed source (passive voice)".to_string()),
                    canonical: None,
                    role: None,
                    role_words: Vec::new(),
                    first_token: before,
                    last_token: before,
                };
                return Some(draft(np, content));
            }
        }
        if before < sentence_start {
            return None;
        }
        let is_participle = self.tokens[idx].lower.ends_with("ing");
        // "the Baltic states, and …": a form that is also a plural noun needs its "that".
        if complement.is_none() && NOUN_HOMOGRAPHS.contains(&self.tokens[idx].lower) {
            return None;
        }
        // "… conceded that …, but insisted that …": the second verb shares the first one's speaker.
        if matches!(self.tokens[before].lower.as_str(), "but" | "and") {
            let (sentence, np) = last_subject?;
            if *sentence == self.sentence_of[idx] {
                return Some(draft(np.clone(), complement?));
            }
            return None;
        }
        let np = if self.is(before, "who") && before > sentence_start {
            // "analysts across the continent, who argue that …" / "Blinken who stated …"
            let last = if self.is(before - 1, ",") {
                before.checked_sub(2)?
            } else {
                before - 1
            };
            np_backward(self, last, sentence_start)?
        } else if self.is(before, ",") {
            self.subject_before_comma(before, sentence_start, sentence_end)?
        } else {
            // "… has left many questioning …": a participle straight after a phrase is not its verb.
            if is_participle && before + 1 == idx {
                return None;
            }
            np_backward(self, before, sentence_start)?
        };
        // "…, the academic says." — nothing follows the verb; what was said is before the speaker.
        // "…, he noted, because …" and "…, she told reporters, adding …": a parenthetical attribution.
        // Only a listener may sit between the verb and the comma ("told reporters", "told the BBC").
        let mut after_cue = cue_end;
        if matches!(cue.verb.lemma.as_str(), "tell" | "ask") {
            while after_cue < sentence_end
                && after_cue < cue_end + 3
                && self.tokens[after_cue].is_word()
            {
                after_cue += 1;
            }
        }
        let parenthetical = after_cue + 1 >= sentence_end || self.is(after_cue, ",");
        if complement.is_none()
            && parenthetical
            && np.span.start > self.tokens[sentence_start].span.start
        {
            let first = np.first_token;
            if first > sentence_start && self.is(first - 1, ",") {
                let content = self.content_span(sentence_start, first - 1)?;
                return Some(draft(np, content));
            }
            return None;
        }
        Some(draft(np, complement?))
    }

    /// The speaker of a verb that follows a comma: "Gabrielius Landsbergis, lamented" after a role,
    /// "Sergey Lavrov, Russia's foreign minister, has …", "Vladimir Putin, who …, has …", or the
    /// subject of a participle clause (", emphasizing that …").
    fn subject_before_comma(
        &self,
        comma: usize,
        sentence_start: usize,
        sentence_end: usize,
    ) -> Option<Np> {
        let role_phrase = |np: &Np| {
            matches!(np.kind, NpKind::RoleRef | NpKind::Group) && !np.role_words.is_empty()
        };
        if comma > sentence_start {
            if let Some(mut np) = np_backward(self, comma - 1, sentence_start) {
                let opens = np.first_token == sentence_start || self.is(np.first_token - 1, ",");
                if opens && matches!(np.kind, NpKind::Person | NpKind::Organisation) {
                    // A role in front: "Lithuania's foreign minister, Gabrielius Landsbergis, …".
                    if np.role.is_none() && np.first_token > sentence_start + 1 {
                        if let Some(role) = np_backward(self, np.first_token - 2, sentence_start)
                            .filter(role_phrase)
                        {
                            np.role = Some(role.span.slice(self.text).to_string());
                        }
                    }
                    return Some(np);
                }
                if opens
                    && role_phrase(&np)
                    && np.first_token > sentence_start + 1
                    && self.is(np.first_token - 1, ",")
                {
                    // "Sergey Lavrov, Russia's foreign minister, has …".
                    let role = np.span.slice(self.text).to_string();
                    let mut named = np_backward(self, np.first_token - 2, sentence_start)?;
                    if named.kind == NpKind::Person {
                        named.role.get_or_insert(role);
                        return Some(named);
                    }
                }
            }
        }
        // "a senior diplomat, who spoke on condition of anonymity, said …".
        let relative = (sentence_start + 2..comma)
            .rev()
            .find(|&i| self.is(i, "who") && self.is(i - 1, ","));
        if let Some(who) = relative {
            if let Some(np) = np_backward(self, who - 2, sentence_start) {
                return Some(np);
            }
        }
        let np = np_forward(self, sentence_start, sentence_end)?;
        let follows = self.is(np.last_token + 1, ",") || np.last_token + 1 == comma;
        follows.then_some(np)
    }

    /// What a speech verb reports: a "that" clause, a clause right after a strong verb, or an object.
    fn complement(
        &self,
        cue: CueMatch,
        cue_end: usize,
        sentence_end: usize,
        in_quote: &[bool],
    ) -> Option<Span> {
        // Look for "that" a few words on ("told reporters on Monday that …"), but not past another verb of speech.
        let mut that = None;
        for (j, token) in self
            .tokens
            .iter()
            .enumerate()
            .take((cue_end + 7).min(sentence_end))
            .skip(cue_end)
        {
            if token.lower == "that" {
                that = Some(j);
                break;
            }
            if (token.kind == TokenKind::Punct && !in_quote[j] && token.lower != ",")
                || self.cue_at(j).is_some()
            {
                break;
            }
        }
        if let Some(that) = that {
            // "that" right after the verb, or after an object and no comma in between.
            return self.content_span(that + 1, sentence_end);
        }
        let next = self.tokens.get(cue_end)?;
        if cue_end >= sentence_end {
            return None;
        }
        match cue.verb.class {
            VerbClass::Weak => (next.lower == ":")
                .then(|| self.content_span(cue_end + 1, sentence_end))
                .flatten(),
            VerbClass::Object => self
                .content_span(cue_end, sentence_end)
                .filter(|span| span.len() > 8),
            VerbClass::Strong => {
                // A clause without "that" ("said profits rose"): anything but a preposition or
                // adverb may open it. "Tell" and "ask" take a listener first, so they need "that".
                let form = self.tokens[cue_end - cue.n_tokens].lower.as_str();
                let opens_clause = next.kind != TokenKind::Punct
                    && !NOT_CLAUSE_STARTS.contains(next.lower.as_str())
                    && !NOUN_HOMOGRAPHS.contains(form)
                    && !matches!(cue.verb.lemma.as_str(), "tell" | "ask");
                let (from, ok) = if next.lower == ":" {
                    (cue_end + 1, true)
                } else {
                    (cue_end, opens_clause)
                };
                let content = self.content_span(from, sentence_end)?;
                let n_words = self.tokens[from..sentence_end]
                    .iter()
                    .filter(|t| t.is_word())
                    .count();
                (ok && n_words >= 3).then_some(content)
            }
        }
    }

    /// A transcript line "NAME: words" or "Q: words", counted only for clear speaker labels.
    fn transcript_label(&self) -> Option<Draft> {
        let colon = self.tokens.iter().take(5).position(|t| t.lower == ":")?;
        if colon == 0 || colon + 1 >= self.tokens.len() {
            return None;
        }
        let label = &self.tokens[..colon];
        let label_text = self.span_of(0, colon).slice(self.text);
        let is_interview_mark = matches!(label_text, "Q" | "A");
        let is_upper_name = label
            .iter()
            .all(|t| t.kind == TokenKind::Word || t.lower == ".")
            && label_text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && label_text.chars().all(|c| !c.is_lowercase());
        if !is_interview_mark && !is_upper_name {
            return None;
        }
        let content = self.content_span(colon + 1, self.tokens.len())?;
        let name = match label_text {
            "Q" => "interviewer (Q)".to_string(),
            "A" => "interviewee (A)".to_string(),
            name => name.to_string(),
        };
        let np = Np {
            span: self.span_of(0, colon),
            kind: if is_interview_mark {
                NpKind::TranscriptMark
            } else {
                NpKind::Person
            },
            name: Some(name),
            canonical: None,
            role: None,
            role_words: Vec::new(),
            first_token: 0,
            last_token: colon - 1,
        };
        Some(Draft {
            kind: AttributionKind::Direct,
            np: Some(np),
            cue: Some(self.tokens[colon].span),
            cue_lemma: Some("say".to_string()),
            content,
            quotes: vec![content],
            continuation: false,
        })
    }
}

/// Words after a speech verb that start an adjunct or object, not the reported clause.
static NOT_CLAUSE_STARTS: WordList = WordList::new(&[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "repeatedly",
    "also",
    "again",
    "publicly",
    "privately",
    "recently",
    "last",
    "to",
    "for",
    "with",
    "by",
    "of",
    "from",
    "about",
    "as",
    "so",
    "nothing",
    "something",
    "anything",
    "instead",
    "then",
    "too",
    "when",
    "while",
    "through",
    "via",
    "over",
    "under",
    "into",
    "hello",
    "goodbye",
    "yes",
    "no",
    "thanks",
    "sorry",
    "them",
    "him",
    "me",
    "us",
    "what",
    "which",
    "who",
    "where",
]);

/// Verb forms that are also plural nouns ("member states reaffirmed …"); without "that" they are read as nouns.
static NOUN_HOMOGRAPHS: WordList = WordList::new(&[
    "states",
    "claims",
    "reports",
    "notes",
    "comments",
    "remarks",
    "answers",
    "questions",
    "counters",
    "jokes",
    "promises",
    "estimates",
    "shows",
    "finds",
    "tweets",
    "points",
    "stresses",
    "shouts",
    "whispers",
    "boasts",
    "replies",
    "vows",
    "cautions",
    "urges",
    "puts",
    "reveals",
    "concerns",
    "states",
]);

/// How many earlier person mentions a role reference is compared with; keeps adversarial input linear.
const MAX_ROLE_CANDIDATES: usize = 50;

/// Ends a reported clause where another attribution's source begins ("Rutte said the decision was
/// unanimous, but a senior diplomat said …"), dropping the joining conjunction and punctuation.
fn truncate_at_other_sources(text: &str, drafts: &mut [Draft], unattributed: &mut Vec<Span>) {
    let sources: Vec<usize> = drafts
        .iter()
        .filter_map(|d| d.np.as_ref().map(|np| np.span.start))
        .collect();
    for draft in drafts
        .iter_mut()
        .filter(|d| d.kind != AttributionKind::Direct)
    {
        let Some(cut) = sources
            .iter()
            .copied()
            .filter(|&s| s > draft.content.start && s < draft.content.end)
            .min()
        else {
            continue;
        };
        let mut kept = text[draft.content.start..cut].trim_end();
        loop {
            let before = kept;
            kept = kept
                .trim_end_matches([',', ';', ':', '—', '–', '-'])
                .trim_end();
            for conjunction in [
                " but",
                " and",
                " while",
                " whereas",
                " although",
                " though",
                " as",
            ] {
                if let Some(stripped) = kept.strip_suffix(conjunction) {
                    kept = stripped.trim_end();
                }
            }
            if kept == before {
                break;
            }
        }
        if kept.is_empty() {
            continue;
        }
        draft.content = Span::new(draft.content.start, draft.content.start + kept.len());
        let content = draft.content;
        let (inside, outside): (Vec<Span>, Vec<Span>) =
            draft.quotes.iter().partition(|q| content.contains(**q));
        draft.quotes = inside;
        unattributed.extend(outside);
        if draft.quotes.is_empty() && draft.kind == AttributionKind::Partial {
            draft.kind = AttributionKind::Indirect;
        }
    }
}

/// A known person, for resolving surnames, roles and pronouns.
struct PersonMention {
    offset: usize,
    voice: usize,
}

/// Turns drafts into attributions and voices, resolving each source to a voice in text order.
fn resolve(text: &str, drafts: Vec<Draft>, unattributed_quotes: Vec<Span>) -> Attributions {
    let lexicon = lexicon();
    let mut voices: Vec<Voice> = Vec::new();
    let mut person_mentions: Vec<PersonMention> = Vec::new();
    let mut group_mentions: Vec<PersonMention> = Vec::new();
    let mut attributions = Vec::new();
    let mut last_voice: Option<(usize, Resolution)> = None;
    for draft in drafts {
        let mut resolution = Resolution::Unresolved;
        let mut voice = None;
        if draft.continuation {
            if let Some((previous, _)) = last_voice {
                voice = Some(previous);
            }
            resolution = Resolution::Continuation;
        } else if let Some(np) = &draft.np {
            let name = np.name.clone().unwrap_or_default();
            let (found, how) = match np.kind {
                NpKind::Person => {
                    let (idx, how) =
                        person_voice(&mut voices, &name, np.canonical.as_deref(), np.role.clone());
                    (Some(idx), how)
                }
                NpKind::Organisation => (
                    Some(voice_named(
                        &mut voices,
                        &name,
                        VoiceKind::Organisation,
                        np.role.clone(),
                    )),
                    Resolution::Named,
                ),
                NpKind::TranscriptMark => (
                    Some(voice_named(&mut voices, &name, VoiceKind::Anonymous, None)),
                    Resolution::Named,
                ),
                NpKind::Group | NpKind::Passive => {
                    let name = if name.is_empty() {
                        "unnamed source".to_string()
                    } else {
                        name
                    };
                    (
                        Some(voice_named(
                            &mut voices,
                            &name,
                            VoiceKind::Anonymous,
                            np.role.clone(),
                        )),
                        Resolution::Anonymous,
                    )
                }
                NpKind::Pronoun { plural } => {
                    let pool = if plural {
                        &group_mentions
                    } else {
                        &person_mentions
                    };
                    let found = pool
                        .iter()
                        .rev()
                        .find(|m| m.offset < np.span.start)
                        .map(|m| m.voice);
                    (
                        found,
                        if found.is_some() {
                            Resolution::Pronoun
                        } else {
                            Resolution::Unresolved
                        },
                    )
                }
                NpKind::RoleRef => {
                    let found = person_mentions
                        .iter()
                        .rev()
                        .filter(|m| m.offset < np.span.start)
                        .take(MAX_ROLE_CANDIDATES)
                        .find(|m| source::role_fits(text, np, &voices[m.voice], lexicon))
                        .map(|m| m.voice);
                    match found {
                        Some(idx) => (Some(idx), Resolution::Role),
                        None => (
                            Some(voice_named(&mut voices, &name, VoiceKind::Anonymous, None)),
                            Resolution::Unresolved,
                        ),
                    }
                }
            };
            voice = found;
            resolution = how;
            if let Some(idx) = voice {
                voices[idx].mentions.push(np.span);
                let pool = match voices[idx].kind {
                    VoiceKind::Person => &mut person_mentions,
                    _ => &mut group_mentions,
                };
                pool.push(PersonMention {
                    offset: np.span.start,
                    voice: idx,
                });
            }
        }
        if let Some(idx) = voice {
            let voice = &mut voices[idx];
            voice.n_attributions += 1;
            voice.n_words_quoted += draft
                .quotes
                .iter()
                .map(|q| count_words(q.slice(text)))
                .sum::<usize>();
            last_voice = Some((idx, resolution));
        }
        attributions.push(Attribution {
            kind: draft.kind,
            source: draft.np.as_ref().map(|np| np.span),
            cue: draft.cue,
            cue_lemma: draft.cue_lemma,
            content: draft.content,
            quotes: draft.quotes,
            voice,
            resolution,
        });
    }
    add_name_mentions(text, &mut voices);
    Attributions {
        attributions,
        voices,
        unattributed_quotes,
    }
}

fn count_words(s: &str) -> usize {
    tokens(s, Span::new(0, s.len()))
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count()
}

fn voice_named(
    voices: &mut Vec<Voice>,
    name: &str,
    kind: VoiceKind,
    role: Option<String>,
) -> usize {
    if let Some(idx) = voices
        .iter()
        .position(|v| v.kind == kind && v.name.eq_ignore_ascii_case(name))
    {
        if voices[idx].role.is_none() {
            voices[idx].role = role;
        }
        return idx;
    }
    voices.push(Voice {
        name: name.to_string(),
        kind,
        role,
        mentions: Vec::new(),
        n_attributions: 0,
        n_words_quoted: 0,
    });
    voices.len() - 1
}

/// The voice of a named person: an earlier voice with the same name or surname, or a new one.
fn person_voice(
    voices: &mut Vec<Voice>,
    name: &str,
    canonical: Option<&str>,
    role: Option<String>,
) -> (usize, Resolution) {
    let wanted = canonical.unwrap_or(name);
    let surname = |full: &str| full.rsplit(' ').next().unwrap_or(full).to_lowercase();
    let single_word = !name.contains(' ');
    let existing = voices
        .iter()
        .position(|v| v.kind == VoiceKind::Person && v.name == wanted)
        .or_else(|| {
            voices.iter().position(|v| {
                v.kind == VoiceKind::Person
                    && ((single_word && surname(&v.name) == name.to_lowercase())
                        || (!v.name.contains(' ') && surname(wanted) == v.name.to_lowercase()))
            })
        });
    match existing {
        Some(idx) => {
            // A later full name replaces an earlier surname-only voice name.
            if wanted.contains(' ') && !voices[idx].name.contains(' ') {
                voices[idx].name = wanted.to_string();
            }
            if voices[idx].role.is_none() {
                voices[idx].role = role;
            }
            let how = if single_word && voices[idx].name.contains(' ') {
                Resolution::Surname
            } else {
                Resolution::Named
            };
            (idx, how)
        }
        None => {
            voices.push(Voice {
                name: wanted.to_string(),
                kind: VoiceKind::Person,
                role,
                mentions: Vec::new(),
                n_attributions: 0,
                n_words_quoted: 0,
            });
            (voices.len() - 1, Resolution::Named)
        }
    }
}

/// Adds every other occurrence of a person's or organisation's name (and a person's surname) to its mentions.
fn add_name_mentions(text: &str, voices: &mut [Voice]) {
    for voice in voices.iter_mut().filter(|v| v.kind != VoiceKind::Anonymous) {
        let mut needles = vec![voice.name.clone()];
        if voice.kind == VoiceKind::Person {
            if let Some((_, surname)) = voice.name.rsplit_once(' ') {
                needles.push(surname.to_string());
            }
        }
        for needle in needles.iter().filter(|n| n.len() >= 3) {
            for (start, _) in text.match_indices(needle.as_str()) {
                let end = start + needle.len();
                let before_ok = text[..start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
                let after_ok = text[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric());
                let span = Span::new(start, end);
                if before_ok
                    && after_ok
                    && !voice
                        .mentions
                        .iter()
                        .any(|m| m.contains(span) || span.contains(*m))
                {
                    voice.mentions.push(span);
                }
            }
        }
        voice.mentions.sort();
    }
}

#[cfg(test)]
mod tests;
