//! The checks a workspace file must pass once it has been read: references between its
//! parts, settings that only make sense together, and what each source kind needs.

use std::collections::BTreeMap;
use std::path::Path;

use super::schema::{self, Layout, MetricRef, SourceConfig, SourceKind};
use super::{Located, Problem, Slug, Workspace, api, values};

impl Workspace {
    pub(super) fn validate(&self, problems: &mut Vec<Problem>) {
        self.check_email(problems);
        let path = &self.path;
        let f = &self.file;
        if f.agencies.is_empty() {
            problems.push(Problem::at(
                path,
                None,
                "agencies",
                "at least one agency is required".into(),
            ));
        }
        duplicates(
            f.agencies.iter().map(|a| &a.id),
            "agencies",
            "agency id",
            path,
            problems,
        );
        duplicates(
            f.clients.iter().map(|c| &c.id),
            "clients",
            "client id",
            path,
            problems,
        );
        for (i, c) in f.clients.iter().enumerate() {
            let at = format!("clients[{i}]");
            match &c.agency {
                Some(a) if !f.agencies.iter().any(|x| x.id.as_str() == a.value) => {
                    let ids: Vec<_> = f.agencies.iter().map(|a| a.id.as_str()).collect();
                    problems.push(Problem::spanned(
                        path,
                        a,
                        format!("{at}.agency"),
                        format!(
                            "unknown agency {:?}: expected one of {}",
                            a.value,
                            ids.join(", ")
                        ),
                    ));
                }
                None if f.agencies.len() > 1 => problems.push(Problem::located(
                    path,
                    c.id.at,
                    format!("{at}.agency"),
                    format!(
                        "client {:?} must name its agency: the workspace has several",
                        c.id.as_str()
                    ),
                )),
                _ => {}
            }
            for (name, metric) in c.summary_kpis.iter().flatten().map(|m| ("summary_kpis", m)) {
                self.check_metric(metric, &format!("{at}.{name}"), problems);
            }
            for (p, metric) in c.priorities.iter().enumerate() {
                let field = format!("{at}.priorities[{p}]");
                self.check_metric(metric, &field, problems);
                if let Some(first) = c.priorities[..p]
                    .iter()
                    .position(|m| m.value == metric.value)
                {
                    problems.push(Problem::spanned(
                        path,
                        metric,
                        field,
                        format!(
                            "{:?} is listed twice (already {at}.priorities[{first}]); \
                             expected each metric once, most important first",
                            metric.value
                        ),
                    ));
                }
            }
            for (g, goal) in c.goals.iter().enumerate() {
                let gat = format!("{at}.goals[{g}]");
                self.check_metric(&goal.metric, &format!("{gat}.metric"), problems);
                for (name, target) in [("at_least", goal.at_least), ("at_most", goal.at_most)] {
                    if target.is_some_and(|t| !t.is_finite()) {
                        problems.push(Problem::spanned(
                            path,
                            &goal.metric,
                            format!("{gat}.{name}"),
                            "expected a finite number such as 120 or 0.035".into(),
                        ));
                    }
                }
                if goal.at_least.is_some() == goal.at_most.is_some() {
                    problems.push(Problem::spanned(
                        path,
                        &goal.metric,
                        gat,
                        "a goal needs exactly one of at_least or at_most".into(),
                    ));
                }
            }
            for (n, a) in c.annotations.iter().enumerate() {
                check_annotation(a, &format!("{at}.annotations[{n}]"), path, problems);
            }
            duplicates(
                c.sources.iter().map(|s| &s.id),
                &format!("{at}.sources"),
                "source id",
                path,
                problems,
            );
            for (s, source) in c.sources.iter().enumerate() {
                self.check_source(source, &format!("{at}.sources[{s}]"), problems);
            }
            self.check_platforms(&c.sources, &at, problems);
            self.check_group(c, &at, problems);
        }
    }

