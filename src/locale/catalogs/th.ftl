# Thai messages.

report-title-month = รายงานผลการดำเนินงานประจำเดือน
report-title-week = รายงานผลการดำเนินงานประจำสัปดาห์
report-title-quarter = รายงานผลการดำเนินงานประจำไตรมาส
report-title-custom = รายงานผลการดำเนินงาน
prepared-for = จัดทำสำหรับ { $client }
prepared-by = จัดทำโดย { $agency }
vs-period = { $compare ->
        [previous] { $kind ->
            [month] เดือนก่อน
            [week] สัปดาห์ก่อน
            [quarter] ไตรมาสก่อน
           *[other] ช่วงก่อนหน้า
        } { $period }
        [yoy] { $kind ->
            [month] เดือนเดียวกันปีก่อน
            [week] สัปดาห์เดียวกันปีก่อน
            [quarter] ไตรมาสเดียวกันปีก่อน
           *[other] ช่วงเดียวกันปีก่อน
        } { $period }
       *[other] เทียบกับ { $period }
    }
change-points = { $points } จุด
compared-with = เทียบกับ{ $compare ->
        [previous] { $kind ->
            [month] เดือนก่อน
            [week] สัปดาห์ก่อน
            [quarter] ไตรมาสก่อน
           *[other] ช่วงก่อนหน้า
        } ({ $period })
        [yoy] { $kind ->
            [month] เดือนเดียวกันของปีก่อน
            [week] สัปดาห์เดียวกันของปีก่อน
            [quarter] ไตรมาสเดียวกันของปีก่อน
           *[other] ช่วงเดียวกันของปีก่อน
        } ({ $period })
       *[other]  { $period }
    }
no-comparison = ไม่มีช่วงเวลาเปรียบเทียบ
week-label = สัปดาห์ที่ { $week } ปี { $year }
page-of = หน้า { $page } จาก { $pages }
contents = สารบัญ

section-summary = บทสรุปผู้บริหาร
section-web = เว็บไซต์
section-ads = โฆษณาแบบชำระเงิน
section-seo = การค้นหาออร์แกนิก (SEO)
section-local = การค้นหาในพื้นที่
section-social = โซเชียลมีเดีย
section-reviews = รีวิวและชื่อเสียง
section-email = อีเมลมาร์เก็ตติ้ง
section-goals = เป้าหมาย
section-commentary = บทวิเคราะห์
section-data_notes = หมายเหตุเกี่ยวกับข้อมูล

highlights = ไฮไลต์
key-figures = ตัวเลขสำคัญ
trend-title = แนวโน้มรายวัน: { $metric }
trend-title-week = { $metric } สัปดาห์นี้
by-dimension = { $metric } แยกตาม{ $dimension }
share-by-dimension = สัดส่วน{ $metric } แยกตาม{ $dimension }
daily-title = { $metric } ต่อวัน
previous-period = ช่วงเวลาก่อนหน้า
other = อื่นๆ
total = รวม
no-data = ไม่มีข้อมูล
not-available = ไม่มีข้อมูล

highlight-up = { $metric } เพิ่มขึ้น { $change } มาอยู่ที่ { $value }
highlight-down = { $metric } ลดลง { $change } มาอยู่ที่ { $value }

goal-at-least = เป้าหมาย: อย่างน้อย { $target }
goal-at-most = เป้าหมาย: ไม่เกิน { $target }
goal-met = บรรลุเป้าหมาย
goal-not-met = ไม่บรรลุเป้าหมาย
goal-no-data = ยังไม่มีข้อมูล
goal-incomplete = ยังประเมินไม่ได้: ข้อมูลไม่ครบ
goal-progress = { $progress } ของเป้าหมาย

