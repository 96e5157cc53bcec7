# Arabic messages (Modern Standard Arabic, business register). Counts use Fluent's Arabic plural
# categories: zero, one, two, few (3–10), many (11–99), other.

report-title-month = تقرير الأداء الشهري
report-title-week = تقرير الأداء الأسبوعي
report-title-quarter = تقرير الأداء الفصلي
report-title-custom = تقرير الأداء
prepared-for = أُعدّ لصالح { $client }
prepared-by = إعداد { $agency }
vs-period = مقابل { $period }
# A change of a rate in percentage points: "+0.4 pp".
change-points = { $points } نقطة مئوية
# Said once above the summary: what every "vs" compares with.
compared-with = المقارنة مع { $period }
no-comparison = لا توجد فترة للمقارنة
week-label = الأسبوع { $week } من عام { $year }
page-of = الصفحة { $page } من { $pages }
contents = المحتويات

section-summary = الملخص التنفيذي
section-web = الموقع الإلكتروني
section-ads = الإعلانات المدفوعة
section-seo = البحث العضوي (SEO)
section-local = البحث المحلي
section-social = وسائل التواصل الاجتماعي
section-reviews = التقييمات والسمعة
section-email = التسويق عبر البريد الإلكتروني
section-goals = الأهداف
section-commentary = التعليق
section-data_notes = ملاحظات حول البيانات

highlights = أبرز النتائج
key-figures = الأرقام الرئيسية
trend-title = { $metric } يومًا بيوم
trend-title-week = { $metric } هذا الأسبوع
by-dimension = { $metric } حسب { $dimension }
share-by-dimension = حصة { $metric } حسب { $dimension }
daily-title = { $metric } يوميًا
previous-period = الفترة السابقة
other = أخرى
total = الإجمالي
no-data = لا توجد بيانات
not-available = غير متاح

# No closing full stop: a value may end in an abbreviation's (د.إ.).
highlight-up = ارتفع مؤشر { $metric } بنسبة { $change } ليبلغ { $value }
highlight-down = انخفض مؤشر { $metric } بنسبة { $change } ليبلغ { $value }

goal-at-least = الهدف: { $target } على الأقل
goal-at-most = الهدف: { $target } كحد أقصى
goal-met = محقَّق
goal-not-met = غير محقَّق
goal-no-data = لا توجد بيانات بعد
goal-incomplete = لم يُقيَّم: توجد أيام ناقصة
goal-progress = { $progress } من الهدف

notes-missing = { $source }: لا توجد بيانات { $days ->
    [zero] لأي يوم
    [one] ليوم واحد
    [two] ليومين
    [few] لمدة { $days } أيام
    [many] لمدة { $days } يومًا
   *[other] لمدة { $days } يوم
} ({ $ranges }).
notes-failed = بيانات { $source } غير متاحة لهذه الفترة.
notes-missing-comparison = { $source }: لا توجد بيانات في فترة المقارنة { $days ->
    [zero] لأي يوم
    [one] ليوم واحد
    [two] ليومين
    [few] لمدة { $days } أيام
    [many] لمدة { $days } يومًا
   *[other] لمدة { $days } يوم
} ({ $ranges })؛ لذا تُقارَن التغيّرات بالمعدل اليومي على الأيام التي تتوفر لها بيانات.
notes-no-data = لا تتوفر بيانات لهذه الفترة بعد.
notes-incomplete-previous = فترة المقارنة: { $days ->
    [zero] لا أيام
    [one] يوم واحد
    [two] يومان
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} ببيانات، و{ $missing } ناقصة.
vs-per-day = يوميًا: { $value } مقابل { $previous }
vs-days-present = المقارنة على الأيام التي تتوفر لها بيانات فقط.
comparison-incomplete = لا تتوفر مقارنة متكافئة
source-unnamed = مصدر بيانات
notes-skipped = { $source }: { $rows ->
    [zero] لم يُستبعد أي صف
    [one] استُبعد صف واحد
    [two] استُبعد صفّان
    [few] استُبعدت { $rows } صفوف
    [many] استُبعد { $rows } صفًا
   *[other] استُبعد { $rows } صف
} لتعذّر قراءتها.
notes-complete = اكتملت بيانات جميع المصادر لهذه الفترة.
notes-definitions = التعريفات
notes-incomplete-kpi = استنادًا إلى { $days ->
    [zero] لا أيام
    [one] يوم واحد
    [two] يومين
    [few] { $days } أيام
    [many] { $days } يومًا
   *[other] { $days } يوم
} ببيانات، مع نقص { $missing ->
    [zero] لا أيام
    [one] يوم واحد
    [two] يومين
    [few] { $missing } أيام
    [many] { $missing } يومًا
   *[other] { $missing } يوم
}.

