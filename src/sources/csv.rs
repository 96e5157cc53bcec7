//! CSV files as spreadsheets and platform exports write them: a header row, quoted fields,
//! an optional UTF-8 byte-order mark, and `#` comment lines (GA4 exports start with some).

use std::collections::HashMap;

use super::records::{Cell, Field, Record, RowMapper};
use super::{BadRow, SourceError, whole_file};
use crate::config::schema::{Layout, SourceConfig};

struct CsvRow<'a> {
    columns: &'a HashMap<String, usize>,
    /// The column of each of the mapper's fields.
    at: &'a [Option<usize>],
    record: &'a csv::StringRecord,
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

pub fn read(
    bytes: &[u8],
    config: &SourceConfig,
    mapper: &mut RowMapper,
) -> Result<(), SourceError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(*config.delimiter as u8)
        .comment(Some(b'#'))
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut headers = csv::StringRecord::new();
    match reader.read_record(&mut headers) {
        Ok(true) if !headers.iter().all(|h| h.trim().is_empty()) => {}
        Ok(_) => {
            return Err(mapper.fail(whole_file(
                Some(1),
                None,
                "the file is empty: expected a header row".into(),
            )));
        }
        Err(e) => return Err(mapper.fail(csv_error(&e))),
    }
    // The header's own position is not reliable after comment lines; count them instead.
    let header_line = 1 + bytes
        .split(|&b| b == b'\n')
        .take_while(|l| l.starts_with(b"#") || l.iter().all(u8::is_ascii_whitespace))
        .count() as u64;
    let mut seen_headers = std::collections::HashSet::new();
    if let Some(dup) = headers
        .iter()
        .map(str::trim)
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
            let found: Vec<&str> = headers.iter().map(str::trim).collect();
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
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
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
                    record: &record,
                    line,
                })?;
            }
            Err(e) => {
                let bad = csv_error(&e);
                if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    mapper.bad_row(bad)?;
                } else {
                    return Err(mapper.fail(bad));
                }
            }
        }
    }
    Ok(())
}

fn csv_error(e: &csv::Error) -> BadRow {
    let line = e.position().map(|p| p.line());
    let message = match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => {
            format!(
                "field {} is not valid UTF-8: save the file as UTF-8",
                err.field() + 1
            )
        }
        _ => format!("unreadable CSV: {e}"),
    };
    whole_file(line, None, message)
}
