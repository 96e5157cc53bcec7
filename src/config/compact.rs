//! Collections of the workspace file stored without spare room: a 10,000-client workspace
//! holds 60,000 sources, and room for entries that never come adds up to tens of megabytes.
//! A source's `columns` hold five or so entries where a B-tree allocates room for eleven (some
//! 70 MB in all); a list read from the file grows by doubling and kept up to a third spare.

use std::borrow::Borrow;
use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

/// Entries sorted by key, each key once; read as a YAML mapping through a `BTreeMap`, so it
/// accepts and iterates exactly as one would.
#[derive(Debug, Clone)]
pub struct SmallMap<K, V>(Box<[(K, V)]>);

impl<K: Ord, V> SmallMap<K, V> {
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Ord + ?Sized,
    {
        let i = self.0.binary_search_by(|(k, _)| k.borrow().cmp(key)).ok()?;
        Some(&self.0[i].1)
    }
}

impl<K, V> SmallMap<K, V> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.into_iter()
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        SmallMap(Box::default())
    }
}

impl<K: Ord, V> From<BTreeMap<K, V>> for SmallMap<K, V> {
    fn from(map: BTreeMap<K, V>) -> Self {
        SmallMap(map.into_iter().collect())
    }
}

/// A list read from the file, in an allocation of exactly its length (`deserialize_with`).
/// `shrink_to_fit` would not do: an allocator may keep a block that is at least half used.
pub fn exact<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Vec::deserialize(d).map(exactly)
}

/// [`exact`] for a list that may be left out.
pub fn exact_some<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Vec<T>>, D::Error> {
    Option::<Vec<T>>::deserialize(d).map(|v| v.map(exactly))
}

fn exactly<T>(grown: Vec<T>) -> Vec<T> {
    if grown.capacity() == grown.len() {
        return grown;
    }
    let mut exact = Vec::with_capacity(grown.len());
    exact.extend(grown);
    exact
}

impl<'a, K, V> IntoIterator for &'a SmallMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for SmallMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        BTreeMap::deserialize(d).map(SmallMap::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_mapping_sorted_and_finds_each_key() {
        let map: SmallMap<String, u32> =
            serde_saphyr::from_str("zeta: 1\nalpha: 2\nmid: 3\n").unwrap();
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        assert_eq!(keys, ["alpha", "mid", "zeta"]);
        assert_eq!(map.get("alpha"), Some(&2));
        assert_eq!(map.get("zeta"), Some(&1));
        assert_eq!(map.get("mid"), Some(&3));
        assert!(map.get("beta").is_none() && map.get("zz").is_none());
        assert_eq!(map.len(), 3);
        let empty: SmallMap<String, u32> = SmallMap::default();
        assert!(empty.is_empty() && empty.get("a").is_none());
    }

    #[test]
    fn a_list_is_kept_in_exactly_its_length() {
        #[derive(Deserialize)]
        struct Lists {
            #[serde(deserialize_with = "exact")]
            five: Vec<u32>,
            #[serde(default, deserialize_with = "exact_some")]
            three: Option<Vec<u32>>,
            #[serde(default, deserialize_with = "exact_some")]
            none: Option<Vec<u32>>,
        }
        let lists: Lists =
            serde_saphyr::from_str("five: [1, 2, 3, 4, 5]\nthree: [7, 8, 9]\n").unwrap();
        assert_eq!(lists.five, [1, 2, 3, 4, 5]);
        assert_eq!(lists.five.capacity(), 5);
        let three = lists.three.unwrap();
        assert_eq!((three.len(), three.capacity()), (3, 3));
        assert!(lists.none.is_none());
    }
}
