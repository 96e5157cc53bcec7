# Spanish messages.

report-title-month = Informe mensual de resultados
report-title-week = Informe semanal de resultados
report-title-quarter = Informe trimestral de resultados
report-title-custom = Informe de resultados
prepared-for = Preparado para { $client }
prepared-by = Preparado por { $agency }
vs-period = { $compare ->
        [previous] { $kind ->
            [month] Mes anterior
            [week] Semana anterior
            [quarter] Trimestre anterior
           *[other] Periodo anterior
        }: { $period }
        [yoy] { $kind ->
            [month] Mismo mes del año anterior
            [week] Misma semana del año anterior
            [quarter] Mismo trimestre del año anterior
           *[other] Mismo periodo del año anterior
        }: { $period }
       *[other] vs. { $period }
    }
change-points = { $points } p. p.
compared-with = En comparación con { $kind ->
        [week] la { $period }
        [quarter] el { $period }
       *[other] { $period }
    }
no-comparison = Sin periodo de comparación
week-label = semana { $week } de { $year }
page-of = Página { $page } de { $pages }
contents = Índice

section-summary = Resumen ejecutivo
section-web = Sitio web
section-ads = Publicidad de pago
section-seo = Búsqueda orgánica (SEO)
section-local = Búsqueda local
section-social = Redes sociales
section-reviews = Reseñas y reputación
section-email = Email marketing
section-goals = Objetivos
section-commentary = Comentarios
section-data_notes = Notas sobre los datos

highlights = Aspectos destacados
key-figures = Cifras clave
trend-title = { $metric }, día a día
trend-title-week = { $metric } esta semana
by-dimension = { $metric } por { $dimension }
share-by-dimension = { $metric }: distribución por { $dimension }
daily-title = { $metric } por día
previous-period = Periodo anterior
other = Otros
total = Total
no-data = Sin datos
not-available = n. d.

highlight-up = { $metric }: aumento { $scale ->
        [relative] del
       *[other] de
    } { $change }, hasta { $value }.
highlight-down = { $metric }: descenso { $scale ->
        [relative] del
       *[other] de
    } { $change }, hasta { $value }.

goal-at-least = Objetivo: al menos { $target }
goal-at-most = Objetivo: como máximo { $target }
goal-met = Cumplido
goal-not-met = No cumplido
goal-no-data = Aún sin datos
goal-incomplete = Sin evaluar: faltan días
goal-progress = { $progress } del objetivo

notes-missing = { $source }: sin datos durante { $days ->
    [one] { $days } día
   *[other] { $days } días
} ({ $ranges }).
notes-failed = { $source }: datos no disponibles para este periodo.
notes-missing-comparison = { $source }: el periodo de comparación no tiene datos durante { $days ->
    [one] { $days } día
   *[other] { $days } días
} ({ $ranges }); los cambios comparan promedios diarios de los días con datos.
notes-no-data = Todavía no hay datos para este periodo.
notes-incomplete-previous = Periodo de comparación: { $days ->
    [one] { $days } día
   *[other] { $days } días
} con datos, { $missing } sin datos.
vs-per-day = por día: { $value } vs. { $previous }
vs-days-present = Comparación solo sobre los días con datos.
comparison-incomplete = sin comparación equivalente
source-unnamed = Una fuente de datos
notes-skipped = { $source }: { $rows ->
    [one] se omitió { $rows } fila que no se pudo leer
   *[other] se omitieron { $rows } filas que no se pudieron leer
}.
notes-complete = Todas las fuentes de datos estaban completas en este periodo.
notes-definitions = Definiciones
notes-incomplete-kpi = Basado en { $days ->
    [one] { $days } día
   *[other] { $days } días
} con datos; { $missing ->
    [one] falta { $missing } día
   *[other] faltan { $missing } días
}.

dim-channel = canal
dim-campaign = campaña
dim-network = red
dim-platform = plataforma
dim-other = { $name }

