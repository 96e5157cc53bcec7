# Japanese messages.

report-title-month = 月次パフォーマンスレポート
report-title-week = 週次パフォーマンスレポート
report-title-quarter = 四半期パフォーマンスレポート
report-title-custom = パフォーマンスレポート
prepared-for = { $client } 御中
prepared-by = 作成：{ $agency }
vs-period = { $compare ->
        [previous] { $kind ->
            [month] 前月
            [week] 前週
            [quarter] 前四半期
           *[other] 前期間
        }：{ $period }
        [yoy] { $kind ->
            [month] 前年同月
            [week] 前年同週
            [quarter] 前年同期
           *[other] 前年同期間
        }：{ $period }
       *[other] 比較対象：{ $period }
    }
change-points = { $points }ポイント
compared-with = 比較対象：{ $compare ->
        [previous] { $kind ->
            [month] 前月
            [week] 前週
            [quarter] 前四半期
           *[other] 前期間
        }（{ $period }）
        [yoy] { $kind ->
            [month] 前年同月
            [week] 前年同週
            [quarter] 前年同期
           *[other] 前年同期間
        }（{ $period }）
       *[other] { $period }
    }
no-comparison = 比較期間なし
week-label = { $year }{ $calendar ->
        [buddhist] {""}
       *[other] 年
    } 第{ $week }週
page-of = { $page } / { $pages } ページ
contents = 目次

section-summary = サマリー
section-web = ウェブサイト
section-ads = 広告
section-seo = 自然検索（SEO）
section-local = ローカル検索（MEO）
section-social = SNS
section-reviews = 口コミ・評判
section-email = メールマーケティング
section-goals = 目標
section-commentary = 考察
section-data_notes = データに関する注記

highlights = ハイライト
key-figures = 主要指標
trend-title = { $metric }の日別推移
trend-title-week = 今週の{ $metric }
by-dimension = { $dimension }別{ $metric }
share-by-dimension = { $dimension }別{ $metric }の構成比
daily-title = 日別{ $metric }
previous-period = 比較期間
other = その他
total = 合計
no-data = データなし
not-available = 該当なし

highlight-up = { $metric }は{ $change }{ $unit ->
        [ratio] 上昇
        [number] 上昇
        [rating] 上昇
       *[other] 増加
    }し、{ $value }になりました。
highlight-down = { $metric }は{ $change }{ $unit ->
        [ratio] 低下
        [number] 低下
        [rating] 低下
       *[other] 減少
    }し、{ $value }になりました。

goal-at-least = 目標：{ $target }以上
goal-at-most = 目標：{ $target }以下
goal-met = 達成
goal-not-met = 未達成
goal-no-data = データ未取得
goal-incomplete = 判定保留（データ欠損）
goal-progress = 目標達成率 { $progress }

notes-missing = { $source }：{ $days }日分のデータがありません（{ $ranges }）。
notes-failed = この期間の{ $source }のデータはありません。
notes-missing-comparison = { $source }：比較期間に{ $days }日分のデータがありません（{ $ranges }）。増減はデータのある日の1日平均で比較しています。
notes-no-data = この期間のデータはまだありません。
notes-incomplete-previous = 比較期間はデータのある{ $days }日分です（{ $missing }日分が欠損）。
vs-per-day = 1日平均：{ $value }（比較：{ $previous }）
vs-days-present = データのある日のみで比較しています。
comparison-incomplete = データ欠損のため比較なし
source-unnamed = データソース
notes-skipped = { $source }：読み取れなかった{ $rows }行を除外しました。
notes-complete = この期間は、すべてのデータソースのデータが揃っています。
notes-definitions = 用語の定義
notes-incomplete-kpi = データのある{ $days }日分に基づく値です（{ $missing }日分が欠損）。

dim-channel = チャネル
dim-campaign = キャンペーン
dim-network = ネットワーク
dim-platform = プラットフォーム
dim-other = { $name }

