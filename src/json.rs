//! The JSON reader behind every operation's output: a serde `Deserializer`
//! over a response body that accepts what `serde_json::from_slice` accepts
//! and gives the same values, built for what Step Functions sends.
//!
//! A history page is mostly strings, and the longest (execution input and
//! output) are JSON escaped into JSON, with a `\"` every few bytes.
//! `serde_json` unescapes such a string into a scratch buffer, checks that
//! buffer is UTF-8, and the visitor copies it into its `String`. Here the
//! body is checked as UTF-8 once, which costs a small part of checking each
//! string; strings are found eight bytes at a time; one without escapes is
//! handed over borrowed, and one with escapes is unescaped straight into the
//! `String` it becomes, eight bytes at a time between escapes.
//!
//! One difference, on purpose: a body that is not UTF-8 is refused whole,
//! as RFC 8259 §8.1 asks, where `serde_json` lets invalid UTF-8 pass inside
//! a member it skips. The fuzz tests decode every output with both readers
//! and compare.

use serde::de::value::{BorrowedStrDeserializer, MapDeserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use std::fmt;

/// How deep objects and arrays may nest in a typed value (`serde_json`'s
/// limit); skipped values may nest deeper, as there.
const MAX_DEPTH: u16 = 128;

/// `serde_json`'s name for a `RawValue` capture (its `raw_value` feature),
/// which the history decoder uses for unknown details members.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// What went wrong, in `serde_json`'s terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Category {
    /// The text is not JSON.
    Syntax,
    /// The JSON does not fit the type.
    Data,
    /// The text ends inside a value.
    Eof,
}

/// A decoding error: its category and where, as line and column (both from
/// 1), and serde's message, which may quote the body. Boxed, as
/// `serde_json`'s is: every `Result` of the decoder carries it.
#[derive(Debug)]
pub(crate) struct Error(Box<ErrorImpl>);

#[derive(Debug)]
struct ErrorImpl {
    category: Category,
    message: String,
    /// The byte offset, until the top level places it.
    offset: Option<usize>,
    line: usize,
    column: usize,
}

impl Error {
    fn new(category: Category, message: impl fmt::Display, offset: usize) -> Self {
        Self::placed(category, message, Some(offset))
    }

    fn placed(category: Category, message: impl fmt::Display, offset: Option<usize>) -> Self {
        Self(Box::new(ErrorImpl {
            category,
            message: message.to_string(),
            offset,
            line: 0,
            column: 0,
        }))
    }

    /// The error's category.
    pub(crate) fn category(&self) -> Category {
        self.0.category
    }

    /// The line of the error, from 1.
    pub(crate) fn line(&self) -> usize {
        self.0.line
    }

    /// The column of the error (a byte offset in its line), from 1.
    pub(crate) fn column(&self) -> usize {
        self.0.column
    }

    /// Places the error in `text`, at its own offset or else at `fallback`
    /// (errors raised by visitors do not know where they are).
    fn locate(mut self, text: &[u8], fallback: usize) -> Self {
        let offset = self.0.offset.unwrap_or(fallback).min(text.len());
        let before = &text[..offset];
        self.0.line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        self.0.column = 1 + offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.0.message, self.0.line, self.0.column)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self::placed(Category::Data, message, None)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Decodes `body` into `T`; only whitespace may follow the value.
pub(crate) fn from_slice<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    let text = std::str::from_utf8(body).map_err(|e| {
        Error::new(Category::Syntax, "invalid UTF-8", e.valid_up_to()).locate(body, 0)
    })?;
    let mut de = Deserializer { text, pos: 0, depth: 0, scratch: Vec::new() };
    let value = T::deserialize(&mut de).and_then(|value| match de.peek() {
        None => Ok(value),
        Some(_) => Err(de.error(Category::Syntax, "trailing characters")),
    });
    value.map_err(|e| e.locate(body, de.pos))
}

/// A string as read: borrowed from the body when it has no escapes.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

/// A number as `serde_json` reads it: non-negative integers that fit are
/// `u64`, negative ones `i64`, everything else `f64`.
enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

/// A number as scanned: its span, and what its digits say.
struct Scanned {
    start: usize,
    end: usize,
    negative: bool,
    /// The digits, point left out, as an integer, if they fit a `u64`.
    mantissa: Option<u64>,
    /// How many digits, before and after the point.
    digits: usize,
    /// How many after the point.
    fraction: usize,
    exponent: bool,
}