notes-missing = { $source }: ไม่มีข้อมูล { $days } วัน ({ $ranges })
notes-failed = ไม่มีข้อมูลจาก { $source } สำหรับช่วงเวลานี้
notes-missing-comparison = { $source }: ช่วงเวลาเปรียบเทียบไม่มีข้อมูล { $days } วัน ({ $ranges }) จึงเปรียบเทียบค่าเฉลี่ยต่อวันเฉพาะวันที่มีข้อมูล
notes-no-data = ยังไม่มีข้อมูลสำหรับช่วงเวลานี้
notes-incomplete-previous = ช่วงเวลาเปรียบเทียบมีข้อมูล { $days } วัน ขาดข้อมูล { $missing } วัน
vs-per-day = ต่อวัน { $value } เทียบ { $previous }
vs-days-present = เปรียบเทียบเฉพาะวันที่มีข้อมูล
comparison-incomplete = เปรียบเทียบไม่ได้เนื่องจากข้อมูลไม่ครบ
source-unnamed = แหล่งข้อมูลหนึ่งแหล่ง
notes-skipped = { $source }: ตัดข้อมูล { $rows } แถวที่ไม่สามารถอ่านได้ออก
notes-complete = แหล่งข้อมูลทั้งหมดมีข้อมูลครบถ้วนสำหรับช่วงเวลานี้
notes-definitions = คำจำกัดความ
notes-incomplete-kpi = คำนวณจากข้อมูล { $days } วัน ขาดข้อมูล { $missing } วัน

dim-channel = ช่องทาง
dim-campaign = แคมเปญ
dim-network = เครือข่าย
dim-platform = แพลตฟอร์ม
dim-other = { $name }

