//! Reading real-world files: BOMs, quotes, comments, separators, bad rows, layouts, JSON.

use std::path::Path;

use super::*;
use crate::config::schema::{OnBadRow, SourceConfig};

fn source(yaml: &str) -> SourceConfig {
    serde_saphyr::from_str(yaml).expect("valid source config")
}

fn load(yaml: &str, data: impl AsRef<[u8]>) -> Result<SourceData, SourceError> {
    load_bytes(
        Path::new("data/x.csv"),
        data.as_ref(),
        &source(yaml),
        &Catalog::builtin(),
    )
}

fn values(d: &SourceData, metric: &str) -> Vec<(String, Vec<String>, f64)> {
    let series = &d.metrics[metric];
    series
        .points
        .iter()
        .map(|p| (p.date.to_string(), series.dims(p).to_vec(), p.value))
        .collect()
}

const WIDE: &str = "id: ads\nkind: csv\npath: x.csv\ndimensions: [Campaign]\ncolumns: {Cost: ads.spend, Clicks: ads.clicks}\n";

#[test]
fn bom_comments_quotes_and_thousands_separators() {
    let d = load(
        WIDE,
        "\u{feff}# Google Ads export\n# Account: Demo\ndate,Campaign,Cost,Clicks\n\
         2026-10-01,\"Brand, exact\",\"1,234.50\",\"1,000\"\n\n2026-10-02,Generic,5,\n",
    )
    .unwrap();
    assert_eq!(
        values(&d, "ads.spend"),
        vec![
            ("2026-10-01".into(), vec!["Brand, exact".into()], 1234.5),
            ("2026-10-02".into(), vec!["Generic".into()], 5.0)
        ]
    );
    // The empty Clicks cell is a missing value, not a zero.
    assert_eq!(values(&d, "ads.clicks").len(), 1);
    assert_eq!(d.rows, 2);
}

#[test]
fn bad_values_name_file_line_column_and_field() {
    let err = load(
        WIDE,
        "date,Campaign,Cost,Clicks\n2026-10-01,A,1,2\n2026-10-02,A,12x,3\n",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "data/x.csv:3:3: field `Cost`: expected a number like 1,234.5, found \"12x\""
    );
    let err = load(WIDE, "date,Campaign,Cost,Clicks\n10/02/2026,A,1,3\n").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("data/x.csv:2:1: field `date`: expected a date like"),
        "{err}"
    );
    let err = load(WIDE, "date,Campaign,Cost\n2026-10-01,A,1\n").unwrap_err();
    assert!(
        err.to_string()
            .contains("column \"Clicks\" named in the source's config is not in the header"),
        "{err}"
    );
    let err = load(WIDE, "date,Campaign,Cost,Clicks\n2026-10-01,A,1\n").unwrap_err();
    assert!(
        err.to_string()
            .contains("data/x.csv:2: the row has 3 fields but the header has 4"),
        "{err}"
    );
    let err = load(WIDE, "").unwrap_err();
    assert!(err.to_string().contains("the file is empty"), "{err}");
}

/// Long rows give one metric each, so a day's metrics come from several rows: a metric given
/// again is refused with the row that first gave it, another metric of that day is not.
#[test]
fn duplicates_in_long_rows_name_the_row_that_gave_the_metric() {
    let ids = "id: r\nkind: csv\npath: x.csv\nlayout: long\ndimensions: [place]\n";
    let file = "date,place,metric,value\n2026-10-01,A,reviews.new,1\n2026-10-01,A,ads.clicks,5\n\
                2026-10-01,B,ads.clicks,2\n2026-10-02,A,ads.clicks,3\n";
    let d = load(ids, file).unwrap();
    assert_eq!(values(&d, "ads.clicks").len(), 3);
    let again = format!("{file}2026-10-01,A,ads.clicks,7\n");
    let err = load(ids, &again).unwrap_err();
    assert!(
        err.to_string().contains(
            "data/x.csv:6: duplicate row: ads.clicks for 2026-10-01 (A) is already given at line 3"
        ),
        "{err}"
    );
    // A wide row that leaves a cell empty may have it given by a later row; not twice.
    let partial = "date,Campaign,Cost,Clicks\n2026-10-01,A,1,\n2026-10-01,A,,4\n";
    let d = load(WIDE, partial).unwrap();
    assert_eq!(
        values(&d, "ads.clicks"),
        vec![("2026-10-01".into(), vec!["A".into()], 4.0)]
    );
    let err = load(WIDE, format!("{partial}2026-10-01,A,,5\n")).unwrap_err();
    assert!(
        err.to_string().contains(
            "data/x.csv:4: duplicate row: ads.clicks for 2026-10-01 (A) is already given at line 3"
        ),
        "{err}"
    );
    // Under `skip`, the duplicate is left out and the first value kept.
    let d = load(&format!("{ids}on_bad_row: skip\n"), &again).unwrap();
    assert_eq!(d.skipped.len(), 1);
    assert_eq!(values(&d, "ads.clicks")[0].2, 5.0);
}

