# Italian messages.

report-title-month = Report mensile delle performance
report-title-week = Report settimanale delle performance
report-title-quarter = Report trimestrale delle performance
report-title-custom = Report delle performance
prepared-for = Preparato per { $client }
prepared-by = A cura di { $agency }
vs-period = { $compare ->
        [previous] { $kind ->
            [month] Mese precedente
            [week] Settimana precedente
            [quarter] Trimestre precedente
           *[other] Periodo precedente
        }: { $period }
        [yoy] { $kind ->
            [month] Stesso mese dell’anno scorso
            [week] Stessa settimana dell’anno scorso
            [quarter] Stesso trimestre dell’anno scorso
           *[other] Stesso periodo dell’anno scorso
        }: { $period }
       *[other] vs { $period }
    }
change-points = { $points } p.p.
compared-with = Rispetto { $kind ->
        [week] alla { $period }
        [quarter] al { $period }
       *[other] a { $period }
    }
no-comparison = Nessun periodo di confronto
week-label = settimana { $week } del { $year }
page-of = Pagina { $page } di { $pages }
contents = Indice

section-summary = Sintesi
section-web = Sito web
section-ads = Pubblicità a pagamento
section-seo = Ricerca organica (SEO)
section-local = Ricerca locale
section-social = Social media
section-reviews = Recensioni e reputazione
section-email = Email marketing
section-goals = Obiettivi
section-commentary = Commento
section-data_notes = Note sui dati

highlights = In evidenza
key-figures = Numeri chiave
trend-title = { $metric }, giorno per giorno
trend-title-week = { $metric } questa settimana
by-dimension = { $metric } per { $dimension }
share-by-dimension = { $metric }: ripartizione per { $dimension }
daily-title = { $metric } al giorno
previous-period = Periodo precedente
other = Altro
total = Totale
no-data = Nessun dato
not-available = n.d.

highlight-up = { $metric } in aumento { $scale ->
        [relative] { NUMBER_ONSET($change) ->
            [vowel] dell’{ $change }
            [z] dello { $change }
           *[other] del { $change }
        }
       *[other] di { $change }
    }, a quota { $value }.
highlight-down = { $metric } in calo { $scale ->
        [relative] { NUMBER_ONSET($change) ->
            [vowel] dell’{ $change }
            [z] dello { $change }
           *[other] del { $change }
        }
       *[other] di { $change }
    }, a quota { $value }.

goal-at-least = Obiettivo: almeno { $target }
goal-at-most = Obiettivo: al massimo { $target }
goal-met = Raggiunto
goal-not-met = Non raggiunto
goal-no-data = Dati non ancora disponibili
goal-incomplete = Non valutabile: giorni mancanti
goal-progress = { $progress } dell’obiettivo

notes-missing = { $source }: nessun dato per { $days ->
    [one] { $days } giorno
   *[other] { $days } giorni
} ({ $ranges }).
notes-failed = { $source }: dati non disponibili per questo periodo.
notes-missing-comparison = { $source }: nel periodo di confronto mancano i dati di { $days ->
    [one] { $days } giorno
   *[other] { $days } giorni
} ({ $ranges }); le variazioni confrontano le medie giornaliere dei giorni con dati.
notes-no-data = Non ci sono ancora dati per questo periodo.
notes-incomplete-previous = Periodo di confronto: { $days ->
    [one] { $days } giorno
   *[other] { $days } giorni
} con dati, { $missing } mancanti.
vs-per-day = al giorno: { $value } vs { $previous }
vs-days-present = Confronto sui soli giorni con dati.
comparison-incomplete = confronto non omogeneo, dati incompleti
source-unnamed = Una fonte di dati
notes-skipped = { $source }: { $rows ->
    [one] { $rows } riga esclusa perché illeggibile
   *[other] { $rows } righe escluse perché illeggibili
}.
notes-complete = Tutte le fonti di dati erano complete per questo periodo.
notes-definitions = Definizioni
notes-incomplete-kpi = Calcolato su { $days ->
    [one] { $days } giorno
   *[other] { $days } giorni
} con dati; { $missing ->
    [one] manca { $missing } giorno
   *[other] mancano { $missing } giorni
}.

