//! A workspace of N synthetic clients for benchmarks:
//! `cargo run --release --example gen-bench-workspace -- N DIR`.
//!
//! Client i is a copy of sample client i mod 7 (so the locales, brands, channels and data
//! volumes of the samples repeat: 22 months of daily data, six languages), with its own id
//! and name. The copies read the samples' data files (linked into DIR): every report still
//! reads and aggregates its files, the disk holds them once. Live sources are left out (they
//! would need their API or cache).

use std::path::Path;

use serde_json::Value;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args
        .first()
        .and_then(|a| a.parse().ok())
        .expect("usage: N DIR");
    let dir = Path::new(args.get(1).expect("usage: N DIR"));
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let text = std::fs::read_to_string(samples.join("execreport.yaml")).unwrap();
    let mut ws: Value = serde_saphyr::from_str(&text).expect("the sample workspace parses");
    let templates: Vec<Value> = ws["clients"].as_array().unwrap().clone();
    let clients: Vec<Value> = (0..n)
        .map(|i| {
            let mut c = templates[i % templates.len()].clone();
            let id = c["id"].as_str().unwrap().to_string();
            c["id"] = Value::String(format!("{id}-{i:05}"));
            c["name"] = Value::String(format!("{} {i}", c["name"].as_str().unwrap()));
            if let Some(sources) = c["sources"].as_array_mut() {
                sources.retain(|s| matches!(s["kind"].as_str(), Some("csv" | "json")));
            }
            c
        })
        .collect();
    ws["clients"] = Value::Array(clients);
    std::fs::create_dir_all(dir).unwrap();
    // Brands may be a linked folder; data files must be inside the workspace (a symlink out
    // of it is refused), so they are hard-linked, or copied across file systems.
    let brands = dir.join("brands");
    if !brands.exists() {
        std::os::unix::fs::symlink(samples.join("brands"), brands).unwrap();
    }
    link_tree(&samples.join("data"), &dir.join("data"));
    // JSON is YAML: the workspace file is written as JSON.
    std::fs::write(
        dir.join("execreport.yaml"),
        serde_json::to_string_pretty(&ws).unwrap(),
    )
    .unwrap();
    println!("{} clients in {}", n, dir.join("execreport.yaml").display());
}

/// `from`'s files hard-linked (or copied) under `to`.
fn link_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            link_tree(&path, &target);
        } else if !target.exists() && std::fs::hard_link(&path, &target).is_err() {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}
