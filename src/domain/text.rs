//! Text helpers every layer uses: name folding and thousands separators.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a name for comparison (see `domain::place`'s documentation).
#[must_use]
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfd() {
        if is_combining_mark(c) || ('\u{064B}'..='\u{065F}').contains(&c) {
            continue;
        }
        let c = match c {
            '\u{0670}' | '\u{0640}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        };
        out.extend(c.to_lowercase());
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    let words = match words.split_first() {
        Some((first, rest)) if *first == "محافظه" && !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// A count with thousands separators: `1098913` → `"1,098,913"` (the one
/// implementation: `data::grouped` and `model::thousands` are this function).
#[must_use]
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