metric-web-sessions = Sesiones
definition-web-sessions = Visitas al sitio web.
metric-web-users = Usuarios
definition-web-users = Suma de usuarios únicos diarios: quien visita el sitio varios días cuenta una vez por día.
metric-web-new_users = Usuarios nuevos
definition-web-new_users = Visitantes que llegan por primera vez.
metric-web-pageviews = Páginas vistas
definition-web-pageviews = Páginas consultadas.
metric-web-engaged_sessions = Sesiones con interacción
definition-web-engaged_sessions = Sesiones de 10 s o más, con conversión o con 2 o más páginas vistas.
metric-web-conversions = Conversiones web
definition-web-conversions = Eventos clave completados en el sitio web.
metric-web-revenue = Ingresos web
definition-web-revenue = Ingresos registrados en el sitio web.
metric-web-engagement_rate = Tasa de interacción
definition-web-engagement_rate = Sesiones con interacción ÷ sesiones.
metric-web-conversion_rate = Tasa de conversión web
definition-web-conversion_rate = Conversiones ÷ sesiones.
metric-ads-spend = Inversión publicitaria
definition-ads-spend = Importe invertido en publicidad de pago.
metric-ads-impressions = Impresiones de anuncios
definition-ads-impressions = Veces que se mostró un anuncio.
metric-ads-clicks = Clics en anuncios
definition-ads-clicks = Clics en los anuncios.
metric-ads-conversions = Conversiones de anuncios
definition-ads-conversions = Conversiones atribuidas a los anuncios.
metric-ads-conversion_value = Valor de conversión
definition-ads-conversion_value = Valor de las conversiones atribuidas a los anuncios.
metric-ads-ctr = CTR de anuncios
definition-ads-ctr = Clics ÷ impresiones.
metric-ads-cpc = Coste por clic
definition-ads-cpc = Inversión ÷ clics.
metric-ads-cpa = Coste por conversión
definition-ads-cpa = Inversión ÷ conversiones.
metric-ads-roas = ROAS
definition-ads-roas = Valor de conversión ÷ inversión.
metric-ads-conversion_rate = Tasa de conversión de anuncios
definition-ads-conversion_rate = Conversiones ÷ clics.
metric-seo-clicks = Clics orgánicos
definition-seo-clicks = Clics desde los resultados de búsqueda de Google.
metric-seo-impressions = Impresiones orgánicas
definition-seo-impressions = Veces que el sitio apareció en los resultados de búsqueda de Google.
metric-seo-position = Posición media
definition-seo-position = Posición media en los resultados, ponderada por impresiones.
metric-seo-ctr = CTR orgánico
definition-seo-ctr = Clics ÷ impresiones.
metric-local-views = Vistas del perfil
definition-local-views = Visualizaciones del Perfil de Empresa en la Búsqueda de Google y en Google Maps, en móvil y ordenador (cada persona cuenta una vez al día).
metric-local-calls = Llamadas
definition-local-calls = Toques en el botón de llamada del perfil.
metric-local-directions = Solicitudes de ruta
definition-local-directions = Solicitudes de indicaciones para llegar al negocio.
metric-local-website_clicks = Clics en el sitio web
definition-local-website_clicks = Clics en el enlace al sitio web del perfil.
metric-local-views_search = Vistas en la Búsqueda
definition-local-views_search = Visualizaciones del perfil en la Búsqueda de Google, en móvil y ordenador.
metric-local-views_maps = Vistas en Maps
definition-local-views_maps = Visualizaciones del perfil en Google Maps, en móvil y ordenador.
metric-social-followers = Seguidores
definition-social-followers = Seguidores al final del periodo.
metric-social-impressions = Impresiones en redes
definition-social-impressions = Veces que se mostraron las publicaciones.
metric-social-engagements = Interacciones en redes
definition-social-engagements = Reacciones, comentarios, compartidos y guardados.
metric-social-engagement_rate = Tasa de interacción social
definition-social-engagement_rate = Interacciones ÷ impresiones.
metric-reviews-new = Reseñas nuevas
definition-reviews-new = Reseñas recibidas.
metric-reviews-rating = Valoración media
definition-reviews-rating = Media de estrellas de las reseñas del periodo, ponderada por su número.
metric-reviews-responded = Reseñas respondidas
definition-reviews-responded = Reseñas a las que respondió la empresa.
metric-reviews-response_rate = Tasa de respuesta a reseñas
definition-reviews-response_rate = Reseñas respondidas ÷ reseñas nuevas.
metric-email-delivered = Emails entregados
definition-email-delivered = Emails que llegaron a la bandeja de entrada.
metric-email-opens = Aperturas de email
definition-email-opens = Aperturas únicas.
metric-email-clicks = Clics en emails
definition-email-clicks = Clics únicos.
metric-email-open_rate = Tasa de apertura de emails
definition-email-open_rate = Aperturas ÷ emails entregados.
metric-email-click_rate = Tasa de clics de emails
definition-email-click_rate = Clics ÷ emails entregados.