metric-web-sessions = セッション
definition-web-sessions = ウェブサイトへの訪問数です。
metric-web-users = ユーザー
definition-web-users = 日別ユニークユーザー数の合計です（複数日に訪問した人は日ごとに1回カウント）。
metric-web-new_users = 新規ユーザー
definition-web-new_users = 初めて訪問したユーザーの数です。
metric-web-pageviews = ページビュー
definition-web-pageviews = 閲覧されたページの数です。
metric-web-engaged_sessions = エンゲージメントセッション
definition-web-engaged_sessions = 10秒以上続いた、コンバージョンが発生した、または2ページ以上閲覧されたセッションです。
metric-web-conversions = サイトコンバージョン
definition-web-conversions = ウェブサイトで達成されたキーイベントの数です。
metric-web-revenue = サイト収益
definition-web-revenue = ウェブサイトで計上された収益です。
metric-web-engagement_rate = エンゲージメント率
definition-web-engagement_rate = エンゲージメントセッション ÷ セッション。
metric-web-conversion_rate = サイトコンバージョン率
definition-web-conversion_rate = コンバージョン ÷ セッション。
metric-ads-spend = 広告費
definition-ads-spend = 有料広告に投じた費用です。
metric-ads-impressions = 広告表示回数
definition-ads-impressions = 広告が表示された回数です。
metric-ads-clicks = 広告クリック数
definition-ads-clicks = 広告がクリックされた回数です。
metric-ads-conversions = 広告コンバージョン
definition-ads-conversions = 広告に起因するコンバージョンの数です。
metric-ads-conversion_value = コンバージョン値
definition-ads-conversion_value = 広告に起因するコンバージョンの価値です。
metric-ads-ctr = 広告クリック率
definition-ads-ctr = クリック数 ÷ 表示回数。
metric-ads-cpc = クリック単価
definition-ads-cpc = 広告費 ÷ クリック数。
metric-ads-cpa = コンバージョン単価
definition-ads-cpa = 広告費 ÷ コンバージョン数。
metric-ads-roas = ROAS
definition-ads-roas = コンバージョン値 ÷ 広告費。
metric-ads-conversion_rate = 広告コンバージョン率
definition-ads-conversion_rate = コンバージョン数 ÷ クリック数。
metric-seo-clicks = 自然検索クリック数
definition-seo-clicks = Google 検索結果からのクリック数です。
metric-seo-impressions = 検索表示回数
definition-seo-impressions = Google 検索結果にサイトが表示された回数です。
metric-seo-position = 平均掲載順位
definition-seo-position = 表示回数で加重した平均掲載順位です。
metric-seo-ctr = 検索クリック率
definition-seo-ctr = クリック数 ÷ 表示回数。
metric-local-views = プロフィール閲覧数
definition-local-views = Google 検索と Google マップでビジネス プロフィールが閲覧された回数です（モバイルとパソコンの合計。同じユーザーは 1 日 1 回として数えます）。
metric-local-calls = 通話数
definition-local-calls = プロフィールの通話ボタンが押された回数です。
metric-local-directions = ルート検索数
definition-local-directions = ビジネス拠点へのルート検索が行われた回数です。
metric-local-website_clicks = サイトクリック数
definition-local-website_clicks = プロフィールのウェブサイトへのリンクがクリックされた回数です。
metric-local-views_search = 検索での閲覧数
definition-local-views_search = Google 検索でプロフィールが閲覧された回数です（モバイルとパソコンの合計）。
metric-local-views_maps = マップでの閲覧数
definition-local-views_maps = Google マップでプロフィールが閲覧された回数です（モバイルとパソコンの合計）。
metric-social-followers = フォロワー数
definition-social-followers = 期間末時点のフォロワー数です。
metric-social-impressions = SNSインプレッション
definition-social-impressions = 投稿が表示された回数です。
metric-social-engagements = SNSエンゲージメント
definition-social-engagements = リアクション、コメント、シェア、保存の合計です。
metric-social-engagement_rate = SNSエンゲージメント率
definition-social-engagement_rate = エンゲージメント ÷ インプレッション。
metric-reviews-new = 新規口コミ数
definition-reviews-new = 期間中に寄せられた口コミの数です。
metric-reviews-rating = 平均評価
definition-reviews-rating = 期間中の口コミの星評価の平均です（件数で加重）。
metric-reviews-responded = 返信済み口コミ数
definition-reviews-responded = 事業者が返信した口コミの数です。
metric-reviews-response_rate = 口コミ返信率
definition-reviews-response_rate = 返信済み口コミ数 ÷ 新規口コミ数。
metric-email-delivered = メール到達数
definition-email-delivered = 受信箱に届いたメールの数です。
metric-email-opens = メール開封数
definition-email-opens = ユニーク開封数です。
metric-email-clicks = メールクリック数
definition-email-clicks = ユニーククリック数です。
metric-email-open_rate = メール開封率
definition-email-open_rate = 開封数 ÷ 到達数。
metric-email-click_rate = メールクリック率
definition-email-click_rate = クリック数 ÷ 到達数。