    /// A group names existing clients that are not groups, reads no sources of its own, and
    /// converts every location currency other than its own at positive monthly rates.
    fn check_group(&self, c: &schema::ClientConfig, at: &str, problems: &mut Vec<Problem>) {
        let path = &self.path;
        if c.is_group() && !c.sources.is_empty() {
            problems.push(Problem::located(
                path,
                c.id.at,
                format!("{at}.sources"),
                "a group (a client with `locations`) rolls up its locations' data and reads no \
                 sources of its own: move the sources to a location"
                    .into(),
            ));
        }
        if !c.is_group() && !c.exchange_rates.is_empty() {
            problems.push(Problem::located(
                path,
                c.exchange_rates.at,
                format!("{at}.exchange_rates"),
                "`exchange_rates` belongs to a group (a client with `locations`)".into(),
            ));
        }
        let currency = |x: &schema::ClientConfig| {
            x.currency
                .clone()
                .or_else(|| self.agency_of(x).map(|a| a.currency.clone()))
        };
        let own = currency(c);
        for (n, loc) in c.locations.iter().enumerate() {
            let field = format!("{at}.locations[{n}]");
            let Some(member) = self.file.clients.iter().find(|x| x.id.value == loc.value) else {
                problems.push(Problem::located(
                    path,
                    loc.at,
                    field,
                    format!(
                        "unknown client {:?}: expected the id of a client of this workspace",
                        loc.as_str()
                    ),
                ));
                continue;
            };
            if member.is_group() || member.id.value == c.id.value {
                problems.push(Problem::located(
                    path,
                    loc.at,
                    field.clone(),
                    format!(
                        "{:?} is a group itself: expected a location (a client with sources)",
                        loc.as_str()
                    ),
                ));
            }
            if c.locations[..n].iter().any(|l| l.value == loc.value) {
                problems.push(Problem::located(
                    path,
                    loc.at,
                    field.clone(),
                    format!(
                        "{:?} is listed twice: expected each location once",
                        loc.as_str()
                    ),
                ));
            }
            if let Some(theirs) = currency(member)
                && Some(&theirs) != own.as_ref()
                && !c.exchange_rates.contains_key(&theirs)
            {
                problems.push(Problem::located(
                    path,
                    loc.at,
                    field,
                    format!(
                        "{:?} reports in {theirs} but the group in {}: expected \
                         `exchange_rates: {{{theirs}: {{YYYY-MM: rate}}}}` with the value of 1 \
                         {theirs} in {} for each month reported",
                        loc.as_str(),
                        own.as_ref().map_or("?", |o| o.as_str()),
                        own.as_ref().map_or("?", |o| o.as_str()),
                    ),
                ));
            }
        }
        for (code, months) in c.exchange_rates.iter() {
            for (month, rate) in months {
                let field = format!("{at}.exchange_rates.{code}.{month}");
                if chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").is_err()
                    || month.len() != 7
                {
                    problems.push(Problem::located(
                        path,
                        c.exchange_rates.at,
                        field.clone(),
                        format!("{month:?} is not a month: expected YYYY-MM such as 2026-11"),
                    ));
                }
                if !(rate.is_finite() && *rate > 0.0) {
                    problems.push(Problem::located(
                        path,
                        c.exchange_rates.at,
                        field,
                        format!("{rate} is not a rate: expected a positive number such as 0.0265"),
                    ));
                }
            }
        }
    }

