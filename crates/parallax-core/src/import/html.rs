//! A small, forgiving HTML parser: saved web pages into a tree of elements and text, never failing.
//!
//! It reads what browsers save ("Save page as…, HTML only"): tags with quoted or bare attributes,
//! comments, a doctype, raw-text elements (`script`, `style`, `textarea`, `title`), character
//! references, void elements, and the implied end tags that matter for extraction (`p`, `li`, table
//! cells). It does not build a full HTML5 tree: a stray end tag is ignored, an unclosed element ends
//! with its parent. Text stays text: nothing here ever produces markup.

/// One node of the parsed page, in an arena (`Document::nodes`); children refer to it by index.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Lower-case tag name.
    pub name: String,
    /// Attributes in page order, names lower-cased, values with character references decoded.
    pub attrs: Vec<(String, String)>,
    pub children: Vec<usize>,
    /// Byte offset of the start tag in the page, for line numbers in messages.
    pub start: usize,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// A parsed page. Node 0 is a synthetic root element named `#root`.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub nodes: Vec<Node>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "noscript", "template",
];
/// Elements a new block element closes when one of them is open (HTML's implied `</p>` and friends).
const CLOSED_BY_BLOCK: &[&str] = &["p"];
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

impl Document {
    pub fn element(&self, index: usize) -> Option<&Element> {
        match &self.nodes[index] {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        }
    }

    pub fn children(&self, index: usize) -> &[usize] {
        match &self.nodes[index] {
            Node::Element(element) => &element.children,
            Node::Text(_) => &[],
        }
    }

    /// Every element index under `index` (itself included), in document order.
    pub fn descendants(&self, index: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![index];
        while let Some(at) = stack.pop() {
            if let Node::Element(element) = &self.nodes[at] {
                out.push(at);
                stack.extend(element.children.iter().rev());
            }
        }
        out
    }

    /// Every element named `name`, in document order.
    pub fn find_all(&self, name: &str) -> Vec<usize> {
        self.descendants(0)
            .into_iter()
            .filter(|&at| self.element(at).is_some_and(|e| e.name == name))
            .collect()
    }

    /// The text under `index` with white space collapsed, raw-text elements left out.
    pub fn text(&self, index: usize) -> String {
        let mut out = String::new();
        self.collect_text(index, &mut out);
        collapse_space(&out)
    }

    fn collect_text(&self, index: usize, out: &mut String) {
        match &self.nodes[index] {
            Node::Text(text) => out.push_str(text),
            Node::Element(element) => {
                if matches!(
                    element.name.as_str(),
                    "script" | "style" | "template" | "noscript" | "textarea"
                ) {
                    return;
                }
                let block = element.name == "br" || BLOCKS.contains(&element.name.as_str());
                if block {
                    out.push(' ');
                }
                for &child in &element.children {
                    self.collect_text(child, out);
                }
                if block {
                    out.push(' ');
                }
            }
        }
    }

