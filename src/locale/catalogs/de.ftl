# German messages.

report-title-month = Monatlicher Performance-Bericht
report-title-week = Wöchentlicher Performance-Bericht
report-title-quarter = Quartalsbericht zur Performance
report-title-custom = Performance-Bericht
prepared-for = Erstellt für { $client }
prepared-by = Erstellt von { $agency }
vs-period = { $compare ->
        [previous] { $kind ->
            [month] Vormonat
            [week] Vorwoche
            [quarter] Vorquartal
           *[other] Vorzeitraum
        }: { $period }
        [yoy] { $kind ->
            [month] Vorjahresmonat
            [week] Vorjahreswoche
            [quarter] Vorjahresquartal
           *[other] Vorjahreszeitraum
        }: { $period }
       *[other] vs. { $period }
    }
change-points = { $points } Pp.
compared-with = Im Vergleich zu { $period }
no-comparison = Kein Vergleichszeitraum
week-label = KW { $week }/{ $year }
page-of = Seite { $page } von { $pages }
contents = Inhalt

section-summary = Zusammenfassung
section-web = Website
section-ads = Bezahlte Werbung
section-seo = Organische Suche (SEO)
section-local = Lokale Suche
section-social = Social Media
section-reviews = Bewertungen & Reputation
section-email = E-Mail-Marketing
section-goals = Ziele
section-commentary = Kommentar
section-data_notes = Hinweise zu den Daten

highlights = Highlights
key-figures = Kennzahlen
trend-title = { $metric }: täglicher Verlauf
trend-title-week = { $metric } in dieser Woche
by-dimension = { $metric } nach { $dimension }
share-by-dimension = { $metric }: Anteil nach { $dimension }
daily-title = { $metric } pro Tag
previous-period = Vorheriger Zeitraum
other = Sonstige
total = Gesamt
no-data = Keine Daten
not-available = k. A.

highlight-up = { $metric }: Anstieg um { $change } auf { $value }.
highlight-down = { $metric }: Rückgang um { $change } auf { $value }.

goal-at-least = Ziel: mindestens { $target }
goal-at-most = Ziel: höchstens { $target }
goal-met = Erreicht
goal-not-met = Nicht erreicht
goal-no-data = Noch keine Daten
goal-incomplete = Nicht bewertbar: Tage fehlen
goal-progress = { $progress } des Ziels

notes-missing = { $source }: keine Daten für { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
} ({ $ranges }).
notes-failed = { $source }: für diesen Zeitraum keine Daten verfügbar.
notes-missing-comparison = { $source }: Im Vergleichszeitraum fehlen Daten für { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
} ({ $ranges }); Veränderungen vergleichen Tagesdurchschnitte der Tage mit Daten.
notes-no-data = Für diesen Zeitraum liegen noch keine Daten vor.
notes-incomplete-previous = Vergleichszeitraum: { $days ->
    [one] { $days } Tag
   *[other] { $days } Tage
} mit Daten, { $missing } fehlen.
vs-per-day = pro Tag: { $value } vs. { $previous }
vs-days-present = Verglichen werden nur Tage mit Daten.
comparison-incomplete = kein gleichwertiger Vergleich möglich
source-unnamed = Eine Datenquelle
notes-skipped = { $source }: { $rows ->
    [one] { $rows } nicht lesbare Zeile wurde
   *[other] { $rows } nicht lesbare Zeilen wurden
} ausgelassen.
notes-complete = Alle Datenquellen waren für diesen Zeitraum vollständig.
notes-definitions = Definitionen
notes-incomplete-kpi = Basierend auf { $days ->
    [one] { $days } Tag
   *[other] { $days } Tagen
} mit Daten; { $missing ->
    [one] { $missing } Tag fehlt
   *[other] { $missing } Tage fehlen
}.

dim-channel = Kanal
dim-campaign = Kampagne
dim-network = Netzwerk
dim-platform = Plattform
dim-other = { $name }

