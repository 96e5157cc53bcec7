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

/// One record's fields: their text one after another and where each ends.
#[derive(Clone, Copy)]
struct Fields<'a> {
    text: &'a str,
    ends: &'a [usize],
}

impl<'a> Fields<'a> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> Option<&'a str> {
        self.text.get(span(self.ends, i)?)
    }

    fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }
}

/// A file's records as csv_core splits them, read straight from the file's bytes into one
/// buffer for all of them (the csv crate's reader copied the input through a buffer of its own
/// and made its parser's tables anew for every file: a dozen files a report).
struct Records<'b> {
    input: &'b [u8],
    core: csv_core::Reader,
    delimiter: u8,
    /// Room for a record's fields and where each ends.
    out: Vec<u8>,
    ends: Vec<usize>,
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
        let core = std::mem::take(&mut self.core);
        let delimiter = self.delimiter;
        BUILT.with_borrow_mut(|built| built.push(Built { delimiter, core }));
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
        // Taken from this thread's parsers when one for the delimiter was made before, and
        // given back when the file is read (a clone would not do: csv_core's copies of its
        // tables are incomplete).
        let core = BUILT
            .with_borrow_mut(|built| {
                let i = built.iter().position(|c| c.delimiter == delimiter)?;
                Some(built.swap_remove(i).core)
            })
            .map(|mut core| {
                core.reset();
                core
            })
            .unwrap_or_else(|| {
                csv_core::ReaderBuilder::new()
                    .delimiter(delimiter)
                    .comment(Some(b'#'))
                    .build()
            });
        Records {
            input,
            core,
            delimiter,
            out: vec![0; 1024],
            ends: vec![0; 32],
        }
    }

    /// The next record.
    fn next(&mut self) -> Read<'_> {
        // A record's line is where the reader stood when it began (as the csv crate counts).
        let line = self.core.line();
        let (mut len, mut count) = (0, 0);
        loop {
            let (result, read, written, ended) =
                self.core
                    .read_record(self.input, &mut self.out[len..], &mut self.ends[count..]);
            self.input = &self.input[read..];
            len += written;
            count += ended;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => break,
                ReadRecordResult::End => return Read::End,
            }
        }
        let (out, ends) = (&self.out[..len], &self.ends[..count]);
        match fields(out, ends) {
            Some(fields) => Read::Record(line, fields),
            None => Read::NotUtf8 {
                line,
                field: (0..count)
                    .find(|&i| {
                        span(ends, i)
                            .and_then(|span| out.get(span))
                            .is_some_and(|bytes| std::str::from_utf8(bytes).is_err())
                    })
                    .unwrap_or(0),
            },
        }
    }
}

/// Where field `i` of a record lies among its fields' bytes, given where each ends.
fn span(ends: &[usize], i: usize) -> Option<std::ops::Range<usize>> {
    let start = if i == 0 { 0 } else { *ends.get(i - 1)? };
    Some(start..*ends.get(i)?)
}

/// A record's fields, unless one of them is not UTF-8.
fn fields<'r>(out: &'r [u8], ends: &'r [usize]) -> Option<Fields<'r>> {
    let text = std::str::from_utf8(out).ok()?;
    // Valid as a whole, each field is valid when each ends between characters.
    ends.iter()
        .all(|&e| text.is_char_boundary(e))
        .then_some(Fields { text, ends })
}

pub fn read(
    bytes: &[u8],
    config: &SourceConfig,
    mapper: &mut RowMapper,
) -> Result<(), SourceError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut records = Records::new(bytes, *config.delimiter as u8);
    let headers: Vec<String> = match records.next() {
        Read::Record(_, h) if !h.iter().all(|h| h.trim().is_empty()) => {
            h.iter().map(str::to_string).collect()
        }
        Read::Record(..) | Read::End => return Err(mapper.fail(empty_file())),
        Read::NotUtf8 { line, field } => return Err(mapper.fail(not_utf8(line, field))),
    };
    // The header's own position is not reliable after comment lines; count them instead.
    let header_line = 1 + bytes
        .split(|&b| b == b'\n')
        .take_while(|l| l.starts_with(b"#") || l.iter().all(u8::is_ascii_whitespace))
        .count() as u64;
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