note-daily-uniques = Suma de recuentos únicos diarios: alguien activo varios días cuenta una vez por día.
note-formula-undefined = No se calcula para este periodo: la fórmula divide entre cero.
note-platform-uniques = Cada plataforma cuenta sus propios usuarios únicos; una misma persona puede usar varias, por lo que las cifras no se suman.
dim-device = dispositivo
dim-country = país
dim-source = fuente

email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = Hola:
email-intro = le enviamos el { $report } de { $client } correspondiente a { $period }, preparado por { $agency }.
email-headlines = Lo más destacado
email-attached = El informe completo va adjunto ({ $file }).
email-link = Lea el informe completo en línea:
email-signoff = Saludos cordiales,

# Dimension values: GA4's default channel groups, device categories; query breakdowns.
dim-query = consulta de búsqueda
value-not-set = (no definido)
value-channel-organic-search = Búsqueda orgánica
value-channel-paid-search = Búsqueda de pago
value-channel-direct = Directo
value-channel-referral = Referencia
value-channel-organic-social = Redes sociales orgánicas
value-channel-email = Correo electrónico
value-channel-paid-social = Redes sociales de pago
value-channel-display = Display
value-channel-organic-video = Vídeo orgánico
value-channel-unassigned = Sin asignar
value-channel-cross-network = Varias redes
value-channel-organic-shopping = Shopping orgánico
value-channel-paid-shopping = Shopping de pago
value-channel-affiliates = Afiliados
value-channel-sms = SMS
value-channel-mobile-push-notifications = Notificaciones push móviles
value-channel-audio = Audio
value-channel-paid-video = Vídeo de pago
value-channel-paid-other = Otros canales de pago
value-device-mobile = Móvil
value-device-desktop = Ordenador
value-device-tablet = Tablet
value-device-smart-tv = Smart TV

