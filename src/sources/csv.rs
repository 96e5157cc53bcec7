//! CSV files as spreadsheets and platform exports write them: a header row, quoted fields,
//! an optional UTF-8 byte-order mark, and `#` comment lines (GA4 exports start with some).

use std::collections::HashMap;

use csv_core::ReadRecordResult;

use super::records::{Cell, Field, Record, RowMapper};
use super::{BadRow, SourceError, whole_file};
use crate::config::schema::{Layout, SourceConfig};

struct CsvRow<'a> {
    columns: &'a HashMap<String, usize>,
    /// The column of each of the mapper's fields.
    at: &'a [Option<usize>],
    record: Fields<'a>,
    line: u64,
}

impl Record for CsvRow<'_> {
    fn cell(&self, field: Field<'_>) -> Cell<'_> {
        match self.at[field.index].and_then(|i| self.record.get(i)) {
            Some(text) => Cell::Text(text),
            None => Cell::Missing,
        }
    }

    fn place(&self, field: Option<&str>) -> BadRow {
        BadRow {
            line: Some(self.line),
            column: field
                .and_then(|f| self.columns.get(f))
                .map(|&i| i as u64 + 1),
            record: None,
            field: field.map(str::to_string),
            message: String::new(),
        }
    }
}

/// One record's fields: their text and where each lies in it.
#[derive(Clone, Copy)]
struct Fields<'a> {
    text: &'a str,
    spans: &'a [(usize, usize)],
}

impl<'a> Fields<'a> {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        let &(start, end) = self.spans.get(i)?;
        self.text.get(start..end)
    }

    fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// A file's records, read straight from its bytes. A record is split where it lies (unquoted
/// fields, and quoted ones without a doubled quote inside: nearly every export's); any other
/// goes through csv_core, whose parser made for a delimiter is kept for the thread's next file
/// (the csv crate's reader copied the input through a buffer of its own and made its parser's
/// tables anew for every file: a dozen files a report).
struct Records<'b> {
    input: &'b [u8],
    /// The whole input, when it is UTF-8 (checked once, not record by record); `input` is
    /// always its tail.
    text: Option<&'b str>,
    /// The line `input` starts on.
    line: u64,
    delimiter: u8,
    /// csv_core's parser, once a record needed it.
    core: Option<csv_core::Reader>,
    /// Room for csv_core's unquoted fields, and where each ends.
    out: Vec<u8>,
    ends: Vec<usize>,
    /// Where each field of the record lies.
    spans: Vec<(usize, usize)>,
}

/// A parser made for a delimiter, kept for the thread's next file.
struct Built {
    delimiter: u8,
    core: csv_core::Reader,
}

thread_local! {
    static BUILT: std::cell::RefCell<Vec<Built>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Drop for Records<'_> {
    fn drop(&mut self) {
        if let Some(core) = self.core.take() {
            let delimiter = self.delimiter;
            BUILT.with_borrow_mut(|built| built.push(Built { delimiter, core }));
        }
    }
}

/// What reading a record gave.
enum Read<'r> {
    /// A record, starting on this line.
    Record(u64, Fields<'r>),
    /// A record whose field (0-based) is not UTF-8, starting on this line.
    NotUtf8 {
        line: u64,
        field: usize,
    },
    End,
}

impl<'b> Records<'b> {
    fn new(input: &'b [u8], delimiter: u8) -> Self {
        Records {
            input,
            text: std::str::from_utf8(input).ok(),
            line: 1,
            delimiter,
            core: None,
            out: Vec::new(),
            ends: Vec::new(),
            spans: Vec::with_capacity(32),
        }
    }