    /// The raw text of a raw-text element such as `<script>` or `<title>`.
    pub fn raw_text(&self, index: usize) -> String {
        self.children(index)
            .iter()
            .filter_map(|&child| match &self.nodes[child] {
                Node::Text(text) => Some(text.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }
}

/// Runs of white space (including no-break spaces) become one space; ends are trimmed.
pub fn collapse_space(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses a page. Never fails; malformed markup yields the best tree it can.
pub fn parse(page: &str) -> Document {
    let mut nodes = vec![Node::Element(Element {
        name: "#root".to_owned(),
        attrs: Vec::new(),
        children: Vec::new(),
        start: 0,
    })];
    let mut open: Vec<usize> = vec![0];
    let bytes = page.as_bytes();
    let mut at = 0;
    let mut text_start = 0;

    let push_child = |nodes: &mut Vec<Node>, open: &[usize], node: Node| -> usize {
        let index = nodes.len();
        nodes.push(node);
        let parent = *open.last().expect("the root stays open");
        if let Node::Element(element) = &mut nodes[parent] {
            element.children.push(index);
        }
        index
    };
    let flush_text = |nodes: &mut Vec<Node>, open: &[usize], from: usize, to: usize| {
        if from < to {
            let text = decode_entities(&page[from..to]);
            push_child(nodes, open, Node::Text(text));
        }
    };

    while at < bytes.len() {
        if bytes[at] != b'<' {
            at += 1;
            continue;
        }
        let rest = &page[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            flush_text(&mut nodes, &open, text_start, at);
            let end = comment.find("-->").map_or(page.len(), |i| at + 4 + i + 3);
            at = end;
            text_start = at;
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            flush_text(&mut nodes, &open, text_start, at);
            at = rest.find('>').map_or(page.len(), |i| at + i + 1);
            text_start = at;
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = at + if closing { 2 } else { 1 };
        let name_len = page[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '_'))
            .unwrap_or(page.len() - name_start);
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // "a < b" in text: not a tag.
            at += 1;
            continue;
        }
        flush_text(&mut nodes, &open, text_start, at);
        let name = page[name_start..name_start + name_len].to_ascii_lowercase();
        let (attrs, self_closing, tag_end) = read_attributes(page, name_start + name_len);
        if closing {
            if let Some(position) = open
                .iter()
                .rposition(|&index| matches!(&nodes[index], Node::Element(e) if e.name == name))
            {
                if position > 0 {
                    open.truncate(position);
                }
            }
            at = tag_end;
            text_start = at;
            continue;
        }
        // Implied end tags: a block closes an open <p>; <li> closes <li>; cells close cells.
        let implied: &[&str] = match name.as_str() {
            "li" => &["li"],
            "dt" | "dd" => &["dt", "dd"],
            "td" | "th" => &["td", "th"],
            "tr" => &["tr", "td", "th"],
            "option" => &["option"],
            _ if BLOCKS.contains(&name.as_str()) => CLOSED_BY_BLOCK,
            _ => &[],
        };
        if !implied.is_empty() {
            if let Some(&top) = open.last() {
                if matches!(&nodes[top], Node::Element(e) if implied.contains(&e.name.as_str())) {
                    open.pop();
                }
            }
        }
        let index = push_child(
            &mut nodes,
            &open,
            Node::Element(Element {
                name: name.clone(),
                attrs,
                children: Vec::new(),
                start: at,
            }),
        );
        at = tag_end;
        text_start = at;
        if VOID.contains(&name.as_str()) || self_closing {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let end =
                find_ascii_case_insensitive(&page[at..], &close).map_or(page.len(), |i| at + i);
            if end > at {
                let raw = &page[at..end];
                let text = if matches!(name.as_str(), "title" | "textarea") {
                    decode_entities(raw)
                } else {
                    raw.to_owned()
                };
                nodes.push(Node::Text(text));
                let text_index = nodes.len() - 1;
                if let Node::Element(element) = &mut nodes[index] {
                    element.children.push(text_index);
                }
            }
            at = page[end..].find('>').map_or(page.len(), |i| end + i + 1);
            text_start = at;
            continue;
        }
        open.push(index);
    }
    flush_text(&mut nodes, &open, text_start, page.len());
    Document { nodes }
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Reads attributes from just after the tag name to the closing `>`: the attributes, whether the
/// tag ends in `/>`, and the offset after `>`.
fn read_attributes(page: &str, from: usize) -> (Vec<(String, String)>, bool, usize) {
    let bytes = page.as_bytes();
    let mut attrs = Vec::new();
    let mut at = from;
    let mut self_closing = false;
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            self_closing = bytes[at] == b'/';
            at += 1;
        }
        if at >= bytes.len() {
            return (attrs, self_closing, page.len());
        }
        if bytes[at] == b'>' {
            return (attrs, self_closing, at + 1);
        }
        self_closing = false;
        let name_start = at;
        while at < bytes.len()
            && !matches!(bytes[at], b'=' | b'>' | b'/')
            && !bytes[at].is_ascii_whitespace()
        {
            at += 1;
        }
        let name = page[name_start..at].to_ascii_lowercase();
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = String::new();
        if at < bytes.len() && bytes[at] == b'=' {
            at += 1;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            if at < bytes.len() && (bytes[at] == b'"' || bytes[at] == b'\'') {
                let quote = bytes[at] as char;
                let start = at + 1;
                let end = page[start..].find(quote).map_or(page.len(), |i| start + i);
                value = decode_entities(&page[start..end]);
                at = (end + 1).min(page.len());
            } else {
                let start = at;
                while at < bytes.len() && bytes[at] != b'>' && !bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
                value = decode_entities(&page[start..at]);
            }
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
    }
}

/// Decodes character references: numeric ones and the named ones news pages use.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |i| i + 1);
        let name = &rest[1..end];
        let decoded = if let Some(number) = name.strip_prefix('#') {
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse::<u32>().ok(),
            };
            value.map(|v| {
                char::from_u32(v)
                    .filter(|c| *c != '\0')
                    .unwrap_or('\u{fffd}')
            })
        } else {
            named_entity(name)
        };
        match decoded {
            Some(c) => {
                out.push(c);
                let consumed = if rest[end..].starts_with(';') {
                    end + 1
                } else {
                    end
                };
                rest = &rest[consumed..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "sbquo" => '‚',
        "bdquo" => '„',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "middot" => '·',
        "bull" => '•',
        "euro" => '€',
        "pound" => '£',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "szlig" => 'ß',
        "shy" => '\u{ad}',
        "zwj" => '\u{200d}',
        "zwnj" => '\u{200c}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        _ => return None,
    })
}