dim-channel = القناة
dim-campaign = الحملة
dim-network = الشبكة
dim-platform = المنصة
dim-other = { $name }



# Metric names and one-line definitions (catalog order).
metric-web-sessions = الجلسات
definition-web-sessions = الزيارات إلى الموقع الإلكتروني.
metric-web-users = المستخدمون
definition-web-users = مجموع المستخدمين الفريدين يوميًا؛ من يزور الموقع في عدة أيام يُحتسب مرة واحدة في كل يوم.
metric-web-new_users = المستخدمون الجدد
definition-web-new_users = الزوار للمرة الأولى.
metric-web-pageviews = مشاهدات الصفحات
definition-web-pageviews = الصفحات التي تمت مشاهدتها.
metric-web-engaged_sessions = الجلسات التفاعلية
definition-web-engaged_sessions = جلسات استمرت عشر ثوانٍ أو أكثر، أو تضمنت تحويلًا، أو شملت صفحتين فأكثر.
metric-web-conversions = تحويلات الموقع
definition-web-conversions = الأحداث الرئيسية المكتملة على الموقع الإلكتروني.
metric-web-revenue = إيرادات الموقع
definition-web-revenue = الإيرادات المسجلة على الموقع الإلكتروني.
metric-web-engagement_rate = معدل التفاعل
definition-web-engagement_rate = الجلسات التفاعلية ÷ الجلسات.
metric-web-conversion_rate = معدل التحويل على الموقع
definition-web-conversion_rate = التحويلات ÷ الجلسات.
metric-ads-spend = الإنفاق الإعلاني
definition-ads-spend = المبلغ المنفق على الإعلانات المدفوعة.
metric-ads-impressions = مرات ظهور الإعلانات
definition-ads-impressions = عدد مرات عرض الإعلان.
metric-ads-clicks = نقرات الإعلانات
definition-ads-clicks = النقرات على الإعلانات.
metric-ads-conversions = تحويلات الإعلانات
definition-ads-conversions = التحويلات المنسوبة إلى الإعلانات.
metric-ads-conversion_value = قيمة التحويلات
definition-ads-conversion_value = قيمة التحويلات المنسوبة إلى الإعلانات.
metric-ads-ctr = نسبة النقر إلى الظهور للإعلانات
definition-ads-ctr = النقرات ÷ مرات الظهور.
metric-ads-cpc = تكلفة النقرة
definition-ads-cpc = الإنفاق ÷ النقرات.
metric-ads-cpa = تكلفة التحويل
definition-ads-cpa = الإنفاق ÷ التحويلات.
metric-ads-roas = العائد على الإنفاق الإعلاني
definition-ads-roas = قيمة التحويلات ÷ الإنفاق.
metric-ads-conversion_rate = معدل تحويل الإعلانات
definition-ads-conversion_rate = التحويلات ÷ النقرات.
metric-seo-clicks = النقرات العضوية
definition-seo-clicks = النقرات من نتائج بحث Google.
metric-seo-impressions = مرات الظهور في البحث
definition-seo-impressions = عدد مرات ظهور الموقع في نتائج بحث Google.
metric-seo-position = متوسط الترتيب
definition-seo-position = متوسط ترتيب الظهور، مرجَّحًا بعدد مرات الظهور.
metric-seo-ctr = نسبة النقر في البحث
definition-seo-ctr = النقرات ÷ مرات الظهور.
metric-local-views = مشاهدات الملف التجاري
definition-local-views = مشاهدات الملف التجاري على بحث Google وخرائط Google، على الجوال والكمبيوتر (يُحتسب الشخص مرة واحدة يوميًا).
metric-local-calls = المكالمات
definition-local-calls = النقرات على زر الاتصال في الملف التجاري.
metric-local-directions = طلبات الاتجاهات
definition-local-directions = طلبات الحصول على الاتجاهات إلى النشاط التجاري.
metric-local-website_clicks = النقرات على الموقع
definition-local-website_clicks = النقرات على رابط الموقع الإلكتروني في الملف التجاري.
metric-local-views_search = المشاهدات في البحث
definition-local-views_search = مشاهدات الملف التجاري على بحث Google، على الجوال والكمبيوتر.
metric-local-views_maps = المشاهدات في الخرائط
definition-local-views_maps = مشاهدات الملف التجاري على خرائط Google، على الجوال والكمبيوتر.
metric-social-followers = المتابعون
definition-social-followers = عدد المتابعين في نهاية الفترة.
metric-social-impressions = مرات الظهور على وسائل التواصل
definition-social-impressions = عدد مرات عرض المنشورات.
metric-social-engagements = التفاعلات على وسائل التواصل
definition-social-engagements = الإعجابات والتعليقات والمشاركات والحفظ.
metric-social-engagement_rate = معدل التفاعل على وسائل التواصل
definition-social-engagement_rate = التفاعلات ÷ مرات الظهور.
metric-reviews-new = التقييمات الجديدة
definition-reviews-new = التقييمات المستلمة.
metric-reviews-rating = متوسط التقييم
definition-reviews-rating = متوسط عدد النجوم في تقييمات الفترة، مرجَّحًا بعددها.
metric-reviews-responded = التقييمات التي تم الرد عليها
definition-reviews-responded = التقييمات التي ردّت عليها المنشأة.
metric-reviews-response_rate = معدل الرد
definition-reviews-response_rate = التقييمات التي تم الرد عليها ÷ التقييمات الجديدة.
metric-email-delivered = الرسائل المسلَّمة
definition-email-delivered = الرسائل التي وصلت إلى صندوق الوارد.
metric-email-opens = مرات فتح الرسائل
definition-email-opens = مرات الفتح الفريدة.
metric-email-clicks = النقرات في الرسائل
definition-email-clicks = النقرات الفريدة.
metric-email-open_rate = معدل الفتح
definition-email-open_rate = مرات الفتح ÷ الرسائل المسلَّمة.
metric-email-click_rate = معدل النقر
definition-email-click_rate = النقرات ÷ الرسائل المسلَّمة.

