//! Each file in `fixtures/invalid/` is a broken workspace; its `# expect:` lines list what
//! `execreport check` must say (file, line:column, field, expectation).

use crate::common::{execreport, repo, stderr, stdout};

#[test]
fn every_invalid_workspace_is_reported_with_file_line_and_field() {
    let dir = repo().join("tests/fixtures/invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 20, "fixtures missing: {}", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let text = std::fs::read_to_string(&case).unwrap();
        let expects: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .collect();
        assert!(
            !expects.is_empty(),
            "{} has no # expect: lines",
            case.display()
        );
        let ws = tempfile::tempdir().unwrap();
        std::fs::write(ws.path().join("execreport.yaml"), &text).unwrap();
        let out = execreport(ws.path(), &["check"]);
        let err = stderr(&out);
        let name = case.file_stem().unwrap().to_string_lossy().to_string();
        if out.status.code() != Some(1) {
            failures.push(format!(
                "{name}: exit {:?}, stderr:\n{err}",
                out.status.code()
            ));
        }
        for e in expects {
            if !err.contains(e) {
                failures.push(format!("{name}: expected {e:?} in:\n{err}"));
            }
        }
        // `# never: text`: what the message must not show (a secret pasted in).
        for never in text.lines().filter_map(|l| l.strip_prefix("# never: ")) {
            if err.contains(never) {
                failures.push(format!("{name}: {never:?} must not appear in:\n{err}"));
            }
        }
        assert!(!err.contains("panicked"), "{name} panicked:\n{err}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n---\n"));
}

#[test]
fn a_missing_workspace_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    let out = execreport(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("no execreport.yaml in"), "{err}");
    assert!(err.contains("--config"), "{err}");
}

#[test]
fn the_workspace_is_found_from_a_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("execreport.yaml"),
        "agencies: [{id: acme, name: Acme}]\nclients: [{id: shop, name: Shop}]\n",
    )
    .unwrap();
    let sub = dir.path().join("notes/deep");
    std::fs::create_dir_all(&sub).unwrap();
    let out = execreport(&sub, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn brand_problems_name_the_brand_file_and_field() {
    let config = repo().join("tests/fixtures/bad_brand/execreport.yaml");
    let out = execreport(&repo(), &["-c", config.to_str().unwrap(), "check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "brands/badcolor/brand.yaml:3:12: primary: \"#12345g\" is not a colour: expected #rrggbb",
        "brands/badtemplate/templates/cover.html (brand badtemplate)",
        "cover.html:3:22",
        "brands/broken/brand.yaml:4:3: colors.text: #cccccc on the background #ffffff has a contrast of 1.6:1",
        "brands/broken/brand.yaml:2:7: logo: cannot read logo",
        "brands/broken/brand.yaml:8:41: fonts[0]: cannot read font",
        "brand \"nowhere\" not found",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
    }
}

/// What `check` prints for two broken workspaces, in full (the fixture's temporary folder
/// replaced by `[workspace]`): the wording, the source excerpt and the summary line are
/// pinned as a user reads them.
#[test]
fn check_output_snapshots() {
    for name in ["unknown_client_key", "unknown_metric"] {
        let ws = tempfile::tempdir().unwrap();
        std::fs::copy(
            repo().join(format!("tests/fixtures/invalid/{name}.yaml")),
            ws.path().join("execreport.yaml"),
        )
        .unwrap();
        let out = execreport(ws.path(), &["check"]);
        let mut text = format!(
            "exit code: {:?}\n--- stdout\n{}--- stderr\n{}",
            out.status.code(),
            stdout(&out),
            stderr(&out)
        );
        for path in [ws.path().to_path_buf(), ws.path().canonicalize().unwrap()] {
            text = text.replace(path.to_str().unwrap(), "[workspace]");
        }
        insta::assert_snapshot!(format!("check_{name}"), text);
    }
}
