//! Bad input never panics: random bytes, mutations and truncations of valid files go through
//! the CSV, JSON and YAML loaders and come back as errors (or data), never as a panic.

use std::path::Path;

use execreport::config::Workspace;
use execreport::config::schema::SourceConfig;
use execreport::metrics::catalog::Catalog;
use execreport::sources::load_bytes;

/// splitmix64: a tiny deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Truncations at every length, plus random byte flips, insertions and deletions.
fn variants(seed: &[u8], rng: &mut Rng, count: usize) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = (0..=seed.len()).map(|n| seed[..n].to_vec()).collect();
    let alphabet = b",;\"\n\r#:-[]{}. 0123456789abcXYZ\xff\xfe\xef\xbb\xbf\t\\/*&!|>%@`'";
    for _ in 0..count {
        let mut v = seed.to_vec();
        for _ in 0..1 + rng.below(6) {
            let at = rng.below(v.len() + 1);
            match rng.below(3) {
                0 if at < v.len() => v[at] = alphabet[rng.below(alphabet.len())],
                1 => v.insert(at, alphabet[rng.below(alphabet.len())]),
                _ if at < v.len() => {
                    v.remove(at);
                }
                _ => {}
            }
        }
        out.push(v);
    }
    for _ in 0..count / 4 {
        out.push((0..rng.below(200)).map(|_| rng.next() as u8).collect());
    }
    out
}

fn source(yaml: &str) -> SourceConfig {
    serde_saphyr::from_str(yaml).unwrap()
}

#[test]
fn csv_and_json_loaders_never_panic() {
    let catalog = Catalog::builtin();
    let mut rng = Rng(42);
    let wide = source(
        "id: a\nkind: csv\npath: a.csv\ndimensions: [c]\ncolumns: {x: ads.spend, y: ads.clicks}\n",
    );
    let long = source("id: r\nkind: csv\npath: r.csv\nlayout: long\non_bad_row: skip\n");
    let json = source(
        "id: j\nkind: json\npath: j.json\nrecords: /rows\ndimensions: [n]\ncolumns: {f: social.followers, /s/i: social.impressions}\n",
    );
    let cases: [(&SourceConfig, &[u8]); 3] = [
        (&wide, b"\xef\xbb\xbf# c\ndate,c,x,y\n2026-10-01,\"A, b\",\"1,234.5\",3\n2026-10-02,B,,4\n"),
        (&long, b"date,metric,value\n2026-10-01,reviews.new,3\n2026-10-01,reviews.rating,4.5\n"),
        (&json, br#"{"rows":[{"date":"2026-10-01","n":"ig","f":10,"s":{"i":"1,000"}},{"date":"20261002","n":"fb","f":null}]}"#),
    ];
    let mut outcomes = [0usize; 2];
    for (config, seed) in cases {
        assert!(load_bytes(Path::new("seed"), seed, config, &catalog).is_ok());
        for bytes in variants(seed, &mut rng, 3000) {
            let result = load_bytes(Path::new("fuzz"), &bytes, config, &catalog);
            outcomes[result.is_ok() as usize] += 1;
        }
    }
    // Both outcomes occur, so the mutations really reach the parsers.
    assert!(outcomes[0] > 100 && outcomes[1] > 100, "{outcomes:?}");
}

#[test]
fn workspace_loader_never_panics() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid/execreport.yaml"
    ));
    let seed = std::fs::read(path).unwrap();
    assert!(Workspace::load(path).is_ok());
    let mut rng = Rng(7);
    let mut errors = 0;
    for bytes in variants(&seed, &mut rng, 3000) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = Workspace::parse(path, &text) {
            errors += 1;
            // Every error names the file.
            assert!(e.to_string().contains("execreport.yaml"), "{e}");
        }
    }
    assert!(errors > 1000, "{errors}");
}

/// The YAML parser's default budget (250,000 nodes) refused workspaces of more than about
/// 1,600 clients; an agency's own workspace file may be far larger.
#[test]
fn a_workspace_of_thousands_of_clients_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("web.csv"),
        "date,sessions,users\n2026-10-01,1,1\n",
    )
    .unwrap();
    let mut yaml = String::from("agencies:\n  - id: a\n    name: Agency\nclients:\n");
    let clients = 6000;
    for i in 0..clients {
        yaml.push_str(&format!(
            "  - id: client-{i}\n    name: Client {i}\n    time_zone: Europe/Rome\n    sources:\n"
        ));
        for s in ["web", "shop", "blog"] {
            yaml.push_str(&format!(
                "      - id: {s}\n        kind: csv\n        path: web.csv\n        columns: {{sessions: web.sessions, users: web.users}}\n"
            ));
        }
    }
    let path = dir.path().join("execreport.yaml");
    let ws = Workspace::parse(&path, &yaml).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ws.clients().count(), clients);
}