quarter-label = T{ $quarter } { $year }

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = { $progress } del límite usado
goal-prorated = { $per ->
        [week] { $target } por semana
        [quarter] { $target } por trimestre
       *[month] { $target } al mes
    }, es decir, { $period ->
        [week] { $period_target } esta semana
        [month] { $period_target } este mes
        [quarter] { $period_target } este trimestre
       *[other] { $period_target } en este periodo
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = Lo que fue bien
summary-concerns = Lo que requiere atención
summary-none = Nada destacable en este periodo.
summary-goals = Objetivos
summary-next-steps = Próximos pasos
next-steps-headings = Próximos pasos|Siguientes pasos|El próximo mes|Próximo mes|Recomendaciones|Nuestra recomendación|Plan de acción
goal-status-met = Cumplido
goal-status-on-track = En camino
goal-status-behind = Por debajo del ritmo
goal-status-missed = No cumplido
goal-status-not-judged = Sin evaluar
headline-one = { $period }: { $lead-trend ->
        [up] aumento
       *[down] descenso
    } { $lead-scale ->
        [relative] del
       *[other] de
    } { $lead-change } en { $lead }.
headline-two = { $period }: { $lead-trend ->
        [up] aumento
       *[down] descenso
    } { $lead-scale ->
        [relative] del
       *[other] de
    } { $lead-change } en { $lead } y { $other-trend ->
        [up] aumento
       *[down] descenso
    } { $other-scale ->
        [relative] del
       *[other] de
    } { $other-change } en { $other }.
headline-concern-over-win = { $period }: { $lead-trend ->
        [up] aumento
       *[down] descenso
    } { $lead-scale ->
        [relative] del
       *[other] de
    } { $lead-change } en { $lead }, pese a un { $other-trend ->
        [up] aumento
       *[down] descenso
    } { $other-scale ->
        [relative] del
       *[other] de
    } { $other-change } en { $other }.
headline-win-over-concern = { $period }: { $lead-trend ->
        [up] aumento
       *[down] descenso
    } { $lead-scale ->
        [relative] del
       *[other] de
    } { $lead-change } en { $lead }, aunque con un { $other-trend ->
        [up] aumento
       *[down] descenso
    } { $other-scale ->
        [relative] del
       *[other] de
    } { $other-change } en { $other }.
headline-steady = { $period }: sin cambios destacables en las cifras clave.
headline-incomplete = { $period }: faltan días de datos, así que los cambios aún no se valoran.
headline-joiner = {" "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] Ningún objetivo cumplido.
           *[no] { $count } de { $total } objetivos no cumplidos.
        }
        [behind] { $count } de { $total } objetivos por debajo del ritmo.
        [on-track] { $total ->
            [one] El objetivo va en camino.
           *[other] Los { $total } objetivos, cumplidos o en camino.
        }
       *[met] { $all ->
            [yes] { $total ->
                [one] Objetivo cumplido.
               *[other] Los { $total } objetivos, cumplidos.
            }
           *[no] { $count } de { $total } objetivos cumplidos.
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }, mismos días de la semana

# --- weekly ---
weekly-section-title = La semana en cifras
weekly-column-metric = Métrica
weekly-column-this-week = Esta semana
weekly-column-last-week = Semana anterior
weekly-column-change = Variación
weekly-column-average = Media de 4 semanas
weekly-chart-title = { $metric } esta semana: { $value }
weekly-average-of = Media de 4 semanas: la semana media del periodo { $range }.
weekly-average-gaps = Media de 4 semanas sobre { $days } de { $total } días con datos ({ $weeks ->
    [one] 1 semana
   *[other] { $weeks } semanas
} con huecos); los días sin datos no se cuentan.
weekly-list-separator = {", "}

# --- phrasing ---
value-counted = { $value }
# --- trends ---
trend-bars-title-month = { $metric }, últimos { $count } meses
trend-bars-title-week = { $metric }, últimas { $count } semanas
trend-bars-title-quarter = { $metric }, últimos { $count } trimestres
trend-legend-complete = Todos los días
trend-legend-partial = Faltan días
trend-legend-last-year = Un año antes
yoy-caption = { $channel }: comparado con el año anterior
yoy-metric = Métrica
yoy-change = Variación
# --- groups ---
dim-location = ubicación
section-locations = Ubicaciones
locations-change = Variación
locations-goals = Objetivos cumplidos
locations-goals-met = { $met } de { $total }
locations-data = Datos completos
locations-data-failed = { $share } · { $count } no disponibles
locations-ranking = Ubicaciones por { $metric }
locations-best-mover = Mejor evolución: { $metric }
locations-worst-mover = Peor evolución: { $metric }
locations-rates = Tipos de cambio utilizados
locations-rate-month = Mes
locations-rate = Tipo
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = T{ $quarter }

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = Las últimas { $weeks } semanas de { $metrics } no se muestran, para que este resumen quepa en dos páginas.