#[test]
fn skipped_rows_are_counted_with_their_reasons() {
    let cfg = format!("{WIDE}on_bad_row: skip\n");
    let d = load(
        &cfg,
        "date,Campaign,Cost,Clicks\n2026-10-01,A,1,2\nTotal,,99,99\n2026-10-02,A,oops,1\n2026-10-03,A,2,2\n",
    )
    .unwrap();
    assert_eq!(d.skipped.len(), 2);
    assert_eq!(d.skipped[0].line, Some(3));
    assert_eq!(d.skipped[1].field.as_deref(), Some("Cost"));
    assert_eq!(values(&d, "ads.spend").len(), 2);
    assert_eq!(d.rows, 4);
}

#[test]
fn duplicate_rows_would_double_count_and_are_refused() {
    let err = load(
        WIDE,
        "date,Campaign,Cost,Clicks\n2026-10-01,A,1,2\n2026-10-01,B,1,2\n2026-10-01,A,3,4\n",
    )
    .unwrap_err();
    assert!(
        err.to_string().contains(
            "data/x.csv:4: duplicate row: ads.clicks for 2026-10-01 (A) is already given at line 2"
        ),
        "{err}"
    );
}

#[test]
fn semicolons_and_decimal_commas() {
    let cfg = "id: ads\nkind: csv\npath: x.csv\ndelimiter: ';'\ndecimal_separator: ','\ncolumns: {Maliyet: ads.spend}\n";
    let d = load(
        cfg,
        "date;Maliyet\n2026-10-01;\"1.234,56\"\n2026-10-02;7,5\n",
    )
    .unwrap();
    let v: Vec<f64> = values(&d, "ads.spend").into_iter().map(|x| x.2).collect();
    assert_eq!(v, vec![1234.56, 7.5]);
}

#[test]
fn long_layout_with_metric_names() {
    let cfg = "id: reviews\nkind: csv\npath: x.csv\nlayout: long\nmetric_names: {New reviews: reviews.new, Average rating: reviews.rating}\n";
    let d = load(
        cfg,
        "date,metric,value\n2026-10-01,New reviews,3\n2026-10-01,Average rating,4.67\n",
    )
    .unwrap();
    assert_eq!(values(&d, "reviews.new")[0].2, 3.0);
    assert_eq!(values(&d, "reviews.rating")[0].2, 4.67);
    let err = load(cfg, "date,metric,value\n2026-10-01,Stars,3\n").unwrap_err();
    assert!(
        err.to_string().contains("unknown metric name \"Stars\""),
        "{err}"
    );
    // Without metric_names the file uses catalog ids, and ratios are refused.
    let ids = "id: r\nkind: csv\npath: x.csv\nlayout: long\n";
    assert!(load(ids, "date,metric,value\n2026-10-01,reviews.new,1\n").is_ok());
    let err = load(ids, "date,metric,value\n2026-10-01,ads.ctr,0.1\n").unwrap_err();
    assert!(err.to_string().contains("computed from its parts"), "{err}");
}