metric-web-sessions = Sitzungen
definition-web-sessions = Besuche auf der Website.
metric-web-users = Nutzer
definition-web-users = Summe der täglich eindeutigen Nutzer; wer an mehreren Tagen kommt, zählt einmal pro Tag.
metric-web-new_users = Neue Nutzer
definition-web-new_users = Erstbesucher der Website.
metric-web-pageviews = Seitenaufrufe
definition-web-pageviews = Aufgerufene Seiten.
metric-web-engaged_sessions = Sitzungen mit Interaktion
definition-web-engaged_sessions = Sitzungen ab 10 s Dauer, mit Conversion oder mit mindestens 2 Seitenaufrufen.
metric-web-conversions = Website-Conversions
definition-web-conversions = Auf der Website abgeschlossene Schlüsselereignisse.
metric-web-revenue = Website-Umsatz
definition-web-revenue = Auf der Website erfasster Umsatz.
metric-web-engagement_rate = Interaktionsrate
definition-web-engagement_rate = Sitzungen mit Interaktion ÷ Sitzungen.
metric-web-conversion_rate = Website-Conversion-Rate
definition-web-conversion_rate = Conversions ÷ Sitzungen.
metric-ads-spend = Werbeausgaben
definition-ads-spend = Ausgaben für bezahlte Werbung.
metric-ads-impressions = Anzeigen-Impressionen
definition-ads-impressions = Wie oft eine Anzeige ausgeliefert wurde.
metric-ads-clicks = Anzeigen-Klicks
definition-ads-clicks = Klicks auf Anzeigen.
metric-ads-conversions = Anzeigen-Conversions
definition-ads-conversions = Den Anzeigen zugeordnete Conversions.
metric-ads-conversion_value = Conversion-Wert
definition-ads-conversion_value = Wert der den Anzeigen zugeordneten Conversions.
metric-ads-ctr = Anzeigen-CTR
definition-ads-ctr = Klicks ÷ Impressionen.
metric-ads-cpc = Kosten pro Klick
definition-ads-cpc = Ausgaben ÷ Klicks.
metric-ads-cpa = Kosten pro Conversion
definition-ads-cpa = Ausgaben ÷ Conversions.
metric-ads-roas = ROAS
definition-ads-roas = Conversion-Wert ÷ Ausgaben.
metric-ads-conversion_rate = Anzeigen-Conversion-Rate
definition-ads-conversion_rate = Conversions ÷ Klicks.
metric-seo-clicks = Organische Klicks
definition-seo-clicks = Klicks aus den Google-Suchergebnissen.
metric-seo-impressions = Such-Impressionen
definition-seo-impressions = Wie oft die Website in den Google-Suchergebnissen erschien.
metric-seo-position = Durchschnittsposition
definition-seo-position = Durchschnittliche Ranking-Position, gewichtet nach Impressionen.
metric-seo-ctr = Such-CTR
definition-seo-ctr = Klicks ÷ Impressionen.
metric-local-views = Profilaufrufe
definition-local-views = Aufrufe des Unternehmensprofils in der Google Suche und in Google Maps, mobil und am Computer (eine Person zählt einmal pro Tag).
metric-local-calls = Anrufe
definition-local-calls = Klicks auf die Schaltfläche „Anrufen“ im Profil.
metric-local-directions = Routenanfragen
definition-local-directions = Routenanfragen zum Standort des Unternehmens.
metric-local-website_clicks = Website-Klicks
definition-local-website_clicks = Klicks auf den Website-Link im Profil.
metric-local-views_search = Aufrufe in der Suche
definition-local-views_search = Profilaufrufe in der Google Suche, mobil und am Computer.
metric-local-views_maps = Aufrufe in Maps
definition-local-views_maps = Profilaufrufe in Google Maps, mobil und am Computer.
metric-social-followers = Follower
definition-social-followers = Follower am Ende des Zeitraums.
metric-social-impressions = Social-Impressionen
definition-social-impressions = Wie oft Beiträge angezeigt wurden.
metric-social-engagements = Social-Interaktionen
definition-social-engagements = Reaktionen, Kommentare, Shares und Speicherungen.
metric-social-engagement_rate = Social-Interaktionsrate
definition-social-engagement_rate = Interaktionen ÷ Impressionen.
metric-reviews-new = Neue Bewertungen
definition-reviews-new = Erhaltene Bewertungen.
metric-reviews-rating = Durchschnittsbewertung
definition-reviews-rating = Mittlere Sternebewertung der Bewertungen im Zeitraum, gewichtet nach deren Anzahl.
metric-reviews-responded = Beantwortete Bewertungen
definition-reviews-responded = Bewertungen, auf die das Unternehmen geantwortet hat.
metric-reviews-response_rate = Antwortrate auf Bewertungen
definition-reviews-response_rate = Beantwortete Bewertungen ÷ neue Bewertungen.
metric-email-delivered = Zugestellte E-Mails
definition-email-delivered = E-Mails, die ein Postfach erreicht haben.
metric-email-opens = E-Mail-Öffnungen
definition-email-opens = Eindeutige Öffnungen.
metric-email-clicks = E-Mail-Klicks
definition-email-clicks = Eindeutige Klicks.
metric-email-open_rate = E-Mail-Öffnungsrate
definition-email-open_rate = Öffnungen ÷ zugestellte E-Mails.
metric-email-click_rate = E-Mail-Klickrate
definition-email-click_rate = Klicks ÷ zugestellte E-Mails.