note-daily-uniques = مجموع الأعداد الفريدة اليومية: من يكون نشطًا في عدة أيام يُحتسب مرة واحدة في كل يوم.
note-formula-undefined = لم يُحتسب لهذه الفترة: الصيغة تتضمن قسمة على صفر.
note-platform-uniques = تحتسب كل منصة مستخدميها الفريدين على حدة؛ وقد يستخدم الشخص الواحد عدة منصات، لذا لا تُجمع هذه الأعداد.
dim-device = الجهاز
dim-country = الدولة
dim-source = المصدر

# E-mail sent with a report.
email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = مرحبًا،
email-intro = نرفق لكم { $report } عن أداء { $client } خلال { $period }، من إعداد { $agency }.
email-headlines = أبرز النقاط
email-attached = التقرير الكامل مرفق ({ $file }).
email-link = اطّلعوا على التقرير الكامل عبر الإنترنت:
email-signoff = مع خالص التحيات،

# Dimension values execreport knows (GA4's default channel groups, device categories).
dim-query = عبارة البحث
value-not-set = (غير محدد)
value-channel-organic-search = البحث العضوي
value-channel-paid-search = البحث المدفوع
value-channel-direct = مباشر
value-channel-referral = الإحالات
value-channel-organic-social = التواصل الاجتماعي العضوي
value-channel-email = البريد الإلكتروني
value-channel-paid-social = التواصل الاجتماعي المدفوع
value-channel-display = الإعلانات الصورية
value-channel-organic-video = الفيديو العضوي
value-channel-unassigned = غير مصنّف
value-channel-cross-network = عبر الشبكات
value-channel-organic-shopping = التسوق العضوي
value-channel-paid-shopping = التسوق المدفوع
value-channel-affiliates = الشركاء التسويقيون
value-channel-sms = الرسائل النصية
value-channel-mobile-push-notifications = إشعارات الجوال
value-channel-audio = الصوت
value-channel-paid-video = الفيديو المدفوع
value-channel-paid-other = قنوات مدفوعة أخرى
value-device-mobile = الجوال
value-device-desktop = الكمبيوتر المكتبي
value-device-tablet = الجهاز اللوحي
value-device-smart-tv = التلفزيون الذكي

