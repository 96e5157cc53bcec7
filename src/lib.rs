//! execreport: white-label executive reports for digital-marketing agencies.
//!
//! The pipeline, one module per stage: [`config`] → [`sources`] → [`metrics`] → [`analysis`]
//! → [`report`] → render → [`deliver`].

/// A closed set of states or kinds, each with the text it is known by outside the program (in
/// JSON, in the ledger, on the terminal): an enum with `as_str`, `Display` (padded like a
/// string, for aligned columns), `FromStr` (an unknown text is an error naming `$what`) and
/// serde under the same texts.
#[macro_export]
macro_rules! closed_set {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        $vis enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// The text this is known by.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> ::std::result::Result<Self, String> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(format!(
                        concat!("unknown ", $what, " {:?}: expected one of {}"),
                        other,
                        [$($text),+].join(", ")
                    )),
                }
            }
        }
    };
}

pub mod analysis;
pub mod batch;
pub mod charts;
pub mod config;
pub mod deliver;
pub mod files;
pub mod format;
#[cfg(test)]
mod layers;
pub mod ledger;
pub mod locale;
pub mod metrics;
pub mod model;
pub mod overview;
pub mod period;
pub mod preview;
pub mod publish;
pub mod render;
pub mod report;
pub mod session;
pub mod sources;
pub mod storage;

/// A hash map for keys built in hot loops (a file's rows, a PDF's glyphs): foldhash, several
/// times faster than SipHash on short keys, still seeded per map; already in the tree through
/// hashbrown.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// An error and its causes as one line, the way `anyhow` shows them with `{:#}`: for errors
/// kept as text (the ledger, the preview's pages).
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        text.push_str(": ");
        text.push_str(&e.to_string());
        cause = e.source();
    }
    text
}

/// The message of a caught panic (`panic!` with a literal or a formatted string).
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}
