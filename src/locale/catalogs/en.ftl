# English messages: the reference catalog. Every other catalog must have every key.

report-title-month = Monthly performance report
report-title-week = Weekly performance report
report-title-quarter = Quarterly performance report
report-title-custom = Performance report
prepared-for = Prepared for { $client }
prepared-by = Prepared by { $agency }
vs-period = vs { $period }
# A change of a rate in percentage points: "+0.4 pp".
change-points = { $points } pp
# Said once above the summary: what every "vs" compares with.
compared-with = Compared with { $period }
no-comparison = No comparison period
week-label = Week { $week }, { $year }
page-of = Page { $page } of { $pages }
contents = Contents

section-summary = Executive summary
section-web = Website
section-ads = Paid advertising
section-seo = Search (SEO)
section-local = Local search
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
share-by-dimension = Share of { MID($metric) } by { $dimension }
daily-title = { $metric } per day
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
goal-incomplete = Not judged: days missing
goal-progress = { $progress } of target

notes-missing = { $source }: no data for { $days ->
    [one] 1 day
   *[other] { $days } days
} ({ $ranges }).
notes-failed = { $source } data is not available for this period.
notes-missing-comparison = { $source }: the comparison period has no data for { $days ->
    [one] 1 day
   *[other] { $days } days
} ({ $ranges }); changes are compared per day over the days with data.
notes-no-data = No data is available for this period yet.
notes-incomplete-previous = Comparison period: { $days ->
    [one] 1 day
   *[other] { $days } days
} with data, { $missing } missing.
vs-per-day = per day: { $value } vs { $previous }
vs-days-present = Compared over the days with data only.
comparison-incomplete = no like-for-like comparison
source-unnamed = One data source
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
dim-platform = platform
dim-other = { $name }



# Metric names and one-line definitions (catalog order).
metric-web-sessions = Sessions
definition-web-sessions = Visits to the website.
metric-web-users = Users
definition-web-users = Sum of daily unique users; a person visiting on several days counts once per day.
metric-web-new_users = New users
definition-web-new_users = First-time visitors.
metric-web-pageviews = Page views
definition-web-pageviews = Pages viewed.
metric-web-engaged_sessions = Engaged sessions
definition-web-engaged_sessions = Sessions that lasted 10 s or more, converted, or viewed 2+ pages.
metric-web-conversions = Website conversions
definition-web-conversions = Key events completed on the website.
metric-web-revenue = Website revenue
definition-web-revenue = Revenue recorded on the website.
metric-web-engagement_rate = Engagement rate
definition-web-engagement_rate = Engaged sessions ÷ sessions.
metric-web-conversion_rate = Website conversion rate
definition-web-conversion_rate = Conversions ÷ sessions.
metric-ads-spend = Ad spend
definition-ads-spend = Amount spent on paid advertising.
metric-ads-impressions = Ad impressions
definition-ads-impressions = Times an ad was shown.
metric-ads-clicks = Ad clicks
definition-ads-clicks = Clicks on ads.
metric-ads-conversions = Ad conversions
definition-ads-conversions = Conversions attributed to ads.
metric-ads-conversion_value = Conversion value
definition-ads-conversion_value = Value of the conversions attributed to ads.
metric-ads-ctr = Ad CTR
definition-ads-ctr = Clicks ÷ impressions.
metric-ads-cpc = Cost per click
definition-ads-cpc = Spend ÷ clicks.
metric-ads-cpa = Cost per conversion
definition-ads-cpa = Spend ÷ conversions.
metric-ads-roas = ROAS
definition-ads-roas = Conversion value ÷ spend.
metric-ads-conversion_rate = Ad conversion rate
definition-ads-conversion_rate = Conversions ÷ clicks.
metric-seo-clicks = Organic clicks
definition-seo-clicks = Clicks from Google Search results.
metric-seo-impressions = Search impressions
definition-seo-impressions = Times the site appeared in Google Search results.
metric-seo-position = Average position
definition-seo-position = Average ranking position, weighted by impressions.
metric-seo-ctr = Search CTR
definition-seo-ctr = Clicks ÷ impressions.
metric-local-views = Profile views
definition-local-views = Views of the Business Profile on Google Search and Maps, mobile and desktop (one person counts once a day).
metric-local-calls = Calls
definition-local-calls = Taps on the profile's call button.
metric-local-directions = Direction requests
definition-local-directions = Requests for directions to the business.
metric-local-website_clicks = Website clicks
definition-local-website_clicks = Clicks on the website link of the profile.
metric-local-views_search = Views on Search
definition-local-views_search = Profile views on Google Search, mobile and desktop.
metric-local-views_maps = Views on Maps
definition-local-views_maps = Profile views on Google Maps, mobile and desktop.
metric-social-followers = Followers
definition-social-followers = Followers at the end of the period.
metric-social-impressions = Social impressions
definition-social-impressions = Times posts were shown.
metric-social-engagements = Social engagements
definition-social-engagements = Reactions, comments, shares and saves.
metric-social-engagement_rate = Social engagement rate
definition-social-engagement_rate = Engagements ÷ impressions.
metric-reviews-new = New reviews
definition-reviews-new = Reviews received.
metric-reviews-rating = Average rating
definition-reviews-rating = Mean star rating of the period's reviews, weighted by their number.
metric-reviews-responded = Reviews answered
definition-reviews-responded = Reviews the business replied to.
metric-reviews-response_rate = Review response rate
definition-reviews-response_rate = Reviews answered ÷ new reviews.
metric-email-delivered = Emails delivered
definition-email-delivered = Emails that reached an inbox.
metric-email-opens = Email opens
definition-email-opens = Unique opens.
metric-email-clicks = Email clicks
definition-email-clicks = Unique clicks.
metric-email-open_rate = Email open rate
definition-email-open_rate = Opens ÷ delivered.
metric-email-click_rate = Email click rate
definition-email-click_rate = Clicks ÷ delivered.