# --- publish ---
site-title = { $client } · Informes
site-intro = Todos los informes que { $agency } ha preparado para usted, del más reciente al más antiguo.
site-view = Ver informe
site-pdf = Descargar PDF
site-latest = Último
site-empty = Todavía no se ha publicado ningún informe aquí.
site-private = Esta página es solo para usted: no comparta su dirección.
site-all-reports = Todos los informes

# --- session8 ---
by-dimension-table = Resultados por { $dimension }
overview-section-health = Estado de los datos

# --- conn-more ---
section-shop = Tienda online
metric-shop-revenue = Ingresos de la tienda
definition-shop-revenue = Totales actuales de los pedidos del periodo, tras reembolsos; sin pedidos cancelados ni de prueba.
metric-shop-orders = Pedidos
definition-shop-orders = Pedidos realizados, sin pedidos cancelados ni de prueba.
metric-shop-average_order_value = Valor medio del pedido
definition-shop-average_order_value = Ingresos de la tienda ÷ pedidos.
metric-email-sent = Emails enviados
definition-email-sent = Emails enviados a la lista, entregados o no.
metric-email-bounces = Rebotes
definition-email-bounces = Emails rechazados por el servidor de destino, de forma definitiva o temporal.
metric-email-unsubscribes = Bajas
definition-email-unsubscribes = Personas que se dieron de baja de la lista desde los emails del periodo.
metric-social-video_views = Visualizaciones de vídeos
definition-social-video_views = Veces que se vieron los vídeos del canal.
metric-social-watch_minutes = Tiempo de visualización (minutos)
definition-social-watch_minutes = Minutos dedicados a ver los vídeos del canal.
metric-social-net_followers = Nuevos seguidores netos
definition-social-net_followers = Seguidores ganados menos seguidores perdidos.

# --- overview ---
overview-title = Resumen de la agencia
overview-internal = Interno: no es para clientes
overview-summary = { $attention } de { $clients } clientes requieren atención
overview-group = { $name } (grupo)
overview-section-clients = Clientes, los más urgentes primero
overview-section-kpis = Indicadores principales
overview-section-sources = Fuentes que requieren atención
overview-col-client = Cliente y qué hacer
overview-col-delivery = Envío
overview-col-goals-met = Objetivos cumplidos
overview-col-goals-missed = Objetivos no cumplidos
overview-col-sources = Fuentes por reparar
overview-col-kpi = Indicador
overview-col-value = Valor
overview-col-previous = Antes
overview-col-change = Cambio
overview-col-source = Fuente y solución
overview-col-health = Estado
overview-col-checked = Revisada
overview-no-attention = nada pendiente
overview-all-sources-ok = Ninguna fuente requiere atención.
overview-attention-delivery-uncertain = envío incierto
overview-attention-delivery-failed = envío fallido
overview-attention-report-failed = informe fallido
overview-attention-credentials-expired = credenciales caducadas
overview-attention-sources-failing = fuentes con fallos
overview-attention-goals-missed = objetivos no cumplidos
overview-attention-big-drop = caída fuerte
overview-attention-awaiting-approval = pendiente de aprobación
overview-attention-data-incomplete = datos incompletos
overview-attention-not-rendered = aún sin informe
overview-delivery-sent = enviado
overview-delivery-not-sent = sin enviar
overview-delivery-held = retenido
overview-delivery-awaiting-approval = por aprobar
overview-delivery-uncertain = incierto
overview-delivery-failed = fallido
overview-delivery-not-rendered = sin informe
overview-health-ok = correcta
overview-health-expired = caducada
overview-health-no-credentials = sin credenciales
overview-health-forbidden = sin acceso
overview-health-quota = cuota agotada
overview-health-failed = con fallos
overview-health-late = con retraso
