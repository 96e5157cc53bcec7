# Indonesian messages.

report-title-month = Laporan kinerja bulanan
report-title-week = Laporan kinerja mingguan
report-title-quarter = Laporan kinerja triwulanan
report-title-custom = Laporan kinerja
prepared-for = Disiapkan untuk { $client }
prepared-by = Disiapkan oleh { $agency }
vs-period = { $compare ->
        [previous] { $kind ->
            [month] Bulan lalu
            [week] Minggu lalu
            [quarter] Kuartal lalu
           *[other] Periode sebelumnya
        }: { $period }
        [yoy] { $kind ->
            [month] Bulan yang sama tahun lalu
            [week] Minggu yang sama tahun lalu
            [quarter] Kuartal yang sama tahun lalu
           *[other] Periode yang sama tahun lalu
        }: { $period }
       *[other] dibandingkan { $period }
    }
change-points = { $points } poin
compared-with = Dibandingkan dengan { $kind ->
        [week] { MID($period) }
       *[other] { $period }
    }
no-comparison = Tanpa periode pembanding
week-label = Minggu ke-{ $week }, { $year }
page-of = Halaman { $page } dari { $pages }
contents = Daftar isi

section-summary = Ringkasan eksekutif
section-web = Situs web
section-ads = Iklan berbayar
section-seo = Pencarian organik (SEO)
section-local = Pencarian lokal
section-social = Media sosial
section-reviews = Ulasan & reputasi
section-email = Pemasaran email
section-goals = Target
section-commentary = Komentar
section-data_notes = Catatan data

highlights = Sorotan
key-figures = Angka utama
trend-title = Tren harian { MID($metric) }
trend-title-week = { $metric } minggu ini
by-dimension = { $metric } menurut { $dimension }
share-by-dimension = Proporsi { MID($metric) } menurut { $dimension }
daily-title = { $metric } per hari
previous-period = Periode sebelumnya
other = Lainnya
total = Total
no-data = Tidak ada data
not-available = t/a

highlight-up = { $metric } naik { $change } menjadi { $value }.
highlight-down = { $metric } turun { $change } menjadi { $value }.

goal-at-least = Target: minimal { $target }
goal-at-most = Target: maksimal { $target }
goal-met = Tercapai
goal-not-met = Tidak tercapai
goal-no-data = Belum ada data
goal-incomplete = Belum dinilai: data tidak lengkap
goal-progress = { $progress } dari target

notes-missing = { $source }: tidak ada data selama { $days } hari ({ $ranges }).
notes-failed = { $source }: data tidak tersedia untuk periode ini.
notes-missing-comparison = { $source }: periode pembanding tidak memiliki data selama { $days } hari ({ $ranges }); perubahan dibandingkan per hari pada hari yang memiliki data.
notes-no-data = Belum ada data untuk periode ini.
notes-incomplete-previous = Periode pembanding: { $days } hari dengan data, { $missing } hari tidak tersedia.
vs-per-day = per hari: { $value } vs { $previous }
vs-days-present = Dibandingkan hanya pada hari yang memiliki data.
comparison-incomplete = tidak dapat dibandingkan setara
source-unnamed = Satu sumber data
notes-skipped = { $source }: { $rows } baris tidak disertakan karena tidak dapat dibaca.
notes-complete = Semua sumber data lengkap untuk periode ini.
notes-definitions = Definisi
notes-incomplete-kpi = Berdasarkan { $days } hari yang memiliki data; data { $missing } hari tidak tersedia.

dim-channel = saluran
dim-campaign = kampanye
dim-network = jaringan
dim-platform = platform
dim-other = { $name }

