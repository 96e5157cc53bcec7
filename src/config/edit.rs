//! Small edits of the workspace file's text that keep everything else — comments, order,
//! spacing — as the agency wrote it (`connect` pointing a source at a stored credential).
//! Only block-style YAML is edited; anything else is an error asking for a hand edit.

/// The credential a source should read from a file.
#[derive(Debug, Clone, Copy)]
pub enum Credential<'a> {
    /// `auth: {google_oauth: {..., refresh_token: {file}}}`; the client id and secret are the
    /// references written when the source has no `auth` yet.
    GoogleRefreshToken {
        client_id: &'a str,
        client_secret: &'a str,
    },
    /// `auth: {bearer: {file}}`.
    Bearer,
}

impl Credential<'_> {
    fn key(&self) -> &'static str {
        match self {
            Credential::GoogleRefreshToken { .. } => "refresh_token",
            Credential::Bearer => "bearer",
        }
    }
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// `key` and the rest of a `key: value` line (a leading `- ` skipped).
fn key_value(line: &str) -> Option<(&str, &str)> {
    let t = line.trim();
    let t = t.strip_prefix("- ").unwrap_or(t).trim_start();
    let (key, value) = t.split_once(':')?;
    let key = key.trim().trim_matches(['"', '\'']);
    (!key.is_empty() && !key.contains(' ')).then_some((key, value.trim()))
}

/// A scalar without quotes and trailing comment.
fn scalar(value: &str) -> &str {
    let v = value.split(" #").next().unwrap_or(value).trim();
    v.trim_matches(['"', '\''])
}

/// The lines `[start, end)` of the block under the block key `key` found in `lines[from..to]`.
fn block(lines: &[&str], from: usize, to: usize, key: &str) -> Option<(usize, usize, usize)> {
    let at = (from..to).find(|&i| {
        is_content(lines[i]) && key_value(lines[i]).is_some_and(|(k, v)| k == key && v.is_empty())
    })?;
    let key_indent = indent(lines[at])
        + if lines[at].trim().starts_with("- ") {
            2
        } else {
            0
        };
    let end = (at + 1..to)
        .find(|&i| {
            is_content(lines[i])
                && (indent(lines[i]) < key_indent
                    || (indent(lines[i]) == key_indent && !lines[i].trim().starts_with("- ")))
        })
        .unwrap_or(to);
    Some((at, at + 1, end))
}

/// The item of the sequence in `lines[from..to]` whose `id` is `id`: its lines `[start, end)`.
fn item(lines: &[&str], from: usize, to: usize, id: &str) -> Option<(usize, usize)> {
    let first = (from..to).find(|&i| is_content(lines[i]))?;
    let dash = indent(lines[first]);
    let starts: Vec<usize> = (from..to)
        .filter(|&i| indent(lines[i]) == dash && lines[i].trim_start().starts_with("- "))
        .collect();
    starts.iter().enumerate().find_map(|(n, &start)| {
        let end = starts.get(n + 1).copied().unwrap_or(to);
        (start..end)
            .any(|i| {
                let own = i == start || indent(lines[i]) == dash + 2;
                own && key_value(lines[i]).is_some_and(|(k, v)| k == "id" && scalar(v) == id)
            })
            .then_some((start, end))
    })
}