dim-channel = canale
dim-campaign = campagna
dim-network = rete
dim-platform = piattaforma
dim-other = { $name }

metric-web-sessions = Sessioni
definition-web-sessions = Visite al sito web.
metric-web-users = Utenti
definition-web-users = Somma degli utenti unici giornalieri: chi visita il sito in più giorni viene contato una volta al giorno.
metric-web-new_users = Nuovi utenti
definition-web-new_users = Visitatori alla prima visita.
metric-web-pageviews = Pagine viste
definition-web-pageviews = Pagine visualizzate.
metric-web-engaged_sessions = Sessioni con engagement
definition-web-engaged_sessions = Sessioni di almeno 10 s, con una conversione o con 2 o più pagine viste.
metric-web-conversions = Conversioni sul sito
definition-web-conversions = Eventi chiave completati sul sito.
metric-web-revenue = Entrate del sito
definition-web-revenue = Entrate registrate sul sito.
metric-web-engagement_rate = Tasso di engagement
definition-web-engagement_rate = Sessioni con engagement ÷ sessioni.
metric-web-conversion_rate = Tasso di conversione del sito
definition-web-conversion_rate = Conversioni ÷ sessioni.
metric-ads-spend = Spesa pubblicitaria
definition-ads-spend = Importo investito in pubblicità a pagamento.
metric-ads-impressions = Impressioni annunci
definition-ads-impressions = Volte in cui un annuncio è stato mostrato.
metric-ads-clicks = Clic sugli annunci
definition-ads-clicks = Clic ricevuti dagli annunci.
metric-ads-conversions = Conversioni da annunci
definition-ads-conversions = Conversioni attribuite agli annunci.
metric-ads-conversion_value = Valore conversioni
definition-ads-conversion_value = Valore delle conversioni attribuite agli annunci.
metric-ads-ctr = CTR annunci
definition-ads-ctr = Clic ÷ impressioni.
metric-ads-cpc = Costo per clic
definition-ads-cpc = Spesa ÷ clic.
metric-ads-cpa = Costo per conversione
definition-ads-cpa = Spesa ÷ conversioni.
metric-ads-roas = ROAS
definition-ads-roas = Valore conversioni ÷ spesa.
metric-ads-conversion_rate = Tasso di conversione degli annunci
definition-ads-conversion_rate = Conversioni ÷ clic.
metric-seo-clicks = Clic organici
definition-seo-clicks = Clic provenienti dai risultati di ricerca di Google.
metric-seo-impressions = Impressioni organiche
definition-seo-impressions = Volte in cui il sito è comparso nei risultati di ricerca di Google.
metric-seo-position = Posizione media
definition-seo-position = Posizione media nei risultati, ponderata per le impressioni.
metric-seo-ctr = CTR organico
definition-seo-ctr = Clic ÷ impressioni.
metric-local-views = Visite al profilo
definition-local-views = Visualizzazioni del Profilo dell’attività su Ricerca Google e Google Maps, da mobile e da computer (una persona conta una volta al giorno).
metric-local-calls = Chiamate
definition-local-calls = Tocchi sul pulsante di chiamata del profilo.
metric-local-directions = Indicazioni stradali
definition-local-directions = Richieste di indicazioni stradali per raggiungere l’attività.
metric-local-website_clicks = Clic sul sito web
definition-local-website_clicks = Clic sul link al sito web del profilo.
metric-local-views_search = Visite da Ricerca
definition-local-views_search = Visualizzazioni del profilo su Ricerca Google, da mobile e da computer.
metric-local-views_maps = Visite da Maps
definition-local-views_maps = Visualizzazioni del profilo su Google Maps, da mobile e da computer.
metric-social-followers = Follower
definition-social-followers = Follower alla fine del periodo.
metric-social-impressions = Impressioni social
definition-social-impressions = Volte in cui i post sono stati mostrati.
metric-social-engagements = Interazioni social
definition-social-engagements = Reazioni, commenti, condivisioni e salvataggi.
metric-social-engagement_rate = Tasso di engagement social
definition-social-engagement_rate = Interazioni ÷ impressioni.
metric-reviews-new = Nuove recensioni
definition-reviews-new = Recensioni ricevute.
metric-reviews-rating = Valutazione media
definition-reviews-rating = Media delle stelle delle recensioni del periodo, ponderata per il loro numero.
metric-reviews-responded = Recensioni con risposta
definition-reviews-responded = Recensioni a cui l’attività ha risposto.
metric-reviews-response_rate = Tasso di risposta alle recensioni
definition-reviews-response_rate = Recensioni con risposta ÷ nuove recensioni.
metric-email-delivered = Email consegnate
definition-email-delivered = Email arrivate nella casella di posta.
metric-email-opens = Aperture email
definition-email-opens = Aperture uniche.
metric-email-clicks = Clic nelle email
definition-email-clicks = Clic unici.
metric-email-open_rate = Tasso di apertura delle e-mail
definition-email-open_rate = Aperture ÷ email consegnate.
metric-email-click_rate = Tasso di clic delle e-mail
definition-email-click_rate = Clic ÷ email consegnate.