# Periods by calendar: { $year } is the year, { $quarter } 1 to 4.
quarter-label = الربع { $quarter } من عام { $year }

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period.
goal-of-limit = استُهلك { $progress } من الحد
goal-prorated = { $per ->
        [week] { $target } أسبوعيًا
        [quarter] { $target } فصليًا
       *[month] { $target } شهريًا
    }، أي { $period ->
        [week] { $period_target } هذا الأسبوع
        [month] { $period_target } هذا الشهر
        [quarter] { $period_target } هذا الربع
       *[other] { $period_target } لهذه الفترة
    }

# The executive one-pager: the summary's headline, wins and concerns, goal scoreboard and next
# steps.
summary-wins = ما حقق نتائج جيدة
summary-concerns = ما يستدعي الاهتمام
summary-none = لا شيء لافت في هذه الفترة.
summary-goals = الأهداف
summary-next-steps = الخطوات التالية
# Headings under which an agency's commentary lists its next steps, separated by "|".
next-steps-headings = الخطوات التالية|الشهر القادم|خطة الشهر القادم|التوصيات|توصياتنا|الإجراءات المطلوبة
goal-status-met = محقَّق
goal-status-on-track = على المسار
goal-status-behind = متأخر
goal-status-missed = لم يتحقق
goal-status-not-judged = لم يُقيَّم
# The headline names one or two metrics ($lead, $other), each up or down by a change.
headline-one = في { $period }، { $lead-trend ->
        [up] ارتفع
       *[down] انخفض
    } مؤشر { $lead } بنسبة { $lead-change }.
headline-two = في { $period }، { $lead-trend ->
        [up] ارتفع
       *[down] انخفض
    } مؤشر { $lead } بنسبة { $lead-change }، و{ $other-trend ->
        [up] ارتفع
       *[down] انخفض
    } مؤشر { $other } بنسبة { $other-change }.
headline-concern-over-win = في { $period }، { $lead-trend ->
        [up] ارتفع
       *[down] انخفض
    } مؤشر { $lead } بنسبة { $lead-change }، في حين { $other-trend ->
        [up] ارتفع
       *[down] انخفض
    } مؤشر { $other } بنسبة { $other-change }.
headline-win-over-concern = في { $period }، { $lead-trend ->
        [up] ارتفع
       *[down] انخفض
    } مؤشر { $lead } بنسبة { $lead-change }، لكن { $other-trend ->
        [up] ارتفع
       *[down] انخفض
    } مؤشر { $other } بنسبة { $other-change }.