note-daily-uniques = Sum of daily unique counts: someone active on several days is counted once per day.
note-formula-undefined = Not computed for this period: the formula divides by zero.
note-platform-uniques = Each platform counts its own unique users; one person may use several platforms, so the counts are not added up.
dim-device = device
dim-country = country
dim-source = source

# E-mail sent with a report.
email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = Hello,
email-intro = here is the { $report } of { $client } for { $period }, prepared by { $agency }.
email-headlines = Headlines
email-attached = The full report is attached ({ $file }).
email-link = Read the full report online:
email-signoff = Kind regards,

# Dimension values execreport knows: GA4's default channel groups (matched without case),
# device categories, and the header of a query breakdown. A brand may replace any of them
# (`value-channel-paid-search: ...` in its wording). Countries come from CLDR; social networks
# are proper nouns and stay as their owners write them.
dim-query = search query
value-not-set = (not set)
value-channel-organic-search = Organic Search
value-channel-paid-search = Paid Search
value-channel-direct = Direct
value-channel-referral = Referral
value-channel-organic-social = Organic Social
value-channel-email = Email
value-channel-paid-social = Paid Social
value-channel-display = Display
value-channel-organic-video = Organic Video
value-channel-unassigned = Unassigned
value-channel-cross-network = Cross-network
value-channel-organic-shopping = Organic Shopping
value-channel-paid-shopping = Paid Shopping
value-channel-affiliates = Affiliates
value-channel-sms = SMS
value-channel-mobile-push-notifications = Mobile Push Notifications
value-channel-audio = Audio
value-channel-paid-video = Paid Video
value-channel-paid-other = Paid Other
value-device-mobile = Mobile
value-device-desktop = Desktop
value-device-tablet = Tablet
value-device-smart-tv = Smart TV

