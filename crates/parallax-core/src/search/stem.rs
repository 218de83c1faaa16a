//! An English stemmer: a compact implementation of the Snowball "English" (Porter2) algorithm.
//!
//! It works on words already lower-cased and folded to ASCII by the search normaliser. Words with
//! anything but ASCII letters and apostrophes (numbers, other scripts) come back unchanged, because
//! English suffix rules would only damage them.

/// The stem of one normalised word, e.g. "spheres" → "sphere", "influence" → "influenc".
pub fn stem(word: &str) -> String {
    if word.len() <= 2
        || !word
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte == b'\'')
    {
        return word.to_owned();
    }
    if let Some(special) = exceptional_word(word) {
        return special.to_owned();
    }
    let mut word = Word::new(word);
    if word.chars.len() <= 2 {
        return word.finish();
    }
    word.step_0();
    word.step_1a();
    if is_invariant_after_step_1a(&word.chars) {
        return word.finish();
    }
    word.step_1b();
    word.step_1c();
    word.step_2();
    word.step_3();
    word.step_4();
    word.step_5();
    word.finish()
}

/// Words whose stems the suffix rules get wrong, straight from the Snowball exception list.
fn exceptional_word(word: &str) -> Option<&'static str> {
    Some(match word {
        "skis" => "ski",
        "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" => "sky",
        "news" => "news",
        "howe" => "howe",
        "atlas" => "atlas",
        "cosmos" => "cosmos",
        "bias" => "bias",
        "andes" => "andes",
        _ => return None,
    })
}

fn is_invariant_after_step_1a(chars: &[u8]) -> bool {
    matches!(
        chars,
        b"inning"
            | b"outing"
            | b"canning"
            | b"herring"
            | b"earring"
            | b"proceed"
            | b"exceed"
            | b"succeed"
    )
}

/// The word being stemmed. A `Y` (upper case) marks a "y" that acts as a consonant.
struct Word {
    chars: Vec<u8>,
    /// Start of region R1: after the first non-vowel that follows a vowel.
    r1: usize,
    /// Start of region R2: R1 applied again inside R1.
    r2: usize,
}

