//! The bytes of the input hash: a value as JSON with every object's keys sorted, exactly as
//! `serde_json::to_value(v)?.to_string()` prints it (the ledger keeps these hashes, and a
//! report's approval holds while its hash does), written without building the `Value` tree,
//! which took a B-tree node and a `String` per field of the report model.
//!
//! Scalars and strings are printed by serde_json itself; an object's members are written in
//! the order given and, when that is not key order, moved into it as the object closes (the
//! last of a repeated key wins, as a map keeps it). Numbers are printed as `Value` keeps them:
//! an `f32` widened to `f64`. Map keys may be strings, integers or booleans (the model's maps
//! are keyed by strings); a float or optional key would not print as serde_json prints it.

use std::borrow::Cow;

use serde::ser::{self, Serialize, Serializer};
use serde_json::{Error, Value};

/// `value` as sorted-key JSON, leaving out the `field`s of structs named `within`.
pub fn to_vec(value: &impl Serialize, skip: Skip) -> Result<Vec<u8>, Error> {
    let mut canonical = Canonical {
        out: Vec::with_capacity(64 * 1024),
        skip,
        members: Vec::new(),
        scratch: Vec::new(),
    };
    value.serialize(&mut canonical)?;
    Ok(canonical.out)
}

/// A struct field that does not count: (struct name, field name).
pub type Skip = &'static [(&'static str, &'static str)];

struct Canonical {
    out: Vec<u8>,
    skip: Skip,
    /// The members of the objects being written, innermost last: each member's key and where
    /// its `"key":value` was written.
    members: Vec<(Cow<'static, str>, std::ops::Range<usize>)>,
    /// An unsorted object's members while they are put in order.
    scratch: Vec<u8>,
}

impl Canonical {
    fn scalar(&mut self, v: &impl Serialize) -> Result<(), Error> {
        serde_json::to_writer(&mut self.out, v)
    }

    fn object(&mut self, name: Option<&'static str>) -> Object<'_> {
        self.out.push(b'{');
        Object {
            body: self.out.len(),
            first_member: self.members.len(),
            key: None,
            name,
            canonical: self,
        }
    }

    /// `{"variant":` before a variant's content (closed by `}` after it).
    fn open_variant(&mut self, variant: &str) -> Result<(), Error> {
        self.out.push(b'{');
        self.scalar(&variant)?;
        self.out.push(b':');
        Ok(())
    }
}

/// An array being written; `variant` when it is a tuple variant's content.
pub struct Seq<'a> {
    canonical: &'a mut Canonical,
    first: bool,
    variant: bool,
}

/// An object being written, its members in the order given (most objects of a report model
/// are already in key order: a small struct, a sorted map) until [`Object::close`].
pub struct Object<'a> {
    canonical: &'a mut Canonical,
    /// Where the members start, after the `{`.
    body: usize,
    /// This object's first entry in [`Canonical::members`].
    first_member: usize,
    /// A map's key, until its value comes.
    key: Option<Cow<'static, str>>,
    /// The struct's name, for the fields to skip.
    name: Option<&'static str>,
}

impl<'a> Object<'a> {
    /// A struct's field, unless it is one to skip.
    fn field(&mut self, key: &'static str, value: &(impl Serialize + ?Sized)) -> Result<(), Error> {
        if let Some(name) = self.name
            && self.canonical.skip.contains(&(name, key))
        {
            return Ok(());
        }
        self.member(Cow::Borrowed(key), value)
    }

    fn member(
        &mut self,
        key: Cow<'static, str>,
        value: &(impl Serialize + ?Sized),
    ) -> Result<(), Error> {
        let c = &mut *self.canonical;
        if c.members.len() > self.first_member {
            c.out.push(b',');
        }
        let from = c.out.len();
        serde_json::to_writer(&mut c.out, key.as_ref())?;
        c.out.push(b':');
        value.serialize(&mut *c)?;
        let to = c.out.len();
        c.members.push((key, from..to));
        Ok(())
    }

    /// Puts the members in key order when they are not, and closes the object.
    fn close(self) -> Result<&'a mut Canonical, Error> {
        let c = self.canonical;
        let members = &mut c.members[self.first_member..];
        if !members.windows(2).all(|w| w[0].0 < w[1].0) {
            c.scratch.clear();
            c.scratch.extend_from_slice(&c.out[self.body..]);
            c.out.truncate(self.body);
            // Stable: of a repeated key, the last written stays last and is kept.
            members.sort_by(|a, b| a.0.cmp(&b.0));
            let mut first = true;
            for (i, (key, range)) in members.iter().enumerate() {
                if members.get(i + 1).is_some_and(|(next, _)| next == key) {
                    continue;
                }
                if !first {
                    c.out.push(b',');
                }
                first = false;
                c.out
                    .extend_from_slice(&c.scratch[range.start - self.body..range.end - self.body]);
            }
        }
        c.members.truncate(self.first_member);
        c.out.push(b'}');
        Ok(c)
    }
}

