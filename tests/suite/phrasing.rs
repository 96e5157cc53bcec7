//! Reports that read as if written in the client's language (issue 19): Brightside Family
//! Dental's October 2026 in every language, its key sentences checked against the forms each
//! language uses — rates rise and fall in points (ja ポイント上昇/低下), counts take counters
//! (ja 2,279回), Italian articles ("del 24,3%"), no mid-phrase capitals (tr, id), comparisons
//! that name the period they compare with (前月, Vormonat, "rispetto a settembre 2026"), and
//! metric names that say what they count (an e-mail's click rate, not "Tıklama oranı").

use crate::common::{self, pdf_tools::squash, visible_text};

/// (locale, phrases its report must contain, phrases it must not).
const EXPECTED: &[(&str, &[&str], &[&str])] = &[
    (
        "en-US",
        &["Compared with September 2026", "Email click rate"],
        &["Click rate"],
    ),
    (
        "de-DE",
        &[
            "Im Vergleich zu September 2026",
            "Vormonat: 6.792",
            "E-Mail-Klickrate",
        ],
        &["Vergleichszeitraum"],
    ),
    (
        "fr-FR",
        &[
            "Par rapport à septembre 2026",
            "Mois précédent : septembre 2026",
            "Taux de clic des e-mails",
        ],
        &[],
    ),
    (
        "es-ES",
        &[
            "descenso de 0,86 p. p.",
            "aumento del 24,3 %",
            "Mes anterior: 6792",
            "Tasa de conversión de anuncios",
        ],
        &["conv. de", "del 0,86"],
    ),
    (
        "pt-BR",
        &[
            "Em comparação com setembro de 2026",
            "Mês anterior: 6.792",
            "Taxa de conversão dos anúncios",
        ],
        &["conv. dos"],
    ),
    (
        "it-IT",
        &[
            "in aumento del 24,3%",
            "Tasso di conversione degli annunci in calo di 0,86 p.p.",
            "Rispetto a settembre 2026",
            "Mese precedente: 6792",
            "Tasso di clic delle e-mail",
        ],
        &["aumento di 24,3", "conv."],
    ),
    (
        "id-ID",
        &[
            "Tren harian sesi",
            "Bulan lalu: 6.792",
            "Tingkat klik email",
        ],
        &["Tren harian Sesi"],
    ),
    (
        "tr-TR",
        &[
            "Günlük site dönüşümleri",
            "Günlük e-posta tıklamaları",
            "Önceki ay: 6.792",
            "Karşılaştırma: önceki ay (Eylül 2026)",
            "E-posta tıklama oranı",
        ],
        &["Günlük Site", "Günlük E-posta"],
    ),
    (
        "ja-JP",
        &[
            "広告コンバージョン率は0.86ポイント低下し",
            "広告クリック数は14.2%増加し、2,279回になりました",
            "前月：6,792",
            "比較対象：前月（2026年9月）",
            "メールクリック率",
        ],
        &["ポイント減少", "前期間"],
    ),
    ("th-TH", &["เทียบกับเดือนก่อน (กันยายน", "อัตราการคลิกอีเมล"], &[]),
];

#[test]
fn key_sentences_read_as_each_language_writes_them() {
    let mut wrong = Vec::new();
    for (tag, present, absent) in EXPECTED {
        let (_, html) = common::render_model(
            &common::samples(),
            "brightside-dental",
            "2026-10",
            &["--locale", tag, "--offline"],
        );
        let text = visible_text(&html);
        // The text is NFKC-normalised (ja "：" reads ":"), so are the phrases.
        for p in *present {
            if !text.contains(&squash(p)) {
                wrong.push(format!("{tag}: {p:?} missing"));
            }
        }
        for a in *absent {
            if let Some(at) = text.find(&squash(a)) {
                let context: String = text[at..].chars().take(60).collect();
                wrong.push(format!("{tag}: {a:?} found: …{context}…"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
