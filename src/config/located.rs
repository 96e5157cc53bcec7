//! A value of the workspace file together with where it stands, so that a check made after
//! reading (a duplicate id, a setting another one rules out) can point at its line and column.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_saphyr::{Location, Spanned};

/// A value read with its position (unknown for a default). It reads as the value itself, so
/// the code that only uses the value never sees the position: the position is for messages.
#[derive(Clone)]
pub struct Located<T> {
    pub value: T,
    pub at: Location,
}

impl<T> Located<T> {
    /// A value no line of the file gave (a default).
    pub fn unplaced(value: T) -> Self {
        Located {
            value,
            at: Location::UNKNOWN,
        }
    }
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Default> Default for Located<T> {
    fn default() -> Self {
        Located::unplaced(T::default())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(d)?;
        Ok(Located {
            value: spanned.value,
            at: spanned.referenced,
        })
    }
}

/// Written as the value alone: the position is not part of what the value is.
impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// Shown as the value alone, so debug output (and what is derived from it) does not change
/// when a line moves.
impl<T: fmt::Debug> fmt::Debug for Located<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}

impl<T: fmt::Display> fmt::Display for Located<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value.fmt(f)
    }
}