metric-web-sessions = เซสชัน
definition-web-sessions = จำนวนการเข้าชมเว็บไซต์
metric-web-users = ผู้ใช้
definition-web-users = ผลรวมผู้ใช้ที่ไม่ซ้ำกันรายวัน ผู้ที่เข้าชมหลายวันจะนับวันละหนึ่งครั้ง
metric-web-new_users = ผู้ใช้ใหม่
definition-web-new_users = ผู้เข้าชมครั้งแรก
metric-web-pageviews = การดูหน้าเว็บ
definition-web-pageviews = จำนวนหน้าที่มีการเปิดดู
metric-web-engaged_sessions = เซสชันที่มีส่วนร่วม
definition-web-engaged_sessions = เซสชันที่นาน 10 วินาทีขึ้นไป มีคอนเวอร์ชัน หรือมีการดู 2 หน้าขึ้นไป
metric-web-conversions = คอนเวอร์ชันบนเว็บไซต์
definition-web-conversions = เหตุการณ์สำคัญที่เกิดขึ้นบนเว็บไซต์
metric-web-revenue = รายได้จากเว็บไซต์
definition-web-revenue = รายได้ที่บันทึกบนเว็บไซต์
metric-web-engagement_rate = อัตราการมีส่วนร่วม
definition-web-engagement_rate = เซสชันที่มีส่วนร่วม ÷ เซสชัน
metric-web-conversion_rate = อัตราคอนเวอร์ชันเว็บไซต์
definition-web-conversion_rate = คอนเวอร์ชัน ÷ เซสชัน
metric-ads-spend = ค่าโฆษณา
definition-ads-spend = จำนวนเงินที่ใช้ไปกับโฆษณาแบบชำระเงิน
metric-ads-impressions = การแสดงผลโฆษณา
definition-ads-impressions = จำนวนครั้งที่โฆษณาแสดง
metric-ads-clicks = คลิกโฆษณา
definition-ads-clicks = จำนวนคลิกบนโฆษณา
metric-ads-conversions = คอนเวอร์ชันจากโฆษณา
definition-ads-conversions = คอนเวอร์ชันที่มาจากโฆษณา
metric-ads-conversion_value = มูลค่าคอนเวอร์ชัน
definition-ads-conversion_value = มูลค่าของคอนเวอร์ชันที่มาจากโฆษณา
metric-ads-ctr = CTR โฆษณา
definition-ads-ctr = อัตราการคลิก (CTR): คลิก ÷ การแสดงผล
metric-ads-cpc = ต้นทุนต่อคลิก (CPC)
definition-ads-cpc = ค่าโฆษณา ÷ คลิก
metric-ads-cpa = ต้นทุนต่อคอนเวอร์ชัน
definition-ads-cpa = ค่าโฆษณา ÷ คอนเวอร์ชัน
metric-ads-roas = ROAS
definition-ads-roas = มูลค่าคอนเวอร์ชัน ÷ ค่าโฆษณา
metric-ads-conversion_rate = อัตราคอนเวอร์ชันโฆษณา
definition-ads-conversion_rate = คอนเวอร์ชัน ÷ คลิก
metric-seo-clicks = คลิกจากการค้นหา
definition-seo-clicks = คลิกจากผลการค้นหาของ Google
metric-seo-impressions = การแสดงผลในการค้นหา
definition-seo-impressions = จำนวนครั้งที่เว็บไซต์ปรากฏในผลการค้นหาของ Google
metric-seo-position = ตำแหน่งเฉลี่ย
definition-seo-position = อันดับเฉลี่ย ถ่วงน้ำหนักตามการแสดงผล
metric-seo-ctr = CTR การค้นหา
definition-seo-ctr = อัตราการคลิก (CTR): คลิก ÷ การแสดงผล
metric-local-views = การดูโปรไฟล์
definition-local-views = จำนวนครั้งที่มีผู้ดู Business Profile บน Google Search และ Google Maps ทั้งบนอุปกรณ์เคลื่อนที่และเดสก์ท็อป (ผู้ใช้คนเดียวกันนับ 1 ครั้งต่อวัน)
metric-local-calls = การโทร
definition-local-calls = จำนวนครั้งที่มีการแตะปุ่มโทรใน Business Profile
metric-local-directions = คำขอเส้นทาง
definition-local-directions = จำนวนครั้งที่มีการขอเส้นทางไปยังที่ตั้งธุรกิจ
metric-local-website_clicks = การคลิกเว็บไซต์
definition-local-website_clicks = จำนวนครั้งที่มีการคลิกลิงก์เว็บไซต์ใน Business Profile
metric-local-views_search = การดูบน Google Search
definition-local-views_search = จำนวนครั้งที่มีผู้ดูโปรไฟล์บน Google Search ทั้งบนอุปกรณ์เคลื่อนที่และเดสก์ท็อป
metric-local-views_maps = การดูบน Google Maps
definition-local-views_maps = จำนวนครั้งที่มีผู้ดูโปรไฟล์บน Google Maps ทั้งบนอุปกรณ์เคลื่อนที่และเดสก์ท็อป
metric-social-followers = ผู้ติดตาม
definition-social-followers = จำนวนผู้ติดตาม ณ สิ้นช่วงเวลา
metric-social-impressions = การแสดงผลโซเชียล
definition-social-impressions = จำนวนครั้งที่โพสต์แสดง
metric-social-engagements = การมีส่วนร่วมโซเชียล
definition-social-engagements = รีแอ็กชัน ความคิดเห็น การแชร์ และการบันทึก
metric-social-engagement_rate = อัตราการมีส่วนร่วมโซเชียล
definition-social-engagement_rate = การมีส่วนร่วม ÷ การแสดงผล
metric-reviews-new = รีวิวใหม่
definition-reviews-new = รีวิวที่ได้รับ
metric-reviews-rating = คะแนนเฉลี่ย
definition-reviews-rating = คะแนนดาวเฉลี่ยของรีวิวในช่วงเวลานี้ ถ่วงน้ำหนักตามจำนวนรีวิว
metric-reviews-responded = รีวิวที่ตอบกลับแล้ว
definition-reviews-responded = รีวิวที่ธุรกิจตอบกลับแล้ว
metric-reviews-response_rate = อัตราการตอบกลับรีวิว
definition-reviews-response_rate = รีวิวที่ตอบกลับแล้ว ÷ รีวิวใหม่
metric-email-delivered = อีเมลที่ส่งถึง
definition-email-delivered = อีเมลที่ส่งถึงกล่องจดหมาย
metric-email-opens = การเปิดอีเมล
definition-email-opens = จำนวนการเปิดแบบไม่ซ้ำ
metric-email-clicks = การคลิกอีเมล
definition-email-clicks = จำนวนคลิกแบบไม่ซ้ำ
metric-email-open_rate = อัตราการเปิดอีเมล
definition-email-open_rate = การเปิด ÷ อีเมลที่ส่งถึง
metric-email-click_rate = อัตราการคลิกอีเมล
definition-email-click_rate = คลิก ÷ อีเมลที่ส่งถึง

note-daily-uniques = ผลรวมจำนวนที่ไม่ซ้ำรายวัน: ผู้ที่ใช้งานหลายวันจะนับวันละหนึ่งครั้ง
note-formula-undefined = ไม่สามารถคำนวณได้ในช่วงนี้ เนื่องจากสูตรมีการหารด้วยศูนย์
note-platform-uniques = แต่ละแพลตฟอร์มนับผู้ใช้ที่ไม่ซ้ำกันแยกกัน และคนคนเดียวอาจใช้หลายแพลตฟอร์ม จึงไม่นำตัวเลขมารวมกัน
dim-device = อุปกรณ์
dim-country = ประเทศ
dim-source = แหล่งที่มา