headline-steady = في { $period }، لم يطرأ تغيّر لافت على أي من الأرقام الرئيسية.
headline-incomplete = في { $period }، توجد أيام ناقصة في البيانات: لم تُقيَّم التغيّرات بعد.
headline-joiner = {" "}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] { $total ->
                [one] لم يتحقق الهدف.
                [two] لم يتحقق الهدفان كلاهما.
               *[other] لم يتحقق أيٌّ من الأهداف الـ{ $total }.
            }
           *[no] لم يتحقق { $count } من أصل { $total } أهداف.
        }
        [behind] { $count } من أصل { $total } أهداف متأخرة عن الوتيرة المطلوبة.
        [on-track] { $total ->
            [one] الهدف على المسار الصحيح.
           *[other] جميع الأهداف الـ{ $total } محققة أو على المسار الصحيح.
        }
       *[met] { $all ->
            [yes] { $total ->
                [one] تحقق الهدف.
                [two] تحقق الهدفان كلاهما.
               *[other] تحققت جميع الأهداف الـ{ $total }.
            }
           *[no] تحقق { $count } من أصل { $total } أهداف.
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }، بمطابقة أيام الأسبوع

# --- weekly ---
weekly-section-title = هذا الأسبوع بالأرقام
weekly-column-metric = المقياس
weekly-column-this-week = هذا الأسبوع
weekly-column-last-week = الأسبوع الماضي
weekly-column-change = التغيّر
weekly-column-average = متوسط ٤ أسابيع
weekly-chart-title = { $metric } هذا الأسبوع: { $value }
weekly-average-of = متوسط ٤ أسابيع: متوسط الأسبوع خلال { $range }.
weekly-average-gaps = متوسط ٤ أسابيع محسوب على { $days } من أصل { $total } يومًا تتوفر فيها بيانات ({ $weeks ->
    [one] أسبوع واحد فيه فجوات
    [two] أسبوعان فيهما فجوات
    [few] { $weeks } أسابيع فيها فجوات
   *[other] { $weeks } أسبوعًا فيها فجوات
})؛ الأيام التي لا تتوفر فيها بيانات مستبعدة.
weekly-list-separator = {"، "}

# --- phrasing ---
# A value in a sentence: languages that count with counters pick one by $metric and $unit;
# Arabic needs none.
value-counted = { $value }

# --- trends ---
trend-bars-title-month = { $metric } في آخر { $count } شهرًا
trend-bars-title-week = { $metric } في آخر { $count } أسبوعًا
trend-bars-title-quarter = { $metric } في آخر { $count } أرباع
trend-legend-complete = كل الأيام
trend-legend-partial = أيام ناقصة
trend-legend-last-year = قبل عام
yoy-caption = { $channel }: مقارنةً بالعام السابق
yoy-metric = المقياس
yoy-change = التغيّر
# --- groups ---
dim-location = الفرع
section-locations = الفروع
locations-change = التغيّر
locations-goals = الأهداف المحققة
locations-goals-met = { $met } من { $total }
locations-data = اكتمال البيانات
locations-data-failed = { $share } · { $count } غير متاحة
locations-ranking = الفروع حسب { $metric }
locations-best-mover = الأفضل تقدمًا: { $metric }
locations-worst-mover = الأضعف أداءً: { $metric }
locations-rates = أسعار الصرف المستخدمة
locations-rate-month = الشهر
locations-rate = السعر
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = الربع { $quarter }

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = لم تُعرض آخر { $weeks } أسبوعًا من { $metrics } للإبقاء على هذا الملخص في صفحتين.

# --- publish ---
site-title = { $client } · التقارير
site-intro = جميع التقارير التي أعدّتها { $agency } لكم، الأحدث أولاً.
site-view = عرض التقرير
site-pdf = تنزيل ملف PDF
site-latest = الأحدث
site-empty = لم يُنشر أي تقرير هنا بعد.
site-private = هذه الصفحة خاصة بكم: يُرجى عدم مشاركة عنوانها.
site-all-reports = جميع التقارير

