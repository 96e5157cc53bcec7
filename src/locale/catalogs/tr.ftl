# Turkish messages. Turkish nouns stay singular after a number, so counts need no plural variants.

report-title-month = Aylık performans raporu
report-title-week = Haftalık performans raporu
report-title-quarter = Üç aylık performans raporu
report-title-custom = Performans raporu
prepared-for = { $client } için hazırlanmıştır
prepared-by = Hazırlayan: { $agency }
vs-period = { $compare ->
        [previous] { $kind ->
            [month] Önceki ay
            [week] Önceki hafta
            [quarter] Önceki çeyrek
           *[other] Önceki dönem
        }: { $period }
        [yoy] { $kind ->
            [month] Geçen yılın aynı ayı
            [week] Geçen yılın aynı haftası
            [quarter] Geçen yılın aynı çeyreği
           *[other] Geçen yılın aynı dönemi
        }: { $period }
       *[other] Karşılaştırma: { $period }
    }
change-points = { $points } puan
compared-with = Karşılaştırma: { $compare ->
        [previous] { $kind ->
            [month] önceki ay
            [week] önceki hafta
            [quarter] önceki çeyrek
           *[other] önceki dönem
        } ({ $period })
        [yoy] { $kind ->
            [month] geçen yılın aynı ayı
            [week] geçen yılın aynı haftası
            [quarter] geçen yılın aynı çeyreği
           *[other] geçen yılın aynı dönemi
        } ({ $period })
       *[other] { $period }
    }
no-comparison = Karşılaştırma dönemi yok
week-label = { $year } { $week }. hafta
page-of = Sayfa { $page } / { $pages }
contents = İçindekiler

section-summary = Yönetici özeti
section-web = Web sitesi
section-ads = Ücretli reklamlar
section-seo = Organik arama (SEO)
section-local = Yerel arama
section-social = Sosyal medya
section-reviews = Yorumlar ve itibar
section-email = E-posta pazarlaması
section-goals = Hedefler
section-commentary = Değerlendirme
section-data_notes = Veri notları

highlights = Öne çıkanlar
key-figures = Temel göstergeler
trend-title = { $metric }: günlük seyir
trend-title-week = { $metric }: bu hafta
by-dimension = { $metric } ({ $dimension } bazında)
share-by-dimension = { $metric }: { $dimension } bazında dağılım
daily-title = Günlük { MID($metric) }
previous-period = Önceki dönem
other = Diğer
total = Toplam
no-data = Veri yok
not-available = Yok

highlight-up = { $metric } { $change } artarak { $value } oldu.
highlight-down = { $metric } { $change } azalarak { $value } oldu.

goal-at-least = Hedef: en az { $target }
goal-at-most = Hedef: en fazla { $target }
goal-met = Ulaşıldı
goal-not-met = Ulaşılamadı
goal-no-data = Henüz veri yok
goal-incomplete = Değerlendirilemedi: eksik günler var
goal-progress = Hedefe ulaşma: { $progress }

notes-missing = { $source }: { $days } günlük veri yok ({ $ranges }).
notes-failed = Bu dönem için { $source } verileri mevcut değil.
notes-missing-comparison = { $source }: karşılaştırma döneminde { $days } günlük veri yok ({ $ranges }); değişimler verisi olan günlerin günlük ortalamasıyla karşılaştırıldı.
notes-no-data = Bu dönem için henüz veri yok.
notes-incomplete-previous = Karşılaştırma dönemi: verisi olan { $days } gün, { $missing } gün eksik.
vs-per-day = günlük: { $value } / önceki { $previous }
vs-days-present = Yalnızca verisi olan günler karşılaştırıldı.
comparison-incomplete = eksik veri nedeniyle karşılaştırma yok
source-unnamed = Bir veri kaynağı
notes-skipped = { $source }: okunamayan { $rows } satır hesaba katılmadı.
notes-complete = Bu dönem için tüm veri kaynakları eksiksizdi.
notes-definitions = Tanımlar
notes-incomplete-kpi = Verisi bulunan { $days } güne dayanır; { $missing } günün verisi eksik.