    /// Sources that share a metric must name their platforms (their numbers are added up by
    /// platform); one platform account read by two sources would count twice.
    fn check_platforms(&self, sources: &[SourceConfig], at: &str, problems: &mut Vec<Problem>) {
        let path = &self.path;
        for (j, later) in sources.iter().enumerate() {
            let field = format!("{at}.sources[{j}].platform");
            if let Some(named) = &later.platform
                && later.platform().is_none()
            {
                problems.push(Problem::spanned(
                    path,
                    named,
                    field.clone(),
                    "expected a platform name such as Microsoft Ads or Instagram".into(),
                ));
                continue;
            }
            for earlier in &sources[..j] {
                let shared = later
                    .mapped_metrics()
                    .find(|m| earlier.mapped_metrics().any(|e| e == *m));
                let (Some(metric), Some(mine), Some(theirs)) =
                    (shared, later.platform(), earlier.platform())
                else {
                    if let Some(metric) = shared {
                        let unnamed = if later.platform().is_none() {
                            later
                        } else {
                            earlier
                        };
                        problems.push(Problem::located(
                            path,
                            unnamed.id.at,
                            field.clone(),
                            format!(
                                "metric {metric} is mapped by source {:?} and source {:?}: name \
                                 the platform of source {:?} (e.g. `platform: Microsoft Ads`) so \
                                 the two add up as platforms, or map the metric in one source only",
                                earlier.id.as_str(),
                                later.id.as_str(),
                                unnamed.id.as_str()
                            ),
                        ));
                        break; // one message per source is enough
                    }
                    continue;
                };
                if mine.id == theirs.id
                    && let (Some(a), Some(b)) = (later.account(), earlier.account())
                    && a == b
                {
                    problems.push(Problem::located(
                        path,
                        later.id.at,
                        format!("{at}.sources[{j}]"),
                        format!(
                            "source {:?} reads the same {} account {a:?} as source {:?}: its \
                             numbers ({metric}, ...) would count twice; keep one of them",
                            later.id.as_str(),
                            mine.name,
                            earlier.id.as_str()
                        ),
                    ));
                }
            }
        }
    }

    fn check_metric(&self, metric: &MetricRef, field: &str, problems: &mut Vec<Problem>) {
        if self.catalog.get(&metric.value).is_none() {
            problems.push(Problem::spanned(
                &self.path,
                metric,
                field.into(),
                format!(
                    "unknown metric {:?}: expected a catalog id such as web.sessions or ads.ctr \
                     (see docs/config.md), or define it under `metrics:`",
                    metric.value
                ),
            ));
        }
    }

    /// Sending needs a From address and a safe connection.
    fn check_email(&self, problems: &mut Vec<Problem>) {
        let path = &self.path;
        if let Some(smtp) = &self.file.smtp {
            let local = matches!(smtp.host.as_str(), "127.0.0.1" | "::1" | "localhost");
            if *smtp.security == schema::SmtpSecurity::None && !local {
                problems.push(Problem::located(
                    path,
                    smtp.security.at,
                    "smtp.security".into(),
                    format!(
                        "`none` sends reports unencrypted: only allowed for a server on this machine, not {:?}; use starttls or tls",
                        smtp.host
                    ),
                ));
            }
            for (i, a) in self.file.agencies.iter().enumerate() {
                if a.contact.email.is_none() {
                    problems.push(Problem::located(
                        path,
                        a.id.at,
                        format!("agencies[{i}].contact.email"),
                        format!("agency {} sends reports by e-mail: its contact.email is the From address", a.id),
                    ));
                }
            }
        }
        let base_url = self.file.publish.as_ref().and_then(|p| p.base_url.as_ref());
        if let Some(url) = base_url {
            let parsed = url::Url::parse(&url.value);
            let fine = parsed.as_ref().is_ok_and(|u| {
                matches!(u.scheme(), "https" | "http")
                    && u.host().is_some()
                    && u.query().is_none()
                    && u.fragment().is_none()
            });
            if !fine {
                problems.push(Problem::located(
                    path,
                    url.at,
                    "publish.base_url".into(),
                    format!(
                        "{:?} is not the site's address: expected an https:// URL without query or fragment, such as https://reports.agency.example",
                        url.value
                    ),
                ));
            }
        }
        for (i, c) in self.file.clients.iter().enumerate() {
            if c.email.attach == schema::Attach::Link
                && c.email.link.is_none()
                && base_url.is_none()
            {
                problems.push(Problem::located(
                    path,
                    c.id.at,
                    format!("clients[{i}].email.link"),
                    "`attach: link` needs `link: https://…/{client}/{period}/report.html`, or `publish.base_url` to link to the published site".into(),
                ));
            }
        }
    }

