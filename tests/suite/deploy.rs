//! The Kubernetes manifests in `deploy/kubernetes/` parse, and the CronJob has what the
//! deployment relies on: a time zone, no overlapping runs, an Indexed Job retried per index,
//! and exit code 7 (bad configuration) failing its index instead of being retried.

use crate::common;

use serde_json::Value;

fn manifest(name: &str) -> Value {
    let path = common::repo().join("deploy/kubernetes").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_cronjob_runs_an_indexed_job_that_does_not_retry_bad_configuration() {
    let cron = manifest("cronjob.yaml");
    assert_eq!(cron["apiVersion"], "batch/v1");
    assert_eq!(cron["kind"], "CronJob");
    let spec = &cron["spec"];
    assert!(
        spec["timeZone"].as_str().is_some_and(|z| !z.is_empty()),
        "{spec}"
    );
    assert_eq!(spec["concurrencyPolicy"], "Forbid");
    let job = &spec["jobTemplate"]["spec"];
    assert_eq!(job["completionMode"], "Indexed");
    assert!(job["completions"].as_u64().unwrap() >= 1);
    assert_eq!(job["parallelism"], job["completions"]);
    assert!(job["backoffLimitPerIndex"].as_u64().is_some(), "{job}");
    let pod = &job["template"]["spec"];
    assert_eq!(pod["restartPolicy"], "Never", "podFailurePolicy needs it");
    let container = &pod["containers"][0];
    let rules = job["podFailurePolicy"]["rules"].as_array().unwrap();
    let fail_index = rules
        .iter()
        .find(|r| r["action"] == "FailIndex")
        .expect("a FailIndex rule");
    let on = &fail_index["onExitCodes"];
    assert_eq!(on["operator"], "In");
    assert_eq!(on["containerName"], container["name"]);
    assert!(
        on["values"].as_array().unwrap().contains(&Value::from(7)),
        "exit code 7 (bad configuration) fails the index: {on}"
    );
    // Non-root, and secrets only from a Secret.
    assert_eq!(pod["securityContext"]["runAsNonRoot"], true);
    assert!(container["securityContext"]["readOnlyRootFilesystem"] == true);
    assert!(
        container["envFrom"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e.get("secretRef").is_some())
    );
    // The workspace file comes from the ConfigMap that workspace.yaml defines.
    let config = manifest("workspace.yaml");
    assert_eq!(config["kind"], "ConfigMap");
    let name = &config["metadata"]["name"];
    assert!(
        pod["volumes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["configMap"]["name"] == *name),
        "{pod}"
    );
    assert!(
        config["data"]["execreport.yaml"]
            .as_str()
            .unwrap()
            .contains("output: s3://")
    );
    assert_eq!(manifest("secrets.example.yaml")["kind"], "Secret");
}