note-daily-uniques = Somma dei conteggi unici giornalieri: chi è attivo in più giorni viene contato una volta al giorno.
note-formula-undefined = Non calcolato per questo periodo: la formula divide per zero.
note-platform-uniques = Ogni piattaforma conta i propri utenti unici; una stessa persona può usarne più di una, quindi i valori non vengono sommati.
dim-device = dispositivo
dim-country = paese
dim-source = sorgente

email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = Buongiorno,
email-intro = ecco il { $report } di { $client } per { $period }, preparato da { $agency }.
email-headlines = In evidenza
email-attached = Il report completo è in allegato ({ $file }).
email-link = Leggi il report completo online:
email-signoff = Cordiali saluti,

# Dimension values: GA4's default channel groups, device categories; query breakdowns.
dim-query = query di ricerca
value-not-set = (non impostato)
value-channel-organic-search = Ricerca organica
value-channel-paid-search = Ricerca a pagamento
value-channel-direct = Diretto
value-channel-referral = Referral
value-channel-organic-social = Social organico
value-channel-email = Email
value-channel-paid-social = Social a pagamento
value-channel-display = Display
value-channel-organic-video = Video organici
value-channel-unassigned = Non assegnato
value-channel-cross-network = Multi-rete
value-channel-organic-shopping = Shopping organico
value-channel-paid-shopping = Shopping a pagamento
value-channel-affiliates = Affiliati
value-channel-sms = SMS
value-channel-mobile-push-notifications = Notifiche push per dispositivi mobili
value-channel-audio = Audio
value-channel-paid-video = Video a pagamento
value-channel-paid-other = Altro a pagamento
value-device-mobile = Dispositivi mobili
value-device-desktop = Desktop
value-device-tablet = Tablet
value-device-smart-tv = Smart TV