/// The text with client `client`'s source `source` reading `credential` from `file`
/// (relative to the workspace file).
pub fn set_source_credential(
    text: &str,
    client: &str,
    source: &str,
    credential: Credential<'_>,
    file: &str,
) -> Result<String, String> {
    let hand = |what: &str| {
        format!(
            "{what}; edit it by hand: under the source's `api:`, `auth:` with `{}: {{file: {file}}}`",
            credential.key()
        )
    };
    let lines: Vec<&str> = text.lines().collect();
    let (_, c_from, c_to) =
        block(&lines, 0, lines.len(), "clients").ok_or_else(|| hand("no block `clients:`"))?;
    let (c_start, c_end) = item(&lines, c_from, c_to, client)
        .ok_or_else(|| hand(&format!("no client `- id: {client}` in block style")))?;
    let (_, s_from, s_to) = block(&lines, c_start, c_end, "sources")
        .ok_or_else(|| hand(&format!("client {client} has no block `sources:`")))?;
    let (s_start, s_end) = item(&lines, s_from, s_to, source)
        .ok_or_else(|| hand(&format!("client {client} has no source `- id: {source}`")))?;
    let reference = format!(
        "{{file: {}}}",
        serde_json::to_string(file).expect("a string")
    );
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let key = credential.key();
    if let Some(i) = (s_start..s_end)
        .find(|&i| is_content(lines[i]) && key_value(lines[i]).is_some_and(|(k, _)| k == key))
    {
        let colon = lines[i].find(':').expect("a key line has a colon");
        out[i] = format!("{}: {reference}", &lines[i][..colon]);
    } else if let Some(i) = (s_start..s_end)
        .find(|&i| is_content(lines[i]) && key_value(lines[i]).is_some_and(|(k, _)| k == "auth"))
    {
        // `auth: {bearer: {env: X}}` as docs/sources.md writes it: the one-line flow mapping is
        // read, its credential set and written back in flow style, the trailing comment kept.
        let colon = lines[i].find(':').expect("a key line has a colon");
        let flow =
            set_flow_credential(&lines[i][colon + 1..], credential, file).ok_or_else(|| {
                hand(&format!(
                    "source {source} has an `auth` of another kind or over several lines"
                ))
            })?;
        out[i] = format!("{}: {flow}", &lines[i][..colon]);
    } else {
        let (api, a_from, a_to) = block(&lines, s_start, s_end, "api").ok_or_else(|| {
            hand(&format!(
                "source {source} has no block `api:` (is it a live source?)"
            ))
        })?;
        let child = (a_from..a_to)
            .find(|&i| is_content(lines[i]))
            .map(|i| indent(lines[i]))
            .unwrap_or(indent(lines[api]) + 2);
        let pad = |n: usize| " ".repeat(child + 2 * n);
        let mut block = vec![format!("{}auth:", pad(0))];
        match credential {
            Credential::GoogleRefreshToken {
                client_id,
                client_secret,
            } => block.extend([
                format!("{}google_oauth:", pad(1)),
                format!("{}client_id: {client_id}", pad(2)),
                format!("{}client_secret: {client_secret}", pad(2)),
                format!("{}refresh_token: {reference}", pad(2)),
            ]),
            Credential::Bearer => block.push(format!("{}bearer: {reference}", pad(1))),
        }
        // After the api's last setting, so the block reads with its siblings.
        let after = (a_from..a_to)
            .rev()
            .find(|&i| is_content(lines[i]))
            .map_or(api + 1, |i| i + 1);
        out.splice(after..after, block);
    }
    let mut edited = out.join("\n");
    if text.ends_with('\n') {
        edited.push('\n');
    }
    Ok(edited)
}

