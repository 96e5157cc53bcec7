//! The executive one-pager (issue 18): a headline built from the model, wins and concerns
//! apart, a goal scoreboard, the agency's next steps, the commentary right after the summary
//! when a goal is missed, its emphasis kept in print, and all of it on one PDF page.

use crate::common::{render_model, sample_workspace, samples};
use execreport::config::Workspace;
use execreport::period::{CompareKind, PeriodSpec};
use execreport::render::pdf::Item;
use execreport::render::view::SectionBody;
use execreport::report::{self, ReportRequest};
use execreport::sources::live::Fetcher;

/// The HTML between `start` and the next `</div>`.
fn part<'a>(html: &'a str, start: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in the HTML"));
    let rest = &html[from..];
    &rest[..rest.find("</div>").unwrap_or(rest.len())]
}

/// `field` of each element of `list`, or each element itself for an empty `field`.
fn strings<'a>(list: &'a serde_json::Value, field: &str) -> Vec<&'a str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|v| {
            if field.is_empty() { v } else { &v[field] }
                .as_str()
                .unwrap()
        })
        .collect()
}

fn sections(json: &serde_json::Value) -> Vec<&str> {
    strings(&json["sections"], "")
}

#[test]
fn revenue_falling_while_traffic_rises_heads_the_summary() {
    let (json, html) = render_model(&samples(), "izmir-deri", "2026-10", &[]);
    let headline = &json["summary_headline"];
    assert_eq!(headline["kind"], "concern_over_win", "{headline}");
    assert_eq!(headline["metrics"][0], "web.revenue", "{headline}");
    assert_eq!(headline["metrics"][1], "web.sessions", "{headline}");
    assert_eq!(headline["goals"]["missed"], 3, "{headline}");
    assert!(
        html.contains(
            "<p class=\"headline\">Ekim 2026: site geliri %23,5 azaldı; oturumlar ise %13,9 arttı. Hedeflerin hiçbirine ulaşılamadı.</p>"
        ),
        "{}",
        part(&html, "<main>")
    );
}

#[test]
fn wins_and_concerns_are_two_lists() {
    let (_, html) = render_model(&samples(), "izmir-deri", "2026-10", &[]);
    let wins = part(&html, "<div class=\"wins\">");
    let concerns = part(&html, "<div class=\"concerns\">");
    assert!(
        wins.contains("İyi gidenler") && wins.contains("Oturumlar"),
        "{wins}"
    );
    assert!(!wins.contains("class=\"bad\""), "{wins}");
    assert!(
        concerns.contains("Site geliri %23,5 azalarak"),
        "{concerns}"
    );
    assert!(!concerns.contains("class=\"good\""), "{concerns}");
    assert_eq!(concerns.matches("<li").count(), 3, "{concerns}");
}

#[test]
fn the_scoreboard_says_where_each_goal_stands_and_how_far_it_got() {
    let (json, html) = render_model(&samples(), "brightside-dental", "2026-10", &[]);
    let statuses = strings(&json["goal_standings"], "status");
    assert_eq!(statuses, ["met", "missed", "met", "met"]);
    let board = part(&html, "<div class=\"scoreboard\">");
    assert!(
        board.contains("<li class=\"goal-missed\"><span class=\"goal-label\">Cost per lead</span><span class=\"of-target\">102% of target</span><span class=\"status\">Missed</span></li>"),
        "{board}"
    );
    assert!(
        board.contains("135% of target</span><span class=\"status\">Met</span>"),
        "{board}"
    );
    // Half-way through the month: judged at the pace of the days so far.
    let (json, html) = render_model(
        &samples(),
        "brightside-dental",
        "mtd",
        &["--today", "2026-10-16"],
    );
    let statuses = strings(&json["goal_standings"], "status");
    assert_eq!(statuses, ["on_track", "behind", "on_track", "on_track"]);
    let board = part(&html, "<div class=\"scoreboard\">");
    assert!(
        board.contains(">On track</span>") && board.contains(">Behind</span>"),
        "{board}"
    );
}

#[test]
fn the_agencys_next_steps_come_from_its_commentary() {
    let (_, html) = render_model(&samples(), "brightside-dental", "2026-10", &[]);
    let steps = part(&html, "<div class=\"next-steps\">");
    assert!(
        steps.contains("<h3>Next steps</h3>")
            && steps.contains("<li>We move 10% of the Performance Max budget to"),
        "{steps}"
    );
    let (_, html) = render_model(&samples(), "izmir-deri", "2026-10", &[]);
    let steps = part(&html, "<div class=\"next-steps\">");
    assert!(
        steps.contains("<h3>Sonraki adımlar</h3>")
            && steps.contains("<li>Sorun giderilene kadar Performance Max bütçesini %20"),
        "{steps}"
    );
}

