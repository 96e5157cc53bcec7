//! The executive summary a reader takes in at a glance (issue 18): highlights ranked by what
//! they mean for the business, numbers that read like their change, and comparisons that say
//! what they compare with. İzmir Deri's October 2026 is a crisis month: revenue −23.5 % and
//! conversions −25 % while traffic grew.

use crate::common::{render_model, sample_workspace, samples};

/// (sentiment, metric) of each highlight, in order.
fn highlights(json: &serde_json::Value) -> Vec<(String, String)> {
    json["highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["sentiment"].as_str().unwrap().to_string(),
                h["metric"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_crisis_month_opens_with_revenue_and_conversions_not_vanity_metrics() {
    let (json, html) = render_model(&samples(), "izmir-deri", "2026-10", &[]);
    let h = highlights(&json);
    assert_eq!(h[0], ("bad".into(), "web.revenue".into()), "{h:?}");
    let concerns: Vec<&str> = h
        .iter()
        .filter(|(s, _)| s == "bad")
        .map(|(_, m)| m.as_str())
        .collect();
    assert!(concerns.contains(&"web.conversions"), "{h:?}");
    for vanity in ["web.users", "web.new_users", "web.pageviews"] {
        assert!(!h.iter().any(|(_, m)| m == vanity), "{vanity} in {h:?}");
    }
    // The highlight writes revenue as its tile does.
    assert!(
        html.contains("Site geliri %23,5 azalarak ₺4,6\u{a0}Mn oldu."),
        "{html}"
    );
}

#[test]
fn a_clients_priorities_lead_the_highlights() {
    let ws = sample_workspace(
        |yaml| {
            yaml.replace(
                "  - id: izmir-deri\n",
                "  - id: izmir-deri\n    priorities: [web.sessions]\n",
            )
        },
        false,
    );
    let (json, _) = render_model(
        &ws.path().join("execreport.yaml"),
        "izmir-deri",
        "2026-10",
        &[],
    );
    let h = highlights(&json);
    assert_eq!(h[0], ("good".into(), "web.sessions".into()), "{h:?}");
    assert_eq!(json["highlights"][0]["priority"], true);
}

#[test]
fn rates_change_in_points_and_values_never_look_like_their_comparison() {
    let (_, html) = render_model(&samples(), "izmir-deri", "2026-10", &[]);
    // Conversion rate 1.62 % → 1.06 %: points, not "-%34,1".
    assert!(html.contains("-0,55 puan"), "{html}");
    assert!(!html.contains("-%34,1"), "a rate changes in percent");
    // Revenue ₺4.6M against ₺6.0M, not "₺6 Mn"; users in full below 100,000.
    assert!(html.contains("Önceki ay: ₺6,0\u{a0}Mn"), "{html}");
    assert!(html.contains(">95.162<"), "users in full: {html}");
}

#[test]
fn the_summary_and_the_legends_name_the_periods_compared() {
    let (_, html) = render_model(&samples(), "izmir-deri", "2026-10", &[]);
    assert!(
        html.contains("Karşılaştırma: önceki ay (Eylül 2026)"),
        "{html}"
    );
    assert!(html.contains(">Ekim 2026<"), "legend");
    // September's days are moved to October's weekdays, and the legend says so.
    assert!(
        html.contains(">Eylül 2026, haftanın aynı günleri<"),
        "legend"
    );
    for generic in [">Bu dönem<", ">Önceki dönem<"] {
        assert!(!html.contains(generic), "{generic:?} in the legend");
    }
    let (_, html) = render_model(&samples(), "izmir-deri", "2026-10", &["--compare", "yoy"]);
    assert!(
        html.contains("Karşılaştırma: geçen yılın aynı ayı (Ekim 2025)"),
        "{html}"
    );
    let (_, html) = render_model(&samples(), "izmir-deri", "2026-W43", &[]);
    assert!(
        html.contains("Karşılaştırma: önceki hafta (2026 42. hafta)"),
        "{html}"
    );
    assert!(html.contains(">2026 43. hafta<"), "weekly legend");
}