dim-channel = kanal
dim-campaign = kampanya
dim-network = ağ
dim-platform = platform
dim-other = { $name }

metric-web-sessions = Oturumlar
definition-web-sessions = Web sitesine yapılan ziyaretler.
metric-web-users = Kullanıcılar
definition-web-users = Günlük tekil kullanıcıların toplamı; birden fazla gün gelen kişi her gün için bir kez sayılır.
metric-web-new_users = Yeni kullanıcılar
definition-web-new_users = Siteyi ilk kez ziyaret edenler.
metric-web-pageviews = Sayfa görüntülemeleri
definition-web-pageviews = Görüntülenen sayfalar.
metric-web-engaged_sessions = Etkileşimli oturumlar
definition-web-engaged_sessions = 10 sn veya daha uzun süren, dönüşüm sağlayan ya da en az 2 sayfa görüntülenen oturumlar.
metric-web-conversions = Site dönüşümleri
definition-web-conversions = Web sitesinde tamamlanan önemli etkinlikler.
metric-web-revenue = Site geliri
definition-web-revenue = Web sitesinde kaydedilen gelir.
metric-web-engagement_rate = Etkileşim oranı
definition-web-engagement_rate = Etkileşimli oturumlar ÷ oturumlar.
metric-web-conversion_rate = Site dönüşüm oranı
definition-web-conversion_rate = Dönüşümler ÷ oturumlar.
metric-ads-spend = Reklam harcaması
definition-ads-spend = Ücretli reklamlara harcanan tutar.
metric-ads-impressions = Reklam gösterimleri
definition-ads-impressions = Reklamların gösterilme sayısı.
metric-ads-clicks = Reklam tıklamaları
definition-ads-clicks = Reklamlara yapılan tıklamalar.
metric-ads-conversions = Reklam dönüşümleri
definition-ads-conversions = Reklamlara atfedilen dönüşümler.
metric-ads-conversion_value = Dönüşüm değeri
definition-ads-conversion_value = Reklamlara atfedilen dönüşümlerin değeri.
metric-ads-ctr = Reklam CTR
definition-ads-ctr = Tıklamalar ÷ gösterimler.
metric-ads-cpc = Tıklama başına maliyet
definition-ads-cpc = Harcama ÷ tıklamalar.
metric-ads-cpa = Dönüşüm başına maliyet
definition-ads-cpa = Harcama ÷ dönüşümler.
metric-ads-roas = ROAS
definition-ads-roas = Dönüşüm değeri ÷ harcama.
metric-ads-conversion_rate = Reklam dönüşüm oranı
definition-ads-conversion_rate = Dönüşümler ÷ tıklamalar.
metric-seo-clicks = Organik tıklamalar
definition-seo-clicks = Google arama sonuçlarından gelen tıklamalar.
metric-seo-impressions = Arama gösterimleri
definition-seo-impressions = Sitenin Google arama sonuçlarında görüntülenme sayısı.
metric-seo-position = Ortalama konum
definition-seo-position = Gösterimlere göre ağırlıklandırılmış ortalama sıralama.
metric-seo-ctr = Arama CTR
definition-seo-ctr = Tıklamalar ÷ gösterimler.
metric-local-views = Profil görüntülemeleri
definition-local-views = İşletme Profili'nin Google Arama ve Google Haritalar'da, mobilde ve masaüstünde görüntülenme sayısı (bir kişi günde bir kez sayılır).
metric-local-calls = Telefon aramaları
definition-local-calls = Profildeki telefon düğmesine dokunma sayısı.
metric-local-directions = Yol tarifi istekleri
definition-local-directions = İşletmeye yol tarifi isteme sayısı.
metric-local-website_clicks = Web sitesi tıklamaları
definition-local-website_clicks = Profildeki web sitesi bağlantısına tıklama sayısı.
metric-local-views_search = Arama görüntülemeleri
definition-local-views_search = Profilin Google Arama'da, mobilde ve masaüstünde görüntülenme sayısı.
metric-local-views_maps = Harita görüntülemeleri
definition-local-views_maps = Profilin Google Haritalar'da, mobilde ve masaüstünde görüntülenme sayısı.
metric-social-followers = Takipçiler
definition-social-followers = Dönem sonundaki takipçi sayısı.
metric-social-impressions = Sosyal gösterimler
definition-social-impressions = Gönderilerin gösterilme sayısı.
metric-social-engagements = Sosyal etkileşimler
definition-social-engagements = Tepkiler, yorumlar, paylaşımlar ve kaydetmeler.
metric-social-engagement_rate = Sosyal etkileşim oranı
definition-social-engagement_rate = Etkileşimler ÷ gösterimler.
metric-reviews-new = Yeni yorumlar
definition-reviews-new = Alınan yorumlar.
metric-reviews-rating = Ortalama puan
definition-reviews-rating = Dönemdeki yorumların, sayılarına göre ağırlıklandırılmış ortalama yıldız puanı.
metric-reviews-responded = Yanıtlanan yorumlar
definition-reviews-responded = İşletmenin yanıt verdiği yorumlar.
metric-reviews-response_rate = Yorum yanıtlama oranı
definition-reviews-response_rate = Yanıtlanan yorumlar ÷ yeni yorumlar.
metric-email-delivered = Teslim edilen e-posta
definition-email-delivered = Gelen kutusuna ulaşan e-postalar.
metric-email-opens = E-posta açılmaları
definition-email-opens = Tekil açılmalar.
metric-email-clicks = E-posta tıklamaları
definition-email-clicks = Tekil tıklamalar.
metric-email-open_rate = E-posta açılma oranı
definition-email-open_rate = Açılmalar ÷ teslim edilen e-postalar.
metric-email-click_rate = E-posta tıklama oranı
definition-email-click_rate = Tıklamalar ÷ teslim edilen e-postalar.