# Periods by calendar: { $year } is the year in the report's calendar (2569 in the Buddhist
# calendar), { $quarter } 1 to 4. Written as the language's business writing names quarters.
quarter-label = Q{ $quarter } { $year }

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = { $progress } of the limit used
goal-prorated = { $per ->
        [week] { $target } a week
        [quarter] { $target } a quarter
       *[month] { $target } a month
    }, so { $period ->
        [week] { $period_target } this week
        [month] { $period_target } this month
        [quarter] { $period_target } this quarter
       *[other] { $period_target } for this period
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = What went well
summary-concerns = What needs attention
summary-none = Nothing notable this period.
summary-goals = Goals
summary-next-steps = Next steps
# Headings under which an agency's commentary lists its next steps, separated by "|"; matched
# without case, in the report's language and in English.
next-steps-headings = Next steps|Next month|Next month's plan|Plan for next month|Recommendations|Our recommendation|Action items
goal-status-met = Met
goal-status-on-track = On track
goal-status-behind = Behind
goal-status-missed = Missed
goal-status-not-judged = Not judged
# The headline names one or two metrics ($lead, $other): each went up or down ($lead-trend,
# $other-trend) by a change written as "23.5%", "0.4 pp" or "0.20".
headline-one = In { $period }, { $lead } { $lead-trend ->
        [up] rose
       *[down] fell
    } { $lead-change }.
headline-two = In { $period }, { $lead } { $lead-trend ->
        [up] rose
       *[down] fell
    } { $lead-change } and { $other } { $other-trend ->
        [up] rose
       *[down] fell
    } { $other-change }.
headline-concern-over-win = In { $period }, { $lead } { $lead-trend ->
        [up] rose
       *[down] fell
    } { $lead-change } while { $other } { $other-trend ->
        [up] rose
       *[down] fell
    } { $other-change }.
headline-win-over-concern = In { $period }, { $lead } { $lead-trend ->
        [up] rose
       *[down] fell
    } { $lead-change }, but { $other } { $other-trend ->
        [up] rose
       *[down] fell
    } { $other-change }.
headline-steady = In { $period }, no key figure changed notably.
# Between the headline's sentence and the goals' sentence.
headline-incomplete = In { $period }, days of data are missing: changes are not judged yet.
headline-joiner = {" "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] { $total ->
                [one] The goal was missed.
               *[other] All { $total } goals missed.
            }
           *[no] { $count } of { $total } goals missed.
        }
        [behind] { $count } of { $total } goals behind pace.
        [on-track] { $total ->
            [one] The goal is on track.
           *[other] All { $total } goals met or on track.
        }
       *[met] { $all ->
            [yes] { $total ->
                [one] The goal was met.
               *[other] All { $total } goals met.
            }
           *[no] { $count } of { $total } goals met.
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }, same weekdays

# --- weekly ---
weekly-section-title = This week in numbers
weekly-column-metric = Metric
weekly-column-this-week = This week
weekly-column-last-week = Last week
weekly-column-change = Change
weekly-column-average = 4-week average
weekly-chart-title = { $metric } this week: { $value }
weekly-average-of = 4-week average: the average week of { $range }.
weekly-average-gaps = 4-week average over { $days } of { $total } days with data ({ $weeks ->
    [one] 1 week
   *[other] { $weeks } weeks
} with gaps); days without data are left out.
weekly-list-separator = {", "}

# --- phrasing ---
# A value in a sentence: languages that count with counters (ja 件, 人, 回) pick one by
# $metric (the metric's id, "web-users") and $unit (count, money, ratio, number, rating).
value-counted = { $value }
# --- trends ---
# { $count } is the number of bars (13 months or weeks, 5 quarters), in the report's digits.
trend-bars-title-month = { $metric }, the last { $count } months
trend-bars-title-week = { $metric }, the last { $count } weeks
trend-bars-title-quarter = { $metric }, the last { $count } quarters
trend-legend-complete = All days
trend-legend-partial = Days missing
trend-legend-last-year = A year earlier
yoy-caption = { $channel }: compared with a year earlier
yoy-metric = Metric
yoy-change = Change
# --- groups ---
dim-location = location
section-locations = Locations
locations-change = Change
locations-goals = Goals met
locations-goals-met = { $met } of { $total }
locations-data = Data complete
locations-data-failed = { $share } · { $count } unavailable
locations-ranking = Locations by { $metric }
locations-best-mover = Best mover: { $metric }
locations-worst-mover = Weakest mover: { $metric }
locations-rates = Exchange rates used
locations-rate-month = Month
locations-rate = Rate
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = Q{ $quarter }

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = The last { $weeks } weeks of { $metrics } are not shown, to keep this digest to two pages.