    fn check_source(&self, s: &SourceConfig, at: &str, problems: &mut Vec<Problem>) {
        let path = &self.path;
        match s.layout {
            Layout::Wide if s.columns.is_empty() => problems.push(Problem::located(
                path,
                s.id.at,
                format!("{at}.columns"),
                format!(
                    "source {:?} maps no columns: add `columns: {{column name: metric id}}`",
                    s.id.as_str()
                ),
            )),
            Layout::Long if !s.columns.is_empty() => problems.push(Problem::spanned(
                path,
                s.columns.values().next().expect("non-empty"),
                format!("{at}.columns"),
                "a long-layout source names metrics in `metric_names`, not `columns`".into(),
            )),
            _ => {}
        }
        for (column, metric) in s.columns.iter().chain(&s.metric_names) {
            self.check_metric(metric, &format!("{at}.columns.{column}"), problems);
            let parts = match self.catalog.get(&metric.value) {
                Some(def) if def.aggregation.is_computed() => def.components().join(" and "),
                _ => continue,
            };
            problems.push(Problem::spanned(
                path,
                metric,
                format!("{at}.columns.{column}"),
                format!(
                    "{} is computed from its parts ({}); map those columns instead, \
                         so it is computed from the period's values",
                    metric.value, parts
                ),
            ));
        }
        for column in s
            .dimension_names
            .keys()
            .filter(|k| !s.dimensions.contains(k))
        {
            problems.push(Problem::located(
                path,
                s.dimension_names.at,
                format!("{at}.dimension_names"),
                format!(
                    "{column:?} is not one of the source's dimensions ({})",
                    s.dimensions.join(", ")
                ),
            ));
        }
        // Two columns feeding one metric would add both into every day.
        let mut mapped: BTreeMap<&str, &str> = BTreeMap::new();
        for (column, metric) in &s.columns {
            if let Some(first) = mapped.insert(metric.value.as_str(), column) {
                problems.push(Problem::spanned(
                    path,
                    metric,
                    format!("{at}.columns.{column}"),
                    format!(
                        "{} is already mapped from column {first:?}; map each metric from one column",
                        metric.value
                    ),
                ));
            }
        }
        if !matches!(*s.decimal_separator, '.' | ',') {
            problems.push(Problem::located(
                path,
                s.decimal_separator.at,
                format!("{at}.decimal_separator"),
                format!("expected \".\" or \",\", found {:?}", s.decimal_separator),
            ));
        }
        if !s.delimiter.is_ascii() || *s.delimiter == '"' {
            problems.push(Problem::located(
                path,
                s.delimiter.at,
                format!("{at}.delimiter"),
                format!(
                    "expected one ASCII character such as \",\", \";\" or a tab, found {:?}",
                    s.delimiter
                ),
            ));
        }
        if let Some(format) = &s.date_format
            && let Err(message) = values::check_date_format(&format.value)
        {
            problems.push(Problem::spanned(
                path,
                format,
                format!("{at}.date_format"),
                message,
            ));
        }
        for (field, message) in s
            .api
            .as_deref()
            .into_iter()
            .flat_map(api::ApiConfig::placeholder_problems)
        {
            problems.push(Problem::located(
                path,
                s.id.at,
                format!("{at}.api.{field}"),
                message,
            ));
        }
        self.check_origin(s, at, problems);
    }

