//! JSON files holding an array of records (objects), at the root or under a JSON pointer.

use serde_json::Value;

use super::records::{Cell, Field, Record, RowMapper};
use super::{BadRow, SourceError, whole_file};
use crate::config::schema::SourceConfig;

struct JsonRow<'a> {
    object: &'a serde_json::Map<String, Value>,
    index: usize,
}

impl Record for JsonRow<'_> {
    fn cell(&self, field: Field<'_>) -> Cell<'_> {
        match lookup(self.object, field.name) {
            None | Some(Value::Null) => Cell::Missing,
            Some(Value::Number(n)) => n.as_f64().map_or(Cell::Missing, Cell::Number),
            Some(Value::String(s)) => Cell::Text(s),
            Some(Value::Bool(b)) => Cell::Text(if *b { "true" } else { "false" }),
            Some(_) => Cell::Text("[nested value]"),
        }
    }

    fn place(&self, field: Option<&str>) -> BadRow {
        BadRow {
            line: None,
            column: None,
            record: Some(self.index + 1),
            field: field.map(str::to_string),
            message: String::new(),
        }
    }
}

/// A top-level key, or a JSON pointer (`/metrics/sessions`) into the record.
fn lookup<'a>(object: &'a serde_json::Map<String, Value>, field: &str) -> Option<&'a Value> {
    let Some(pointer) = field.strip_prefix('/') else {
        return object.get(field);
    };
    let mut parts = pointer
        .split('/')
        .map(|p| p.replace("~1", "/").replace("~0", "~"));
    let mut current = object.get(&parts.next()?)?;
    for part in parts {
        current = match current {
            Value::Object(o) => o.get(&part)?,
            Value::Array(a) => a.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(current)
}

pub fn read(
    bytes: &[u8],
    config: &SourceConfig,
    mapper: &mut RowMapper,
) -> Result<(), SourceError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root: Value = serde_json::from_slice(bytes).map_err(|e| {
        mapper.fail(whole_file(
            Some(e.line() as u64),
            Some(e.column() as u64),
            format!("invalid JSON: {e}"),
        ))
    })?;
    let pointer = config.records.as_deref().unwrap_or("");
    let records = root
        .pointer(pointer)
        .and_then(Value::as_array)
        .ok_or_else(|| {
            mapper.fail(whole_file(
                None,
                None,
                format!(
                    "expected an array of records at JSON pointer {:?}{}",
                    pointer,
                    if pointer.is_empty() {
                        " (the root); set `records: /path/to/array`"
                    } else {
                        ""
                    }
                ),
            ))
        })?;
    read_records(records, mapper)
}

/// Maps an array of JSON records (a file's, or rows fetched from an API).
pub fn read_records(records: &[Value], mapper: &mut RowMapper) -> Result<(), SourceError> {
    for (index, item) in records.iter().enumerate() {
        match item.as_object() {
            Some(object) => mapper.add(&JsonRow { object, index })?,
            None => mapper.bad_row(BadRow {
                line: None,
                column: None,
                record: Some(index + 1),
                field: None,
                message: format!("expected an object, found {}", kind(item)),
            })?,
        }
    }
    Ok(())
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
