# French messages.

report-title-month = Rapport de performance mensuel
report-title-week = Rapport de performance hebdomadaire
report-title-quarter = Rapport de performance trimestriel
report-title-custom = Rapport de performance
prepared-for = Préparé pour { $client }
prepared-by = Préparé par { $agency }
vs-period = { $compare ->
        [previous] { $kind ->
            [month] Mois précédent
            [week] Semaine précédente
            [quarter] Trimestre précédent
           *[other] Période précédente
        } : { $period }
        [yoy] { $kind ->
            [month] Même mois l’an dernier
            [week] Même semaine l’an dernier
            [quarter] Même trimestre l’an dernier
           *[other] Même période l’an dernier
        } : { $period }
       *[other] vs { $period }
    }
change-points = { $points } pt
compared-with = Par rapport { $kind ->
        [week] à la { $period }
        [quarter] au { $period }
       *[other] à { $period }
    }
no-comparison = Aucune période de comparaison
week-label = semaine { $week } de { $year }
page-of = Page { $page } sur { $pages }
contents = Sommaire

section-summary = Synthèse
section-web = Site web
section-ads = Publicité payante
section-seo = Référencement naturel (SEO)
section-local = Recherche locale
section-social = Réseaux sociaux
section-reviews = Avis et réputation
section-email = E-mailing
section-goals = Objectifs
section-commentary = Commentaires
section-data_notes = Notes sur les données

highlights = Faits marquants
key-figures = Chiffres clés
trend-title = { $metric }, jour par jour
trend-title-week = { $metric } cette semaine
by-dimension = { $metric } par { $dimension }
share-by-dimension = { $metric } : répartition par { $dimension }
daily-title = { $metric } par jour
previous-period = Période précédente
other = Autres
total = Total
no-data = Aucune donnée
not-available = n.d.

highlight-up = { $metric } : hausse de { $change } pour s’établir à { $value }.
highlight-down = { $metric } : baisse de { $change } pour s’établir à { $value }.

goal-at-least = Objectif : au moins { $target }
goal-at-most = Objectif : au maximum { $target }
goal-met = Atteint
goal-not-met = Non atteint
goal-no-data = Pas encore de données
goal-incomplete = Non évalué : jours manquants
goal-progress = { $progress } de l’objectif

notes-missing = { $source } : aucune donnée pendant { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} ({ $ranges }).
notes-failed = { $source } : données non disponibles pour cette période.
notes-missing-comparison = { $source } : la période de comparaison n’a pas de données pendant { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} ({ $ranges }) ; les évolutions comparent les moyennes par jour des jours avec données.
notes-no-data = Aucune donnée n’est encore disponible pour cette période.
notes-incomplete-previous = Période de comparaison : { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} avec données, { $missing } manquants.
vs-per-day = par jour : { $value } vs { $previous }
vs-days-present = Comparaison sur les seuls jours avec données.
comparison-incomplete = pas de comparaison à périmètre égal
source-unnamed = Une source de données
notes-skipped = { $source } : { $rows ->
    [one] { $rows } ligne illisible a été écartée
   *[other] { $rows } lignes illisibles ont été écartées
}.
notes-complete = Toutes les sources de données étaient complètes pour cette période.
notes-definitions = Définitions
notes-incomplete-kpi = Calculé sur { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} de données ; { $missing ->
    [one] { $missing } jour manquant
   *[other] { $missing } jours manquants
}.

dim-channel = canal
dim-campaign = campagne
dim-network = réseau
dim-platform = plateforme
dim-other = { $name }

