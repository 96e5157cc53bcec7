//! Goals an executive reads at a glance: how far along in "% of target", an "at most" goal as
//! an allowance used, a weekly or quarterly target prorated in words, targets without decimals
//! they do not have; in HTML and in the PDF alike.

use std::path::Path;

use crate::common::{pdf_tools, render};

/// The sample workspace's October report of `client`: (HTML, PDF text squashed).
fn october(client: &str, out: &Path) -> (String, String) {
    render(
        "samples/execreport.yaml",
        Some(client),
        "2026-10",
        "html,pdf",
        out,
    );
    let dir = out.join(client).join("2026-10");
    let html = std::fs::read_to_string(dir.join("report.html")).unwrap();
    let pdf = pdf_tools::squash(&pdf_tools::text(&dir.join("report.pdf")));
    (html, pdf)
}

#[test]
fn goals_say_how_far_along_and_how_a_target_was_prorated() {
    let out = tempfile::tempdir().unwrap();
    let (html, pdf) = october("brightside-dental", out.path());
    // 162 leads for 120: 135 % of target; a weekly target of 30 calls is 130 in October.
    for text in [&html, &pdf] {
        for want in [
            "135% of target",
            "107% of target",
            "30 a week, so 130 this month",
            "102% of the limit used",
        ] {
            assert!(text.contains(want), "no {want:?} in\n{text}");
        }
    }
    // A monthly target in a monthly report needs no word on prorating.
    assert!(!html.contains("120 a month"), "{html}");
    // The per-period line sits under its goal, after the target.
    // (in the goals section: the summary's scoreboard names the goal first)
    let goals = &html[html.find("id=\"goals\"").expect("a goals section")..];
    let calls = &goals[goals.find("Calls from the website").unwrap()..];
    let calls = &calls[..calls.find("</li>").unwrap()];
    assert!(
        calls.contains("Target: at least 130</p>")
            && calls.contains(
                r#"<p class="goal-detail goal-prorating">30 a week, so 130 this month</p>"#
            ),
        "{calls}"
    );
}

#[test]
fn an_at_most_goal_is_drawn_as_an_allowance_used() {
    let out = tempfile::tempdir().unwrap();
    let (html, _) = october("brightside-dental", out.path());
    let goal = &html[html
        .find(r#"<li class="goal goal-at_most">"#)
        .expect("an at-most goal")..];
    let goal = &goal[..goal.find("</li>").unwrap()];
    assert!(goal.contains("Cost per lead"), "{goal}");
    assert!(
        goal.contains("chart-budget"),
        "not drawn as an allowance: {goal}"
    );
    // Over the allowance: the mark, the used part muted and the overrun after it.
    assert!(goal.matches("<rect").count() >= 4, "{goal}");
}

#[test]
fn targets_have_no_spurious_decimals() {
    let out = tempfile::tempdir().unwrap();
    let (html, pdf) = october("harbor-hotel-bangkok", out.path());
    // Return on ad spend: at least 12 (not 12.00), a quarterly 750 bookings is 250 in October.
    for text in [&html, &pdf] {
        assert!(
            text.contains("เป้าหมาย: อย่างน้อย 12<") || text.contains("เป้าหมาย: อย่างน้อย 12 "),
            "{text}"
        );
        assert!(!text.contains("อย่างน้อย 12.00"), "{text}");
        // (pdftotext reads Thai's last vowel marks out of order: compare up to them.)
        assert!(text.contains("ไตรมาสละ 750 คิดเป็น 250 ในเด"), "{text}");
    }
}