note-daily-uniques = Günlük tekil sayıların toplamı: birden fazla gün aktif olan kişi her gün için bir kez sayılır.
note-formula-undefined = Bu dönem için hesaplanmadı: formül sıfıra bölüyor.
note-platform-uniques = Her platform kendi tekil kullanıcılarını sayar; aynı kişi birden fazla platformu kullanabildiği için sayılar toplanmaz.
dim-device = cihaz
dim-country = ülke
dim-source = kaynak

email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = Merhaba,
email-intro = { $agency } tarafından hazırlanan { $client } { $period } { $report } ektedir.
email-headlines = Öne çıkanlar
email-attached = Raporun tamamı ekte ({ $file }).
email-link = Raporun tamamını çevrimiçi okuyun:
email-signoff = Saygılarımızla,

# Dimension values: GA4's default channel groups, device categories; query breakdowns.
dim-query = arama sorgusu
value-not-set = (ayarlanmamış)
value-channel-organic-search = Organik arama
value-channel-paid-search = Ücretli arama
value-channel-direct = Doğrudan
value-channel-referral = Yönlendirme
value-channel-organic-social = Organik sosyal
value-channel-email = E-posta
value-channel-paid-social = Ücretli sosyal
value-channel-display = Görüntülü reklam
value-channel-organic-video = Organik video
value-channel-unassigned = Atanmamış
value-channel-cross-network = Ağlar arası
value-channel-organic-shopping = Organik alışveriş
value-channel-paid-shopping = Ücretli alışveriş
value-channel-affiliates = Satış ortakları
value-channel-sms = SMS
value-channel-mobile-push-notifications = Mobil push bildirimleri
value-channel-audio = Ses
value-channel-paid-video = Ücretli video
value-channel-paid-other = Diğer ücretli
value-device-mobile = Mobil
value-device-desktop = Masaüstü
value-device-tablet = Tablet
value-device-smart-tv = Akıllı TV

