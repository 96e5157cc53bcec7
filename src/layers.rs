//! The layer order of the source tree, checked: every `src/**/*.rs` file may use only its own
//! layer and those listed before it, and sibling modules may not use each other both ways.
//! Reads the files' `crate::…`, `execreport::…` and `super::…` paths (comments skipped).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first; each may use only those before it. The last three are the
/// binary (`src/main.rs` declares `cli` and `cmd`).
const LAYERS: &[&str] = &[
    "period", "metrics", "locale", "charts", "files", "format", "config", "sources", "storage",
    "session", "model", "analysis", "report", "render", "ledger", "deliver", "publish", "overview",
    "batch", "preview", "cli", "cmd", "main",
];

/// Crates only the binary uses: argument parsing and progress bars.
const BINARY_CRATES: &[&str] = &["clap", "indicatif"];

/// Items of the library's root (`src/lib.rs`), usable from every layer.
const ROOT_ITEMS: &[&str] = &["closed_set", "error_chain", "panic_message", "FastMap"];

const BINARY: &[&str] = &["main", "cli", "cmd"];

/// A file's module path: `src/render/pdf/layout.rs` → `[render, pdf, layout]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The identifiers after each `prefix` in `code`: `crate::render::view::Tile` →
/// `[render, view, Tile]`. Braced groups end the path.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut rest = &code[at + prefix.len()..];
        let mut path = Vec::new();
        loop {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if end == 0 {
                break;
            }
            path.push(rest[..end].to_string());
            match rest[end..].strip_prefix("::") {
                Some(more) => rest = more,
                None => break,
            }
        }
        // `crate::render::{a, b}` stops before the brace: the module is still known.
        if !path.is_empty() {
            found.push(path);
        }
    }
    found
}

/// A file's code without its comments (doc links are not dependencies).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every violation in the tree under `src`.
fn violations(src: &Path) -> Vec<String> {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(src, f)).collect();
    let mut problems = Vec::new();
    // Edges between sibling modules: parent → (child, sibling it uses).
    let mut siblings: BTreeMap<Vec<String>, BTreeSet<(String, String)>> = BTreeMap::new();
    for file in &files {
        let module = module_of(src, file);
        let shown = file.strip_prefix(src).unwrap().display().to_string();
        let Some(top) = module.first().cloned() else {
            continue;
        };
        if top == "lib" || top == "layers" {
            continue;
        }
        let Some(own) = rank(&top) else {
            problems.push(format!(
                "src/{shown}: module {top:?} is in no layer (add it to LAYERS)"
            ));
            continue;
        };
        let code = code_of(&std::fs::read_to_string(file).expect("readable"));
        let in_binary = BINARY.contains(&top.as_str());
        for krate in BINARY_CRATES {
            let named =
                code.contains(&format!("{krate}::")) || code.contains(&format!("use {krate}"));
            if !in_binary && named {
                problems.push(format!(
                    "src/{shown}: the library uses {krate}, a crate of the binary"
                ));
            }
        }
        let mut used: Vec<Vec<String>> = paths_after(&code, "crate::");
        if in_binary {
            used.extend(paths_after(&code, "execreport::"));
        }
        // `super::x` outside unit tests, resolved against the file's module.
        let outside_tests = code.split("#[cfg(test)]").next().unwrap_or("");
        for path in paths_after(outside_tests, "super::") {
            let depth = module.len().saturating_sub(1);
            let mut full: Vec<String> = module[..depth].to_vec();
            full.extend(path);
            if !full.is_empty() {
                used.push(full);
            }
        }
        for path in used {
            let first = &path[0];
            if ROOT_ITEMS.contains(&first.as_str()) {
                continue;
            }
            match rank(first) {
                None => problems.push(format!("src/{shown}: uses {first:?}, in no layer")),
                Some(r) if r > own => problems.push(format!(
                    "src/{shown}: layer {top:?} uses {}, a later layer",
                    path.join("::")
                )),
                _ => {}
            }
            let common = module.iter().zip(&path).take_while(|(a, b)| a == b).count();
            if common == 0 || common >= module.len() || common >= path.len() {
                continue;
            }
            let parent = module[..common].to_vec();
            let mut target = parent.clone();
            target.push(path[common].clone());
            if modules.contains(&target) {
                siblings
                    .entry(parent)
                    .or_default()
                    .insert((module[common].clone(), path[common].clone()));
            }
        }
    }
    for (parent, edges) in &siblings {
        for (a, b) in edges {
            if a < b && edges.contains(&(b.clone(), a.clone())) {
                problems.push(format!(
                    "{0}::{a} and {0}::{b} use each other; one must own what both need",
                    parent.join("::")
                ));
            }
        }
    }
    problems
}

#[test]
fn each_layer_uses_only_earlier_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = violations(&src);
    assert!(
        problems.is_empty(),
        "layer order {LAYERS:?} broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_bad_import_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("metrics")).unwrap();
    std::fs::write(src.join("period.rs"), "use crate::metrics::Unit;\n").unwrap();
    std::fs::write(
        src.join("charts.rs"),
        "#[derive(clap::ValueEnum)]\nenum A {}\n",
    )
    .unwrap();
    std::fs::write(src.join("metrics/mod.rs"), "mod a;\nmod b;\n").unwrap();
    std::fs::write(src.join("metrics/a.rs"), "use super::b::X;\n").unwrap();
    std::fs::write(src.join("metrics/b.rs"), "use crate::metrics::a::Y;\n").unwrap();
    let problems = violations(src);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(
        problems[0].contains("src/charts.rs: the library uses clap"),
        "{problems:#?}"
    );
    assert!(problems[1].contains("src/period.rs"), "{problems:#?}");
    assert!(
        problems[2].contains("metrics::a and metrics::b"),
        "{problems:#?}"
    );
}
