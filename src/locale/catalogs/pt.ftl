# Brazilian Portuguese (pt-BR) messages.

report-title-month = Relatório mensal de desempenho
report-title-week = Relatório semanal de desempenho
report-title-quarter = Relatório trimestral de desempenho
report-title-custom = Relatório de desempenho
prepared-for = Preparado para { $client }
prepared-by = Preparado por { $agency }
vs-period = { $compare ->
        [previous] { $kind ->
            [month] Mês anterior
            [week] Semana anterior
            [quarter] Trimestre anterior
           *[other] Período anterior
        }: { $period }
        [yoy] { $kind ->
            [month] Mesmo mês do ano anterior
            [week] Mesma semana do ano anterior
            [quarter] Mesmo trimestre do ano anterior
           *[other] Mesmo período do ano anterior
        }: { $period }
       *[other] vs. { $period }
    }
change-points = { $points } p.p.
compared-with = Em comparação com { $kind ->
        [week] a { $period }
        [quarter] o { $period }
       *[other] { $period }
    }
no-comparison = Sem período de comparação
week-label = semana { $week } de { $year }
page-of = Página { $page } de { $pages }
contents = Sumário

section-summary = Resumo executivo
section-web = Site
section-ads = Mídia paga
section-seo = Busca orgânica (SEO)
section-local = Busca local
section-social = Redes sociais
section-reviews = Avaliações e reputação
section-email = E-mail marketing
section-goals = Metas
section-commentary = Comentários
section-data_notes = Notas sobre os dados

highlights = Destaques
key-figures = Principais números
trend-title = { $metric }, dia a dia
trend-title-week = { $metric } nesta semana
by-dimension = { $metric } por { $dimension }
share-by-dimension = { $metric }: distribuição por { $dimension }
daily-title = { $metric } por dia
previous-period = Período anterior
other = Outros
total = Total
no-data = Sem dados
not-available = n/d

highlight-up = { $metric }: alta de { $change }, para { $value }.
highlight-down = { $metric }: queda de { $change }, para { $value }.

goal-at-least = Meta: no mínimo { $target }
goal-at-most = Meta: no máximo { $target }
goal-met = Atingida
goal-not-met = Não atingida
goal-no-data = Ainda sem dados
goal-incomplete = Não avaliado: dias sem dados
goal-progress = { $progress } da meta

notes-missing = { $source }: sem dados em { $days ->
    [one] { $days } dia
   *[other] { $days } dias
} ({ $ranges }).
notes-failed = { $source }: dados indisponíveis para este período.
notes-missing-comparison = { $source }: o período de comparação não tem dados em { $days ->
    [one] { $days } dia
   *[other] { $days } dias
} ({ $ranges }); as variações comparam médias diárias dos dias com dados.
notes-no-data = Ainda não há dados para este período.
notes-incomplete-previous = Período de comparação: { $days ->
    [one] { $days } dia
   *[other] { $days } dias
} com dados, { $missing } sem dados.
vs-per-day = por dia: { $value } vs. { $previous }
vs-days-present = Comparação apenas nos dias com dados.
comparison-incomplete = sem comparação equivalente
source-unnamed = Uma fonte de dados
notes-skipped = { $source }: { $rows ->
    [one] { $rows } linha foi desconsiderada por não poder ser lida
   *[other] { $rows } linhas foram desconsideradas por não poderem ser lidas
}.
notes-complete = Todas as fontes de dados estavam completas neste período.
notes-definitions = Definições
notes-incomplete-kpi = Com base em { $days ->
    [one] { $days } dia
   *[other] { $days } dias
} com dados; { $missing ->
    [one] falta { $missing } dia
   *[other] faltam { $missing } dias
}.

dim-channel = canal
dim-campaign = campanha
dim-network = rede
dim-platform = plataforma
dim-other = { $name }