quarter-label = { $year } { $quarter }. çeyrek

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = Limit kullanımı: { $progress }
goal-prorated = { $per ->
        [week] haftada { $target }
        [quarter] çeyrekte { $target }
       *[month] ayda { $target }
    }, yani { $period ->
        [week] bu hafta { $period_target }
        [month] bu ay { $period_target }
        [quarter] bu çeyrek { $period_target }
       *[other] bu dönemde { $period_target }
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = İyi gidenler
summary-concerns = Dikkat gerektirenler
summary-none = Bu dönem öne çıkan bir değişiklik yok.
summary-goals = Hedefler
summary-next-steps = Sonraki adımlar
next-steps-headings = Sonraki adımlar|Gelecek ay|Önümüzdeki ay|Önerimiz|Önerilerimiz|Eylem planı
goal-status-met = Ulaşıldı
goal-status-on-track = Yolunda
goal-status-behind = Geride
goal-status-missed = Ulaşılamadı
goal-status-not-judged = Değerlendirilemedi
headline-one = { $period }: { $lead } { $lead-change } { $lead-trend ->
        [up] arttı
       *[down] azaldı
    }.
headline-two = { $period }: { $lead } { $lead-change } { $lead-trend ->
        [up] arttı
       *[down] azaldı
    }, { $other } { $other-change } { $other-trend ->
        [up] arttı
       *[down] azaldı
    }.
headline-concern-over-win = { $period }: { $lead } { $lead-change } { $lead-trend ->
        [up] arttı
       *[down] azaldı
    }; { $other } ise { $other-change } { $other-trend ->
        [up] arttı
       *[down] azaldı
    }.
headline-win-over-concern = { $period }: { $lead } { $lead-change } { $lead-trend ->
        [up] arttı
       *[down] azaldı
    }, ancak { $other } { $other-change } { $other-trend ->
        [up] arttı
       *[down] azaldı
    }.
headline-steady = { $period }: temel göstergelerde kayda değer bir değişiklik olmadı.
headline-incomplete = { $period }: bazı günlerin verisi eksik; değişimler henüz değerlendirilmedi.
headline-joiner = {" "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] Hedeflerin hiçbirine ulaşılamadı.
           *[no] { $total } hedeften { $count } tanesine ulaşılamadı.
        }
        [behind] { $total } hedeften { $count } tanesi planın gerisinde.
        [on-track] Tüm hedeflere ulaşıldı ya da hedefler yolunda.
       *[met] { $all ->
            [yes] Tüm hedeflere ulaşıldı.
           *[no] { $total } hedeften { $count } tanesine ulaşıldı.
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }, haftanın aynı günleri

# --- weekly ---
weekly-section-title = Rakamlarla bu hafta
weekly-column-metric = Metrik
weekly-column-this-week = Bu hafta
weekly-column-last-week = Geçen hafta
weekly-column-change = Değişim
weekly-column-average = 4 haftalık ortalama
weekly-chart-title = { $metric }: bu hafta { $value }
weekly-average-of = 4 haftalık ortalama: { $range } döneminin ortalama haftası.
weekly-average-gaps = 4 haftalık ortalama, { $total } günün verisi bulunan { $days } gününe dayanır (eksik günü olan { $weeks } hafta); verisi olmayan günler hesaba katılmaz.
weekly-list-separator = {", "}

# --- phrasing ---
value-counted = { $value }
# --- trends ---
trend-bars-title-month = { $metric }, son { $count } ay
trend-bars-title-week = { $metric }, son { $count } hafta
trend-bars-title-quarter = { $metric }, son { $count } çeyrek
trend-legend-complete = Tüm günler
trend-legend-partial = Eksik günler var
trend-legend-last-year = Bir yıl önce
yoy-caption = { $channel }: bir yıl öncesiyle karşılaştırma
yoy-metric = Metrik
yoy-change = Değişim
# --- groups ---
dim-location = şube
section-locations = Şubeler
locations-change = Değişim
locations-goals = Ulaşılan hedefler
locations-goals-met = { $total } hedefin { $met } tanesi
locations-data = Veri eksiksizliği
locations-data-failed = { $share } · { $count } kullanılamıyor
locations-ranking = { $metric } sıralamasına göre şubeler
locations-best-mover = En iyi gelişme: { $metric }
locations-worst-mover = En zayıf gelişme: { $metric }
locations-rates = Kullanılan döviz kurları
locations-rate-month = Ay
locations-rate = Kur
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = { $quarter }. çeyrek

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = { $metrics } için son { $weeks } hafta, bu özetin iki sayfayı aşmaması için gösterilmedi.