quarter-label = T{ $quarter } { $year }

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = { $progress } del limite utilizzato
goal-prorated = { $per ->
        [week] { $target } a settimana
        [quarter] { $target } a trimestre
       *[month] { $target } al mese
    }, cioè { $period ->
        [week] { $period_target } questa settimana
        [month] { $period_target } questo mese
        [quarter] { $period_target } questo trimestre
       *[other] { $period_target } nel periodo
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = Cosa è andato bene
summary-concerns = Cosa richiede attenzione
summary-none = Nulla di rilevante nel periodo.
summary-goals = Obiettivi
summary-next-steps = Prossimi passi
next-steps-headings = Prossimi passi|Il mese prossimo|Prossimo mese|Raccomandazioni|I nostri consigli|La nostra proposta|Piano d’azione
goal-status-met = Raggiunto
goal-status-on-track = In linea
goal-status-behind = In ritardo
goal-status-missed = Mancato
goal-status-not-judged = Non valutato
headline-one = { $period }: { $lead } in { $lead-trend ->
        [up] aumento
       *[down] calo
    } { $lead-scale ->
        [relative] { NUMBER_ONSET($lead-change) ->
            [vowel] dell’{ $lead-change }
            [z] dello { $lead-change }
           *[other] del { $lead-change }
        }
       *[other] di { $lead-change }
    }.
headline-two = { $period }: { $lead } in { $lead-trend ->
        [up] aumento
       *[down] calo
    } { $lead-scale ->
        [relative] { NUMBER_ONSET($lead-change) ->
            [vowel] dell’{ $lead-change }
            [z] dello { $lead-change }
           *[other] del { $lead-change }
        }
       *[other] di { $lead-change }
    }, { $other } in { $other-trend ->
        [up] aumento
       *[down] calo
    } { $other-scale ->
        [relative] { NUMBER_ONSET($other-change) ->
            [vowel] dell’{ $other-change }
            [z] dello { $other-change }
           *[other] del { $other-change }
        }
       *[other] di { $other-change }
    }.
headline-concern-over-win = { $period }: { $lead } in { $lead-trend ->
        [up] aumento
       *[down] calo
    } { $lead-scale ->
        [relative] { NUMBER_ONSET($lead-change) ->
            [vowel] dell’{ $lead-change }
            [z] dello { $lead-change }
           *[other] del { $lead-change }
        }
       *[other] di { $lead-change }
    }, { $other } invece in { $other-trend ->
        [up] aumento
       *[down] calo
    } { $other-scale ->
        [relative] { NUMBER_ONSET($other-change) ->
            [vowel] dell’{ $other-change }
            [z] dello { $other-change }
           *[other] del { $other-change }
        }
       *[other] di { $other-change }
    }.
headline-win-over-concern = { $period }: { $lead } in { $lead-trend ->
        [up] aumento
       *[down] calo
    } { $lead-scale ->
        [relative] { NUMBER_ONSET($lead-change) ->
            [vowel] dell’{ $lead-change }
            [z] dello { $lead-change }
           *[other] del { $lead-change }
        }
       *[other] di { $lead-change }
    }, ma { $other } in { $other-trend ->
        [up] aumento
       *[down] calo
    } { $other-scale ->
        [relative] { NUMBER_ONSET($other-change) ->
            [vowel] dell’{ $other-change }
            [z] dello { $other-change }
           *[other] del { $other-change }
        }
       *[other] di { $other-change }
    }.
headline-steady = { $period }: nessuna variazione rilevante dei dati chiave.
headline-incomplete = { $period }: mancano giorni di dati, le variazioni non sono ancora valutate.
headline-joiner = {" "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] Nessun obiettivo raggiunto.
           *[no] Obiettivi mancati: { $count } su { $total }.
        }
        [behind] Obiettivi in ritardo: { $count } su { $total }.
        [on-track] { $total ->
            [one] L’obiettivo è in linea.
           *[other] Tutti i { $total } obiettivi raggiunti o in linea.
        }
       *[met] { $all ->
            [yes] { $total ->
                [one] Obiettivo raggiunto.
               *[other] Tutti i { $total } obiettivi raggiunti.
            }
           *[no] Obiettivi raggiunti: { $count } su { $total }.
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }, stessi giorni della settimana

# --- weekly ---
weekly-section-title = La settimana in cifre
weekly-column-metric = Metrica
weekly-column-this-week = Questa settimana
weekly-column-last-week = Settimana precedente
weekly-column-change = Variazione
weekly-column-average = Media 4 settimane
weekly-chart-title = { $metric } questa settimana: { $value }
weekly-average-of = Media 4 settimane: la settimana media del periodo { $range }.
weekly-average-gaps = Media 4 settimane calcolata su { $days } giorni con dati su { $total } ({ $weeks ->
    [one] 1 settimana incompleta
   *[other] { $weeks } settimane incomplete
}); i giorni senza dati non sono conteggiati.
weekly-list-separator = {", "}

# --- phrasing ---
value-counted = { $value }
# --- trends ---
trend-bars-title-month = { $metric }, ultimi { $count } mesi
trend-bars-title-week = { $metric }, ultime { $count } settimane
trend-bars-title-quarter = { $metric }, ultimi { $count } trimestri
trend-legend-complete = Tutti i giorni
trend-legend-partial = Giorni mancanti
trend-legend-last-year = Un anno prima
yoy-caption = { $channel }: confronto con l’anno precedente
yoy-metric = Metrica
yoy-change = Variazione
# --- groups ---
dim-location = sede
section-locations = Sedi
locations-change = Variazione
locations-goals = Obiettivi raggiunti
locations-goals-met = { $met } su { $total }
locations-data = Dati completi
locations-data-failed = { $share } · { $count } non disponibili
locations-ranking = Sedi per { $metric }
locations-best-mover = Miglior andamento: { $metric }
locations-worst-mover = Peggior andamento: { $metric }
locations-rates = Tassi di cambio usati
locations-rate-month = Mese
locations-rate = Tasso
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = T{ $quarter }

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = Le ultime { $weeks } settimane di { $metrics } non sono riportate, perché questo riepilogo resti entro due pagine.