metric-web-sessions = Sessões
definition-web-sessions = Visitas ao site.
metric-web-users = Usuários
definition-web-users = Soma dos usuários únicos diários: quem visita o site em vários dias conta uma vez por dia.
metric-web-new_users = Novos usuários
definition-web-new_users = Visitantes pela primeira vez.
metric-web-pageviews = Visualizações de página
definition-web-pageviews = Páginas visualizadas.
metric-web-engaged_sessions = Sessões engajadas
definition-web-engaged_sessions = Sessões de 10 s ou mais, com conversão ou com 2 ou mais páginas visualizadas.
metric-web-conversions = Conversões no site
definition-web-conversions = Eventos-chave concluídos no site.
metric-web-revenue = Receita do site
definition-web-revenue = Receita registrada no site.
metric-web-engagement_rate = Taxa de engajamento
definition-web-engagement_rate = Sessões engajadas ÷ sessões.
metric-web-conversion_rate = Taxa de conversão do site
definition-web-conversion_rate = Conversões ÷ sessões.
metric-ads-spend = Investimento em mídia
definition-ads-spend = Valor investido em mídia paga.
metric-ads-impressions = Impressões de anúncios
definition-ads-impressions = Vezes em que um anúncio foi exibido.
metric-ads-clicks = Cliques em anúncios
definition-ads-clicks = Cliques nos anúncios.
metric-ads-conversions = Conversões de anúncios
definition-ads-conversions = Conversões atribuídas aos anúncios.
metric-ads-conversion_value = Valor de conversão
definition-ads-conversion_value = Valor das conversões atribuídas aos anúncios.
metric-ads-ctr = CTR dos anúncios
definition-ads-ctr = Cliques ÷ impressões.
metric-ads-cpc = Custo por clique
definition-ads-cpc = Investimento ÷ cliques.
metric-ads-cpa = Custo por conversão
definition-ads-cpa = Investimento ÷ conversões.
metric-ads-roas = ROAS
definition-ads-roas = Valor de conversão ÷ investimento.
metric-ads-conversion_rate = Taxa de conversão dos anúncios
definition-ads-conversion_rate = Conversões ÷ cliques.
metric-seo-clicks = Cliques orgânicos
definition-seo-clicks = Cliques vindos dos resultados de pesquisa do Google.
metric-seo-impressions = Impressões orgânicas
definition-seo-impressions = Vezes em que o site apareceu nos resultados de pesquisa do Google.
metric-seo-position = Posição média
definition-seo-position = Posição média nos resultados, ponderada pelas impressões.
metric-seo-ctr = CTR orgânico
definition-seo-ctr = Cliques ÷ impressões.
metric-local-views = Visitas ao perfil
definition-local-views = Visualizações do Perfil da Empresa na Pesquisa Google e no Google Maps, no celular e no computador (cada pessoa conta uma vez por dia).
metric-local-calls = Ligações
definition-local-calls = Toques no botão de ligar do perfil.
metric-local-directions = Solicitações de rota
definition-local-directions = Pedidos de rota até a empresa.
metric-local-website_clicks = Cliques no site
definition-local-website_clicks = Cliques no link do site no perfil.
metric-local-views_search = Visitas pela Pesquisa
definition-local-views_search = Visualizações do perfil na Pesquisa Google, no celular e no computador.
metric-local-views_maps = Visitas pelo Maps
definition-local-views_maps = Visualizações do perfil no Google Maps, no celular e no computador.
metric-social-followers = Seguidores
definition-social-followers = Seguidores no fim do período.
metric-social-impressions = Impressões nas redes
definition-social-impressions = Vezes em que as publicações foram exibidas.
metric-social-engagements = Interações nas redes
definition-social-engagements = Reações, comentários, compartilhamentos e salvamentos.
metric-social-engagement_rate = Taxa de engajamento social
definition-social-engagement_rate = Interações ÷ impressões.
metric-reviews-new = Novas avaliações
definition-reviews-new = Avaliações recebidas.
metric-reviews-rating = Nota média
definition-reviews-rating = Média de estrelas das avaliações do período, ponderada pela quantidade.
metric-reviews-responded = Avaliações respondidas
definition-reviews-responded = Avaliações respondidas pela empresa.
metric-reviews-response_rate = Taxa de resposta a avaliações
definition-reviews-response_rate = Avaliações respondidas ÷ novas avaliações.
metric-email-delivered = E-mails entregues
definition-email-delivered = E-mails que chegaram à caixa de entrada.
metric-email-opens = Aberturas de e-mail
definition-email-opens = Aberturas únicas.
metric-email-clicks = Cliques em e-mails
definition-email-clicks = Cliques únicos.
metric-email-open_rate = Taxa de abertura de e-mails
definition-email-open_rate = Aberturas ÷ e-mails entregues.
metric-email-click_rate = Taxa de cliques de e-mails
definition-email-click_rate = Cliques ÷ e-mails entregues.

note-daily-uniques = Soma das contagens únicas diárias: quem está ativo em vários dias é contado uma vez por dia.
note-formula-undefined = Não calculado para este período: a fórmula divide por zero.
note-platform-uniques = Cada plataforma conta seus próprios usuários únicos; a mesma pessoa pode usar várias, por isso os números não são somados.
dim-device = dispositivo
dim-country = país
dim-source = origem

email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = Olá,
email-intro = segue o { $report } de { $client } referente a { $period }, preparado por { $agency }.
email-headlines = Destaques
email-attached = O relatório completo está em anexo ({ $file }).
email-link = Leia o relatório completo online:
email-signoff = Atenciosamente,