    /// The next record.
    fn next(&mut self) -> Read<'_> {
        self.next_with(true)
    }

    /// The next record, split in place when `in_place` and the record allows.
    fn next_with(&mut self, in_place: bool) -> Read<'_> {
        self.skip_gaps();
        if self.input.is_empty() {
            return Read::End;
        }
        let line = self.line;
        // (A line end as delimiter is csv_core's business alone.)
        let split = if in_place && !matches!(self.delimiter, b'\n' | b'\r') {
            self.split()
        } else {
            None
        };
        let (bytes, whole) = match split {
            Some(len) => {
                let bytes = &self.input[..len];
                // `input` is what is left of the whole: a record split in place starts and
                // ends next to line ends, so between characters.
                let start = self.text.map_or(0, |t| t.len() - self.input.len());
                self.input = &self.input[len..];
                if let Some(text) = self.text.and_then(|t| t.get(start..start + len)) {
                    return Read::Record(
                        line,
                        Fields {
                            text,
                            spans: &self.spans,
                        },
                    );
                }
                (bytes, true)
            }
            None => match self.through_csv_core() {
                Some(len) => (&self.out[..len], false),
                None => return Read::End,
            },
        };
        let spans = &self.spans[..];
        let text = std::str::from_utf8(bytes).ok();
        // In place, every field starts and ends next to an ASCII byte or the record's ends, so
        // between characters; csv_core's fields lie one after another and may cut one.
        match text.filter(|t| whole || spans.iter().all(|&(_, e)| t.is_char_boundary(e))) {
            Some(text) => Read::Record(line, Fields { text, spans }),
            None => Read::NotUtf8 {
                line,
                field: spans
                    .iter()
                    .position(|&(s, e)| std::str::from_utf8(&bytes[s..e]).is_err())
                    .unwrap_or(0),
            },
        }
    }

    /// Skips what lies between records, as csv_core does: line ends, blank lines and `#`
    /// comment lines (to their `\n`).
    fn skip_gaps(&mut self) {
        loop {
            match self.input.first() {
                Some(b'\n') => {
                    self.line += 1;
                    self.input = &self.input[1..];
                }
                Some(b'\r') => self.input = &self.input[1..],
                Some(b'#') => match memchr::memchr(b'\n', self.input) {
                    Some(i) => {
                        self.line += 1;
                        self.input = &self.input[i + 1..];
                    }
                    None => self.input = &[],
                },
                _ => return,
            }
        }
    }

    /// Splits the record `input` starts with where it lies, into `spans`, and gives its length
    /// (up to its line end, which the next record skips); `None` when csv_core must read it:
    /// a quoted field with a doubled quote, text after a closing quote or no closing quote.
    fn split(&mut self) -> Option<usize> {
        let (input, delimiter) = (self.input, self.delimiter);
        self.spans.clear();
        let mut newlines = 0;
        let mut i = 0;
        loop {
            if input.get(i) == Some(&b'"') {
                let close = i + 1 + memchr::memchr(b'"', &input[i + 1..])?;
                let quoted = &input[i + 1..close];
                newlines += memchr::memchr_iter(b'\n', quoted).count() as u64;
                self.spans.push((i + 1, close));
                i = close + 1;
                match input.get(i) {
                    None | Some(b'\n' | b'\r') => {}
                    Some(&b) if b == delimiter => {}
                    Some(_) => return None,
                }
            } else {
                let start = i;
                i = field_end(input, i, delimiter);
                self.spans.push((start, i));
            }
            match input.get(i) {
                Some(&b) if b == delimiter => i += 1,
                _ => break,
            }
        }
        self.line += newlines;
        Some(i)
    }

    /// Reads the record `input` starts with through csv_core, its fields into `out` and
    /// `spans`; gives their length, or `None` at the end.
    fn through_csv_core(&mut self) -> Option<usize> {
        let core = self
            .core
            .get_or_insert_with(|| csv_core_for(self.delimiter));
        core.reset();
        if self.out.is_empty() {
            self.out.resize(1024, 0);
            self.ends.resize(32, 0);
        }
        let (mut len, mut count) = (0, 0);
        loop {
            let (result, read, written, ended) =
                core.read_record(self.input, &mut self.out[len..], &mut self.ends[count..]);
            // Quoted fields may hold line ends.
            self.line += memchr::memchr_iter(b'\n', &self.input[..read]).count() as u64;
            self.input = &self.input[read..];
            len += written;
            count += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => break,
                ReadRecordResult::End => return None,
            }
        }
        self.spans.clear();
        let mut start = 0;
        for &end in &self.ends[..count] {
            self.spans.push((start, end));
            start = end;
        }
        Some(len)
    }
}