note-daily-uniques = Summe der täglich eindeutigen Werte: Wer an mehreren Tagen aktiv ist, wird einmal pro Tag gezählt.
note-formula-undefined = Für diesen Zeitraum nicht berechnet: Die Formel teilt durch null.
note-platform-uniques = Jede Plattform zählt ihre eigenen eindeutigen Nutzer; eine Person kann mehrere Plattformen nutzen, daher werden die Zahlen nicht addiert.
dim-device = Gerät
dim-country = Land
dim-source = Quelle

email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = Guten Tag,
email-intro = anbei der { $report } von { $client } für { $period }, erstellt von { $agency }.
email-headlines = Das Wichtigste
email-attached = Der vollständige Bericht ist angehängt ({ $file }).
email-link = Den vollständigen Bericht online lesen:
email-signoff = Mit freundlichen Grüßen

# Dimension values: GA4's default channel groups, device categories; query breakdowns.
dim-query = Suchanfrage
value-not-set = (nicht festgelegt)
value-channel-organic-search = Organische Suche
value-channel-paid-search = Bezahlte Suche
value-channel-direct = Direkt
value-channel-referral = Verweis
value-channel-organic-social = Organische soziale Netzwerke
value-channel-email = E-Mail
value-channel-paid-social = Bezahlte soziale Netzwerke
value-channel-display = Display
value-channel-organic-video = Organische Videos
value-channel-unassigned = Nicht zugewiesen
value-channel-cross-network = Netzwerkübergreifend
value-channel-organic-shopping = Organisches Shopping
value-channel-paid-shopping = Bezahltes Shopping
value-channel-affiliates = Affiliates
value-channel-sms = SMS
value-channel-mobile-push-notifications = Mobile Push-Benachrichtigungen
value-channel-audio = Audio
value-channel-paid-video = Bezahlte Videos
value-channel-paid-other = Sonstige bezahlte Kanäle
value-device-mobile = Mobilgerät
value-device-desktop = Desktop
value-device-tablet = Tablet
value-device-smart-tv = Smart-TV