    /// A file source names its file; a live source has the settings its API needs. What is
    /// missing has no position of its own: the problem points at the source's `id`.
    fn check_origin(&self, s: &SourceConfig, at: &str, problems: &mut Vec<Problem>) {
        let path = &self.path;
        let mut problem = |field: &str, message: String| {
            problems.push(Problem::located(
                path,
                s.id.at,
                format!("{at}{field}"),
                message,
            ))
        };
        let kind = s.kind.name();
        if !s.kind.is_live() {
            if s.api.is_some() {
                problem(
                    ".api",
                    format!("a {kind} source reads a file: use `path`, not `api`"),
                );
            }
            // Whether the file is there is the client's own problem, found when its report
            // is built (and by `check`): one missing file stops no other client.
            if s.path.is_none() {
                problem(
                    ".path",
                    format!("a {kind} source needs `path: data/file.{kind}`"),
                );
            }
            return;
        }
        if s.path.is_some() {
            problem(
                ".path",
                format!("a {kind} source is fetched over HTTP: it has `api`, not `path`"),
            );
        }
        if s.layout == Layout::Long && s.kind != SourceKind::Http {
            problem(
                ".layout",
                format!("a {kind} source has one field per metric: `layout: wide`"),
            );
        }
        let Some(api) = &s.api else {
            problem(
                ".api",
                format!(
                    "a {kind} source needs an `api` section ({})",
                    live_needs(s.kind).join(", ")
                ),
            );
            return;
        };
        let given = |field: &str| match field {
            "url" => api.url.is_some(),
            "property" => api.property.is_some(),
            "customer_id" => api.customer_id.is_some(),
            "developer_token" => api.developer_token.is_some(),
            "object_id" => api.object_id.is_some(),
            "site_url" => api.site_url.is_some(),
            "location" => api.location.is_some(),
            "shop" => api.shop.is_some(),
            "data_center" => api.data_center.is_some(),
            "account_id" => api.account_id.is_some(),
            "auth" => api.auth.is_some(),
            _ => true,
        };
        for field in live_needs(s.kind) {
            if !given(field) {
                problem(
                    &format!(".api.{field}"),
                    format!("a {kind} source needs `api.{field}`"),
                );
            }
        }
        if s.kind == SourceKind::GbpPerformance
            && let Some(location) = &api.location
            && api::location_id(location).is_none()
        {
            problem(
                ".api.location",
                format!(
                    "expected a Business Profile location such as `locations/1234567890123456789`, found {location:?}"
                ),
            );
        }
        if let Some(fields) = s.kind.row_fields() {
            for field in s.columns.keys().filter(|c| !fields.contains(&c.as_str())) {
                problem(
                    &format!(".columns.{field}"),
                    format!(
                        "a {kind} source gives {}; found {field:?}",
                        fields.join(", ")
                    ),
                );
            }
        }
        if let Some(dc) = &api.data_center
            && !is_data_center(dc)
        {
            problem(
                ".api.data_center",
                format!(
                    "expected Mailchimp's data center, the end of the API key after its dash (`us6`), found {dc:?}"
                ),
            );
        }
        if let Some(channel) = &api.channel
            && !is_channel(channel)
        {
            problem(
                ".api.channel",
                format!(
                    "expected MINE or a YouTube channel id such as `UCuAXFkgsw1L7xaCfnd5JJOw` (24 characters starting with UC), found {channel:?}"
                ),
            );
        }
        if let Some(shop) = &api.shop
            && api::shop_domain(shop).is_none()
        {
            problem(
                ".api.shop",
                format!(
                    "expected the shop's myshopify.com domain such as `trattoria.myshopify.com` (not its own domain), found {shop:?}"
                ),
            );
        }
        if s.kind != SourceKind::Http
            && (api.url.is_some() || api.pagination.is_some() || api.body.is_some())
        {
            problem(
                ".api",
                format!(
                    "`url`, `body` and `pagination` belong to http sources; a {kind} source builds its own requests (set `base_url` to redirect them)"
                ),
            );
        }
        for (field, url) in [("url", &api.url), ("base_url", &api.base_url)] {
            if let Some(url) = url
                && !(url.starts_with("https://") || url.starts_with("http://"))
            {
                problem(
                    &format!(".api.{field}"),
                    format!("expected an http(s) URL, found {url:?}"),
                );
            }
        }
        self.check_meta_settings(s, api, at, problems);
        self.check_ads_settings(s, api, at, problems);
    }