/// The reader: the body (UTF-8, checked) and a position in it.
struct Deserializer<'de> {
    text: &'de str,
    pos: usize,
    depth: u16,
    /// Where strings with escapes are unescaped, kept between strings.
    scratch: Vec<u8>,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each zero byte of `word`, and possibly of bytes above a
/// zero byte: the lowest flag is always a true one.
fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// Flags the quotes, backslashes and control characters in eight bytes
/// (little-endian); the lowest flag is exact.
fn string_specials(word: u64) -> u64 {
    zero_bytes(word ^ (ONES * u64::from(b'"')))
        | zero_bytes(word ^ (ONES * u64::from(b'\\')))
        | (word.wrapping_sub(ONES * 0x20) & !word & HIGHS)
}

/// What each one-character escape (`\n`, ...) stands for; 0 for the others.
/// A table, not a `match`: a jump table mispredicts on escape-dense text.
const SIMPLE_ESCAPES: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'/' as usize] = b'/';
    table[b'b' as usize] = 0x08;
    table[b'f' as usize] = 0x0c;
    table[b'n' as usize] = b'\n';
    table[b'r' as usize] = b'\r';
    table[b't' as usize] = b'\t';
    table
};

/// Where the first quote, backslash or control character at or after `at`
/// is, found eight bytes at a time (or where fewer than eight bytes are
/// left, for the caller to go on byte by byte).
#[inline]
fn to_special(bytes: &[u8], mut at: usize) -> usize {
    while let Some(word) = word_at(bytes, at) {
        let specials = string_specials(word);
        if specials != 0 {
            return at + (specials.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at
}

/// The eight bytes at `at`, if there are eight.
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes.get(at..)?.first_chunk::<8>().map(|w| u64::from_le_bytes(*w))
}

/// The value of four hex digits at `at`.
fn hex4(bytes: &[u8], at: usize) -> Option<u16> {
    let digits = bytes.get(at..at + 4)?;
    digits.iter().try_fold(0u16, |n, &d| Some(n << 4 | (d as char).to_digit(16)? as u16))
}

impl<'de> Deserializer<'de> {
    fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    fn error(&self, category: Category, message: &str) -> Error {
        Error::new(category, message, self.pos)
    }

    fn eof(&self, what: &str) -> Error {
        Error::new(Category::Eof, format_args!("EOF while parsing {what}"), self.pos)
    }

    /// Skips whitespace and gives the next byte, not consuming it.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.bytes().get(self.pos) {
            match b {
                b' ' | b'\n' | b'\t' | b'\r' => self.pos += 1,
                _ => return Some(b),
            }
        }
        None
    }

    /// The next non-whitespace byte, which must be there.
    #[inline]
    fn peek_value(&mut self) -> Result<u8> {
        self.peek().ok_or_else(|| self.eof("a value"))
    }

    /// Consumes `literal` (`true`, `false` or `null`) at the position.
    fn literal(&mut self, literal: &str) -> Result<()> {
        let end = self.pos + literal.len();
        match self.bytes().get(self.pos..end) {
            Some(found) if found == literal.as_bytes() => {
                self.pos = end;
                Ok(())
            }
            Some(_) => Err(self.error(Category::Syntax, "expected ident")),
            None => Err(self.eof("a value")),
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.error(Category::Syntax, "recursion limit exceeded"));
        }
        Ok(())
    }

    /// The type error for the value at the position (not consumed).
    fn invalid_type(&mut self, expected: &dyn de::Expected) -> Error {
        let unexpected = match self.peek() {
            Some(b'"') => Unexpected::Other("string"),
            Some(b'{') => Unexpected::Map,
            Some(b'[') => Unexpected::Seq,
            Some(b't') => Unexpected::Bool(true),
            Some(b'f') => Unexpected::Bool(false),
            Some(b'n') => Unexpected::Unit,
            Some(b'-' | b'0'..=b'9') => Unexpected::Other("number"),
            _ => Unexpected::Other("a syntax error"),
        };
        let mut e: Error = de::Error::invalid_type(unexpected, expected);
        e.0.offset = Some(self.pos);
        e
    }

    /// Steps over the string whose opening quote is at the position,
    /// checking its escapes.
    fn scan_str(&mut self) -> Result<()> {
        let bytes = self.bytes();
        let mut at = self.pos + 1;
        loop {
            at = to_special(bytes, at);
            match bytes.get(at) {
                None => {
                    self.pos = at;
                    return Err(self.eof("a string"));
                }
                Some(b'"') => {
                    self.pos = at + 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    at = match bytes.get(at + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => at + 2,
                        Some(b'u') if hex4(bytes, at + 2).is_some() => at + 6,
                        Some(b'u') if bytes.len() < at + 6 => {
                            self.pos = bytes.len();
                            return Err(self.eof("a string"));
                        }
                        Some(_) => {
                            self.pos = at + 1;
                            return Err(self.error(Category::Syntax, "invalid escape"));
                        }
                        None => {
                            self.pos = at + 1;
                            return Err(self.eof("a string"));
                        }
                    };
                }
                Some(b) if *b < 0x20 => {
                    self.pos = at;
                    return Err(self.error(
                        Category::Syntax,
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                Some(_) => at += 1,
            }
        }
    }

    /// Reads the string whose opening quote is at the position: borrowed
    /// when it has no escapes, else unescaped in the same pass.
    #[inline]
    fn read_str(&mut self) -> Result<Text<'de>> {
        let bytes = self.bytes();
        let start = self.pos + 1;
        let at = to_special(bytes, start);
        if bytes.get(at) == Some(&b'"') {
            self.pos = at + 1;
            // Both ends are quotes, so the span is on character boundaries.
            return Ok(Text::Borrowed(self.text.get(start..at).unwrap_or_default()));
        }
        self.read_escaped_str(start, at)
    }

    /// The rest of [`Self::read_str`], for a string with escapes (or bad
    /// text) at `at`: kept out of line, so that the common path stays small
    /// where it is inlined.
    #[inline(never)]
    fn read_escaped_str(&mut self, start: usize, at: usize) -> Result<Text<'de>> {
        let bytes = self.bytes();
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        out.extend_from_slice(bytes.get(start..at).unwrap_or_default());
        let read = unescape(bytes, at, &mut out);
        let text = read.and_then(|end| {
            self.pos = end + 1;
            // Runs of UTF-8 text and whole characters: this cannot fail.
            std::str::from_utf8(&out).map(str::to_owned).map_err(|_| ("invalid UTF-8", start))
        });
        self.scratch = out;
        text.map(Text::Owned).map_err(|(message, at)| {
            let category = if at >= bytes.len() { Category::Eof } else { Category::Syntax };
            Error::new(category, message, at)
        })
    }

    /// Steps over the number at the position, checking its grammar, and
    /// reads its digits on the way.
    fn scan_number(&mut self) -> Result<Scanned> {
        let bytes = self.bytes();
        let start = self.pos;
        let negative = bytes.get(start) == Some(&b'-');
        let mut at = start + usize::from(negative);
        // Wrapping: at most 19 digits cannot overflow; more are checked below.
        let mut mantissa = 0u64;
        let mut digits = |at: &mut usize| {
            let from = *at;
            while let Some(&d) = bytes.get(*at).filter(|d| d.is_ascii_digit()) {
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
                *at += 1;
            }
            *at - from
        };
        let invalid = |de: &mut Self, at: usize| {
            de.pos = at;
            if at >= bytes.len() {
                de.eof("a value")
            } else {
                de.error(Category::Syntax, "invalid number")
            }
        };
        // A digit after a leading `0` is refused by what must follow a
        // number (`,`, `]`, `}`, whitespace or the end).
        let whole = match bytes.get(at) {
            Some(b'0') => {
                at += 1;
                1
            }
            Some(b'1'..=b'9') => digits(&mut at),
            _ => return Err(invalid(self, at)),
        };
        let mut fraction = 0;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            fraction = digits(&mut at);
            if fraction == 0 {
                return Err(invalid(self, at));
            }
        }
        let exponent = matches!(bytes.get(at), Some(b'e' | b'E'));
        if exponent {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if digits(&mut at) == 0 {
                return Err(invalid(self, at));
            }
        }
        self.pos = at;
        let digits = whole + fraction;
        let mantissa = if digits <= 19 {
            Some(mantissa)
        } else {
            // Only a whole number's may fit (a decimal's is read the slow way).
            let text = self.text.get(start + usize::from(negative)..at).unwrap_or_default();
            let mut whole_digits = text.bytes().take(whole);
            whole_digits.try_fold(0u64, |m, d| m.checked_mul(10)?.checked_add(u64::from(d - b'0')))
        };
        Ok(Scanned { start, end: at, negative, mantissa, digits, fraction, exponent })
    }

    fn parse_number(&mut self) -> Result<Number> {
        const POWERS: [f64; 16] =
            [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
        let n = self.scan_number()?;
        match (n.mantissa, n.fraction, n.exponent) {
            (Some(m), 0, false) if !n.negative => return Ok(Number::U64(m)),
            (Some(m), 0, false) => {
                let negated = (m as i64).wrapping_neg();
                // `-0` and what does not fit an i64 are floats, as there.
                return Ok(if negated >= 0 {
                    Number::F64(-(m as f64))
                } else {
                    Number::I64(negated)
                });
            }
            // At most 15 digits without exponent (`1795559751.538`, as every
            // timestamp): the digits are an integer below 2^53 and the power
            // of ten is exact, so one division rounds correctly, giving what
            // the standard parser gives (Clinger's fast path).
            (Some(m), fraction, false) if n.digits <= 15 => {
                let value = m as f64 / POWERS[fraction];
                return Ok(Number::F64(if n.negative { -value } else { value }));
            }
            _ => {}
        }
        // The grammar is checked, so the standard parser (correctly rounded,
        // as `serde_json`'s `float_roundtrip`) takes it.
        let text = self.text.get(n.start..n.end).unwrap_or_default();
        match text.parse::<f64>() {
            Ok(f) if f.is_finite() => Ok(Number::F64(f)),
            _ => Err(Error::new(Category::Syntax, "number out of range", n.start)),
        }
    }

    fn visit_number<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.parse_number()? {
            Number::U64(n) => visitor.visit_u64(n),
            Number::I64(n) => visitor.visit_i64(n),
            Number::F64(n) => visitor.visit_f64(n),
        }
    }

    /// Steps over the value at the position, checking its syntax, without
    /// recursion (so without a depth limit, as `serde_json`'s).
    fn skip_value(&mut self) -> Result<()> {
        // Whether each open container is an object.
        let mut open: Vec<bool> = Vec::new();
        'value: loop {
            match self.peek_value()? {
                b'{' => {
                    self.pos += 1;
                    if self.peek() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        open.push(true);
                        self.skip_key()?;
                        continue 'value;
                    }
                }
                b'[' => {
                    self.pos += 1;
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                    } else {
                        open.push(false);
                        continue 'value;
                    }
                }
                b'"' => {
                    self.scan_str()?;
                }
                b't' => self.literal("true")?,
                b'f' => self.literal("false")?,
                b'n' => self.literal("null")?,
                b'-' | b'0'..=b'9' => {
                    self.scan_number()?;
                }
                _ => return Err(self.error(Category::Syntax, "expected value")),
            }
            // A value ended: close what it ends, or go on to the next one.
            while let Some(&object) = open.last() {
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        if object {
                            self.skip_key()?;
                        }
                        continue 'value;
                    }
                    Some(b'}') if object => self.pos += 1,
                    Some(b']') if !object => self.pos += 1,
                    Some(_) if object => {
                        return Err(self.error(Category::Syntax, "expected `,` or `}`"));
                    }
                    Some(_) => return Err(self.error(Category::Syntax, "expected `,` or `]`")),
                    None => return Err(self.eof(if object { "an object" } else { "a list" })),
                }
                open.pop();
            }
            return Ok(());
        }
    }

    /// Steps over an object key and its colon.
    fn skip_key(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'"') => self.scan_str()?,
            Some(_) => return Err(self.error(Category::Syntax, "key must be a string")),
            None => return Err(self.eof("an object")),
        };
        self.colon()
    }

    #[inline]
    fn colon(&mut self) -> Result<()> {
        match self.peek() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.error(Category::Syntax, "expected `:`")),
            None => Err(self.eof("an object")),
        }
    }

    /// Visits the container whose opening byte is at the position, then
    /// consumes its closing byte.
    #[inline]
    fn within<T>(&mut self, closing: u8, visit: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.enter()?;
        self.pos += 1;
        let value = visit(self)?;
        self.close(closing)?;
        Ok(value)
    }

    /// Consumes the closing byte of a container whose entries a visitor read.
    fn close(&mut self, closing: u8) -> Result<()> {
        self.depth -= 1;
        match self.peek() {
            Some(b) if b == closing => {
                self.pos += 1;
                Ok(())
            }
            Some(b',') => Err(self.error(Category::Syntax, "trailing comma")),
            Some(_) => Err(self.error(Category::Syntax, "trailing characters")),
            None => Err(self.eof(if closing == b'}' { "an object" } else { "a list" })),
        }
    }
}