/// Where the unquoted field at `i` ends: the next delimiter or line end, or the input's end.
/// Eight bytes at a time, as bit masks (fields are short; most end within a word).
fn field_end(input: &[u8], mut i: usize, delimiter: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let (d, n, r) = (
        ONES * u64::from(delimiter),
        ONES * u64::from(b'\n'),
        ONES * u64::from(b'\r'),
    );
    // The high bit of each byte of `x` that is zero, and of no other (no carries between bytes).
    let zero = |x: u64| !(((x & !HIGH) + !HIGH) | x) & HIGH;
    while let Some(word) = input.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let w = u64::from_le_bytes(*word);
        let stops = zero(w ^ d) | zero(w ^ n) | zero(w ^ r);
        if stops != 0 {
            return i + stops.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while let Some(&b) = input.get(i) {
        if b == delimiter || b == b'\n' || b == b'\r' {
            break;
        }
        i += 1;
    }
    i
}

/// A csv_core parser for the delimiter: this thread's earlier one when there is one (a clone
/// would not do: csv_core's copies of its tables are incomplete).
fn csv_core_for(delimiter: u8) -> csv_core::Reader {
    BUILT
        .with_borrow_mut(|built| {
            let i = built.iter().position(|c| c.delimiter == delimiter)?;
            Some(built.swap_remove(i).core)
        })
        .unwrap_or_else(|| {
            csv_core::ReaderBuilder::new()
                .delimiter(delimiter)
                .comment(Some(b'#'))
                .build()
        })
}

pub fn read(
    bytes: &[u8],
    config: &SourceConfig,
    mapper: &mut RowMapper,
) -> Result<(), SourceError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut records = Records::new(bytes, *config.delimiter as u8);
    let (header_line, headers): (u64, Vec<String>) = match records.next() {
        Read::Record(line, h) if !h.iter().all(|h| h.trim().is_empty()) => {
            (line, h.iter().map(str::to_string).collect())
        }
        Read::Record(..) | Read::End => return Err(mapper.fail(empty_file())),
        Read::NotUtf8 { line, field } => return Err(mapper.fail(not_utf8(line, field))),
    };
    let mut seen_headers = std::collections::HashSet::new();
    if let Some(dup) = headers
        .iter()
        .map(|h| h.trim())
        .find(|h| !h.is_empty() && !seen_headers.insert(*h))
    {
        return Err(mapper.fail(whole_file(
            Some(header_line),
            None,
            format!(
                "the header has two columns named {dup:?}; rename one so it is clear which to read"
            ),
        )));
    }
    let columns: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_string(), i))
        .collect();
    let mut wanted: Vec<&str> = vec![config.date.as_str()];
    wanted.extend(config.dimensions.iter().map(String::as_str));
    match config.layout {
        Layout::Wide => wanted.extend(config.columns.keys().map(String::as_str)),
        Layout::Long => {
            wanted.extend([config.metric_column.as_str(), config.value_column.as_str()])
        }
    }
    for w in wanted {
        if !columns.contains_key(w) {
            let found: Vec<&str> = headers.iter().map(|h| h.trim()).collect();
            return Err(mapper.fail(BadRow {
                line: Some(header_line),
                column: None,
                record: None,
                field: Some(w.to_string()),
                message: format!(
                    "column {w:?} named in the source's config is not in the header; found: {}",
                    found.join(", ")
                ),
            }));
        }
    }
    let at: Vec<Option<usize>> = mapper
        .fields()
        .iter()
        .map(|f| columns.get(*f).copied())
        .collect();
    mapper.expect_rows(memchr::memchr_iter(b'\n', bytes).count());
    loop {
        let (line, record) = match records.next() {
            Read::End => break,
            Read::Record(line, record) => (line, record),
            Read::NotUtf8 { line, field } => {
                mapper.bad_row(not_utf8(line, field))?;
                continue;
            }
        };
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue; // a blank line
        }
        if record.len() != headers.len() {
            mapper.bad_row(whole_file(
                Some(line),
                None,
                format!(
                    "the row has {} fields but the header has {}",
                    record.len(),
                    headers.len()
                ),
            ))?;
            continue;
        }
        mapper.add(&CsvRow {
            columns: &columns,
            at: &at,
            record,
            line,
        })?;
    }
    Ok(())
}

fn empty_file() -> BadRow {
    whole_file(
        Some(1),
        None,
        "the file is empty: expected a header row".into(),
    )
}