/// Values printed by serde_json as they are: numbers, booleans, characters, strings, bytes.
macro_rules! scalars {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.scalar(&v)
        }
    )*};
}

impl<'a> Serializer for &'a mut Canonical {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Variant<'a>;

    scalars!(
        serialize_bool: bool,
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_f64: f64,
        serialize_char: char,
        serialize_str: &str,
        serialize_bytes: &[u8]
    );
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.scalar(&serde_json::to_value(v)?)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.scalar(&serde_json::to_value(v)?)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.scalar(&Value::from(v))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.scalar(&())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.scalar(&())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.scalar(&())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.scalar(&variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant)?;
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        self.out.push(b'[');
        Ok(Seq {
            canonical: self,
            first: true,
            variant: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Seq<'a>, Error> {
        self.open_variant(variant)?;
        let mut seq = self.serialize_seq(Some(len))?;
        seq.variant = true;
        Ok(seq)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Object<'a>, Error> {
        Ok(self.object(None))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Object<'a>, Error> {
        Ok(self.object(Some(name)))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Variant<'a>, Error> {
        self.open_variant(variant)?;
        Ok(Variant(self.object(None)))
    }
}

impl Seq<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.canonical.out.push(b',');
        }
        self.first = false;
        value.serialize(&mut *self.canonical)
    }

    fn close(self) -> Result<(), Error> {
        self.canonical.out.push(b']');
        if self.variant {
            self.canonical.out.push(b'}');
        }
        Ok(())
    }
}

/// The four kinds of serde sequence, written alike.
macro_rules! sequence {
    ($($kind:ident::$add:ident),*) => {$(
        impl ser::$kind for Seq<'_> {
            type Ok = ();
            type Error = Error;
            fn $add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

sequence!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // As `Value` keys a map: strings, and numbers and booleans as their text.
        let key = match serde_json::to_value(key)? {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => return Err(ser::Error::custom("key must be a string")),
        };
        self.key = Some(Cow::Owned(key));
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <Error as ser::Error>::custom("a map value without its key"))?;
        self.member(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close().map(drop)
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close().map(drop)
    }
}

/// A struct variant's content: an object closed by the variant's `}`.
pub struct Variant<'a>(Object<'a>);

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.0.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.0.close()?.out.push(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use serde::Serialize;

    use super::*;

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(f32),
        Tuple(u8, Option<i64>),
        Struct { z: char, a: Vec<u8> },
    }

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Pair(i8, &'static str);

    #[derive(Serialize)]
    struct Inner {
        zeta: f64,
        alpha: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        gone: Option<u8>,
    }

    #[derive(Serialize)]
    struct FetchInfo {
        from_cache: bool,
        end: u32,
    }

    #[derive(Serialize)]
    struct Outer {
        shapes: Vec<Shape>,
        #[serde(rename = "B")]
        b: Inner,
        #[serde(flatten)]
        extra: BTreeMap<String, i32>,
        by_number: HashMap<u16, Unit>,
        pair: Pair,
        bytes: serde_bytes_like::Bytes,
        text: String,
        nan: f64,
        big: u128,
        fetched: FetchInfo,
    }

    mod serde_bytes_like {
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    /// Every kind of serde value prints as `serde_json::to_value` then `to_string` print it.
    #[test]
    fn prints_what_a_json_value_prints() {
        let outer = Outer {
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(0.1),
                Shape::Tuple(7, None),
                Shape::Struct {
                    z: 'é',
                    a: vec![1, 2],
                },
            ],
            b: Inner {
                zeta: 1.0,
                alpha: Some("tab\t\"quote\" \u{1f600} \u{7f}".into()),
                gone: None,
            },
            // Flattened into the outer object: "B" and "text" repeated, "Ä" after the ASCII.
            extra: BTreeMap::from([
                ("text".into(), 1),
                ("B".into(), 2),
                ("Ä".into(), 3),
                ("a".into(), 4),
            ]),
            by_number: HashMap::from([(10, Unit), (9, Unit), (100, Unit)]),
            pair: Pair(-3, "x"),
            bytes: serde_bytes_like::Bytes(vec![0, 255]),
            text: "line\nbreak".into(),
            nan: f64::NAN,
            big: u128::from(u64::MAX),
            fetched: FetchInfo {
                from_cache: true,
                end: 3,
            },
        };
        let mut want = serde_json::to_value(&outer).unwrap();
        want["fetched"]
            .as_object_mut()
            .unwrap()
            .remove("from_cache");
        let got = to_vec(&outer, &[("FetchInfo", "from_cache")]).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), want.to_string());
    }
}