metric-web-sessions = Sessions
definition-web-sessions = Visites sur le site.
metric-web-users = Utilisateurs
definition-web-users = Somme des utilisateurs uniques quotidiens : une personne venue plusieurs jours compte une fois par jour.
metric-web-new_users = Nouveaux utilisateurs
definition-web-new_users = Visiteurs venus pour la première fois.
metric-web-pageviews = Pages vues
definition-web-pageviews = Pages consultées.
metric-web-engaged_sessions = Sessions avec engagement
definition-web-engaged_sessions = Sessions de 10 s ou plus, avec conversion ou avec au moins 2 pages vues.
metric-web-conversions = Conversions du site
definition-web-conversions = Événements clés réalisés sur le site.
metric-web-revenue = Revenus du site
definition-web-revenue = Revenus enregistrés sur le site.
metric-web-engagement_rate = Taux d’engagement
definition-web-engagement_rate = Sessions avec engagement ÷ sessions.
metric-web-conversion_rate = Taux de conversion (site)
definition-web-conversion_rate = Conversions ÷ sessions.
metric-ads-spend = Dépenses publicitaires
definition-ads-spend = Montant investi en publicité payante.
metric-ads-impressions = Impressions des annonces
definition-ads-impressions = Nombre d’affichages des annonces.
metric-ads-clicks = Clics sur les annonces
definition-ads-clicks = Clics sur les annonces.
metric-ads-conversions = Conversions des annonces
definition-ads-conversions = Conversions attribuées aux annonces.
metric-ads-conversion_value = Valeur de conversion
definition-ads-conversion_value = Valeur des conversions attribuées aux annonces.
metric-ads-ctr = CTR des annonces
definition-ads-ctr = Clics ÷ impressions.
metric-ads-cpc = Coût par clic
definition-ads-cpc = Dépenses ÷ clics.
metric-ads-cpa = Coût par conversion
definition-ads-cpa = Dépenses ÷ conversions.
metric-ads-roas = ROAS
definition-ads-roas = Valeur de conversion ÷ dépenses.
metric-ads-conversion_rate = Taux de conversion (annonces)
definition-ads-conversion_rate = Conversions ÷ clics.
metric-seo-clicks = Clics organiques
definition-seo-clicks = Clics depuis les résultats de recherche Google.
metric-seo-impressions = Impressions organiques
definition-seo-impressions = Nombre d’affichages du site dans les résultats de recherche Google.
metric-seo-position = Position moyenne
definition-seo-position = Position moyenne dans les résultats, pondérée par les impressions.
metric-seo-ctr = CTR organique
definition-seo-ctr = Clics ÷ impressions.
metric-local-views = Vues du profil
definition-local-views = Vues de la fiche d’établissement dans la recherche Google et Google Maps, sur mobile et ordinateur (une personne compte une fois par jour).
metric-local-calls = Appels
definition-local-calls = Appuis sur le bouton d’appel de la fiche.
metric-local-directions = Demandes d’itinéraire
definition-local-directions = Demandes d’itinéraire vers l’établissement.
metric-local-website_clicks = Clics vers le site
definition-local-website_clicks = Clics sur le lien du site web de la fiche.
metric-local-views_search = Vues en recherche
definition-local-views_search = Vues de la fiche dans la recherche Google, sur mobile et ordinateur.
metric-local-views_maps = Vues sur Maps
definition-local-views_maps = Vues de la fiche dans Google Maps, sur mobile et ordinateur.
metric-social-followers = Abonnés
definition-social-followers = Abonnés en fin de période.
metric-social-impressions = Impressions sociales
definition-social-impressions = Nombre d’affichages des publications.
metric-social-engagements = Interactions sociales
definition-social-engagements = Réactions, commentaires, partages et enregistrements.
metric-social-engagement_rate = Taux d’engagement social
definition-social-engagement_rate = Interactions ÷ impressions.
metric-reviews-new = Nouveaux avis
definition-reviews-new = Avis reçus.
metric-reviews-rating = Note moyenne
definition-reviews-rating = Moyenne des notes en étoiles des avis de la période, pondérée par leur nombre.
metric-reviews-responded = Avis avec réponse
definition-reviews-responded = Avis auxquels l’établissement a répondu.
metric-reviews-response_rate = Taux de réponse aux avis
definition-reviews-response_rate = Avis avec réponse ÷ nouveaux avis.
metric-email-delivered = E-mails délivrés
definition-email-delivered = E-mails arrivés dans une boîte de réception.
metric-email-opens = Ouvertures d’e-mails
definition-email-opens = Ouvertures uniques.
metric-email-clicks = Clics dans les e-mails
definition-email-clicks = Clics uniques.
metric-email-open_rate = Taux d’ouverture des e-mails
definition-email-open_rate = Ouvertures ÷ e-mails délivrés.
metric-email-click_rate = Taux de clic des e-mails
definition-email-click_rate = Clics ÷ e-mails délivrés.

note-daily-uniques = Somme des décomptes uniques quotidiens : une personne active plusieurs jours est comptée une fois par jour.
note-formula-undefined = Non calculé pour cette période : la formule divise par zéro.
note-platform-uniques = Chaque plateforme compte ses propres utilisateurs uniques ; une même personne peut en utiliser plusieurs, les chiffres ne sont donc pas additionnés.
dim-device = appareil
dim-country = pays
dim-source = source

email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = Bonjour,
email-intro = voici le { $report } de { $client } pour { $period }, préparé par { $agency }.
email-headlines = L’essentiel
email-attached = Le rapport complet est joint ({ $file }).
email-link = Lire le rapport complet en ligne :
email-signoff = Bien cordialement,

