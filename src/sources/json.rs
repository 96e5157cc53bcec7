//! JSON files holding an array of records (objects), at the root or under a JSON pointer.

use std::borrow::Cow;

use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::records::{Cell, Field, Record, RowMapper};
use super::{BadRow, SourceError, whole_file};
use crate::config::schema::SourceConfig;

/// A JSON tree as a record reads it: serde_json's values (rows fetched from an API) or a
/// file's [`Node`]s.
pub trait Tree: Sized {
    /// A member of an object (the last of a repeated name, as serde_json keeps it).
    fn member(&self, key: &str) -> Option<&Self>;
    fn item(&self, index: usize) -> Option<&Self>;
    fn is_object(&self) -> bool;
    fn cell(&self) -> Cell<'_>;
    /// "a number", "an array"…, for messages.
    fn kind(&self) -> &'static str;
}

impl Tree for Value {
    fn member(&self, key: &str) -> Option<&Self> {
        self.as_object()?.get(key)
    }

    fn item(&self, index: usize) -> Option<&Self> {
        self.as_array()?.get(index)
    }

    fn is_object(&self) -> bool {
        self.is_object()
    }

    fn cell(&self) -> Cell<'_> {
        match self {
            Value::Null => Cell::Missing,
            Value::Number(n) => n.as_f64().map_or(Cell::Missing, Cell::Number),
            Value::String(s) => Cell::Text(s),
            Value::Bool(b) => Cell::Text(if *b { "true" } else { "false" }),
            Value::Array(_) | Value::Object(_) => Cell::Text("[nested value]"),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// A JSON value of a file, its strings borrowed from the file's bytes where they have no
/// escapes: a file of 25 months of rows is parsed without a map and a string per field.
#[derive(Debug)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    /// serde_json's `as_f64` of the number: what a record reads of it.
    Number(f64),
    String(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl Tree for Node<'_> {
    fn member(&self, key: &str) -> Option<&Self> {
        match self {
            Node::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn item(&self, index: usize) -> Option<&Self> {
        match self {
            Node::Array(items) => items.get(index),
            _ => None,
        }
    }

    fn is_object(&self) -> bool {
        matches!(self, Node::Object(_))
    }

    fn cell(&self) -> Cell<'_> {
        match self {
            Node::Null => Cell::Missing,
            Node::Number(n) => Cell::Number(*n),
            Node::String(s) => Cell::Text(s),
            Node::Bool(b) => Cell::Text(if *b { "true" } else { "false" }),
            Node::Array(_) | Node::Object(_) => Cell::Text("[nested value]"),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Number(_) => "a number",
            Node::String(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(b))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n as f64))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Node<'de>, E> {
        Ok(Node::Number(n))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s.to_string())))
    }

    fn visit_string<E>(self, s: String) -> Result<Node<'de>, E> {
        Ok(Node::String(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            members.push((key, map.next_value()?));
        }
        Ok(Node::Object(members))
    }
}

/// An object's key, borrowed where it has no escapes (`Cow`'s own impl always copies).
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(s))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s.to_string()))
    }

    fn visit_string<E>(self, s: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s))
    }
}

struct JsonRow<'a, T> {
    object: &'a T,
    index: usize,
}

impl<T: Tree> Record for JsonRow<'_, T> {
    fn cell(&self, field: Field<'_>) -> Cell<'_> {
        lookup(self.object, field.name).map_or(Cell::Missing, T::cell)
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
fn lookup<'a, T: Tree>(object: &'a T, field: &str) -> Option<&'a T> {
    match field.strip_prefix('/') {
        Some(tokens) => walk(object, tokens, false),
        None => object.member(field),
    }
}

/// The value at a JSON pointer, as serde_json's `Value::pointer` finds it.
fn pointer<'a, T: Tree>(root: &'a T, pointer: &str) -> Option<&'a T> {
    if pointer.is_empty() {
        return Some(root);
    }
    walk(root, pointer.strip_prefix('/')?, true)
}

/// Follows a pointer's `/`-separated tokens (`~1` is `/`, `~0` is `~`) from `from`: an
/// object's member, else an array's item. `strict` indexes as serde_json's `Value::pointer`
/// does (no sign, no leading zeros); a record's field pointers have always taken any number.
fn walk<'a, T: Tree>(from: &'a T, tokens: &str, strict: bool) -> Option<&'a T> {
    tokens
        .split('/')
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .try_fold(from, |current, part| match current.member(&part) {
            Some(member) => Some(member),
            None if strict
                && (part.starts_with('+') || (part.starts_with('0') && part.len() > 1)) =>
            {
                None
            }
            None => current.item(part.parse().ok()?),
        })
}