quarter-label = Q{ $quarter } { $year }

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = { $progress } des Limits ausgeschöpft
goal-prorated = { $per ->
        [week] { $target } pro Woche
        [quarter] { $target } pro Quartal
       *[month] { $target } pro Monat
    }, also { $period ->
        [week] { $period_target } in dieser Woche
        [month] { $period_target } in diesem Monat
        [quarter] { $period_target } in diesem Quartal
       *[other] { $period_target } in diesem Zeitraum
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = Was gut lief
summary-concerns = Was Aufmerksamkeit braucht
summary-none = Keine nennenswerte Veränderung.
summary-goals = Ziele
summary-next-steps = Nächste Schritte
next-steps-headings = Nächste Schritte|Nächster Monat|Im nächsten Monat|Ausblick|Empfehlungen|Unsere Empfehlung|Maßnahmen
goal-status-met = Erreicht
goal-status-on-track = Im Plan
goal-status-behind = Im Rückstand
goal-status-missed = Verfehlt
goal-status-not-judged = Nicht bewertet
headline-one = { $period }: { $lead } { $lead-change } { $lead-trend ->
        [up] höher
       *[down] niedriger
    }.
headline-two = { $period }: { $lead } { $lead-change } { $lead-trend ->
        [up] höher
       *[down] niedriger
    }, { $other } { $other-change } { $other-trend ->
        [up] höher
       *[down] niedriger
    }.
headline-concern-over-win = { $period }: { $lead } { $lead-change } { $lead-trend ->
        [up] höher
       *[down] niedriger
    }, { $other } dagegen { $other-change } { $other-trend ->
        [up] höher
       *[down] niedriger
    }.
headline-win-over-concern = { $period }: { $lead } { $lead-change } { $lead-trend ->
        [up] höher
       *[down] niedriger
    }, aber { $other } { $other-change } { $other-trend ->
        [up] höher
       *[down] niedriger
    }.
headline-steady = { $period }: keine nennenswerte Veränderung der Kennzahlen.
headline-incomplete = { $period }: Es fehlen Tage mit Daten; Veränderungen werden noch nicht bewertet.
headline-joiner = {" "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] { $total ->
                [one] Das Ziel wurde verfehlt.
               *[other] Alle { $total } Ziele verfehlt.
            }
           *[no] { $count } von { $total } Zielen verfehlt.
        }
        [behind] { $count } von { $total } Zielen im Rückstand.
        [on-track] { $total ->
            [one] Das Ziel ist im Plan.
           *[other] Alle { $total } Ziele erreicht oder im Plan.
        }
       *[met] { $all ->
            [yes] { $total ->
                [one] Das Ziel wurde erreicht.
               *[other] Alle { $total } Ziele erreicht.
            }
           *[no] { $count } von { $total } Zielen erreicht.
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }, gleiche Wochentage

# --- weekly ---
weekly-section-title = Die Woche in Zahlen
weekly-column-metric = Kennzahl
weekly-column-this-week = Diese Woche
weekly-column-last-week = Vorwoche
weekly-column-change = Veränderung
weekly-column-average = Ø 4 Wochen
weekly-chart-title = { $metric } in dieser Woche: { $value }
weekly-average-of = Ø 4 Wochen: die durchschnittliche Woche im Zeitraum { $range }.
weekly-average-gaps = Ø 4 Wochen aus { $days } von { $total } Tagen mit Daten ({ $weeks ->
    [one] 1 Woche
   *[other] { $weeks } Wochen
} mit Lücken); Tage ohne Daten bleiben unberücksichtigt.
weekly-list-separator = {", "}

# --- phrasing ---
value-counted = { $value }
# --- trends ---
trend-bars-title-month = { $metric }, die letzten { $count } Monate
trend-bars-title-week = { $metric }, die letzten { $count } Wochen
trend-bars-title-quarter = { $metric }, die letzten { $count } Quartale
trend-legend-complete = Alle Tage
trend-legend-partial = Tage fehlen
trend-legend-last-year = Ein Jahr zuvor
yoy-caption = { $channel }: im Vergleich zum Vorjahr
yoy-metric = Kennzahl
yoy-change = Veränderung
# --- groups ---
dim-location = Standort
section-locations = Standorte
locations-change = Veränderung
locations-goals = Ziele erreicht
locations-goals-met = { $met } von { $total }
locations-data = Daten vollständig
locations-data-failed = { $share } · { $count } nicht verfügbar
locations-ranking = Standorte nach { $metric }
locations-best-mover = Stärkste Entwicklung: { $metric }
locations-worst-mover = Schwächste Entwicklung: { $metric }
locations-rates = Verwendete Wechselkurse
locations-rate-month = Monat
locations-rate = Kurs
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = Q{ $quarter }

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = Die letzten { $weeks } Wochen von { $metrics } sind nicht abgebildet, damit dieser Wochenbericht zwei Seiten nicht überschreitet.