/// Unescapes the rest of the string from `at` in `bytes` onto `out`, up to
/// its closing quote, whose offset it gives; on bad text gives the message
/// and where.
fn unescape(
    bytes: &[u8],
    mut at: usize,
    out: &mut Vec<u8>,
) -> std::result::Result<usize, (&'static str, usize)> {
    // `out` is written ahead of its logical length `len`, eight bytes at a
    // time, so it is kept at least eight bytes longer.
    let mut len = out.len();
    loop {
        // Eight bytes at a time up to the next quote, backslash or control
        // character; a one-character escape inside the word is decoded from
        // the word itself, without waiting on another load.
        loop {
            if out.len() < len + 8 {
                out.resize((len + 8).max(out.len() * 2), 0);
            }
            let Some(word) = word_at(bytes, at) else { break };
            if let Some(slot) = out.get_mut(len..len + 8) {
                slot.copy_from_slice(&word.to_le_bytes());
            }
            let specials = string_specials(word);
            if specials == 0 {
                at += 8;
                len += 8;
                continue;
            }
            let run = (specials.trailing_zeros() / 8) as usize;
            if run < 7 && (word >> (run * 8)) as u8 == b'\\' {
                let escape = (word >> (run * 8 + 8)) as u8;
                // `\"` first, by a compare rather than a load.
                let simple =
                    if escape == b'"' { b'"' } else { SIMPLE_ESCAPES[usize::from(escape)] };
                if simple != 0 {
                    if let Some(slot) = out.get_mut(len + run) {
                        *slot = simple;
                    }
                    at += run + 2;
                    len += run + 1;
                    continue;
                }
            }
            at += run;
            len += run;
            break;
        }
        let b = match bytes.get(at) {
            None => return Err(("EOF while parsing a string", at)),
            Some(&b) => b,
        };
        if b == b'"' {
            out.truncate(len);
            return Ok(at);
        }
        if b == b'\\' {
            let escape = bytes.get(at + 1).copied().unwrap_or_default();
            let simple = SIMPLE_ESCAPES[usize::from(escape)];
            if simple != 0 {
                // The common case, `\"` above all: one byte for two.
                if let Some(slot) = out.get_mut(len) {
                    *slot = simple;
                }
                len += 1;
                at += 2;
                continue;
            }
            let (decoded, used) = match escape {
                b'u' => unicode_escape(bytes, at)?,
                _ if at + 1 >= bytes.len() => return Err(("EOF while parsing a string", at + 1)),
                _ => return Err(("invalid escape", at + 1)),
            };
            let mut buf = [0u8; 4];
            let encoded = decoded.encode_utf8(&mut buf).as_bytes();
            if let Some(slot) = out.get_mut(len..len + encoded.len()) {
                slot.copy_from_slice(encoded);
            }
            len += encoded.len();
            at += used;
        } else if b < 0x20 {
            return Err(("control character (\\u0000-\\u001F) found while parsing a string", at));
        } else {
            // Within eight bytes of the end of the body.
            if let Some(slot) = out.get_mut(len) {
                *slot = b;
            }
            len += 1;
            at += 1;
        }
    }
}