#[test]
fn json_records_under_a_pointer() {
    let cfg = "id: social\nkind: json\npath: x.json\nrecords: /data/rows\ndimensions: [network]\n\
               columns: {followers: social.followers, /stats/impressions: social.impressions}\n";
    let d = load(
        cfg,
        r#"{"data": {"rows": [
            {"date": "2026-10-01", "network": "instagram", "followers": 1200, "stats": {"impressions": "1,500"}},
            {"date": "20261002", "network": "facebook", "followers": null}
        ]}}"#,
    )
    .unwrap();
    assert_eq!(values(&d, "social.followers").len(), 1);
    assert_eq!(values(&d, "social.impressions")[0].2, 1500.0);
    let err = load(
        cfg,
        r#"{"data": {"rows": [{"date": "2026-10-01", "followers": "many"}]}}"#,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "data/x.csv: record 1: field `followers`: expected a number like 1,234.5, found \"many\""
    );
    let err = load(cfg, "{\"data\": [1, 2,]}").unwrap_err();
    assert!(
        err.to_string().starts_with("data/x.csv:1:16: invalid JSON"),
        "{err}"
    );
    // A file that is not UTF-8 (Latin-1 "é" in a string) is refused with its place.
    let latin1 = b"{\"data\": {\"rows\": [\n{\"date\": \"2026-10-01\", \"page\": \"caf\xE9\"}]}}";
    let err = load(cfg, latin1).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("data/x.csv:2:36: invalid JSON: invalid unicode"),
        "{err}"
    );
    let err = load(cfg, r#"{"data": {"rows": {}}}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("expected an array of records at JSON pointer \"/data/rows\""),
        "{err}"
    );
}

#[test]
fn invalid_utf8_is_a_bad_row_with_its_line() {
    let mut cfg = source(WIDE);
    cfg.on_bad_row = OnBadRow::Skip;
    let bytes = b"date,Campaign,Cost,Clicks\n2026-10-01,A,1,2\n2026-10-02,\xff\xfe,1,2\n";
    let d = load_bytes(Path::new("x.csv"), bytes, &cfg, &Catalog::builtin()).unwrap();
    assert_eq!(d.skipped.len(), 1);
    assert_eq!(d.skipped[0].line, Some(3));
    assert!(d.skipped[0].message.contains("UTF-8"));
}

#[test]
fn a_header_naming_a_column_twice_is_refused() {
    let err = load(WIDE, "date,Campaign,Cost,Clicks,Cost\n2026-10-01,A,1,2,3\n").unwrap_err();
    assert!(
        err.to_string().contains("two columns named \"Cost\""),
        "{err}"
    );
}

#[test]
fn a_report_maps_only_the_rows_of_its_ranges() {
    let data = "date,Campaign,Cost,Clicks\n2026-08-03,Brand,oops,1\n2026-09-30,Brand,2,1\n\
                2026-10-01,Brand,3,1\n2026-11-01,Brand,4,1\n";
    let d = |y: u32, m: u32, day: u32| NaiveDate::from_ymd_opt(y as i32, m, day).unwrap();
    let october = [
        (d(2026, 10, 1), d(2026, 10, 31)),
        (d(2026, 9, 1), d(2026, 9, 30)),
    ];
    let got = read_bytes(
        Path::new("x.csv"),
        data.as_bytes(),
        &source(WIDE),
        &Catalog::builtin(),
        &october,
        None,
    )
    .unwrap();
    assert_eq!(got.rows, 4, "every row is counted");
    let dates: Vec<String> = values(&got, "ads.spend").into_iter().map(|v| v.0).collect();
    assert_eq!(dates, ["2026-09-30", "2026-10-01"]);
    // Read whole (as `check` does), the bad row in August is found.
    assert!(load(WIDE, data).is_err());
}