metric-web-sessions = Sesi
definition-web-sessions = Kunjungan ke situs web.
metric-web-users = Pengguna
definition-web-users = Jumlah pengguna unik harian; orang yang berkunjung pada beberapa hari dihitung sekali per hari.
metric-web-new_users = Pengguna baru
definition-web-new_users = Pengunjung yang baru pertama kali datang.
metric-web-pageviews = Tampilan halaman
definition-web-pageviews = Halaman yang dilihat.
metric-web-engaged_sessions = Sesi dengan interaksi
definition-web-engaged_sessions = Sesi yang berlangsung 10 detik atau lebih, menghasilkan konversi, atau membuka 2 halaman atau lebih.
metric-web-conversions = Konversi situs
definition-web-conversions = Peristiwa utama yang diselesaikan di situs web.
metric-web-revenue = Pendapatan situs
definition-web-revenue = Pendapatan yang tercatat di situs web.
metric-web-engagement_rate = Tingkat interaksi
definition-web-engagement_rate = Sesi dengan interaksi ÷ sesi.
metric-web-conversion_rate = Tingkat konversi situs
definition-web-conversion_rate = Konversi ÷ sesi.
metric-ads-spend = Belanja iklan
definition-ads-spend = Jumlah yang dibelanjakan untuk iklan berbayar.
metric-ads-impressions = Impresi iklan
definition-ads-impressions = Berapa kali iklan ditampilkan.
metric-ads-clicks = Klik iklan
definition-ads-clicks = Klik pada iklan.
metric-ads-conversions = Konversi iklan
definition-ads-conversions = Konversi yang diatribusikan ke iklan.
metric-ads-conversion_value = Nilai konversi
definition-ads-conversion_value = Nilai konversi yang diatribusikan ke iklan.
metric-ads-ctr = CTR iklan
definition-ads-ctr = Klik ÷ impresi.
metric-ads-cpc = Biaya per klik
definition-ads-cpc = Belanja ÷ klik.
metric-ads-cpa = Biaya per konversi
definition-ads-cpa = Belanja ÷ konversi.
metric-ads-roas = ROAS
definition-ads-roas = Nilai konversi ÷ belanja.
metric-ads-conversion_rate = Tingkat konversi iklan
definition-ads-conversion_rate = Konversi ÷ klik.
metric-seo-clicks = Klik organik
definition-seo-clicks = Klik dari hasil pencarian Google.
metric-seo-impressions = Impresi pencarian
definition-seo-impressions = Berapa kali situs muncul di hasil pencarian Google.
metric-seo-position = Posisi rata-rata
definition-seo-position = Rata-rata posisi peringkat, dibobot menurut impresi.
metric-seo-ctr = CTR pencarian
definition-seo-ctr = Klik ÷ impresi.
metric-local-views = Tampilan profil
definition-local-views = Berapa kali Profil Bisnis dilihat di pencarian Google dan Google Maps, di ponsel dan desktop (satu orang dihitung sekali per hari).
metric-local-calls = Panggilan
definition-local-calls = Ketukan pada tombol telepon di profil.
metric-local-directions = Permintaan rute
definition-local-directions = Permintaan rute ke lokasi bisnis.
metric-local-website_clicks = Klik situs web
definition-local-website_clicks = Klik pada link situs web di profil.
metric-local-views_search = Tampilan di pencarian
definition-local-views_search = Tampilan profil di pencarian Google, di ponsel dan desktop.
metric-local-views_maps = Tampilan di Maps
definition-local-views_maps = Tampilan profil di Google Maps, di ponsel dan desktop.
metric-social-followers = Pengikut
definition-social-followers = Jumlah pengikut pada akhir periode.
metric-social-impressions = Impresi media sosial
definition-social-impressions = Berapa kali postingan ditampilkan.
metric-social-engagements = Interaksi media sosial
definition-social-engagements = Reaksi, komentar, pembagian, dan penyimpanan.
metric-social-engagement_rate = Tingkat interaksi sosial
definition-social-engagement_rate = Interaksi ÷ impresi.
metric-reviews-new = Ulasan baru
definition-reviews-new = Ulasan yang diterima.
metric-reviews-rating = Rating rata-rata
definition-reviews-rating = Rata-rata rating bintang ulasan dalam periode ini, dibobot menurut jumlahnya.
metric-reviews-responded = Ulasan yang dibalas
definition-reviews-responded = Ulasan yang telah dibalas oleh bisnis.
metric-reviews-response_rate = Tingkat respons ulasan
definition-reviews-response_rate = Ulasan yang dibalas ÷ ulasan baru.
metric-email-delivered = Email terkirim
definition-email-delivered = Email yang sampai ke kotak masuk.
metric-email-opens = Email dibuka
definition-email-opens = Jumlah pembukaan unik.
metric-email-clicks = Klik email
definition-email-clicks = Jumlah klik unik.
metric-email-open_rate = Tingkat buka email
definition-email-open_rate = Email dibuka ÷ email terkirim.
metric-email-click_rate = Tingkat klik email
definition-email-click_rate = Klik ÷ email terkirim.

note-daily-uniques = Jumlah hitungan unik harian: orang yang aktif pada beberapa hari dihitung sekali per hari.
note-formula-undefined = Tidak dihitung untuk periode ini: rumusnya membagi dengan nol.
note-platform-uniques = Setiap platform menghitung pengguna uniknya sendiri; satu orang bisa memakai beberapa platform, jadi angkanya tidak dijumlahkan.
dim-device = perangkat
dim-country = negara
dim-source = sumber

email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = Halo,
email-intro = berikut { $report } { $client } untuk { $period }, disusun oleh { $agency }.
email-headlines = Sorotan
email-attached = Laporan lengkap terlampir ({ $file }).
email-link = Baca laporan lengkap secara online:
email-signoff = Salam hangat,