/// The character of the `\u` escape at `at`, with the bytes it takes
/// (twelve for a surrogate pair).
fn unicode_escape(
    raw: &[u8],
    at: usize,
) -> std::result::Result<(char, usize), (&'static str, usize)> {
    const LONE: &str = "lone leading surrogate in hex escape";
    let first = hex4(raw, at + 2).ok_or(("invalid escape", at))?;
    match first {
        0xDC00..=0xDFFF => Err((LONE, at + 6)),
        0xD800..=0xDBFF => {
            if raw.get(at + 6..at + 8) != Some(b"\\u") {
                return Err(("unexpected end of hex escape", at + 6));
            }
            let second = hex4(raw, at + 8).ok_or(("invalid escape", at + 6))?;
            if !(0xDC00..=0xDFFF).contains(&second) {
                return Err((LONE, at + 12));
            }
            let code =
                0x1_0000 + ((u32::from(first) - 0xD800) << 10 | (u32::from(second) - 0xDC00));
            Ok((char::from_u32(code).ok_or((LONE, at))?, 12))
        }
        _ => Ok((char::from_u32(u32::from(first)).ok_or(("invalid escape", at))?, 6)),
    }
}

/// The entries of an object, or the elements of an array, being visited.
struct Items<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    first: bool,
}