fn not_utf8(line: u64, field: usize) -> BadRow {
    whole_file(
        Some(line),
        None,
        format!(
            "field {} is not valid UTF-8: save the file as UTF-8",
            field + 1
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    type Rows = Vec<(u64, Result<Vec<String>, usize>)>;

    /// Every record as (line, fields), or (line, the field not UTF-8).
    fn all(input: &[u8], delimiter: u8, in_place: bool) -> Rows {
        let mut records = Records::new(input, delimiter);
        let mut out = Vec::new();
        loop {
            match records.next_with(in_place) {
                Read::Record(line, f) => out.push((line, Ok(f.iter().map(String::from).collect()))),
                Read::NotUtf8 { line, field } => out.push((line, Err(field))),
                Read::End => return out,
            }
        }
    }

    /// Fields as csv_core alone reads them, record after record (its lines are not ours).
    fn csv_core_alone(mut input: &[u8], delimiter: u8) -> Vec<Result<Vec<String>, usize>> {
        let mut core = csv_core::ReaderBuilder::new()
            .delimiter(delimiter)
            .comment(Some(b'#'))
            .build();
        let (mut out, mut ends, mut records) = ([0; 4096], [0; 256], Vec::new());
        let (mut len, mut count) = (0, 0);
        loop {
            let (result, read, written, ended) =
                core.read_record(input, &mut out[len..], &mut ends[count..]);
            input = &input[read..];
            (len, count) = (len + written, count + ended);
            match result {
                ReadRecordResult::Record => {
                    let fields: Vec<&[u8]> = (0..count)
                        .map(|i| &out[if i == 0 { 0 } else { ends[i - 1] }..ends[i]])
                        .collect();
                    records.push(
                        match fields.iter().position(|f| std::str::from_utf8(f).is_err()) {
                            Some(bad) => Err(bad),
                            None => Ok(fields
                                .iter()
                                .map(|f| String::from_utf8_lossy(f).into())
                                .collect()),
                        },
                    );
                    (len, count) = (0, 0);
                }
                ReadRecordResult::End => return records,
                _ => {}
            }
        }
    }

    /// Records split in place are those csv_core reads, with the same fields and lines, on
    /// random bytes made of delimiters, line ends, quotes, comment marks and (broken) UTF-8.
    #[test]
    fn splitting_in_place_reads_as_csv_core_does() {
        let alphabet: &[&[u8]] = &[
            b"a",
            b"1",
            b",",
            b";",
            b"\r",
            b"\n",
            b"\r\n",
            b"#",
            b" ",
            b"\"",
            b"\",\"",
            b"\"\"",
            "é".as_bytes(),
            b"\xC3",
            b"\xFF",
        ];
        let mut rng = fastrand::Rng::with_seed(23);
        for _ in 0..5_000 {
            // Half the files are UTF-8 throughout (checked once), half may not be.
            let letters = alphabet.len() - if rng.bool() { 2 } else { 0 };
            let input: Vec<u8> = (0..rng.usize(0..40))
                .flat_map(|_| alphabet[rng.usize(..letters)].iter().copied())
                .collect();
            for delimiter in [b',', b';', b'#', b'\n'] {
                let in_place = all(&input, delimiter, true);
                let shown = (String::from_utf8_lossy(&input), delimiter as char);
                assert_eq!(in_place, all(&input, delimiter, false), "{shown:?}");
                // A comment ending the file without a line end is an empty record to csv_core
                // alone: `read` skips those as blank lines.
                let blank = |r: &Result<Vec<String>, usize>| r.as_ref().is_ok_and(|f| f == &[""]);
                let mut fields: Vec<_> = in_place.into_iter().map(|r| r.1).collect();
                let mut alone = csv_core_alone(&input, delimiter);
                fields.retain(|r| !blank(r));
                alone.retain(|r| !blank(r));
                assert_eq!(fields, alone, "{shown:?}");
            }
        }
    }

    /// A record's line is the one it starts on, past blank lines, comments and `\r\n` ends
    /// (csv_core's own count stands on the line before, in a Windows file on every row).
    #[test]
    fn records_are_on_the_lines_they_start_on() {
        let input = b"# export\r\ndate,x\r\n2026-10-01,\"a\r\nb\"\r\n\r\n# note\r\n2026-10-02,\"c\"\"\"\r\n";
        let rows = vec![
            (2, Ok(vec!["date".into(), "x".into()])),
            (3, Ok(vec!["2026-10-01".into(), "a\r\nb".into()])),
            (7, Ok(vec!["2026-10-02".into(), "c\"".into()])),
        ];
        assert_eq!(all(input, b',', true), rows);
        assert_eq!(all(input, b',', false), rows);
    }
}