fn is_vowel(byte: u8) -> bool {
    matches!(byte, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn is_double(pair: &[u8]) -> bool {
    pair.len() == 2
        && pair[0] == pair[1]
        && matches!(
            pair[0],
            b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
        )
}

fn is_valid_li_ending(byte: u8) -> bool {
    matches!(
        byte,
        b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'
    )
}

/// Where the region after the first non-vowel following a vowel starts, looking from `from`.
fn region_after(chars: &[u8], from: usize) -> usize {
    let mut idx = from;
    while idx + 1 < chars.len() {
        if is_vowel(chars[idx]) && !is_vowel(chars[idx + 1]) {
            return idx + 2;
        }
        idx += 1;
    }
    chars.len()
}

impl Word {
    fn new(word: &str) -> Word {
        let mut chars: Vec<u8> = word.bytes().collect();
        if chars.first() == Some(&b'\'') {
            chars.remove(0);
        }
        for idx in 0..chars.len() {
            if chars[idx] == b'y' && (idx == 0 || is_vowel(chars[idx - 1])) {
                chars[idx] = b'Y';
            }
        }
        let r1 = if chars.starts_with(b"gener") || chars.starts_with(b"arsen") {
            5
        } else if chars.starts_with(b"commun") {
            6
        } else {
            region_after(&chars, 0)
        };
        let r1 = r1.min(chars.len());
        let r2 = region_after(&chars, r1).max(r1).min(chars.len());
        Word { chars, r1, r2 }
    }

    fn finish(self) -> String {
        self.chars
            .iter()
            .map(|&byte| if byte == b'Y' { 'y' } else { byte as char })
            .collect()
    }

    fn ends_with(&self, suffix: &[u8]) -> bool {
        self.chars.ends_with(suffix)
    }

    fn suffix_start(&self, suffix: &[u8]) -> usize {
        self.chars.len() - suffix.len()
    }

    fn in_r1(&self, suffix: &[u8]) -> bool {
        self.suffix_start(suffix) >= self.r1
    }

    fn in_r2(&self, suffix: &[u8]) -> bool {
        self.suffix_start(suffix) >= self.r2
    }

    fn replace_suffix(&mut self, suffix: &[u8], replacement: &[u8]) {
        let start = self.suffix_start(suffix);
        self.chars.truncate(start);
        self.chars.extend_from_slice(replacement);
    }

    fn has_vowel_before(&self, end: usize) -> bool {
        self.chars[..end].iter().any(|&byte| is_vowel(byte))
    }

    /// True when `chars[..end]` ends in a short syllable: non-vowel, vowel, non-vowel (not w, x
    /// or Y), or a vowel then a non-vowel at the very start of the word.
    fn ends_in_short_syllable(&self, end: usize) -> bool {
        let chars = &self.chars[..end];
        match chars.len() {
            0 | 1 => false,
            2 => is_vowel(chars[0]) && !is_vowel(chars[1]),
            len => {
                let (a, b, c) = (chars[len - 3], chars[len - 2], chars[len - 1]);
                !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !matches!(c, b'w' | b'x' | b'Y')
            }
        }
    }

    fn is_short(&self) -> bool {
        self.r1 >= self.chars.len() && self.ends_in_short_syllable(self.chars.len())
    }

    fn step_0(&mut self) {
        for suffix in [&b"'s'"[..], b"'s", b"'"] {
            if self.ends_with(suffix) {
                self.replace_suffix(suffix, b"");
                return;
            }
        }
    }

    fn step_1a(&mut self) {
        if self.ends_with(b"sses") {
            self.replace_suffix(b"sses", b"ss");
        } else if self.ends_with(b"ied") || self.ends_with(b"ies") {
            let replacement: &[u8] = if self.chars.len() > 4 { b"i" } else { b"ie" };
            self.replace_suffix(b"ies", replacement);
        } else if self.ends_with(b"us") || self.ends_with(b"ss") {
        } else if self.ends_with(b"s") {
            let end = self.chars.len() - 1;
            // The vowel must not be the letter right before the "s" ("gas" stays, "gaps" → "gap").
            if end >= 1 && self.has_vowel_before(end - 1) {
                self.chars.truncate(end);
            }
        }
    }

    fn step_1b(&mut self) {
        for suffix in [&b"eedly"[..], b"eed"] {
            if self.ends_with(suffix) {
                if self.in_r1(suffix) {
                    self.replace_suffix(suffix, b"ee");
                }
                return;
            }
        }
        for suffix in [&b"ingly"[..], b"edly", b"ing", b"ed"] {
            if self.ends_with(suffix) {
                let start = self.suffix_start(suffix);
                if !self.has_vowel_before(start) {
                    return;
                }
                self.chars.truncate(start);
                if self.ends_with(b"at") || self.ends_with(b"bl") || self.ends_with(b"iz") {
                    self.chars.push(b'e');
                } else if self.chars.len() >= 2 && is_double(&self.chars[self.chars.len() - 2..]) {
                    self.chars.pop();
                } else if self.is_short() {
                    self.chars.push(b'e');
                }
                return;
            }
        }
    }

    fn step_1c(&mut self) {
        let len = self.chars.len();
        if len > 2 && matches!(self.chars[len - 1], b'y' | b'Y') && !is_vowel(self.chars[len - 2]) {
            self.chars[len - 1] = b'i';
        }
    }

    fn step_2(&mut self) {
        const RULES: [(&[u8], &[u8]); 24] = [
            (b"ization", b"ize"),
            (b"ational", b"ate"),
            (b"fulness", b"ful"),
            (b"ousness", b"ous"),
            (b"iveness", b"ive"),
            (b"tional", b"tion"),
            (b"biliti", b"ble"),
            (b"lessli", b"less"),
            (b"entli", b"ent"),
            (b"ation", b"ate"),
            (b"alism", b"al"),
            (b"aliti", b"al"),
            (b"ousli", b"ous"),
            (b"iviti", b"ive"),
            (b"fulli", b"ful"),
            (b"enci", b"ence"),
            (b"anci", b"ance"),
            (b"abli", b"able"),
            (b"izer", b"ize"),
            (b"ator", b"ate"),
            (b"alli", b"al"),
            (b"bli", b"ble"),
            (b"ogi", b"og"),
            (b"li", b""),
        ];
        for (suffix, replacement) in RULES {
            if !self.ends_with(suffix) {
                continue;
            }
            if self.in_r1(suffix) {
                let start = self.suffix_start(suffix);
                let allowed = match suffix {
                    b"ogi" => start >= 1 && self.chars[start - 1] == b'l',
                    b"li" => start >= 1 && is_valid_li_ending(self.chars[start - 1]),
                    _ => true,
                };
                if allowed {
                    self.replace_suffix(suffix, replacement);
                }
            }
            return;
        }
    }

    fn step_3(&mut self) {
        const RULES: [(&[u8], &[u8]); 9] = [
            (b"ational", b"ate"),
            (b"tional", b"tion"),
            (b"alize", b"al"),
            (b"icate", b"ic"),
            (b"iciti", b"ic"),
            (b"ative", b""),
            (b"ical", b"ic"),
            (b"ness", b""),
            (b"ful", b""),
        ];
        for (suffix, replacement) in RULES {
            if !self.ends_with(suffix) {
                continue;
            }
            if self.in_r1(suffix) && (suffix != b"ative" || self.in_r2(suffix)) {
                self.replace_suffix(suffix, replacement);
            }
            return;
        }
    }

    fn step_4(&mut self) {
        const SUFFIXES: [&[u8]; 18] = [
            b"ement", b"ance", b"ence", b"able", b"ible", b"ment", b"ant", b"ent", b"ism", b"ate",
            b"iti", b"ous", b"ive", b"ize", b"ion", b"al", b"er", b"ic",
        ];
        for suffix in SUFFIXES {
            if !self.ends_with(suffix) {
                continue;
            }
            if self.in_r2(suffix) {
                let start = self.suffix_start(suffix);
                let allowed = suffix != b"ion"
                    || (start >= 1 && matches!(self.chars[start - 1], b's' | b't'));
                if allowed {
                    self.chars.truncate(start);
                }
            }
            return;
        }
    }

    fn step_5(&mut self) {
        if self.ends_with(b"e") {
            let start = self.chars.len() - 1;
            if self.in_r2(b"e") || (self.in_r1(b"e") && !self.ends_in_short_syllable(start)) {
                self.chars.truncate(start);
            }
        } else if self.ends_with(b"ll") && self.in_r2(b"l") {
            self.chars.pop();
        }
    }
}