email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = เรียน ท่านผู้เกี่ยวข้อง
email-intro = { $agency } ขอส่ง{ $report }ของ { $client } สำหรับ{ $period }
email-headlines = ประเด็นสำคัญ
email-attached = รายงานฉบับเต็มอยู่ในไฟล์แนบ ({ $file })
email-link = อ่านรายงานฉบับเต็มทางออนไลน์:
email-signoff = ขอแสดงความนับถือ

# Dimension values: GA4's default channel groups, device categories; query breakdowns.
dim-query = คำค้นหา
value-not-set = (ไม่ได้ตั้งค่า)
value-channel-organic-search = การค้นหาทั่วไป
value-channel-paid-search = การค้นหาแบบชำระเงิน
value-channel-direct = เข้าชมโดยตรง
value-channel-referral = เว็บไซต์อ้างอิง
value-channel-organic-social = โซเชียลทั่วไป
value-channel-email = อีเมล
value-channel-paid-social = โซเชียลแบบชำระเงิน
value-channel-display = ดิสเพลย์
value-channel-organic-video = วิดีโอทั่วไป
value-channel-unassigned = ไม่ได้กำหนด
value-channel-cross-network = หลายเครือข่าย
value-channel-organic-shopping = ช็อปปิ้งทั่วไป
value-channel-paid-shopping = ช็อปปิ้งแบบชำระเงิน
value-channel-affiliates = แอฟฟิลิเอต
value-channel-sms = SMS
value-channel-mobile-push-notifications = การแจ้งเตือนแบบพุชบนมือถือ
value-channel-audio = เสียง
value-channel-paid-video = วิดีโอแบบชำระเงิน
value-channel-paid-other = ช่องทางแบบชำระเงินอื่นๆ
value-device-mobile = มือถือ
value-device-desktop = เดสก์ท็อป
value-device-tablet = แท็บเล็ต
value-device-smart-tv = สมาร์ททีวี

quarter-label = ไตรมาส { $quarter }/{ $year }

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = ใช้ไปแล้ว { $progress } ของเพดาน
goal-prorated = { $per ->
        [week] สัปดาห์ละ { $target }
        [quarter] ไตรมาสละ { $target }
       *[month] เดือนละ { $target }
    } คิดเป็น { $period ->
        [week] { $period_target } ในสัปดาห์นี้
        [month] { $period_target } ในเดือนนี้
        [quarter] { $period_target } ในไตรมาสนี้
       *[other] { $period_target } ในช่วงเวลานี้
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = สิ่งที่เป็นไปได้ดี
summary-concerns = สิ่งที่ต้องให้ความสำคัญ
summary-none = ไม่มีการเปลี่ยนแปลงที่โดดเด่นในช่วงนี้
summary-goals = สถานะเป้าหมาย
summary-next-steps = ขั้นตอนต่อไป
next-steps-headings = ขั้นตอนต่อไป|สิ่งที่จะทำต่อไป|แผนเดือนหน้า|เดือนหน้า|ข้อเสนอแนะ|คำแนะนำ
goal-status-met = บรรลุแล้ว
goal-status-on-track = เป็นไปตามแผน
goal-status-behind = ตามหลังแผน
goal-status-missed = ไม่บรรลุ
goal-status-not-judged = ยังประเมินไม่ได้
headline-one = { $period }: { $lead } { $lead-trend ->
        [up] เพิ่มขึ้น
       *[down] ลดลง
    } { $lead-change }
headline-two = { $period }: { $lead } { $lead-trend ->
        [up] เพิ่มขึ้น
       *[down] ลดลง
    } { $lead-change } และ { $other } { $other-trend ->
        [up] เพิ่มขึ้น
       *[down] ลดลง
    } { $other-change }
headline-concern-over-win = { $period }: { $lead } { $lead-trend ->
        [up] เพิ่มขึ้น
       *[down] ลดลง
    } { $lead-change } ขณะที่ { $other } { $other-trend ->
        [up] เพิ่มขึ้น
       *[down] ลดลง
    } { $other-change }
headline-win-over-concern = { $period }: { $lead } { $lead-trend ->
        [up] เพิ่มขึ้น
       *[down] ลดลง
    } { $lead-change } แต่ { $other } { $other-trend ->
        [up] เพิ่มขึ้น
       *[down] ลดลง
    } { $other-change }
headline-steady = { $period }: ตัวเลขหลักไม่มีการเปลี่ยนแปลงที่โดดเด่น
headline-incomplete = { $period }: ข้อมูลยังขาดบางวัน จึงยังไม่ประเมินการเปลี่ยนแปลง
headline-joiner = {" · "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] ไม่บรรลุเป้าหมายทุกรายการ
           *[no] ไม่บรรลุเป้าหมาย { $count } จาก { $total } รายการ
        }
        [behind] เป้าหมาย { $count } จาก { $total } รายการตามหลังแผน
        [on-track] ทุกเป้าหมายบรรลุแล้วหรือเป็นไปตามแผน
       *[met] { $all ->
            [yes] บรรลุเป้าหมายครบทั้ง { $total } รายการ
           *[no] บรรลุเป้าหมาย { $count } จาก { $total } รายการ
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period } (เทียบวันเดียวกันของสัปดาห์)