# --- publish ---
site-title = { $client } · Berichte
site-intro = Alle Berichte, die { $agency } für Sie erstellt hat, die neuesten zuerst.
site-view = Bericht ansehen
site-pdf = PDF herunterladen
site-latest = Neu
site-empty = Hier wurden noch keine Berichte veröffentlicht.
site-private = Diese Seite ist nur für Sie bestimmt: Bitte geben Sie ihre Adresse nicht weiter.
site-all-reports = Alle Berichte

# --- session8 ---
by-dimension-table = Ergebnisse nach { $dimension }
overview-section-health = Datenqualität

# --- conn-more ---
section-shop = Onlineshop
metric-shop-revenue = Shop-Umsatz
definition-shop-revenue = Aktuelle Summen der Bestellungen des Zeitraums nach Erstattungen; stornierte Bestellungen und Testbestellungen nicht mitgezählt.
metric-shop-orders = Bestellungen
definition-shop-orders = Aufgegebene Bestellungen, ohne stornierte Bestellungen und Testbestellungen.
metric-shop-average_order_value = Durchschnittlicher Bestellwert
definition-shop-average_order_value = Shop-Umsatz ÷ Bestellungen.
metric-email-sent = Versendete E-Mails
definition-email-sent = An die Liste versendete E-Mails, zugestellt oder nicht.
metric-email-bounces = Unzustellbare E-Mails
definition-email-bounces = E-Mails, die der empfangende Server dauerhaft oder vorübergehend abgelehnt hat.
metric-email-unsubscribes = Abmeldungen
definition-email-unsubscribes = Personen, die sich über die E-Mails des Zeitraums von der Liste abgemeldet haben.
metric-social-video_views = Videoaufrufe
definition-social-video_views = Wie oft die Videos des Kanals angesehen wurden.
metric-social-watch_minutes = Wiedergabezeit (Minuten)
definition-social-watch_minutes = Minuten, in denen die Videos des Kanals angesehen wurden.
metric-social-net_followers = Neue Follower netto
definition-social-net_followers = Gewonnene Follower abzüglich verlorener Follower.

# --- overview ---
overview-title = Agenturübersicht
overview-internal = Intern: nicht für Kunden
overview-summary = { $attention } von { $clients } Kunden brauchen Aufmerksamkeit
overview-group = { $name } (Gruppe)
overview-section-clients = Kunden, dringendste zuerst
overview-section-kpis = Wichtigste Kennzahlen
overview-section-sources = Quellen, die Aufmerksamkeit brauchen
overview-col-client = Kunde und was zu tun ist
overview-col-delivery = Versand
overview-col-goals-met = Ziele erreicht
overview-col-goals-missed = Ziele verfehlt
overview-col-sources = Zu behebende Quellen
overview-col-kpi = Kennzahl
overview-col-value = Wert
overview-col-previous = Vorher
overview-col-change = Veränderung
overview-col-source = Quelle und Abhilfe
overview-col-health = Zustand
overview-col-checked = Geprüft
overview-no-attention = nichts zu tun
overview-all-sources-ok = Keine Quelle braucht Aufmerksamkeit.
overview-attention-delivery-uncertain = Zustellung ungewiss
overview-attention-delivery-failed = Zustellung fehlgeschlagen
overview-attention-report-failed = Bericht fehlgeschlagen
overview-attention-credentials-expired = Zugangsdaten abgelaufen
overview-attention-sources-failing = Quellen gestört
overview-attention-goals-missed = Ziele verfehlt
overview-attention-big-drop = starker Rückgang
overview-attention-awaiting-approval = wartet auf Freigabe
overview-attention-data-incomplete = Daten unvollständig
overview-attention-not-rendered = noch kein Bericht
overview-delivery-sent = gesendet
overview-delivery-not-sent = nicht gesendet
overview-delivery-held = zurückgehalten
overview-delivery-awaiting-approval = freizugeben
overview-delivery-uncertain = ungewiss
overview-delivery-failed = gescheitert
overview-delivery-not-rendered = kein Bericht
overview-health-ok = in Ordnung
overview-health-expired = abgelaufen
overview-health-no-credentials = keine Zugangsdaten
overview-health-forbidden = kein Zugriff
overview-health-quota = Kontingent
overview-health-failed = gestört
overview-health-late = verspätet