impl Items<'_, '_> {
    /// Steps over the comma before an item; false at the closing byte.
    #[inline]
    fn next<const CLOSING: u8>(&mut self) -> Result<bool> {
        match self.de.peek() {
            Some(b) if b == CLOSING => return Ok(false),
            // A closing byte after it is refused as the item it is not.
            Some(b',') if !self.first => self.de.pos += 1,
            Some(_) if self.first => {}
            Some(_) if CLOSING == b'}' => {
                return Err(self.de.error(Category::Syntax, "expected `,` or `}`"));
            }
            Some(_) => return Err(self.de.error(Category::Syntax, "expected `,` or `]`")),
            None => return Err(self.de.eof(if CLOSING == b'}' { "an object" } else { "a list" })),
        }
        self.first = false;
        Ok(true)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.next::<b'}'>()? {
            return Ok(None);
        }
        match self.de.peek() {
            Some(b'"') => seed.deserialize(&mut *self.de).map(Some),
            Some(_) => Err(self.de.error(Category::Syntax, "key must be a string")),
            None => Err(self.de.eof("an object")),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.de.colon()?;
        seed.deserialize(&mut *self.de)
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.next::<b']'>()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }
}

/// An enum as `{"Variant": value}`.
struct Variant<'a, 'de> {
    de: &'a mut Deserializer<'de>,
}

impl<'de> de::EnumAccess<'de> for Variant<'_, 'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        if self.de.peek() != Some(b'"') {
            return Err(self.de.error(Category::Syntax, "key must be a string"));
        }
        let variant = seed.deserialize(&mut *self.de)?;
        self.de.colon()?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_, 'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(self.de)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self.de)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_seq(self.de, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_map(self.de, visitor)
    }
}