# --- weekly ---
weekly-section-title = ตัวเลขประจำสัปดาห์
weekly-column-metric = ตัวชี้วัด
weekly-column-this-week = สัปดาห์นี้
weekly-column-last-week = สัปดาห์ก่อน
weekly-column-change = การเปลี่ยนแปลง
weekly-column-average = เฉลี่ย 4 สัปดาห์
weekly-chart-title = { $metric } สัปดาห์นี้: { $value }
weekly-average-of = เฉลี่ย 4 สัปดาห์: ค่าเฉลี่ยต่อสัปดาห์ในช่วง { $range }
weekly-average-gaps = ค่าเฉลี่ย 4 สัปดาห์คำนวณจากวันที่มีข้อมูล { $days } วันจาก { $total } วัน (มีข้อมูลขาดหาย { $weeks } สัปดาห์) ไม่นับวันที่ไม่มีข้อมูล
weekly-list-separator = {", "}

# --- phrasing ---
value-counted = { $value }
# --- trends ---
trend-bars-title-month = { $metric } ย้อนหลัง { $count } เดือน
trend-bars-title-week = { $metric } ย้อนหลัง { $count } สัปดาห์
trend-bars-title-quarter = { $metric } ย้อนหลัง { $count } ไตรมาส
trend-legend-complete = ครบทุกวัน
trend-legend-partial = ข้อมูลขาดบางวัน
trend-legend-last-year = ช่วงเดียวกันปีก่อน
yoy-caption = { $channel }: เทียบกับช่วงเดียวกันของปีก่อน
yoy-metric = ตัวชี้วัด
yoy-change = การเปลี่ยนแปลง
# --- groups ---
dim-location = สาขา
section-locations = สาขา
locations-change = การเปลี่ยนแปลง
locations-goals = เป้าหมายที่บรรลุ
locations-goals-met = { $met } จาก { $total }
locations-data = ความครบถ้วนของข้อมูล
locations-data-failed = { $share } · ใช้งานไม่ได้ { $count } แหล่ง
locations-ranking = สาขาตาม { $metric }
locations-best-mover = เติบโตดีที่สุด: { $metric }
locations-worst-mover = อ่อนตัวที่สุด: { $metric }
locations-rates = อัตราแลกเปลี่ยนที่ใช้
locations-rate-month = เดือน
locations-rate = อัตรา
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = ไตรมาส { $quarter }

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = ไม่ได้แสดง { $metrics } ย้อนหลัง { $weeks } สัปดาห์ เพื่อให้สรุปนี้มีความยาวไม่เกินสองหน้า

# --- publish ---
site-title = { $client } · รายงาน
site-intro = รายงานทั้งหมดที่ { $agency } จัดทำให้คุณ เรียงจากใหม่ไปเก่า
site-view = ดูรายงาน
site-pdf = ดาวน์โหลด PDF
site-latest = ล่าสุด
site-empty = ยังไม่มีรายงานที่เผยแพร่ที่นี่
site-private = หน้านี้สำหรับคุณเท่านั้น โปรดอย่าแชร์ที่อยู่ของหน้านี้
site-all-reports = รายงานทั้งหมด

# --- session8 ---
by-dimension-table = ผลลัพธ์แยกตาม{ $dimension }
overview-section-health = สถานะข้อมูล