# Dimension values: GA4's default channel groups, device categories; query breakdowns.
dim-query = requête
value-not-set = (non défini)
value-channel-organic-search = Recherche naturelle
value-channel-paid-search = Recherche payante
value-channel-direct = Accès direct
value-channel-referral = Sites référents
value-channel-organic-social = Réseaux sociaux naturels
value-channel-email = E-mail
value-channel-paid-social = Réseaux sociaux payants
value-channel-display = Display
value-channel-organic-video = Vidéo naturelle
value-channel-unassigned = Non attribué
value-channel-cross-network = Multiréseau
value-channel-organic-shopping = Shopping naturel
value-channel-paid-shopping = Shopping payant
value-channel-affiliates = Affiliés
value-channel-sms = SMS
value-channel-mobile-push-notifications = Notifications push mobiles
value-channel-audio = Audio
value-channel-paid-video = Vidéo payante
value-channel-paid-other = Autres canaux payants
value-device-mobile = Mobile
value-device-desktop = Ordinateur
value-device-tablet = Tablette
value-device-smart-tv = Smart TV

quarter-label = T{ $quarter } { $year }

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = Limite utilisée à { $progress }
goal-prorated = { $per ->
        [week] { $target } par semaine
        [quarter] { $target } par trimestre
       *[month] { $target } par mois
    }, soit { $period ->
        [week] { $period_target } cette semaine
        [month] { $period_target } ce mois-ci
        [quarter] { $period_target } ce trimestre
       *[other] { $period_target } sur la période
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = Ce qui a bien marché
summary-concerns = Points d’attention
summary-none = Rien de notable sur la période.
summary-goals = Objectifs
summary-next-steps = Prochaines étapes
next-steps-headings = Prochaines étapes|Le mois prochain|Mois prochain|Nos recommandations|Notre recommandation|Recommandations|Plan d’action
goal-status-met = Atteint
goal-status-on-track = En bonne voie
goal-status-behind = En retard
goal-status-missed = Non atteint
goal-status-not-judged = Non évalué
headline-one = { $period } : { $lead } en { $lead-trend ->
        [up] hausse
       *[down] baisse
    } de { $lead-change }.
headline-two = { $period } : { $lead } en { $lead-trend ->
        [up] hausse
       *[down] baisse
    } de { $lead-change }, { $other } en { $other-trend ->
        [up] hausse
       *[down] baisse
    } de { $other-change }.
headline-concern-over-win = { $period } : { $lead } en { $lead-trend ->
        [up] hausse
       *[down] baisse
    } de { $lead-change }, { $other } en revanche en { $other-trend ->
        [up] hausse
       *[down] baisse
    } de { $other-change }.
headline-win-over-concern = { $period } : { $lead } en { $lead-trend ->
        [up] hausse
       *[down] baisse
    } de { $lead-change }, mais { $other } en { $other-trend ->
        [up] hausse
       *[down] baisse
    } de { $other-change }.
headline-steady = { $period } : aucun changement notable des chiffres clés.
headline-incomplete = { $period } : des jours de données manquent ; les évolutions ne sont pas encore jugées.
headline-joiner = {" "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] Aucun objectif atteint.
           *[no] { $count ->
                [one] { $count } objectif sur { $total } non atteint.
               *[other] { $count } objectifs sur { $total } non atteints.
            }
        }
        [behind] { $count ->
            [one] { $count } objectif sur { $total } en retard.
           *[other] { $count } objectifs sur { $total } en retard.
        }
        [on-track] { $total ->
            [one] L’objectif est en bonne voie.
           *[other] Les { $total } objectifs sont atteints ou en bonne voie.
        }
       *[met] { $all ->
            [yes] { $total ->
                [one] L’objectif est atteint.
               *[other] Les { $total } objectifs sont atteints.
            }
           *[no] { $count ->
                [one] { $count } objectif sur { $total } atteint.
               *[other] { $count } objectifs sur { $total } atteints.
            }
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }, mêmes jours de la semaine

# --- weekly ---
weekly-section-title = La semaine en chiffres
weekly-column-metric = Indicateur
weekly-column-this-week = Cette semaine
weekly-column-last-week = Semaine précédente
weekly-column-change = Évolution
weekly-column-average = Moyenne sur 4 semaines
weekly-chart-title = { $metric } cette semaine : { $value }
weekly-average-of = Moyenne sur 4 semaines : la semaine moyenne de la période { $range }.
weekly-average-gaps = Moyenne sur 4 semaines calculée sur { $days } jours avec données sur { $total } ({ $weeks ->
    [one] 1 semaine incomplète
   *[other] { $weeks } semaines incomplètes
}) ; les jours sans données ne sont pas comptés.
weekly-list-separator = {", "}