# Dimension values: GA4's default channel groups, device categories; query breakdowns.
dim-query = consulta de pesquisa
value-not-set = (não definido)
value-channel-organic-search = Pesquisa orgânica
value-channel-paid-search = Pesquisa paga
value-channel-direct = Direto
value-channel-referral = Referência
value-channel-organic-social = Social orgânico
value-channel-email = E-mail
value-channel-paid-social = Social pago
value-channel-display = Display
value-channel-organic-video = Vídeo orgânico
value-channel-unassigned = Não atribuído
value-channel-cross-network = Várias redes
value-channel-organic-shopping = Shopping orgânico
value-channel-paid-shopping = Shopping pago
value-channel-affiliates = Afiliados
value-channel-sms = SMS
value-channel-mobile-push-notifications = Notificações push para dispositivos móveis
value-channel-audio = Áudio
value-channel-paid-video = Vídeo pago
value-channel-paid-other = Outros pagos
value-device-mobile = Celular
value-device-desktop = Computador
value-device-tablet = Tablet
value-device-smart-tv = Smart TV

quarter-label = { $quarter }º trimestre de { $year }

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = { $progress } do limite usado
goal-prorated = { $per ->
        [week] { $target } por semana
        [quarter] { $target } por trimestre
       *[month] { $target } por mês
    }, ou seja, { $period ->
        [week] { $period_target } nesta semana
        [month] { $period_target } neste mês
        [quarter] { $period_target } neste trimestre
       *[other] { $period_target } no período
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = O que foi bem
summary-concerns = O que pede atenção
summary-none = Nada de relevante no período.
summary-goals = Metas
summary-next-steps = Próximos passos
next-steps-headings = Próximos passos|Próximo mês|No próximo mês|Recomendações|Nossa recomendação|Plano de ação
goal-status-met = Atingida
goal-status-on-track = No ritmo
goal-status-behind = Abaixo do ritmo
goal-status-missed = Não atingida
goal-status-not-judged = Não avaliada
headline-one = { $period }: { $lead-trend ->
        [up] alta
       *[down] queda
    } de { $lead-change } em { $lead }.
headline-two = { $period }: { $lead-trend ->
        [up] alta
       *[down] queda
    } de { $lead-change } em { $lead } e { $other-trend ->
        [up] alta
       *[down] queda
    } de { $other-change } em { $other }.
headline-concern-over-win = { $period }: { $lead-trend ->
        [up] alta
       *[down] queda
    } de { $lead-change } em { $lead }, apesar da { $other-trend ->
        [up] alta
       *[down] queda
    } de { $other-change } em { $other }.
headline-win-over-concern = { $period }: { $lead-trend ->
        [up] alta
       *[down] queda
    } de { $lead-change } em { $lead }, mas { $other-trend ->
        [up] alta
       *[down] queda
    } de { $other-change } em { $other }.
headline-steady = { $period }: nenhuma mudança relevante nos números-chave.
headline-incomplete = { $period }: faltam dias de dados, por isso as variações ainda não são avaliadas.
headline-joiner = {" "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] Nenhuma meta atingida.
           *[no] Metas não atingidas: { $count } de { $total }.
        }
        [behind] Metas abaixo do ritmo: { $count } de { $total }.
        [on-track] { $total ->
            [one] A meta está no ritmo.
           *[other] Todas as { $total } metas atingidas ou no ritmo.
        }
       *[met] { $all ->
            [yes] { $total ->
                [one] Meta atingida.
               *[other] Todas as { $total } metas atingidas.
            }
           *[no] Metas atingidas: { $count } de { $total }.
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }, mesmos dias da semana

# --- weekly ---
weekly-section-title = A semana em números
weekly-column-metric = Métrica
weekly-column-this-week = Esta semana
weekly-column-last-week = Semana anterior
weekly-column-change = Variação
weekly-column-average = Média de 4 semanas
weekly-chart-title = { $metric } nesta semana: { $value }
weekly-average-of = Média de 4 semanas: a semana média do período { $range }.
weekly-average-gaps = Média de 4 semanas calculada com { $days } de { $total } dias com dados ({ $weeks ->
    [one] 1 semana incompleta
   *[other] { $weeks } semanas incompletas
}); os dias sem dados não entram na conta.
weekly-list-separator = {", "}