# --- publish ---
site-title = { $client } · Reports
site-intro = Every report { $agency } has prepared for you, newest first.
site-view = View report
site-pdf = Download PDF
site-latest = Latest
site-empty = No reports have been published here yet.
site-private = This page is private to you: please do not share its address.
site-all-reports = All reports

# --- session8 ---
# The caption of a table of every metric by campaign, channel, page…; the chart beside it is titled by-dimension.
by-dimension-table = Results by { $dimension }
# The agency overview's section on its clients' sources; its table is overview-section-sources.
overview-section-health = Data health

# --- conn-more ---
section-shop = Online shop
metric-shop-revenue = Shop revenue
definition-shop-revenue = Current totals of the period's orders, after refunds; cancelled and test orders left out.
metric-shop-orders = Orders
definition-shop-orders = Orders placed, cancelled and test orders left out.
metric-shop-average_order_value = Average order value
definition-shop-average_order_value = Shop revenue ÷ orders.
metric-email-sent = Emails sent
definition-email-sent = Emails sent to the list, delivered or not.
metric-email-bounces = Bounces
definition-email-bounces = Emails the receiving server refused, for good or for now.
metric-email-unsubscribes = Unsubscribes
definition-email-unsubscribes = People who left the list from the period's emails.
metric-social-video_views = Video views
definition-social-video_views = Times the channel's videos were watched.
metric-social-watch_minutes = Watch time (minutes)
definition-social-watch_minutes = Minutes spent watching the channel's videos.
metric-social-net_followers = Net new followers
definition-social-net_followers = Followers gained less followers lost.

# --- overview ---
overview-title = Agency overview
overview-internal = Internal: not for clients
overview-summary = { $attention } of { $clients } clients need attention
overview-group = { $name } (group)
overview-section-clients = Clients, most urgent first
overview-section-kpis = Headline KPIs
overview-section-sources = Sources needing attention
overview-col-client = Client and what needs doing
overview-col-delivery = Email
overview-col-goals-met = Goals met
overview-col-goals-missed = Goals missed
overview-col-sources = Sources to fix
overview-col-kpi = Indicator
overview-col-value = Value
overview-col-previous = Before
overview-col-change = Change
overview-col-source = Source and fix
overview-col-health = Status
overview-col-checked = Checked
overview-no-attention = nothing to do
overview-all-sources-ok = No source needs attention.
overview-attention-delivery-uncertain = delivery uncertain
overview-attention-delivery-failed = delivery failed
overview-attention-report-failed = report failed
overview-attention-credentials-expired = credentials expired
overview-attention-sources-failing = sources failing
overview-attention-goals-missed = goals missed
overview-attention-big-drop = big drop
overview-attention-awaiting-approval = awaiting approval
overview-attention-data-incomplete = data incomplete
overview-attention-not-rendered = no report yet
overview-delivery-sent = sent
overview-delivery-not-sent = not sent
overview-delivery-held = held
overview-delivery-awaiting-approval = to approve
overview-delivery-uncertain = uncertain
overview-delivery-failed = failed
overview-delivery-not-rendered = no report
overview-health-ok = ok
overview-health-expired = expired
overview-health-no-credentials = no credentials
overview-health-forbidden = no access
overview-health-quota = quota
overview-health-failed = failing
overview-health-late = late