note-daily-uniques = 日別ユニーク数の合計です。複数日にわたって利用した人は、1日につき1回カウントされます。
note-formula-undefined = この期間は算出できません（計算式がゼロで割っています）。
note-platform-uniques = ユニークユーザー数は各プラットフォームが個別に集計しています。同じ人が複数のプラットフォームを利用することがあるため、合算していません。
dim-device = デバイス
dim-country = 国
dim-source = 参照元

email-subject = { $report } · { $client } · { $period } — { $headline }
email-greeting = いつもお世話になっております。
email-intro = { $agency }より、{ $client }様の{ $period }の{ $report }をお送りします。
email-headlines = 主なポイント
email-attached = レポート全文を添付しております（{ $file }）。
email-link = レポート全文はこちらからご覧いただけます：
email-signoff = 今後ともよろしくお願いいたします。

# Dimension values: GA4's default channel groups, device categories; query breakdowns.
dim-query = 検索クエリ
value-not-set = （未設定）
value-channel-organic-search = オーガニック検索
value-channel-paid-search = 有料検索
value-channel-direct = ノーリファラー
value-channel-referral = 参照元サイト
value-channel-organic-social = オーガニック ソーシャル
value-channel-email = メール
value-channel-paid-social = 有料ソーシャル
value-channel-display = ディスプレイ
value-channel-organic-video = オーガニック動画
value-channel-unassigned = 未割り当て
value-channel-cross-network = クロスネットワーク
value-channel-organic-shopping = オーガニック ショッピング
value-channel-paid-shopping = 有料ショッピング
value-channel-affiliates = アフィリエイト
value-channel-sms = SMS
value-channel-mobile-push-notifications = モバイルのプッシュ通知
value-channel-audio = オーディオ
value-channel-paid-video = 有料動画
value-channel-paid-other = その他の有料チャネル
value-device-mobile = モバイル
value-device-desktop = パソコン
value-device-tablet = タブレット
value-device-smart-tv = スマートテレビ

quarter-label = { $year }{ $calendar ->
        [buddhist] {""}
       *[other] 年
    }第{ $quarter }四半期

# Goals: an "at most" goal's allowance used, and a target prorated to the report's period
# ("30 a week, so 130 this month").
goal-of-limit = 上限の{ $progress }を使用
goal-prorated = { $per ->
        [week] 週あたり{ $target }
        [quarter] 四半期あたり{ $target }
       *[month] 月あたり{ $target }
    }（{ $period ->
        [week] 今週換算 { $period_target }）
        [month] 今月換算 { $period_target }）
        [quarter] 今四半期換算 { $period_target }）
       *[other] この期間換算 { $period_target }）
    }

# The executive one-pager (issue 18): the summary's headline, wins and concerns, goal scoreboard
# and next steps.
summary-wins = 好調だった点
summary-concerns = 注意が必要な点
summary-none = 今期、目立った変化はありません。
summary-goals = 目標の状況
summary-next-steps = 次のステップ
next-steps-headings = 次のステップ|今後のステップ|来月の施策|来月|今後の対応|ご提案|提案
goal-status-met = 達成
goal-status-on-track = 順調
goal-status-behind = 遅れ
goal-status-missed = 未達成
goal-status-not-judged = 判定不可
headline-one = { $period }は{ $lead }が{ $lead-change }{ $lead-trend ->
        [up] { $lead-unit ->
            [ratio] 上昇
            [number] 上昇
            [rating] 上昇
           *[other] 増加
        }
       *[down] { $lead-unit ->
            [ratio] 低下
            [number] 低下
            [rating] 低下
           *[other] 減少
        }
    }しました。
headline-two = { $period }は{ $lead }が{ $lead-change }{ $lead-trend ->
        [up] { $lead-unit ->
            [ratio] 上昇
            [number] 上昇
            [rating] 上昇
           *[other] 増加
        }
       *[down] { $lead-unit ->
            [ratio] 低下
            [number] 低下
            [rating] 低下
           *[other] 減少
        }
    }し、{ $other }が{ $other-change }{ $other-trend ->
        [up] { $other-unit ->
            [ratio] 上昇
            [number] 上昇
            [rating] 上昇
           *[other] 増加
        }
       *[down] { $other-unit ->
            [ratio] 低下
            [number] 低下
            [rating] 低下
           *[other] 減少
        }
    }しました。
