# English messages: the reference catalog. Every other catalog must have every key.

report-title-month = Monthly performance report
report-title-week = Weekly performance report
report-title-quarter = Quarterly performance report
report-title-custom = Performance report
prepared-for = Prepared for { $client }
prepared-by = Prepared by { $agency }
vs-period = vs { $period }
no-comparison = No comparison period
week-label = Week { $week }, { $year }
page-of = Page { $page } of { $pages }
contents = Contents

section-summary = Executive summary
section-web = Website
section-ads = Paid advertising
section-seo = Search (SEO)
section-social = Social media
section-reviews = Reviews & reputation
section-email = Email marketing
section-goals = Goals
section-commentary = Commentary
section-data_notes = Data notes

highlights = Highlights
key-figures = Key figures
trend-title = { $metric }, day by day
trend-title-week = { $metric } this week
by-dimension = { $metric } by { $dimension }
share-by-dimension = Share of { $metric } by { $dimension }
daily-title = { $metric } per day
this-period = This period
previous-period = Previous period
other = Other
total = Total
no-data = No data
not-available = n/a

highlight-up = { $metric } rose { $change } to { $value }.
highlight-down = { $metric } fell { $change } to { $value }.

goal-at-least = Target: at least { $target }
goal-at-most = Target: at most { $target }
goal-met = Met
goal-not-met = Not met
goal-no-data = No data yet
goal-progress = { $progress } of target

notes-missing = { $source }: no data for { $days ->
    [one] 1 day
   *[other] { $days } days
} ({ $ranges }).
notes-failed = { $source }: data unavailable ({ $error }).
notes-skipped = { $source }: { $rows ->
    [one] 1 row was
   *[other] { $rows } rows were
} left out because they could not be read.
notes-complete = All data sources were complete for this period.
notes-definitions = Definitions
notes-incomplete-kpi = Based on { $days ->
    [one] 1 day
   *[other] { $days } days
} with data; { $missing ->
    [one] 1 day is
   *[other] { $missing } days are
} missing.

dim-channel = channel
dim-campaign = campaign
dim-network = network
dim-other = { $name }