    /// LinkedIn, Microsoft and TikTok ads: numeric account ids, and one dimension at most,
    /// `campaign` (rows are fetched by campaign and day, and summed by day without it).
    fn check_ads_settings(
        &self,
        s: &SourceConfig,
        api: &api::ApiConfig,
        at: &str,
        problems: &mut Vec<Problem>,
    ) {
        let mut problem = |field: &str, message: String| {
            problems.push(Problem::located(
                &self.path,
                s.id.at,
                format!("{at}{field}"),
                message,
            ))
        };
        let kind = s.kind.name();
        let ads = matches!(
            s.kind,
            SourceKind::LinkedinAds | SourceKind::MicrosoftAds | SourceKind::TiktokAds
        );
        if !ads {
            if api.account_id.is_some() {
                problem(
                    ".api.account_id",
                    format!(
                        "`account_id` belongs to linkedin_ads, microsoft_ads and tiktok_ads sources, not to a {kind} source"
                    ),
                );
            }
            return;
        }
        let digits = |v: &str| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
        if let Some(id) = &api.account_id {
            let bare = match s.kind {
                SourceKind::LinkedinAds => id.trim().trim_start_matches("urn:li:sponsoredAccount:"),
                _ => id.trim(),
            };
            if !digits(bare) {
                let example = match s.kind {
                    SourceKind::LinkedinAds => "`507404993` or `urn:li:sponsoredAccount:507404993`",
                    SourceKind::MicrosoftAds => "`149123456` (the account id, not its number)",
                    _ => "`7012345678901234567` (the advertiser id)",
                };
                problem(
                    ".api.account_id",
                    format!("expected a {kind} account id such as {example}, found {id:?}"),
                );
            }
        }
        if s.kind == SourceKind::MicrosoftAds
            && let Some(id) = &api.customer_id
            && !digits(id.trim())
        {
            problem(
                ".api.customer_id",
                format!(
                    "expected the Microsoft Advertising customer id in digits, such as `251123456`, found {id:?}"
                ),
            );
        }
        if let Some(other) = s.dimensions.iter().find(|d| *d != "campaign") {
            problem(
                ".dimensions",
                format!("a {kind} source has one dimension, `campaign`; found {other:?}"),
            );
        }
    }

    /// Settings of Meta's insights: each only on the kind that reads it, the Marketing API's
    /// level agreeing with the source's dimensions, and each conversion counted once.
    fn check_meta_settings(
        &self,
        s: &SourceConfig,
        api: &api::ApiConfig,
        at: &str,
        problems: &mut Vec<Problem>,
    ) {
        let mut problem = |field: &str, message: String| {
            problems.push(Problem::located(
                &self.path,
                s.id.at,
                format!("{at}.api.{field}"),
                message,
            ))
        };
        let kind = s.kind.name();
        if s.kind != SourceKind::Meta && api.metric_type != api::MetricType::TimeSeries {
            problem(
                "metric_type",
                format!("`metric_type` belongs to meta sources, not to a {kind} source"),
            );
        }
        if s.kind != SourceKind::MetaAds {
            let given = [
                ("level", api.level != api::InsightsLevel::Account),
                (
                    "conversion_action_types",
                    api.conversion_action_types.is_some(),
                ),
            ];
            for (field, _) in given.iter().filter(|(_, given)| *given) {
                problem(
                    field,
                    format!("`{field}` belongs to meta_ads sources, not to a {kind} source"),
                );
            }
            return;
        }
        let by_campaign = api.level == api::InsightsLevel::Campaign;
        let campaign = s.dimensions.iter().any(|d| d == "campaign");
        if by_campaign && !campaign {
            problem(
                "level",
                "`level: campaign` gives a row per campaign and day: add `dimensions: [campaign]`"
                    .into(),
            );
        }
        if campaign && !by_campaign {
            problem(
                "level",
                "the `campaign` dimension needs `level: campaign` (the default, `account`, gives one row a day)".into(),
            );
        }
        if let Some(other) = s.dimensions.iter().find(|d| *d != "campaign") {
            problem(
                "level",
                format!("a meta_ads source has one dimension, `campaign`; found {other:?}"),
            );
        }
        let types = api.conversion_action_types.as_deref().unwrap_or_default();
        if api.conversion_action_types.is_some() && types.is_empty() {
            problem(
                "conversion_action_types",
                "expected at least one action type, such as [purchase] or [lead]".into(),
            );
        }
        let mut events: BTreeMap<&str, &str> = BTreeMap::new();
        for t in types {
            if let Some(first) = events.insert(action_event(t), t) {
                problem(
                    "conversion_action_types",
                    format!(
                        "{first:?} and {t:?} count the same {:?} events in two ways: list one, or each conversion is counted twice",
                        action_event(t)
                    ),
                );
            }
        }
    }
}