headline-concern-over-win = { $period }は{ $lead }が{ $lead-change }{ $lead-trend ->
        [up] { $lead-unit ->
            [ratio] 上昇
            [number] 上昇
            [rating] 上昇
           *[other] 増加
        }
       *[down] { $lead-unit ->
            [ratio] 低下
            [number] 低下
            [rating] 低下
           *[other] 減少
        }
    }した一方、{ $other }は{ $other-change }{ $other-trend ->
        [up] { $other-unit ->
            [ratio] 上昇
            [number] 上昇
            [rating] 上昇
           *[other] 増加
        }
       *[down] { $other-unit ->
            [ratio] 低下
            [number] 低下
            [rating] 低下
           *[other] 減少
        }
    }しました。
headline-win-over-concern = { $period }は{ $lead }が{ $lead-change }{ $lead-trend ->
        [up] { $lead-unit ->
            [ratio] 上昇
            [number] 上昇
            [rating] 上昇
           *[other] 増加
        }
       *[down] { $lead-unit ->
            [ratio] 低下
            [number] 低下
            [rating] 低下
           *[other] 減少
        }
    }しましたが、{ $other }は{ $other-change }{ $other-trend ->
        [up] { $other-unit ->
            [ratio] 上昇
            [number] 上昇
            [rating] 上昇
           *[other] 増加
        }
       *[down] { $other-unit ->
            [ratio] 低下
            [number] 低下
            [rating] 低下
           *[other] 減少
        }
    }しました。
headline-steady = { $period }は主要指標に大きな変化はありませんでした。
headline-incomplete = { $period }はデータの欠けている日があるため、増減はまだ評価していません。
headline-joiner = {""}
headline-goals = { $state ->
        [missed] { $all ->
            [yes] 目標はすべて未達成です。
           *[no] 目標{ $total }件中{ $count }件が未達成です。
        }
        [behind] 目標{ $total }件中{ $count }件が計画を下回っています。
        [on-track] すべての目標が達成済みまたは順調です。
       *[met] { $all ->
            [yes] すべての目標を達成しました。
           *[no] 目標{ $total }件中{ $count }件を達成しました。
        }
    }

# --- charts ---
# The comparison line of a daily chart, its days moved so weekdays match the period's.
chart-same-weekdays = { $period }（曜日を合わせて表示）

# --- weekly ---
weekly-section-title = 今週の数字
weekly-column-metric = 指標
weekly-column-this-week = 今週
weekly-column-last-week = 先週
weekly-column-change = 増減
weekly-column-average = 4週間平均
weekly-chart-title = 今週の{ $metric }：{ $value }
weekly-average-of = 4週間平均：{ $range }の1週間あたりの平均です。
weekly-average-gaps = 4週間平均は{ $total }日中データのある{ $days }日分に基づきます（欠損のある週：{ $weeks }週）。データのない日は計算に含めていません。
weekly-list-separator = 、

# --- phrasing ---
# 文中の値に助数詞を付ける（$metric は指標の ID、$unit は count・money・ratio・number・rating）。
value-counted = { $unit ->
        [count] { $metric ->
            [web-users] { $value }人
            [web-new_users] { $value }人
            [social-followers] { $value }人
            [web-sessions] { $value }回
            [web-pageviews] { $value }回
            [ads-impressions] { $value }回
            [ads-clicks] { $value }回
            [seo-clicks] { $value }回
            [seo-impressions] { $value }回
            [local-views] { $value }回
            [local-views_search] { $value }回
            [local-views_maps] { $value }回
            [local-website_clicks] { $value }回
            [social-impressions] { $value }回
            [email-opens] { $value }回
            [email-clicks] { $value }回
            [email-delivered] { $value }通
           *[other] { $value }件
        }
       *[other] { $value }
    }
# --- trends ---
trend-bars-title-month = { $metric }（直近{ $count }か月）
trend-bars-title-week = { $metric }（直近{ $count }週）
trend-bars-title-quarter = { $metric }（直近{ $count }四半期）
trend-legend-complete = 全日分
trend-legend-partial = 欠損日あり
trend-legend-last-year = 前年同期
yoy-caption = { $channel }：前年同期との比較
yoy-metric = 指標
yoy-change = 増減
# --- groups ---
dim-location = 拠点
section-locations = 拠点別
locations-change = 変化
locations-goals = 目標達成
locations-goals-met = { $total }件中{ $met }件
locations-data = データの充足度
locations-data-failed = { $share }・{ $count }件取得不可
locations-ranking = { $metric }による拠点ランキング
locations-best-mover = 最も伸びた拠点：{ $metric }
locations-worst-mover = 最も落ち込んだ拠点：{ $metric }
locations-rates = 使用した為替レート
locations-rate-month = 月
locations-rate = レート
locations-rate-value = { $from } = { $to }