# --- publish ---
site-title = { $client } · Raporlar
site-intro = { $agency } tarafından sizin için hazırlanan tüm raporlar, en yenisi en üstte.
site-view = Raporu görüntüle
site-pdf = PDF’yi indir
site-latest = En yeni
site-empty = Burada henüz yayımlanmış bir rapor yok.
site-private = Bu sayfa size özeldir: lütfen adresini paylaşmayın.
site-all-reports = Tüm raporlar

# --- session8 ---
by-dimension-table = Sonuçlar ({ $dimension } bazında)
overview-section-health = Veri durumu

# --- conn-more ---
section-shop = Online mağaza
metric-shop-revenue = Mağaza geliri
definition-shop-revenue = Dönemin siparişlerinin iadeler sonrası güncel toplamları; iptal edilen ve test siparişleri hariç.
metric-shop-orders = Siparişler
definition-shop-orders = Verilen siparişler; iptal edilen ve test siparişleri hariç.
metric-shop-average_order_value = Ortalama sipariş değeri
definition-shop-average_order_value = Mağaza geliri ÷ siparişler.
metric-email-sent = Gönderilen e-postalar
definition-email-sent = Listeye gönderilen e-postalar, teslim edilsin ya da edilmesin.
metric-email-bounces = Geri dönenler
definition-email-bounces = Alıcı sunucunun kalıcı ya da geçici olarak reddettiği e-postalar.
metric-email-unsubscribes = Abonelikten çıkanlar
definition-email-unsubscribes = Dönemin e-postalarından listeden ayrılan kişiler.
metric-social-video_views = Video görüntülemeleri
definition-social-video_views = Kanalın videolarının izlenme sayısı.
metric-social-watch_minutes = İzlenme süresi (dakika)
definition-social-watch_minutes = Kanalın videolarını izlemeye harcanan dakikalar.
metric-social-net_followers = Net yeni takipçiler
definition-social-net_followers = Kazanılan takipçiler eksi kaybedilen takipçiler.

# --- overview ---
overview-title = Ajans genel görünümü
overview-internal = Dahili: müşteriler için değildir
overview-summary = { $clients } müşteriden { $attention } tanesi ilgi bekliyor
overview-group = { $name } (grup)
overview-section-clients = Müşteriler, en acil olanlar önce
overview-section-kpis = Temel göstergeler
overview-section-sources = İlgi bekleyen kaynaklar
overview-col-client = Müşteri ve yapılacak iş
overview-col-delivery = Gönderim
overview-col-goals-met = Ulaşılan hedefler
overview-col-goals-missed = Kaçırılan hedefler
overview-col-sources = Düzeltilecek kaynaklar
overview-col-kpi = Gösterge
overview-col-value = Değer
overview-col-previous = Önceki
overview-col-change = Değişim
overview-col-source = Kaynak ve çözüm
overview-col-health = Durum
overview-col-checked = Denetlendi
overview-no-attention = yapılacak bir şey yok
overview-all-sources-ok = İlgi bekleyen kaynak yok.
overview-attention-delivery-uncertain = gönderim belirsiz
overview-attention-delivery-failed = gönderim başarısız
overview-attention-report-failed = rapor başarısız
overview-attention-credentials-expired = kimlik bilgilerinin süresi doldu
overview-attention-sources-failing = kaynaklarda hata
overview-attention-goals-missed = hedefler kaçırıldı
overview-attention-big-drop = sert düşüş
overview-attention-awaiting-approval = onay bekliyor
overview-attention-data-incomplete = veriler eksik
overview-attention-not-rendered = henüz rapor yok
overview-delivery-sent = gönderildi
overview-delivery-not-sent = gönderilmedi
overview-delivery-held = bekletiliyor
overview-delivery-awaiting-approval = onaylanacak
overview-delivery-uncertain = belirsiz
overview-delivery-failed = başarısız
overview-delivery-not-rendered = rapor yok
overview-health-ok = sorunsuz
overview-health-expired = süresi doldu
overview-health-no-credentials = kimlik bilgisi yok
overview-health-forbidden = erişim yok
overview-health-quota = kota doldu
overview-health-failed = hatalı
overview-health-late = gecikmeli