/// The event a Marketing API action type counts: `omni_purchase`,
/// `offsite_conversion.fb_pixel_purchase` and `purchase` all count purchases.
fn action_event(action_type: &str) -> &str {
    const VARIANTS: [&str; 7] = [
        "omni_",
        "offsite_conversion.fb_pixel_",
        "onsite_web_app_",
        "onsite_web_",
        "onsite_conversion.",
        "web_app_in_store_",
        "web_in_store_",
    ];
    VARIANTS
        .iter()
        .find_map(|p| action_type.strip_prefix(p))
        .unwrap_or(action_type)
}

/// `MINE` or a channel id: `UC` and 22 characters of URL-safe base64.
fn is_channel(channel: &str) -> bool {
    channel == "MINE"
        || (channel.len() == 24
            && channel.starts_with("UC")
            && channel
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
}

/// A Mailchimp data center: letters then digits (`us6`), a host name's first label.
fn is_data_center(dc: &str) -> bool {
    let digits = dc.trim_start_matches(|c: char| c.is_ascii_lowercase());
    digits.len() < dc.len() && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
}

/// The `api` settings a live source cannot do without.
fn live_needs(kind: SourceKind) -> &'static [&'static str] {
    match kind {
        SourceKind::Http => &["url"],
        SourceKind::Ga4 => &["property", "auth"],
        SourceKind::GoogleAds => &["customer_id", "developer_token", "auth"],
        SourceKind::Meta | SourceKind::MetaAds => &["object_id", "auth"],
        SourceKind::SearchConsole => &["site_url", "auth"],
        SourceKind::GbpReviews | SourceKind::GbpPerformance => &["location", "auth"],
        SourceKind::Shopify => &["shop", "auth"],
        SourceKind::Mailchimp => &["data_center", "auth"],
        SourceKind::YoutubeAnalytics => &["auth"],
        SourceKind::LinkedinAds | SourceKind::TiktokAds => &["account_id", "auth"],
        SourceKind::MicrosoftAds => &["account_id", "customer_id", "developer_token", "auth"],
        SourceKind::Csv | SourceKind::Json => &[],
    }
}

fn duplicates<'a>(
    ids: impl Iterator<Item = &'a Located<Slug>>,
    field: &str,
    what: &str,
    path: &Path,
    problems: &mut Vec<Problem>,
) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        let (at, id) = (id.at, id.as_str());
        if let Some(first) = seen.insert(id, i) {
            problems.push(Problem::located(
                path,
                at,
                format!("{field}[{i}].id"),
                format!("duplicate {what} {id:?} (already used by {field}[{first}])"),
            ));
        }
    }
}

/// An annotation needs a valid `date`, or `from` and `to` in order, and a label.
fn check_annotation(
    a: &schema::AnnotationConfig,
    at: &str,
    path: &Path,
    problems: &mut Vec<Problem>,
) {
    let mut problem = |loc: serde_saphyr::Location, field: String, message: String| {
        problems.push(Problem::located(path, loc, field, message));
    };
    let mut valid = true;
    for (name, value) in [("date", &a.date), ("from", &a.from), ("to", &a.to)] {
        if let Some(v) = value
            && chrono::NaiveDate::parse_from_str(v.value.trim(), "%Y-%m-%d").is_err()
        {
            valid = false;
            problem(
                v.at,
                format!("{at}.{name}"),
                format!(
                    "{:?} is not a date; expected year-month-day such as 2026-10-12",
                    v.value
                ),
            );
        }
    }
    match (&a.date, &a.from, &a.to) {
        (Some(_), None, None) | (None, Some(_), Some(_)) => {}
        _ => {
            valid = false;
            problem(
                a.label.at,
                at.to_string(),
                "expected either `date` (one day) or both `from` and `to` (a span of days)".into(),
            );
        }
    }
    if valid && a.days().is_none() {
        let loc = a.to.as_ref().map_or(a.label.at, |t| t.at);
        problem(
            loc,
            format!("{at}.to"),
            "the span ends before it starts; expected `to` on or after `from`".into(),
        );
    }
    if a.label.value.trim().is_empty() {
        problem(
            a.label.at,
            format!("{at}.label"),
            "expected a short text such as \"Site migration\"".into(),
        );
    }
}
