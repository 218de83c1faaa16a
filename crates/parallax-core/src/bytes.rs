//! The byte-level pieces of the binary files (the split pack's index, the search index): LEB128
//! varints, length-prefixed strings, FNV-1a checksums, and a reader that never reads past the end.

use std::fmt;

/// Why bytes could not be read, in a sentence naming what was being read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByteError(pub String);

impl ByteError {
    pub fn new(message: impl Into<String>) -> ByteError {
        ByteError(message.into())
    }
}

impl fmt::Display for ByteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// FNV-1a, 64 bits: the index file's checksum and the shards' content hash. Not cryptographic — it
/// catches damage in transit and names content for caching, nothing more.
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= byte as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

#[derive(Default)]
pub struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.bytes.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.bytes.push(value as u8);
    }

    pub fn string(&mut self, text: &str) {
        self.varint(text.len() as u64);
        self.bytes.extend_from_slice(text.as_bytes());
    }

    /// A column of optional strings: every length (0 for `None`, else the length plus one), then
    /// every string's bytes.
    pub fn column<'t>(&mut self, texts: impl Iterator<Item = Option<&'t str>> + Clone) {
        for text in texts.clone() {
            self.varint(text.map_or(0, |text| text.len() as u64 + 1));
        }
        for text in texts.flatten() {
            self.bytes.extend_from_slice(text.as_bytes());
        }
    }
}

/// Reads the index front to back; every read names what it was reading when the bytes run out.
pub struct Reader<'a> {
    bytes: &'a [u8],
    cursor: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, cursor: 0 }
    }

    pub fn is_at_end(&self) -> bool {
        self.cursor == self.bytes.len()
    }

    fn ends_early(&self, what: &str) -> ByteError {
        ByteError::new(format!(
            "the index ends early, in {what} (at byte {} of {})",
            self.cursor,
            self.bytes.len()
        ))
    }

    pub fn varint(&mut self, what: &str) -> Result<u64, ByteError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let Some(&byte) = self.bytes.get(self.cursor) else {
                return Err(self.ends_early(what));
            };
            self.cursor += 1;
            value |= ((byte & 0x7F) as u64) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ByteError::new(format!(
            "a number in {what} is too long (at byte {})",
            self.cursor
        )))
    }

    /// A count of items each taking at least one byte, so a damaged count cannot ask for more
    /// memory than the file could describe.
    pub fn count(&mut self, what: &str) -> Result<usize, ByteError> {
        let count = self.varint(what)?;
        let left = (self.bytes.len() - self.cursor) as u64;
        if count > left {
            return Err(ByteError::new(format!(
                "{what} claims {count} entries but only {left} bytes follow"
            )));
        }
        Ok(count as usize)
    }

    pub fn u32(&mut self, what: &str) -> Result<u32, ByteError> {
        let value = self.varint(what)?;
        u32::try_from(value)
            .map_err(|_| ByteError::new(format!("a number in {what} is out of range ({value})")))
    }

    pub fn take(&mut self, len: usize, what: &str) -> Result<&'a [u8], ByteError> {
        let end = self
            .cursor
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.ends_early(what))?;
        let slice = &self.bytes[self.cursor..end];
        self.cursor = end;
        Ok(slice)
    }

    pub fn text(&mut self, len: usize, what: &str) -> Result<&'a str, ByteError> {
        let start = self.cursor;
        let bytes = self.take(len, what)?;
        std::str::from_utf8(bytes)
            .map_err(|_| ByteError::new(format!("{what} is not valid UTF-8 (at byte {start})")))
    }

    pub fn string(&mut self, what: &str) -> Result<&'a str, ByteError> {
        let len = self.varint(what)?;
        let len = usize::try_from(len).map_err(|_| self.ends_early(what))?;
        self.text(len, what)
    }
}