# --- digest ---
# A quarter on a bar whose year is written under its group of bars; { $quarter } 1 to 4.
trend-quarter-short = 第{ $quarter }四半期

# --- digest2 ---
# Written in print after the weekly digest's 13 weeks' charts where some had no room; { $metrics } names the metrics left out, as a list; { $weeks } is 13, in the report's digits.
week-trends-left-out = このダイジェストを2ページに収めるため、{ $metrics }の過去{ $weeks }週間は省略しています。

# --- publish ---
site-title = { $client }・レポート一覧
site-intro = { $agency }が作成したすべてのレポート（新しい順）です。
site-view = レポートを見る
site-pdf = PDFをダウンロード
site-latest = 最新
site-empty = まだ公開されたレポートはありません。
site-private = このページはお客様専用です。アドレスを共有しないでください。
site-all-reports = すべてのレポート

# --- session8 ---
by-dimension-table = { $dimension }別の成果
overview-section-health = データの状態

# --- conn-more ---
section-shop = オンラインショップ
metric-shop-revenue = ショップ売上
definition-shop-revenue = 期間中の注文の返金後の現在の合計です。キャンセルされた注文とテスト注文は含みません。
metric-shop-orders = 注文数
definition-shop-orders = 受けた注文の数です。キャンセルされた注文とテスト注文は含みません。
metric-shop-average_order_value = 平均注文額
definition-shop-average_order_value = ショップ売上 ÷ 注文数。
metric-email-sent = メール送信数
definition-email-sent = リストに送信したメールの数です（到達したかどうかを問いません）。
metric-email-bounces = バウンス数
definition-email-bounces = 受信側サーバーが恒久的または一時的に拒否したメールの数です。
metric-email-unsubscribes = 配信停止数
definition-email-unsubscribes = 期間中のメールから配信を停止した人の数です。
metric-social-video_views = 動画の視聴回数
definition-social-video_views = チャンネルの動画が視聴された回数です。
metric-social-watch_minutes = 総再生時間（分）
definition-social-watch_minutes = チャンネルの動画が視聴された時間（分）です。
metric-social-net_followers = フォロワー純増数
definition-social-net_followers = 増えたフォロワー数から減ったフォロワー数を引いた数です。

# --- overview ---
overview-title = 代理店の概況
overview-internal = 社内用：クライアントには共有しないでください
overview-summary = { $clients } 社中 { $attention } 社に対応が必要です
overview-group = { $name }（グループ）
overview-section-clients = クライアント（緊急度の高い順）
overview-section-kpis = 主要指標
overview-section-sources = 対応が必要なデータソース
overview-col-client = クライアントと対応内容
overview-col-delivery = 送付
overview-col-goals-met = 達成した目標
overview-col-goals-missed = 未達の目標
overview-col-sources = 要修正のソース
overview-col-kpi = 指標
overview-col-value = 値
overview-col-previous = 前回
overview-col-change = 変化
overview-col-source = ソースと対処方法
overview-col-health = 状態
overview-col-checked = 確認日
overview-no-attention = 対応不要
overview-all-sources-ok = 対応が必要なソースはありません。
overview-attention-delivery-uncertain = 送付が不確か
overview-attention-delivery-failed = 送付に失敗
overview-attention-report-failed = レポート作成に失敗
overview-attention-credentials-expired = 認証情報の期限切れ
overview-attention-sources-failing = ソースのエラー
overview-attention-goals-missed = 目標未達
overview-attention-big-drop = 大幅な低下
overview-attention-awaiting-approval = 承認待ち
overview-attention-data-incomplete = データ不足
overview-attention-not-rendered = レポート未作成
overview-delivery-sent = 送付済み
overview-delivery-not-sent = 未送付
overview-delivery-held = 保留中
overview-delivery-awaiting-approval = 承認待ち
overview-delivery-uncertain = 不確か
overview-delivery-failed = 失敗
overview-delivery-not-rendered = 未作成
overview-health-ok = 正常
overview-health-expired = 期限切れ
overview-health-no-credentials = 認証情報なし
overview-health-forbidden = 権限なし
overview-health-quota = 割り当て超過
overview-health-failed = エラー
overview-health-late = 遅延