# --- conn-more ---
section-shop = ร้านค้าออนไลน์
metric-shop-revenue = รายได้ของร้านค้า
definition-shop-revenue = ยอดรวมปัจจุบันของคำสั่งซื้อในช่วงเวลานี้หลังหักการคืนเงิน ไม่รวมคำสั่งซื้อที่ยกเลิกและคำสั่งซื้อทดสอบ
metric-shop-orders = คำสั่งซื้อ
definition-shop-orders = คำสั่งซื้อที่ได้รับ ไม่รวมคำสั่งซื้อที่ยกเลิกและคำสั่งซื้อทดสอบ
metric-shop-average_order_value = มูลค่าเฉลี่ยต่อคำสั่งซื้อ
definition-shop-average_order_value = รายได้ของร้านค้า ÷ คำสั่งซื้อ
metric-email-sent = อีเมลที่ส่ง
definition-email-sent = อีเมลที่ส่งถึงรายชื่อ ไม่ว่าจะถึงปลายทางหรือไม่
metric-email-bounces = อีเมลตีกลับ
definition-email-bounces = อีเมลที่เซิร์ฟเวอร์ปลายทางปฏิเสธ ทั้งถาวรและชั่วคราว
metric-email-unsubscribes = การยกเลิกรับข่าวสาร
definition-email-unsubscribes = ผู้ที่ออกจากรายชื่อผ่านอีเมลในช่วงเวลานี้
metric-social-video_views = ยอดชมวิดีโอ
definition-social-video_views = จำนวนครั้งที่มีการรับชมวิดีโอของช่อง
metric-social-watch_minutes = เวลาในการรับชม (นาที)
definition-social-watch_minutes = จำนวนนาทีที่ใช้รับชมวิดีโอของช่อง
metric-social-net_followers = ผู้ติดตามใหม่สุทธิ
definition-social-net_followers = ผู้ติดตามที่เพิ่มขึ้นหักด้วยผู้ติดตามที่ลดลง

# --- overview ---
overview-title = ภาพรวมของเอเจนซี
overview-internal = ภายใน: ไม่ใช่สำหรับลูกค้า
overview-summary = ลูกค้า { $attention } จาก { $clients } รายต้องได้รับการดูแล
overview-group = { $name } (กลุ่ม)
overview-section-clients = ลูกค้า เรียงจากเร่งด่วนที่สุด
overview-section-kpis = ตัวชี้วัดหลัก
overview-section-sources = แหล่งข้อมูลที่ต้องดูแล
overview-col-client = ลูกค้าและสิ่งที่ต้องทำ
overview-col-delivery = การส่ง
overview-col-goals-met = เป้าหมายที่บรรลุ
overview-col-goals-missed = เป้าหมายที่พลาด
overview-col-sources = แหล่งข้อมูลที่ต้องแก้
overview-col-kpi = ตัวชี้วัด
overview-col-value = ค่า
overview-col-previous = ก่อนหน้า
overview-col-change = การเปลี่ยนแปลง
overview-col-source = แหล่งข้อมูลและวิธีแก้
overview-col-health = สถานะ
overview-col-checked = ตรวจเมื่อ
overview-no-attention = ไม่มีสิ่งที่ต้องทำ
overview-all-sources-ok = ไม่มีแหล่งข้อมูลที่ต้องดูแล
overview-attention-delivery-uncertain = ไม่แน่ใจว่าส่งถึง
overview-attention-delivery-failed = ส่งไม่สำเร็จ
overview-attention-report-failed = สร้างรายงานไม่สำเร็จ
overview-attention-credentials-expired = ข้อมูลรับรองหมดอายุ
overview-attention-sources-failing = แหล่งข้อมูลขัดข้อง
overview-attention-goals-missed = พลาดเป้าหมาย
overview-attention-big-drop = ลดลงมาก
overview-attention-awaiting-approval = รออนุมัติ
overview-attention-data-incomplete = ข้อมูลไม่ครบ
overview-attention-not-rendered = ยังไม่มีรายงาน
overview-delivery-sent = ส่งแล้ว
overview-delivery-not-sent = ยังไม่ส่ง
overview-delivery-held = ระงับไว้
overview-delivery-awaiting-approval = รออนุมัติ
overview-delivery-uncertain = ไม่แน่ชัด
overview-delivery-failed = ล้มเหลว
overview-delivery-not-rendered = ไม่มีรายงาน
overview-health-ok = ปกติ
overview-health-expired = หมดอายุ
overview-health-no-credentials = ไม่มีข้อมูลรับรอง
overview-health-forbidden = ไม่มีสิทธิ์
overview-health-quota = เกินโควตา
overview-health-failed = ขัดข้อง
overview-health-late = ล่าช้า
