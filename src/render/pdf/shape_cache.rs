//! Shaped lines kept for the next report of the same brand kit: reports repeat the same labels
//! a lot. Bounded by two generations: when the newer one holds [`GENERATION`] texts it becomes
//! the older one and the oldest is dropped, so the names and figures that differ in each of a
//! batch's reports do not pile up (every report left some 6 KB behind), while a text used
//! again moves up and stays.

use crate::FastMap;

/// Texts per generation: a report shapes a few hundred different lines.
const GENERATION: usize = 4096;

/// How a text was shaped: size in 1/100 pt, bold, right to left.
pub type Style = (u32, bool, bool);

/// The shapes of a text (its runs), one per style it was used in.
type Shapes<V> = Vec<(Style, V)>;

pub struct ShapeCache<V> {
    newer: FastMap<String, Shapes<V>>,
    older: FastMap<String, Shapes<V>>,
}

impl<V> Default for ShapeCache<V> {
    fn default() -> Self {
        ShapeCache {
            newer: FastMap::default(),
            older: FastMap::default(),
        }
    }
}

impl<V> ShapeCache<V> {
    /// `f` of the shape of `text` in `style`, if kept: one lookup when the newer generation
    /// has the text (the shape is given to `f`, not returned: a returned one would keep the
    /// first lookup's borrow over the second, and each hit looked the text up twice).
    pub fn get_with<T>(&mut self, text: &str, style: Style, f: impl FnOnce(&V) -> T) -> Option<T> {
        if let Some(shapes) = self.newer.get(text) {
            return in_style(shapes, style).map(f);
        }
        if !self.promote(text) {
            return None;
        }
        in_style(self.newer.get(text)?, style).map(f)
    }

    /// Keeps `shape`, replacing one there was in `style` (two threads may shape a text at once).
    pub fn insert(&mut self, text: &str, style: Style, shape: V) {
        if !self.promote(text) {
            self.make_room();
        }
        let shapes = self.newer.entry(text.to_string()).or_default();
        match shapes.iter_mut().find(|(s, _)| *s == style) {
            Some((_, kept)) => *kept = shape,
            None => shapes.push((style, shape)),
        }
    }

    /// Moves `text` up from the older generation if it is there: whether the newer has it.
    fn promote(&mut self, text: &str) -> bool {
        if self.newer.contains_key(text) {
            return true;
        }
        let Some((text, shapes)) = self.older.remove_entry(text) else {
            return false;
        };
        self.make_room();
        self.newer.insert(text, shapes);
        true
    }

    /// A full newer generation becomes the older one; the older one is dropped.
    fn make_room(&mut self) {
        if self.newer.len() >= GENERATION {
            self.older = std::mem::take(&mut self.newer);
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.newer.len() + self.older.len()
    }
}

/// The shape among a text's shapes that is in `style`.
fn in_style<V>(shapes: &Shapes<V>, style: Style) -> Option<&V> {
    shapes.iter().find(|(s, _)| *s == style).map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> String {
        format!("shaped {text}")
    }

    #[test]
    fn keeps_each_style_of_a_text() {
        let mut cache = ShapeCache::default();
        cache.insert("Sessions", (1000, false, false), run("a"));
        cache.insert("Sessions", (1000, true, false), run("b"));
        assert_eq!(
            cache
                .get_with("Sessions", (1000, true, false), String::clone)
                .unwrap(),
            "shaped b"
        );
        assert_eq!(
            cache
                .get_with("Sessions", (1000, false, false), String::clone)
                .unwrap(),
            "shaped a"
        );
        assert!(
            cache
                .get_with("Sessions", (1200, false, false), |_| ())
                .is_none()
        );
        assert!(
            cache
                .get_with("Users", (1000, false, false), |_| ())
                .is_none()
        );
        // Shaped again (by another thread): replaced, not kept twice.
        cache.insert("Sessions", (1000, true, false), run("c"));
        assert_eq!(
            cache
                .get_with("Sessions", (1000, true, false), String::clone)
                .unwrap(),
            "shaped c"
        );
        assert_eq!(cache.newer["Sessions"].len(), 2);
    }

    #[test]
    fn stays_bounded_and_keeps_what_is_used_again() {
        let mut cache = ShapeCache::default();
        let style = (1000, false, false);
        cache.insert("Sessions", style, run("Sessions"));
        // A batch's reports: each shapes the common label and texts of its own.
        for report in 0..20 {
            assert!(
                cache.get_with("Sessions", style, |_| ()).is_some(),
                "report {report}"
            );
            for i in 0..1000 {
                let own = format!("Client {report} figure {i}");
                cache.insert(&own, style, run(&own));
            }
        }
        assert!(cache.len() <= 2 * GENERATION, "{} texts kept", cache.len());
        assert!(cache.get_with("Sessions", style, |_| ()).is_some());
        assert!(
            cache
                .get_with("Client 19 figure 999", style, |_| ())
                .is_some()
        );
        assert!(cache.get_with("Client 0 figure 0", style, |_| ()).is_none());
    }
}
