//! Where text may wrap, by the language's rules (ICU4X): lines of prose, and short labels
//! (table headers, tile labels) that must break between words only, for the PDF's layout and
//! the HTML's `<wbr>` hints alike.

/// Where a line may end in `text` (byte offsets after each piece, the end included): UAX #14
/// with dictionary breaks for Thai and strict (kinsoku) breaking for Japanese.
pub fn line_breaks(text: &str) -> Vec<usize> {
    icu_segmenter::LineSegmenter::new_dictionary(Default::default())
        .segment_str(text)
        .filter(|&at| at > 0)
        .collect()
}

/// Where a label may break: where a line may end and a word ends (dictionary segmentation
/// for Thai and Japanese), but not inside a run of katakana, which ICU keeps whole as one
/// loanword compound (CSS `word-break: keep-all` does the same). The end is included.
pub fn label_breaks(text: &str) -> Vec<usize> {
    let words: Vec<usize> = icu_segmenter::WordSegmenter::new_dictionary(Default::default())
        .segment_str(text)
        .collect();
    line_breaks(text)
        .into_iter()
        .filter(|at| words.contains(at) || *at == text.len())
        .filter(|&at| {
            let before = text[..at].chars().next_back();
            let after = text[at..].chars().next();
            !(before.is_some_and(is_katakana) && after.is_some_and(is_katakana))
        })
        .collect()
}

/// `text` escaped for HTML (as Tera escapes), with `<wbr>` where a label may break between two characters of
/// a script written without spaces (Thai, Japanese): browsers then keep its words whole
/// under `word-break: keep-all`. Text in other scripts comes out only escaped.
pub fn html_with_word_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut start = 0;
    for at in label_breaks(text) {
        out.push_str(&escape(&text[start..at]));
        let before = text[..at].chars().next_back();
        let after = text[at..].chars().next();
        if before.is_some_and(unspaced) && after.is_some_and(unspaced) {
            out.push_str("<wbr>");
        }
        start = at;
    }
    out.push_str(&escape(&text[start..]));
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F)
}

/// Thai, kana, CJK ideographs and their punctuation: scripts written without word spaces.
fn unspaced(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_break_between_words_only() {
        let pieces = |s: &str| {
            let mut start = 0;
            label_breaks(s)
                .into_iter()
                .map(|at| {
                    let p = &s[start..at];
                    start = at;
                    p.to_string()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pieces("サイトコンバージョン率"),
            ["サイトコンバージョン", "率"]
        );
        assert_eq!(pieces("エンゲージメント率"), ["エンゲージメント", "率"]);
        assert_eq!(pieces("อัตราการมีส่วนร่วม"), ["อัตรา", "การ", "มี", "ส่วน", "ร่วม"]);
        assert_eq!(pieces("Conversion rate"), ["Conversion ", "rate"]);
    }

    #[test]
    fn html_hints_go_between_thai_and_japanese_words_only() {
        assert_eq!(
            html_with_word_breaks("エンゲージメント率"),
            "エンゲージメント<wbr>率"
        );
        assert_eq!(
            html_with_word_breaks("อัตราการมีส่วนร่วม"),
            "อัตรา<wbr>การ<wbr>มี<wbr>ส่วน<wbr>ร่วม"
        );
        assert_eq!(
            html_with_word_breaks("Click <b>& \"go\"</b>"),
            "Click &lt;b&gt;&amp; &quot;go&quot;&lt;/b&gt;"
        );
    }
}