/// A one-line flow `auth` value (`{bearer: {env: X}}  # comment`) with `credential` read from
/// `file`, or none when it is not one flow mapping of that credential's kind.
fn set_flow_credential(value: &str, credential: Credential<'_>, file: &str) -> Option<String> {
    let value = value.trim_start();
    if !value.starts_with('{') {
        return None;
    }
    // The mapping ends at the brace that closes the first (quotes may hold braces).
    let (mut depth, mut quote, mut end) = (0usize, None, None);
    for (n, c) in value.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth -= 1;
                if depth == 0 {
                    end = Some(n + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let (flow, rest) = value.split_at(end?);
    let rest = rest.trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return None;
    }
    let mut auth: serde_json::Value = serde_saphyr::from_str(flow).ok()?;
    let reference = serde_json::json!({ "file": file });
    match credential {
        Credential::Bearer => {
            auth.as_object()?.get("bearer")?;
            auth = serde_json::json!({ "bearer": reference });
        }
        Credential::GoogleRefreshToken { .. } => {
            let google = auth.get_mut("google_oauth")?.as_object_mut()?;
            google.insert("refresh_token".into(), reference);
        }
    }
    let mut out = String::new();
    write_flow(&auth, &mut out);
    if !rest.is_empty() {
        out.push_str("  ");
        out.push_str(rest);
    }
    Some(out)
}

/// A JSON value as a YAML flow node: plain keys, JSON-quoted strings (valid YAML).
fn write_flow(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::Object(map) => {
            out.push('{');
            for (n, (k, v)) in map.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                let plain =
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if plain {
                    out.push_str(k);
                } else {
                    out.push_str(&serde_json::Value::from(k.as_str()).to_string());
                }
                out.push_str(": ");
                write_flow(v, out);
            }
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WS: &str = "\
# agency comment
clients:
  - id: acme   # the first
    name: Acme
    sources:
      - id: web
        kind: csv
        path: data/web.csv
      # GA4, live
      - id: ga
        kind: ga4
        api:
          property: \"123\"
        columns:
          sessions: web.sessions
  - id: other
    name: Other
    sources:
      - id: ga
        kind: ga4
        api:
          property: \"9\"
          auth:
            google_oauth:
              client_id: {env: ID}
              client_secret: {env: SECRET}
              refresh_token: {env: OLD}   # was pasted
";

    #[test]
    fn inserts_an_auth_block_under_api_keeping_the_rest() {
        let google = Credential::GoogleRefreshToken {
            client_id: "{env: EXECREPORT_GOOGLE_CLIENT_ID}",
            client_secret: "{env: EXECREPORT_GOOGLE_CLIENT_SECRET}",
        };
        let edited =
            set_source_credential(WS, "acme", "ga", google, "secrets/acme-google.token").unwrap();
        assert!(edited.contains(
            "          property: \"123\"\n          auth:\n            google_oauth:\n              \
             client_id: {env: EXECREPORT_GOOGLE_CLIENT_ID}\n              client_secret: \
             {env: EXECREPORT_GOOGLE_CLIENT_SECRET}\n              refresh_token: {file: \
             \"secrets/acme-google.token\"}\n        columns:"
        ), "{edited}");
        assert_eq!(edited.lines().count(), WS.lines().count() + 5);
        assert!(edited.contains("# GA4, live") && edited.contains("id: acme   # the first"));
        // The other client's source of the same id is untouched.
        assert!(edited.contains("refresh_token: {env: OLD}   # was pasted"));
    }

    #[test]
    fn replaces_an_existing_reference() {
        let google = Credential::GoogleRefreshToken {
            client_id: "",
            client_secret: "",
        };
        let edited =
            set_source_credential(WS, "other", "ga", google, "secrets/other-google.token").unwrap();
        assert!(
            edited
                .contains("              refresh_token: {file: \"secrets/other-google.token\"}\n")
        );
        assert!(!edited.contains("OLD"));
        assert_eq!(edited.lines().count(), WS.lines().count());
    }

    #[test]
    fn what_it_cannot_edit_is_an_error_naming_the_fix() {
        let e =
            set_source_credential(WS, "acme", "web", Credential::Bearer, "secrets/x").unwrap_err();
        assert!(
            e.contains("no block `api:`") && e.contains("edit it by hand"),
            "{e}"
        );
        let e = set_source_credential(WS, "nobody", "ga", Credential::Bearer, "s").unwrap_err();
        assert!(e.contains("no client"), "{e}");
        let flow = "clients:\n  - {id: acme, sources: []}\n";
        assert!(set_source_credential(flow, "acme", "ga", Credential::Bearer, "s").is_err());
    }

    #[test]
    fn rewrites_a_one_line_flow_auth_keeping_its_comment() {
        let ws = "clients:\n  - id: acme\n    sources:\n      - id: ig\n        kind: meta\n        \
                  api:\n          object_id: \"1\"\n          auth: {bearer: {env: ACME_META}}   # ops\n";
        let edited = set_source_credential(
            ws,
            "acme",
            "ig",
            Credential::Bearer,
            "secrets/acme-meta.token",
        )
        .unwrap();
        assert!(
            edited
                .contains("          auth: {bearer: {file: \"secrets/acme-meta.token\"}}  # ops\n"),
            "{edited}"
        );
        assert_eq!(edited.lines().count(), ws.lines().count());
        let google = ws.replace(
            "{bearer: {env: ACME_META}}",
            "{google_oauth: {client_id: {env: ID}, client_secret: {env: \"S}\"}, refresh_token: {env: OLD}}}",
        );
        let g = Credential::GoogleRefreshToken {
            client_id: "",
            client_secret: "",
        };
        let edited = set_source_credential(&google, "acme", "ig", g, "secrets/t").unwrap();
        assert!(
            edited.contains(
                "auth: {google_oauth: {client_id: {env: \"ID\"}, client_secret: {env: \"S}\"}, \
                 refresh_token: {file: \"secrets/t\"}}}  # ops"
            ),
            "{edited}"
        );
        // A bearer credential never replaces a Google one, nor a flow spread over lines.
        let e = set_source_credential(&google, "acme", "ig", Credential::Bearer, "s").unwrap_err();
        assert!(e.contains("another kind"), "{e}");
        let split = ws.replace(
            "{bearer: {env: ACME_META}}",
            "{bearer:\n            {env: X}}",
        );
        assert!(set_source_credential(&split, "acme", "ig", Credential::Bearer, "s").is_err());
    }
}