# --- publish ---
site-title = { $client } · Report
site-intro = Tutti i report che { $agency } ha preparato per voi, dal più recente.
site-view = Apri il report
site-pdf = Scarica il PDF
site-latest = Ultimo
site-empty = Qui non è stato ancora pubblicato alcun report.
site-private = Questa pagina è riservata a voi: non condividetene l’indirizzo.
site-all-reports = Tutti i report

# --- session8 ---
by-dimension-table = Risultati per { $dimension }
overview-section-health = Stato dei dati

# --- conn-more ---
section-shop = Negozio online
metric-shop-revenue = Ricavi del negozio
definition-shop-revenue = Totali attuali degli ordini del periodo, dopo i rimborsi; esclusi gli ordini annullati e di prova.
metric-shop-orders = Ordini
definition-shop-orders = Ordini effettuati, esclusi quelli annullati e di prova.
metric-shop-average_order_value = Valore medio dell’ordine
definition-shop-average_order_value = Ricavi del negozio ÷ ordini.
metric-email-sent = Email inviate
definition-email-sent = Email inviate alla lista, consegnate o no.
metric-email-bounces = Rimbalzi
definition-email-bounces = Email rifiutate dal server di destinazione, in modo definitivo o temporaneo.
metric-email-unsubscribes = Disiscrizioni
definition-email-unsubscribes = Persone che hanno lasciato la lista dalle email del periodo.
metric-social-video_views = Visualizzazioni dei video
definition-social-video_views = Volte in cui i video del canale sono stati guardati.
metric-social-watch_minutes = Tempo di visualizzazione (minuti)
definition-social-watch_minutes = Minuti passati a guardare i video del canale.
metric-social-net_followers = Nuovi follower netti
definition-social-net_followers = Follower acquisiti meno follower persi.

# --- overview ---
overview-title = Panoramica dell’agenzia
overview-internal = Interno: non per i clienti
overview-summary = { $attention } clienti su { $clients } richiedono attenzione
overview-group = { $name } (gruppo)
overview-section-clients = Clienti, i più urgenti per primi
overview-section-kpis = Indicatori principali
overview-section-sources = Fonti che richiedono attenzione
overview-col-client = Cliente e cosa fare
overview-col-delivery = Invio
overview-col-goals-met = Obiettivi raggiunti
overview-col-goals-missed = Obiettivi mancati
overview-col-sources = Fonti da sistemare
overview-col-kpi = Indicatore
overview-col-value = Valore
overview-col-previous = Prima
overview-col-change = Variazione
overview-col-source = Fonte e rimedio
overview-col-health = Stato
overview-col-checked = Verificata
overview-no-attention = niente da fare
overview-all-sources-ok = Nessuna fonte richiede attenzione.
overview-attention-delivery-uncertain = invio incerto
overview-attention-delivery-failed = invio non riuscito
overview-attention-report-failed = report non riuscito
overview-attention-credentials-expired = credenziali scadute
overview-attention-sources-failing = fonti in errore
overview-attention-goals-missed = obiettivi mancati
overview-attention-big-drop = forte calo
overview-attention-awaiting-approval = in attesa di approvazione
overview-attention-data-incomplete = dati incompleti
overview-attention-not-rendered = ancora nessun report
overview-delivery-sent = inviato
overview-delivery-not-sent = non inviato
overview-delivery-held = trattenuto
overview-delivery-awaiting-approval = da approvare
overview-delivery-uncertain = incerto
overview-delivery-failed = non riuscito
overview-delivery-not-rendered = nessun report
overview-health-ok = regolare
overview-health-expired = scaduta
overview-health-no-credentials = senza credenziali
overview-health-forbidden = senza accesso
overview-health-quota = quota esaurita
overview-health-failed = in errore
overview-health-late = in ritardo