/// The trends' history is mapped too, but an old bad row neither fails the source (whose
/// `on_bad_row` is `error`) nor counts as skipped: its day is just missing from the trend.
#[test]
fn history_rows_feed_the_trends_and_old_bad_rows_are_left_out_quietly() {
    // 2025-10-05's clicks are unreadable, but history rows do not read clicks at all.
    let data = "date,Campaign,Cost,Clicks\n2025-10-03,Brand,oops,1\n2025-10-04,Brand,7,1\n\
                2025-10-05,Brand,8,oops\n2026-09-30,Brand,2,1\n2026-10-01,Brand,3,1\n";
    let d = |y: u32, m: u32, day: u32| NaiveDate::from_ymd_opt(y as i32, m, day).unwrap();
    let october = [
        (d(2026, 10, 1), d(2026, 10, 31)),
        (d(2026, 9, 1), d(2026, 9, 30)),
    ];
    let got = read_bytes(
        Path::new("x.csv"),
        data.as_bytes(),
        &source(WIDE),
        &Catalog::builtin(),
        &october,
        Some(&crate::sources::History {
            start: d(2024, 10, 1),
            end: d(2026, 10, 31),
            // Clicks are not read from history rows.
            metrics: ["ads.spend".to_string()].into(),
        }),
    )
    .unwrap();
    assert!(got.skipped.is_empty());
    let dates: Vec<String> = values(&got, "ads.spend").into_iter().map(|v| v.0).collect();
    assert_eq!(
        dates,
        ["2025-10-04", "2025-10-05", "2026-09-30", "2026-10-01"]
    );
    let clicks: Vec<String> = values(&got, "ads.clicks")
        .into_iter()
        .map(|v| v.0)
        .collect();
    assert_eq!(clicks, ["2026-09-30", "2026-10-01"]);
    // The period's own dates are the report's: history days are not among them.
    assert!(!got.dates.contains(&d(2025, 10, 4)));
}

/// A character cut in two by a comma is two bad fields, though the fields' bytes one after
/// another would be UTF-8 (`Caf\xC3` then `\xA9`: "é"); and a file read after one with
/// another delimiter, on the same thread, is split by its own.
#[test]
fn fields_are_utf8_each_and_split_by_their_files_delimiter() {
    let split = b"date,Campaign,Cost,Clicks\n2026-10-01,Caf\xC3,\xA9,2\n";
    let err = load(WIDE, split).unwrap_err();
    assert_eq!(
        err.to_string(),
        "data/x.csv:2: field 2 is not valid UTF-8: save the file as UTF-8"
    );
    let semicolons = format!("{WIDE}delimiter: \";\"\n");
    for _ in 0..2 {
        let d = load(
            &semicolons,
            "date;Campaign;Cost;Clicks\n2026-10-01;\"A;B\nC\";1.5;2\n",
        )
        .unwrap();
        assert_eq!(
            values(&d, "ads.clicks"),
            vec![("2026-10-01".into(), vec!["A;B\nC".into()], 2.0)]
        );
        let d = load(WIDE, "date,Campaign,Cost,Clicks\n2026-10-01,A;B,1,2\n").unwrap();
        assert_eq!(
            values(&d, "ads.clicks"),
            vec![("2026-10-01".into(), vec!["A;B".into()], 2.0)]
        );
    }
}

/// A file saved in Latin-1 (a byte that is not UTF-8) names the row and field and asks for
/// UTF-8; under `skip` that row alone is left out.
#[test]
fn a_row_that_is_not_utf8_is_named_and_can_be_skipped() {
    let file =
        b"date,Campaign,Cost,Clicks\n2026-10-01,A,1,2\n2026-10-02,Caf\xe9,3,4\n2026-10-03,A,5,6\n";
    let read = |yaml: &str| load(yaml, file);
    let err = read(WIDE).unwrap_err();
    assert_eq!(
        err.to_string(),
        "data/x.csv:3: field 2 is not valid UTF-8: save the file as UTF-8"
    );
    let d = read(&format!("{WIDE}on_bad_row: skip\n")).unwrap();
    assert_eq!(d.skipped.len(), 1);
    assert_eq!(d.skipped[0].line, Some(3));
    assert_eq!(
        values(&d, "ads.clicks"),
        vec![
            ("2026-10-01".into(), vec!["A".into()], 2.0),
            ("2026-10-03".into(), vec!["A".into()], 6.0)
        ]
    );
}

/// A Windows export (`\r\n` line ends) names the line of a bad value, past comments and blank
/// lines, as an editor numbers it.
#[test]
fn bad_values_in_windows_files_name_their_own_line() {
    for quote in ["", "\""] {
        let file = format!(
            "# export\r\ndate,Campaign,Cost,Clicks\r\n2026-10-01,{quote}A{quote},1,2\r\n\r\n\
             2026-10-02,A,12x,3\r\n"
        );
        let err = load(WIDE, &file).unwrap_err().to_string();
        assert!(err.starts_with("data/x.csv:5:"), "{err}");
    }
}