# --- phrasing ---
value-counted = { $value }
# --- trends ---
trend-bars-title-month = { $metric }, les { $count } derniers mois
trend-bars-title-week = { $metric }, les { $count } dernières semaines
trend-bars-title-quarter = { $metric }, les { $count } derniers trimestres
trend-legend-complete = Tous les jours
trend-legend-partial = Jours manquants
trend-legend-last-year = Un an plus tôt
yoy-caption = { $channel } : comparaison avec l’année précédente
yoy-metric = Indicateur
yoy-change = Évolution
# --- groups ---
dim-location = établissement
section-locations = Établissements
locations-change = Évolution
locations-goals = Objectifs atteints
locations-goals-met = { $met } sur { $total }
locations-data = Données complètes
locations-data-failed = { $share } · { $count } indisponible(s)
locations-ranking = Établissements par { $metric }
locations-best-mover = Meilleure progression : { $metric }
locations-worst-mover = Plus faible progression : { $metric }
locations-rates = Taux de change utilisés
locations-rate-month = Mois
locations-rate = Taux
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = T{ $quarter }

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = Les { $weeks } dernières semaines de { $metrics } ne sont pas affichées, pour que ce résumé tienne en deux pages.

# --- publish ---
site-title = { $client } · Rapports
site-intro = Tous les rapports que { $agency } a préparés pour vous, du plus récent au plus ancien.
site-view = Voir le rapport
site-pdf = Télécharger le PDF
site-latest = Dernier
site-empty = Aucun rapport n’a encore été publié ici.
site-private = Cette page vous est réservée : merci de ne pas partager son adresse.
site-all-reports = Tous les rapports

# --- session8 ---
by-dimension-table = Résultats par { $dimension }
overview-section-health = État des données

# --- conn-more ---
section-shop = Boutique en ligne
metric-shop-revenue = Chiffre d’affaires de la boutique
definition-shop-revenue = Totaux actuels des commandes de la période, après remboursements ; commandes annulées et commandes de test exclues.
metric-shop-orders = Commandes
definition-shop-orders = Commandes passées, hors commandes annulées et commandes de test.
metric-shop-average_order_value = Panier moyen
definition-shop-average_order_value = Chiffre d’affaires de la boutique ÷ commandes.
metric-email-sent = E-mails envoyés
definition-email-sent = E-mails envoyés à la liste, délivrés ou non.
metric-email-bounces = Rebonds
definition-email-bounces = E-mails refusés par le serveur destinataire, définitivement ou temporairement.
metric-email-unsubscribes = Désabonnements
definition-email-unsubscribes = Personnes qui ont quitté la liste depuis les e-mails de la période.
metric-social-video_views = Vues des vidéos
definition-social-video_views = Nombre de fois où les vidéos de la chaîne ont été regardées.
metric-social-watch_minutes = Durée de visionnage (minutes)
definition-social-watch_minutes = Minutes passées à regarder les vidéos de la chaîne.
metric-social-net_followers = Nouveaux abonnés nets
definition-social-net_followers = Abonnés gagnés moins abonnés perdus.

# --- overview ---
overview-title = Vue d’ensemble de l’agence
overview-internal = Interne : ne pas transmettre aux clients
overview-summary = { $attention } clients sur { $clients } demandent votre attention
overview-group = { $name } (groupe)
overview-section-clients = Clients, les plus urgents d’abord
overview-section-kpis = Indicateurs clés
overview-section-sources = Sources à traiter
overview-col-client = Client et action à mener
overview-col-delivery = Envoi
overview-col-goals-met = Objectifs atteints
overview-col-goals-missed = Objectifs manqués
overview-col-sources = Sources à réparer
overview-col-kpi = Indicateur
overview-col-value = Valeur
overview-col-previous = Avant
overview-col-change = Évolution
overview-col-source = Source et solution
overview-col-health = État
overview-col-checked = Vérifiée le
overview-no-attention = rien à faire
overview-all-sources-ok = Aucune source ne demande d’attention.
overview-attention-delivery-uncertain = envoi incertain
overview-attention-delivery-failed = envoi échoué
overview-attention-report-failed = rapport en échec
overview-attention-credentials-expired = identifiants expirés
overview-attention-sources-failing = sources en échec
overview-attention-goals-missed = objectifs manqués
overview-attention-big-drop = forte baisse
overview-attention-awaiting-approval = en attente de validation
overview-attention-data-incomplete = données incomplètes
overview-attention-not-rendered = pas encore de rapport
overview-delivery-sent = envoyé
overview-delivery-not-sent = non envoyé
overview-delivery-held = retenu
overview-delivery-awaiting-approval = à valider
overview-delivery-uncertain = incertain
overview-delivery-failed = échoué
overview-delivery-not-rendered = aucun rapport
overview-health-ok = bon
overview-health-expired = expirée
overview-health-no-credentials = sans identifiants
overview-health-forbidden = accès refusé
overview-health-quota = quota atteint
overview-health-failed = en échec
overview-health-late = en retard