# --- phrasing ---
value-counted = { $value }
# --- trends ---
trend-bars-title-month = { $metric }, últimos { $count } meses
trend-bars-title-week = { $metric }, últimas { $count } semanas
trend-bars-title-quarter = { $metric }, últimos { $count } trimestres
trend-legend-complete = Todos os dias
trend-legend-partial = Dias em falta
trend-legend-last-year = Um ano antes
yoy-caption = { $channel }: comparado com o ano anterior
yoy-metric = Métrica
yoy-change = Variação
# --- groups ---
dim-location = unidade
section-locations = Unidades
locations-change = Variação
locations-goals = Metas atingidas
locations-goals-met = { $met } de { $total }
locations-data = Dados completos
locations-data-failed = { $share } · { $count } indisponíveis
locations-ranking = Unidades por { $metric }
locations-best-mover = Melhor evolução: { $metric }
locations-worst-mover = Pior evolução: { $metric }
locations-rates = Taxas de câmbio usadas
locations-rate-month = Mês
locations-rate = Taxa
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = { $quarter }º tri.

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = As últimas { $weeks } semanas de { $metrics } não são apresentadas, para que este resumo caiba em duas páginas.

# --- publish ---
site-title = { $client } · Relatórios
site-intro = Todos os relatórios que a { $agency } preparou para você, do mais recente ao mais antigo.
site-view = Ver relatório
site-pdf = Baixar PDF
site-latest = Mais recente
site-empty = Ainda não há relatórios publicados aqui.
site-private = Esta página é exclusiva para você: não compartilhe o endereço.
site-all-reports = Todos os relatórios

# --- session8 ---
by-dimension-table = Resultados por { $dimension }
overview-section-health = Estado dos dados

# --- conn-more ---
section-shop = Loja online
metric-shop-revenue = Receita da loja
definition-shop-revenue = Totais atuais dos pedidos do período, após reembolsos; sem pedidos cancelados nem de teste.
metric-shop-orders = Pedidos
definition-shop-orders = Pedidos feitos, sem pedidos cancelados nem de teste.
metric-shop-average_order_value = Valor médio do pedido
definition-shop-average_order_value = Receita da loja ÷ pedidos.
metric-email-sent = E-mails enviados
definition-email-sent = E-mails enviados à lista, entregues ou não.
metric-email-bounces = Devoluções
definition-email-bounces = E-mails recusados pelo servidor de destino, de forma definitiva ou temporária.
metric-email-unsubscribes = Descadastros
definition-email-unsubscribes = Pessoas que saíram da lista pelos e-mails do período.
metric-social-video_views = Visualizações de vídeos
definition-social-video_views = Vezes que os vídeos do canal foram assistidos.
metric-social-watch_minutes = Tempo de exibição (minutos)
definition-social-watch_minutes = Minutos gastos assistindo aos vídeos do canal.
metric-social-net_followers = Novos seguidores líquidos
definition-social-net_followers = Seguidores ganhos menos seguidores perdidos.

# --- overview ---
overview-title = Visão geral da agência
overview-internal = Interno: não é para clientes
overview-summary = { $attention } de { $clients } clientes precisam de atenção
overview-group = { $name } (grupo)
overview-section-clients = Clientes, os mais urgentes primeiro
overview-section-kpis = Indicadores principais
overview-section-sources = Fontes que precisam de atenção
overview-col-client = Cliente e o que fazer
overview-col-delivery = Envio
overview-col-goals-met = Metas atingidas
overview-col-goals-missed = Metas não atingidas
overview-col-sources = Fontes a corrigir
overview-col-kpi = Indicador
overview-col-value = Valor
overview-col-previous = Antes
overview-col-change = Variação
overview-col-source = Fonte e solução
overview-col-health = Situação
overview-col-checked = Verificada
overview-no-attention = nada a fazer
overview-all-sources-ok = Nenhuma fonte precisa de atenção.
overview-attention-delivery-uncertain = envio incerto
overview-attention-delivery-failed = envio falhou
overview-attention-report-failed = relatório falhou
overview-attention-credentials-expired = credenciais expiradas
overview-attention-sources-failing = fontes com falhas
overview-attention-goals-missed = metas não atingidas
overview-attention-big-drop = queda forte
overview-attention-awaiting-approval = aguardando aprovação
overview-attention-data-incomplete = dados incompletos
overview-attention-not-rendered = ainda sem relatório
overview-delivery-sent = enviado
overview-delivery-not-sent = não enviado
overview-delivery-held = retido
overview-delivery-awaiting-approval = a aprovar
overview-delivery-uncertain = incerto
overview-delivery-failed = falhou
overview-delivery-not-rendered = sem relatório
overview-health-ok = normal
overview-health-expired = expirada
overview-health-no-credentials = sem credenciais
overview-health-forbidden = sem acesso
overview-health-quota = cota esgotada
overview-health-failed = com falhas
overview-health-late = atrasada
