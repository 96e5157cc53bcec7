//! RFC 9457 (formerly 7807) problem details, `application/problem+json`, as Mailchimp's
//! Marketing API answers errors: `{type, title, status, detail, instance}`, with `errors`
//! listing bad fields (`[{field, message}]`).
//! <https://www.rfc-editor.org/rfc/rfc9457>
//! <https://mailchimp.com/developer/marketing/docs/errors/>

use serde_json::Value;

use super::{ApiError, clip};

/// The problem of an answer, if it is one: a `title` with a numeric `status`.
pub fn read(v: &Value) -> Option<ApiError> {
    let title = v.get("title").and_then(Value::as_str)?;
    v.get("status").filter(|s| s.is_u64())?;
    let mut message = title.to_string();
    if let Some(detail) = v
        .get("detail")
        .and_then(Value::as_str)
        .filter(|d| !d.is_empty())
    {
        message.push_str(&format!(": {detail}"));
    }
    let fields: Vec<String> = v
        .get("errors")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .take(5)
        .filter_map(|e| {
            let field = e.get("field").and_then(Value::as_str).unwrap_or_default();
            let said = e.get("message").and_then(Value::as_str)?;
            Some(if field.is_empty() {
                said.to_string()
            } else {
                format!("{field}: {said}")
            })
        })
        .collect();
    if !fields.is_empty() {
        message.push_str(&format!(" ({})", fields.join("; ")));
    }
    Some(ApiError {
        message: clip(&message),
        ..ApiError::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn title_detail_and_fields_are_read() {
        let body = json!({"type": "https://mailchimp.com/developer/marketing/docs/errors/",
            "title": "API Key Invalid", "status": 401,
            "detail": "Your API key may be invalid, or you've attempted to access the wrong datacenter.",
            "instance": "4f4b1b4e-5a4c-4b3a-9a8e-0d1c2b3a4f5e"});
        assert_eq!(
            read(&body).unwrap().message,
            "API Key Invalid: Your API key may be invalid, or you've attempted to access the wrong datacenter."
        );
        let invalid = json!({"title": "Invalid Resource", "status": 400, "detail": "The resource submitted could not be validated.",
            "errors": [{"field": "since_send_time", "message": "Data did not match any of the schemas described in anyOf."}]});
        assert!(read(&invalid).unwrap().message.ends_with(
            "(since_send_time: Data did not match any of the schemas described in anyOf.)"
        ));
        assert!(read(&json!({"message": "x"})).is_none());
    }
}