# Dimension values: GA4's default channel groups, device categories; query breakdowns.
dim-query = kueri penelusuran
value-not-set = (tidak ditetapkan)
value-channel-organic-search = Penelusuran organik
value-channel-paid-search = Penelusuran berbayar
value-channel-direct = Langsung
value-channel-referral = Rujukan
value-channel-organic-social = Sosial organik
value-channel-email = Email
value-channel-paid-social = Sosial berbayar
value-channel-display = Display
value-channel-organic-video = Video organik
value-channel-unassigned = Belum ditetapkan
value-channel-cross-network = Lintas jaringan
value-channel-organic-shopping = Belanja organik
value-channel-paid-shopping = Belanja berbayar
value-channel-affiliates = Afiliasi
value-channel-sms = SMS
value-channel-mobile-push-notifications = Notifikasi push seluler
value-channel-audio = Audio
value-channel-paid-video = Video berbayar
value-channel-paid-other = Berbayar lainnya
value-device-mobile = Seluler
value-device-desktop = Desktop
value-device-tablet = Tablet
value-device-smart-tv = Smart TV

quarter-label = K{ $quarter } { $year }

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = { $progress } dari batas terpakai
goal-prorated = { $per ->
        [week] { $target } per minggu
        [quarter] { $target } per triwulan
       *[month] { $target } per bulan
    }, jadi { $period ->
        [week] { $period_target } minggu ini
        [month] { $period_target } bulan ini
        [quarter] { $period_target } triwulan ini
       *[other] { $period_target } pada periode ini
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = Yang berjalan baik
summary-concerns = Yang perlu perhatian
summary-none = Tidak ada perubahan berarti pada periode ini.
summary-goals = Target
summary-next-steps = Langkah berikutnya
next-steps-headings = Langkah berikutnya|Langkah selanjutnya|Bulan depan|Rencana bulan depan|Rekomendasi|Rekomendasi kami
goal-status-met = Tercapai
goal-status-on-track = Sesuai jalur
goal-status-behind = Tertinggal
goal-status-missed = Tidak tercapai
goal-status-not-judged = Belum dinilai
headline-one = { $period }: { $lead } { $lead-trend ->
        [up] naik
       *[down] turun
    } { $lead-change }.
headline-two = { $period }: { $lead } { $lead-trend ->
        [up] naik
       *[down] turun
    } { $lead-change } dan { $other } { $other-trend ->
        [up] naik
       *[down] turun
    } { $other-change }.
headline-concern-over-win = { $period }: { $lead } { $lead-trend ->
        [up] naik
       *[down] turun
    } { $lead-change }, sementara { $other } { $other-trend ->
        [up] naik
       *[down] turun
    } { $other-change }.
headline-win-over-concern = { $period }: { $lead } { $lead-trend ->
        [up] naik
       *[down] turun
    } { $lead-change }, tetapi { $other } { $other-trend ->
        [up] naik
       *[down] turun
    } { $other-change }.
headline-steady = { $period }: tidak ada perubahan berarti pada angka utama.
headline-incomplete = { $period }: sebagian hari belum memiliki data, sehingga perubahan belum dinilai.
headline-joiner = {" "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] Tidak ada target yang tercapai.
           *[no] { $count } dari { $total } target tidak tercapai.
        }
        [behind] { $count } dari { $total } target tertinggal.
        [on-track] Semua target tercapai atau sesuai jalur.
       *[met] { $all ->
            [yes] Semua target tercapai.
           *[no] { $count } dari { $total } target tercapai.
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }, hari yang sama dalam sepekan

# --- weekly ---
weekly-section-title = Minggu ini dalam angka
weekly-column-metric = Metrik
weekly-column-this-week = Minggu ini
weekly-column-last-week = Minggu lalu
weekly-column-change = Perubahan
weekly-column-average = Rata-rata 4 minggu
weekly-chart-title = { $metric } minggu ini: { $value }
weekly-average-of = Rata-rata 4 minggu: minggu rata-rata pada { $range }.
weekly-average-gaps = Rata-rata 4 minggu dihitung dari { $days } dari { $total } hari yang memiliki data ({ $weeks } minggu tidak lengkap); hari tanpa data tidak dihitung.
weekly-list-separator = {", "}