# --- session8 ---
by-dimension-table = النتائج حسب { $dimension }
overview-section-health = حالة البيانات

# --- conn-more ---
section-shop = المتجر الإلكتروني
metric-shop-revenue = إيرادات المتجر
definition-shop-revenue = المجاميع الحالية لطلبات الفترة بعد المبالغ المستردة، دون الطلبات الملغاة والطلبات التجريبية.
metric-shop-orders = الطلبات
definition-shop-orders = الطلبات المقدَّمة، دون الطلبات الملغاة والطلبات التجريبية.
metric-shop-average_order_value = متوسط قيمة الطلب
definition-shop-average_order_value = إيرادات المتجر ÷ الطلبات.
metric-email-sent = الرسائل المرسَلة
definition-email-sent = الرسائل المرسَلة إلى القائمة، سُلِّمت أم لا.
metric-email-bounces = الرسائل المرتدة
definition-email-bounces = الرسائل التي رفضها خادم المستلم نهائيًا أو مؤقتًا.
metric-email-unsubscribes = إلغاءات الاشتراك
definition-email-unsubscribes = الأشخاص الذين غادروا القائمة من رسائل الفترة.
metric-social-video_views = مشاهدات الفيديو
definition-social-video_views = عدد مرات مشاهدة فيديوهات القناة.
metric-social-watch_minutes = مدة المشاهدة (بالدقائق)
definition-social-watch_minutes = الدقائق التي قُضيت في مشاهدة فيديوهات القناة.
metric-social-net_followers = صافي المتابعين الجدد
definition-social-net_followers = المتابعون المكتسبون مطروحًا منهم المتابعون المفقودون.

# --- overview ---
overview-title = نظرة عامة على الوكالة
overview-internal = داخلي: ليس للعملاء
overview-summary = { $attention } من { $clients } عملاء يحتاجون إلى متابعة
overview-group = { $name } (مجموعة)
overview-section-clients = العملاء، الأكثر إلحاحًا أولًا
overview-section-kpis = المؤشرات الرئيسية
overview-section-sources = مصادر تحتاج إلى متابعة
overview-col-client = العميل وما يجب فعله
overview-col-delivery = الإرسال
overview-col-goals-met = أهداف محققة
overview-col-goals-missed = أهداف غير محققة
overview-col-sources = مصادر تحتاج إصلاحًا
overview-col-kpi = المؤشر
overview-col-value = القيمة
overview-col-previous = السابق
overview-col-change = التغير
overview-col-source = المصدر والحل
overview-col-health = الحالة
overview-col-checked = تاريخ الفحص
overview-no-attention = لا شيء مطلوب
overview-all-sources-ok = لا يوجد مصدر يحتاج إلى متابعة.
overview-attention-delivery-uncertain = الإرسال غير مؤكد
overview-attention-delivery-failed = فشل الإرسال
overview-attention-report-failed = فشل التقرير
overview-attention-credentials-expired = انتهت صلاحية بيانات الاعتماد
overview-attention-sources-failing = مصادر متعثرة
overview-attention-goals-missed = أهداف غير محققة
overview-attention-big-drop = تراجع كبير
overview-attention-awaiting-approval = بانتظار الموافقة
overview-attention-data-incomplete = بيانات ناقصة
overview-attention-not-rendered = لا تقرير بعد
overview-delivery-sent = أُرسل
overview-delivery-not-sent = لم يُرسل
overview-delivery-held = محتجز
overview-delivery-awaiting-approval = للموافقة
overview-delivery-uncertain = غير مؤكد
overview-delivery-failed = فشل
overview-delivery-not-rendered = لا تقرير
overview-health-ok = سليم
overview-health-expired = منتهية
overview-health-no-credentials = بلا بيانات اعتماد
overview-health-forbidden = بلا صلاحية
overview-health-quota = الحصة مستنفدة
overview-health-failed = متعثر
overview-health-late = متأخر