/// `deserialize_<number>` methods that read any number, as `deserialize_f64`.
macro_rules! numbers_as_f64 {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                self.deserialize_f64(visitor)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek_value()? {
            b'{' => self.deserialize_map(visitor),
            b'[' => self.deserialize_seq(visitor),
            b'"' => self.deserialize_string(visitor),
            b't' | b'f' => self.deserialize_bool(visitor),
            b'n' => self.deserialize_unit(visitor),
            b'-' | b'0'..=b'9' => self.visit_number(visitor),
            _ => Err(self.error(Category::Syntax, "expected value")),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek_value()? {
            b't' => {
                self.literal("true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal("false")?;
                visitor.visit_bool(false)
            }
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek_value()? {
            b'-' | b'0'..=b'9' => self.visit_number(visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    // Numbers all read alike; the visitor checks the range.
    numbers_as_f64! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek_value()? != b'"' {
            return Err(self.invalid_type(&visitor));
        }
        match self.read_str()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek_value()? {
            b'"' => match self.read_str()? {
                Text::Borrowed(s) => visitor.visit_borrowed_bytes(s.as_bytes()),
                Text::Owned(s) => visitor.visit_byte_buf(s.into_bytes()),
            },
            b'[' => self.deserialize_seq(visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek_value()? == b'n' {
            self.literal("null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek_value()? != b'n' {
            return Err(self.invalid_type(&visitor));
        }
        self.literal("null")?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name != RAW_VALUE_TOKEN {
            return visitor.visit_newtype_struct(self);
        }
        // serde_json's RawValue asks for the value's text under its token.
        self.peek_value()?;
        let start = self.pos;
        self.skip_value()?;
        let raw = self.text.get(start..self.pos).unwrap_or_default();
        let entry =
            (BorrowedStrDeserializer::new(RAW_VALUE_TOKEN), BorrowedStrDeserializer::new(raw));
        visitor.visit_map(MapDeserializer::new(std::iter::once(entry)))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek_value()? != b'[' {
            return Err(self.invalid_type(&visitor));
        }
        self.within(b']', |de| visitor.visit_seq(Items { de, first: true }))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek_value()? != b'{' {
            return Err(self.invalid_type(&visitor));
        }
        self.within(b'}', |de| visitor.visit_map(Items { de, first: true }))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // A struct may also come as an array of its members, as there.
        match self.peek_value()? {
            b'[' => self.deserialize_seq(visitor),
            _ => self.deserialize_map(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.peek_value()? {
            b'"' => match self.read_str()? {
                Text::Borrowed(s) => visitor.visit_enum(BorrowedStrDeserializer::new(s)),
                Text::Owned(s) => visitor.visit_enum(s.into_deserializer()),
            },
            b'{' => self.within(b'}', |de| visitor.visit_enum(Variant { de })),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_value()?;
        visitor.visit_unit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::Value;

    /// Decodes `text` as a `Value` with both readers: the same value, or
    /// both refuse it.
    #[track_caller]
    fn same(text: &str) -> Option<Value> {
        let ours = from_slice::<Value>(text.as_bytes());
        let theirs = serde_json::from_str::<Value>(text);
        match (ours, theirs) {
            (Ok(a), Ok(b)) => {
                assert_eq!(a, b, "{text:?}");
                // `-0.0 == 0.0`: the sign must match too.
                assert_eq!(a.to_string(), b.to_string(), "{text:?}");
                Some(a)
            }
            (Err(_), Err(_)) => None,
            (a, b) => panic!("{text:?}: ours {a:?}, serde_json {b:?}"),
        }
    }

    #[test]
    fn values_and_refusals_are_serde_json_s() {
        let accepted = [
            r#"{"a": [1, -2, 3.5, true, false, null, "x"], "b": {}, "c": []}"#,
            " \t\n\r{ \"a\" : [ ] , \"b\" : { \"c\" : null } } \n",
            r#""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20ac \ud83d\ude00 é €""#,
            "0",
            "-0",
            "-0.0",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1795559751.538",
            "1.669852E9",
            "1e-400",
            "2.2250738585072011e-308",
            "1E+2",
            "123456789012345678901234567890",
            "[[[[[[[[[[1]]]]]]]]]]",
        ];
        for text in accepted {
            assert!(same(text).is_some(), "{text:?} is JSON");
        }
        let refused = [
            "",
            " ",
            "{",
            "}",
            "[1,]",
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{1:2}"#,
            "[1 2]",
            "01",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "+1",
            "1e400",
            "-1e400",
            "tru",
            "nul",
            "nulll",
            r#""abc"#,
            r#""\x""#,
            r#""\u12""#,
            r#""\u12g4""#,
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\ud800\u0041""#,
            "\"a\u{1}b\"",
            "\"a\u{1f}b\"",
            "\"tab\there\"",
            "[1] x",
            "{} {}",
            "NaN",
            "[01]",
            "-01",
            "[1,]",
            "[,1]",
            "{,}",
            r#"{"a": [1}"#,
            r#"[{"a": 1]"#,
        ];
        for text in refused {
            assert!(same(text).is_none(), "{text:?} is not JSON");
        }
    }

    #[test]
    fn decimals_read_as_the_standard_parser_reads_them() {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let digits = (next() % 19 + 1) as usize;
            let point = (next() % digits as u64) as usize + 1;
            let all = format!("{:019}", next() % 10_000_000_000_000_000_000);
            let (whole, fraction) = all[19 - digits..].split_at(point);
            let whole = whole.trim_start_matches('0');
            let sign = if next() % 2 == 0 { "-" } else { "" };
            let text = format!("{sign}{}.{fraction}", if whole.is_empty() { "0" } else { whole });
            if fraction.is_empty() {
                continue;
            }
            let ours: f64 = from_slice(text.as_bytes()).unwrap();
            assert_eq!(ours.to_bits(), text.parse::<f64>().unwrap().to_bits(), "{text}");
        }
    }

    #[test]
    fn strings_decode_alike_wherever_their_escapes_fall() {
        // Every length around the eight-byte steps, an escape at every place.
        for len in 0..40 {
            for at in 0..=len {
                for escape in [r#"\""#, r"\\", r"\n", r"\u00e9", r"\ud83d\ude00", "é", "€"] {
                    let text: String = (0..len).map(|i| (b'a' + (i % 26) as u8) as char).collect();
                    let json = format!("\"{}{escape}{}\"", &text[..at], &text[at..]);
                    assert!(same(&json).is_some(), "{json}");
                    assert!(same(&format!("[{json}, {json}]")).is_some(), "{json}");
                }
            }
        }
    }

    #[test]
    fn nesting_stops_where_serde_json_s_does_and_skipping_has_no_limit() {
        for depth in [126, 127, 128, 129, 200] {
            let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            same(&nested);
        }
        #[derive(Debug, Deserialize)]
        struct Skips {
            #[allow(dead_code)]
            a: u8,
        }
        let deep = format!(r#"{{"skipped": {}{}, "a": 1}}"#, "[".repeat(5000), "]".repeat(5000));
        assert_eq!(from_slice::<Skips>(deep.as_bytes()).unwrap().a, 1);
        assert!(serde_json::from_str::<Skips>(&deep).is_ok());
        // Skipped strings are checked as read ones are.
        for bad in
            ["{\"s\": \"a\u{1f}\", \"a\": 1}", r#"{"s": "\q", "a": 1}"#, r#"{"s": [1,], "a": 1}"#]
        {
            assert!(from_slice::<Skips>(bad.as_bytes()).is_err(), "{bad}");
            assert!(serde_json::from_str::<Skips>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bodies_that_are_not_utf8_are_refused() {
        let e = from_slice::<Value>(b"{\"a\": \"\xff\"}").unwrap_err();
        assert_eq!(e.category(), Category::Syntax);
        assert_eq!((e.line(), e.column()), (1, 8));
    }

    #[test]
    fn errors_say_where() {
        let e = from_slice::<Value>(b"{\n  \"a\": 1,\n  \"b\": x\n}").unwrap_err();
        assert_eq!((e.category(), e.line(), e.column()), (Category::Syntax, 3, 8));
        let e = from_slice::<Value>(b"[1, 2").unwrap_err();
        assert_eq!(e.category(), Category::Eof);
        #[derive(Debug, Deserialize)]
        struct Typed {
            #[allow(dead_code)]
            n: u8,
        }
        let e = from_slice::<Typed>(b"{\"n\": 300}").unwrap_err();
        assert_eq!((e.category(), e.line()), (Category::Data, 1));
        assert!(e.to_string().contains("300"), "{e}");
    }

    #[test]
    fn typed_shapes_decode_as_with_serde_json() {
        #[derive(Debug, PartialEq, Deserialize)]
        enum Kind {
            Unit,
            Newtype(u8),
            Tuple(u8, u8),
            Struct { a: u8 },
        }
        #[derive(Debug, PartialEq, Deserialize)]
        struct Shape {
            kinds: Vec<Kind>,
            pair: (String, Option<f64>),
            chars: Vec<char>,
            #[serde(default)]
            absent: Option<u32>,
            borrowed_or_not: String,
        }
        let texts = [
            r#"{"kinds": ["Unit", {"Newtype": 3}, {"Tuple": [1, 2]}, {"Struct": {"a": 4}},
                {"Unit": null}], "pair": ["x\ty", null], "chars": ["a", "\u00e9"],
                "borrowed_or_not": "plain", "ignored": {"deep": [1, {"x": "\ud800"}]}}"#,
            // A struct may come as an array of its members.
            r#"{"kinds": [], "pair": ["", 1e3], "chars": [], "absent": 7, "borrowed_or_not": "e\u0301"}"#,
            r#"[[], ["", 2], [], 5, "array form"]"#,
        ];
        for text in texts {
            let ours: Shape = from_slice(text.as_bytes()).unwrap();
            assert_eq!(ours, serde_json::from_str::<Shape>(text).unwrap(), "{text}");
        }
        let bad = [
            r#"{"kinds": ["Nope"]}"#,
            r#"{"kinds": [{"Unit": 1}]}"#,
            r#"{"kinds": [3]}"#,
            r#"{"kinds": [], "pair": ["", 1 x], "chars": [], "borrowed_or_not": ""}"#,
            r#"{"kinds": [], "pair": ["", 1, 2], "chars": [], "borrowed_or_not": ""}"#,
            // A tuple read whole, then the wrong closing bracket.
            r#"{"kinds": [], "chars": [], "borrowed_or_not": "", "pair": ["", 1}"#,
        ];
        for bad in bad {
            assert!(from_slice::<Shape>(bad.as_bytes()).is_err(), "{bad}");
            assert!(serde_json::from_str::<Shape>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn raw_values_are_captured_as_serde_json_captures_them() {
        #[derive(Debug, Deserialize)]
        struct Raw {
            raw: Box<serde_json::value::RawValue>,
        }
        let text = r#"{"raw":  {"a": [1, "\"x\""], "b": null} }"#;
        let ours: Raw = from_slice(text.as_bytes()).unwrap();
        let theirs: Raw = serde_json::from_str(text).unwrap();
        assert_eq!(ours.raw.get(), theirs.raw.get());
        assert_eq!(ours.raw.get(), r#"{"a": [1, "\"x\""], "b": null}"#);
    }
}