# --- phrasing ---
value-counted = { $value }
# --- trends ---
trend-bars-title-month = { $metric }, { $count } bulan terakhir
trend-bars-title-week = { $metric }, { $count } minggu terakhir
trend-bars-title-quarter = { $metric }, { $count } kuartal terakhir
trend-legend-complete = Semua hari
trend-legend-partial = Ada hari yang kosong
trend-legend-last-year = Setahun sebelumnya
yoy-caption = { $channel }: dibandingkan dengan tahun lalu
yoy-metric = Metrik
yoy-change = Perubahan
# --- groups ---
dim-location = lokasi
section-locations = Lokasi
locations-change = Perubahan
locations-goals = Target tercapai
locations-goals-met = { $met } dari { $total }
locations-data = Kelengkapan data
locations-data-failed = { $share } · { $count } tidak tersedia
locations-ranking = Lokasi menurut { $metric }
locations-best-mover = Kenaikan terbaik: { $metric }
locations-worst-mover = Kinerja terlemah: { $metric }
locations-rates = Kurs yang digunakan
locations-rate-month = Bulan
locations-rate = Kurs
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = K{ $quarter }

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = { $weeks } minggu terakhir untuk { $metrics } tidak ditampilkan agar ringkasan ini tetap dua halaman.

# --- publish ---
site-title = { $client } · Laporan
site-intro = Semua laporan yang disiapkan { $agency } untuk Anda, dimulai dari yang terbaru.
site-view = Lihat laporan
site-pdf = Unduh PDF
site-latest = Terbaru
site-empty = Belum ada laporan yang diterbitkan di sini.
site-private = Halaman ini khusus untuk Anda: mohon jangan bagikan alamatnya.
site-all-reports = Semua laporan

# --- session8 ---
by-dimension-table = Hasil menurut { $dimension }
overview-section-health = Kesehatan data

# --- conn-more ---
section-shop = Toko online
metric-shop-revenue = Pendapatan toko
definition-shop-revenue = Total terkini pesanan periode ini setelah pengembalian dana; pesanan yang dibatalkan dan pesanan uji tidak dihitung.
metric-shop-orders = Pesanan
definition-shop-orders = Pesanan yang dibuat, tanpa pesanan yang dibatalkan dan pesanan uji.
metric-shop-average_order_value = Nilai pesanan rata-rata
definition-shop-average_order_value = Pendapatan toko ÷ pesanan.
metric-email-sent = Email dikirim
definition-email-sent = Email yang dikirim ke daftar, sampai atau tidak.
metric-email-bounces = Pentalan
definition-email-bounces = Email yang ditolak server penerima, secara permanen atau sementara.
metric-email-unsubscribes = Berhenti berlangganan
definition-email-unsubscribes = Orang yang keluar dari daftar melalui email periode ini.
metric-social-video_views = Penayangan video
definition-social-video_views = Berapa kali video saluran ditonton.
metric-social-watch_minutes = Waktu tonton (menit)
definition-social-watch_minutes = Menit yang dihabiskan untuk menonton video saluran.
metric-social-net_followers = Pengikut baru bersih
definition-social-net_followers = Pengikut yang bertambah dikurangi pengikut yang hilang.

# --- overview ---
overview-title = Ikhtisar agensi
overview-internal = Internal: bukan untuk klien
overview-summary = { $attention } dari { $clients } klien perlu perhatian
overview-group = { $name } (grup)
overview-section-clients = Klien, yang paling mendesak lebih dulu
overview-section-kpis = Indikator utama
overview-section-sources = Sumber yang perlu perhatian
overview-col-client = Klien dan yang perlu dilakukan
overview-col-delivery = Pengiriman
overview-col-goals-met = Target tercapai
overview-col-goals-missed = Target meleset
overview-col-sources = Sumber perlu diperbaiki
overview-col-kpi = Indikator
overview-col-value = Nilai
overview-col-previous = Sebelumnya
overview-col-change = Perubahan
overview-col-source = Sumber dan perbaikan
overview-col-health = Keadaan
overview-col-checked = Diperiksa
overview-no-attention = tidak ada tindakan
overview-all-sources-ok = Tidak ada sumber yang perlu perhatian.
overview-attention-delivery-uncertain = pengiriman tidak pasti
overview-attention-delivery-failed = pengiriman gagal
overview-attention-report-failed = laporan gagal
overview-attention-credentials-expired = kredensial kedaluwarsa
overview-attention-sources-failing = sumber bermasalah
overview-attention-goals-missed = target meleset
overview-attention-big-drop = penurunan tajam
overview-attention-awaiting-approval = menunggu persetujuan
overview-attention-data-incomplete = data belum lengkap
overview-attention-not-rendered = belum ada laporan
overview-delivery-sent = terkirim
overview-delivery-not-sent = belum dikirim
overview-delivery-held = ditahan
overview-delivery-awaiting-approval = perlu disetujui
overview-delivery-uncertain = tidak pasti
overview-delivery-failed = gagal
overview-delivery-not-rendered = tanpa laporan
overview-health-ok = baik
overview-health-expired = kedaluwarsa
overview-health-no-credentials = tanpa kredensial
overview-health-forbidden = tanpa akses
overview-health-quota = kuota habis
overview-health-failed = bermasalah
overview-health-late = terlambat