pub fn read(
    bytes: &[u8],
    config: &SourceConfig,
    mapper: &mut RowMapper,
) -> Result<(), SourceError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // A file checked as UTF-8 once is parsed as text: its strings are not checked one by one.
    let root: Result<Node, _> = match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    };
    let root = root.map_err(|e| {
        mapper.fail(whole_file(
            Some(e.line() as u64),
            Some(e.column() as u64),
            format!("invalid JSON: {e}"),
        ))
    })?;
    let path = config.records.as_deref().unwrap_or("");
    let records = match pointer(&root, path) {
        Some(Node::Array(records)) => records,
        _ => {
            return Err(mapper.fail(whole_file(
                None,
                None,
                format!(
                    "expected an array of records at JSON pointer {:?}{}",
                    path,
                    if path.is_empty() {
                        " (the root); set `records: /path/to/array`"
                    } else {
                        ""
                    }
                ),
            )));
        }
    };
    read_records(records, mapper)
}

/// Maps an array of JSON records (a file's, or rows fetched from an API).
pub fn read_records<T: Tree>(records: &[T], mapper: &mut RowMapper) -> Result<(), SourceError> {
    mapper.expect_rows(records.len());
    for (index, item) in records.iter().enumerate() {
        if item.is_object() {
            mapper.add(&JsonRow {
                object: item,
                index,
            })?;
        } else {
            mapper.bad_row(BadRow {
                line: None,
                column: None,
                record: Some(index + 1),
                field: None,
                message: format!("expected an object, found {}", item.kind()),
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(cell: Option<Cell<'_>>) -> String {
        match cell {
            None => "absent".into(),
            Some(Cell::Missing) => "missing".into(),
            Some(Cell::Text(t)) => format!("text {t:?}"),
            Some(Cell::Number(n)) => format!("number {n:e} {}", n.is_sign_negative()),
        }
    }

    /// A file's borrowed tree reads every field as serde_json's values read it.
    #[test]
    fn a_file_reads_as_serde_json_values_read_it() {
        let doc = r#"{"data": {"rows": [
            {"date": "2026-10-01", "n": 12, "big": 18446744073709551615, "neg": -0,
             "f": 1.25e3, "huge": 123456789012345678901234567890, "s": "a\"b\u00e9",
             "esc\/aped": 1, "dup": 1, "dup": 2, "t": true, "nil": null,
             "nested": {"a/b": {"c~d": [5, {"x": "deep"}]}}, "arr": [1, 2]}
        ], "0": {"01": "zero-one"}, "list": [["in"]]}}"#;
        let value: Value = serde_json::from_str(doc).unwrap();
        let node: Node = serde_json::from_str(doc).unwrap();
        let v = pointer(&value, "/data/rows/0").unwrap();
        let n = pointer(&node, "/data/rows/0").unwrap();
        for field in [
            "date",
            "n",
            "big",
            "neg",
            "f",
            "huge",
            "s",
            "esc/aped",
            "dup",
            "t",
            "nil",
            "nested",
            "arr",
            "absent",
            "/nested/a~1b/c~0d/0",
            "/nested/a~1b/c~0d/1/x",
            "/nested/a~1b/c~0d/01",
            "/nested/a~1b/c~0d/+1",
            "/arr/1",
            "/arr/2",
            "/n/0",
            "/nested",
            "/",
            "/dup",
        ] {
            assert_eq!(
                shown(lookup(n, field).map(|x| x.cell())),
                shown(lookup(v, field).map(|x| Tree::cell(x))),
                "{field}"
            );
        }
        for path in [
            "",
            "/data",
            "/data/rows",
            "/data/rows/0",
            "/data/rows/00",
            "/data/rows/+0",
            "/data/0/01",
            "/data/list/0/0",
            "data/rows",
            "/data/rows/1",
            "/data/rows/0/arr/1",
        ] {
            assert_eq!(
                pointer(&node, path).map(Tree::kind),
                value.pointer(path).map(Tree::kind),
                "{path}"
            );
        }
    }
}
