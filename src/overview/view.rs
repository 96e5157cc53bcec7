//! The overview dressed for reading: the report view's cover and sections of tables, in the
//! agency's language and brand, so the report renderers draw its HTML and PDF.

use crate::config::brand::Brand;
use crate::config::schema::AgencyConfig;
use crate::locale::Locale;
use crate::render::view::{
    self, Column, OverviewSection, ReportView, SectionBody, SectionId, SectionView, Table,
    TextDirection,
};
use crate::sources::live::health::Health;

use super::{Attention, ClientOverview, DeliveryStatus, Overview};

/// The overview's view for the agency's brand and locale.
pub fn build(o: &Overview, agency: &AgencyConfig, brand: &Brand, l: &Locale) -> ReportView {
    let period_label = l.period_name(o.period.kind, o.period.start, o.period.end);
    let title = l.t("overview-title");
    let attention = l.text(
        "overview-summary",
        &[
            ("attention", number(l, o.needing_attention).into()),
            ("clients", number(l, o.clients_total).into()),
        ],
    );
    let mut sections = vec![section(
        OverviewSection::Clients,
        l.t("overview-section-clients"),
        vec![clients_table(o, l)],
    )];
    let kpis: Vec<Table> = o
        .clients
        .iter()
        .filter(|c| !c.kpis.is_empty())
        .map(|c| kpi_table(c, l))
        .collect();
    if !kpis.is_empty() {
        sections.push(section(
            OverviewSection::HeadlineKpis,
            l.t("overview-section-kpis"),
            kpis,
        ));
    }
    sections.push(section(
        OverviewSection::Sources,
        l.t("overview-section-health"),
        vec![sources_table(o, l)],
    ));
    ReportView {
        lang: l.tag.clone(),
        dir: TextDirection::of(&l.tag),
        title: format!("{} · {title} · {period_label}", agency.name),
        report_title_upper: l.fmt.uppercase(&title),
        report_title: title,
        client_name: agency.name.clone(),
        agency_name: agency.name.clone(),
        period_label,
        comparison_label: None,
        prepared_for: l.t("overview-internal"),
        prepared_by: l.t("overview-internal"),
        header: agency.name.clone(),
        footer: Some(l.t("overview-internal")),
        contact: view::contact_lines(brand, &agency.contact),
        theme: view::theme_of(brand),
        cover_style: brand.file.cover.style,
        tagline: Some(attention),
        page_size: crate::render::paper::page_size(
            None,
            agency.locale.as_str(),
            brand.file.page_size,
        ),
        sections,
    }
}

fn section(id: OverviewSection, title: String, tables: Vec<Table>) -> SectionView {
    SectionView {
        id: SectionId::Overview(id),
        title,
        body: SectionBody::Channel {
            tiles: Vec::new(),
            charts: Vec::new(),
            tables,
        },
    }
}

fn columns(l: &Locale, keys: &[(&str, bool)]) -> Vec<Column> {
    keys.iter()
        .map(|&(key, numeric)| Column {
            label: l.t(key),
            numeric,
        })
        .collect()
}

/// Every client, most urgent first: what needs the agency, the delivery, goals and sources.
fn clients_table(o: &Overview, l: &Locale) -> Table {
    let rows = o
        .clients
        .iter()
        .map(|c| {
            let mut name = c.name.clone();
            if c.group {
                name = l.text("overview-group", &[("name", name.into())]);
            }
            let why = if c.attention.is_empty() {
                l.t("overview-no-attention")
            } else {
                c.attention
                    .iter()
                    .map(|a| attention_word(l, *a))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let count =
                |n: Option<u32>| n.map_or_else(|| "–".to_string(), |n| number(l, n as usize));
            vec![
                format!("{name} — {why}"),
                delivery_word(l, c.delivery),
                count(c.goals.map(|g| g.met)),
                count(c.goals.map(|g| g.missed)),
                number(l, c.data.sources.len()),
            ]
        })
        .collect();
    Table {
        caption: l.text(
            "overview-summary",
            &[
                ("attention", number(l, o.needing_attention).into()),
                ("clients", number(l, o.clients_total).into()),
            ],
        ),
        columns: columns(
            l,
            &[
                ("overview-col-client", false),
                ("overview-col-delivery", true),
                ("overview-col-goals-met", true),
                ("overview-col-goals-missed", true),
                ("overview-col-sources", true),
            ],
        ),
        rows,
        other: None,
        total: None,
    }
}

/// A client's headline KPIs: value, the comparison's, and the change.
fn kpi_table(c: &ClientOverview, l: &Locale) -> Table {
    let currency = c.currency.as_deref().unwrap_or("USD");
    let rows = c
        .kpis
        .iter()
        .map(|k| {
            let (value, previous) = match k.value {
                Some(v) => l.fmt.value_pair(v, k.previous, k.unit, currency, true),
                None => (l.t("no-data"), None),
            };
            let change = view::change_words(
                l,
                k.change_scale,
                k.unit,
                (k.change, k.change_pct),
                k.value.zip(k.previous),
                true,
            );
            vec![
                k.label.clone(),
                value,
                previous.unwrap_or_else(|| "–".into()),
                change.unwrap_or_else(|| "–".into()),
            ]
        })
        .collect();
    Table {
        caption: c.name.clone(),
        columns: columns(
            l,
            &[
                ("overview-col-kpi", false),
                ("overview-col-value", true),
                ("overview-col-previous", true),
                ("overview-col-change", true),
            ],
        ),
        rows,
        other: None,
        total: None,
    }
}

/// Each source needing attention, with the command that fixes it.
fn sources_table(o: &Overview, l: &Locale) -> Table {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for c in &o.clients {
        for s in &c.data.sources {
            let mut what = format!("{} · {}", c.name, s.source);
            if s.client != c.id {
                what = format!("{} · {} · {}", c.name, s.client, s.source);
            }
            if let Some(platform) = &s.platform {
                what.push_str(&format!(" ({platform})"));
            }
            if let Some(fix) = &s.fix {
                what.push_str(&format!(" — {fix}"));
            }
            let checked = s
                .checked_at
                .get(..10)
                .and_then(|d| d.parse().ok())
                .map_or_else(|| "–".to_string(), |d| l.fmt.short_date(d));
            rows.push(vec![what, health_word(l, s.health), checked]);
        }
    }
    if rows.is_empty() {
        rows.push(vec![
            l.t("overview-all-sources-ok"),
            String::new(),
            String::new(),
        ]);
    }
    Table {
        caption: l.t("overview-section-sources"),
        columns: columns(
            l,
            &[
                ("overview-col-source", false),
                ("overview-col-health", true),
                ("overview-col-checked", true),
            ],
        ),
        rows,
        other: None,
        total: None,
    }
}

fn number(l: &Locale, n: usize) -> String {
    l.fmt.number(n as f64, 0)
}

fn attention_word(l: &Locale, a: Attention) -> String {
    l.t(&format!(
        "overview-attention-{}",
        a.as_str().replace('_', "-")
    ))
}

fn delivery_word(l: &Locale, d: DeliveryStatus) -> String {
    l.t(&format!(
        "overview-delivery-{}",
        d.as_str().replace('_', "-")
    ))
}

fn health_word(l: &Locale, h: Health) -> String {
    l.t(&format!("overview-health-{}", h.as_str().replace('_', "-")))
}