#[test]
fn the_commentary_follows_the_summary_when_a_goal_is_missed_or_the_agency_asks() {
    let (json, _) = render_model(&samples(), "izmir-deri", "2026-10", &[]);
    assert_eq!(sections(&json)[..2], ["summary", "commentary"]);
    // No goal missed (a cost-per-lead target of $70): the commentary stays where it was.
    let ws = sample_workspace(|y| y.replacen("at_most: 60", "at_most: 70", 1), false);
    let (json, _) = render_model(
        &ws.path().join("execreport.yaml"),
        "brightside-dental",
        "2026-10",
        &[],
    );
    let order = sections(&json);
    assert_eq!(order[1], "web", "{order:?}");
    assert_eq!(order[order.len() - 2], "commentary", "{order:?}");
    // The agency's setting wins either way.
    let ws = sample_workspace(
        |y| {
            y.replacen(
                "  - id: izmir-deri\n",
                "  - id: izmir-deri\n    commentary: last\n",
                1,
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
    let order = sections(&json);
    assert_eq!(order[order.len() - 2], "commentary", "{order:?}");
}

/// The PDF pages of a sample client's October 2026.
fn pdf_pages(
    client: &str,
) -> (
    Vec<execreport::render::pdf::Page>,
    execreport::render::view::ReportView,
    std::sync::Arc<execreport::render::BrandKit>,
) {
    let ws = Workspace::load(&samples()).unwrap();
    let client = ws.client(client).unwrap();
    let kit = execreport::render::load_kit(&ws, client.brand).unwrap();
    let request = ReportRequest {
        period: "2026-10".parse::<PeriodSpec>().unwrap(),
        compare: CompareKind::Previous,
        today: None,
        locale: None,
        now: None,
        data: Default::default(),
    };
    let model = report::build(&ws, &Fetcher::default(), &client, &kit.brand, &request).unwrap();
    let view = execreport::render::view_of(&model, &kit.brand, &ws);
    let label = |n: usize, t: usize| format!("{n}/{t}");
    let (pages, _) = kit.pdf.pages(&view, &label).unwrap();
    (pages, view, kit)
}

/// The text of a layout item.
fn text(item: &Item) -> String {
    match item {
        Item::Text { runs, .. } => runs.iter().map(|r| r.text.as_str()).collect(),
        _ => String::new(),
    }
}

#[test]
fn the_commentarys_bold_is_printed_bold() {
    let (pages, _, kit) = pdf_pages("brightside-dental");
    let runs = pages
        .iter()
        .flat_map(|p| &p.items)
        .find_map(|item| match item {
            Item::Text { runs, .. } if text(item).starts_with("October in one line:") => Some(runs),
            _ => None,
        })
        .expect("the commentary's first line");
    let bold = |needle: &str| {
        let run = runs.iter().find(|r| r.text.contains(needle)).unwrap();
        kit.pdf.fonts.fonts[run.font].bold
    };
    assert!(bold("October in one line:"), "{runs:?}");
    assert!(!bold("the most new-patient"), "{runs:?}");
}

#[test]
fn the_one_pager_fits_one_page() {
    for client in [
        "brightside-dental",
        "izmir-deri",
        "harbor-hotel-bangkok",
        "osaka-smile-clinic",
    ] {
        let (pages, view, _) = pdf_pages(client);
        let summary = &view.sections[0];
        let SectionBody::Summary {
            scoreboard,
            next_steps,
            labels,
            ..
        } = &summary.body
        else {
            panic!("{client}: the summary comes first");
        };
        let page_of = |needle: &str| {
            pages
                .iter()
                .position(|p| p.items.iter().any(|i| text(i) == needle))
                .unwrap_or_else(|| panic!("{client}: no {needle:?} in the PDF"))
        };
        let first = pages
            .iter()
            .position(|p| p.bookmarks.contains(&summary.title))
            .unwrap();
        // The last part drawn is on the summary's page.
        let last = if !next_steps.is_empty() {
            &labels.next_steps
        } else if !scoreboard.is_empty() {
            &scoreboard.last().unwrap().status_text
        } else {
            &labels.concerns
        };
        assert_eq!(page_of(last), first, "{client}: the summary spills");
        assert!(!scoreboard.is_empty(), "{client}");
    }
}
