//! Ranking quotes as pull-out candidates for article pages.

use super::Quote;

/// Indices into `quotes` of the best up to `n` pull-out candidates, best first.
pub fn choose_pullquotes(quotes: &[Quote], n: usize) -> Vec<usize> {
    let mut scored: Vec<(i32, usize)> = quotes
        .iter()
        .enumerate()
        // The lede's quote is already what the reader sees first.
        .filter(|(_, q)| q.block != 0)
        .map(|(i, q)| (score(q), i))
        .filter(|&(s, _)| s > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(n).map(|(_, i)| i).collect()
}

fn score(q: &Quote) -> i32 {
    let words = q.text.split_whitespace().count() as i32;
    let mut s = 0;
    if q.speaker.is_some() {
        s += 4;
    }
    if !q.partial {
        s += 4;
    }
    // Outside 8..=40 words a quote is too slight or too long for a pull-out box.
    s -= if words < 8 {
        8 - words
    } else if words > 40 {
        (words - 40) / 4 + 1
    } else {
        0
    };
    if words < 4 { 0 } else { s.max(1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, speaker: Option<&str>, partial: bool, block: usize) -> Quote {
        let speaker: Option<String> = speaker.map(Into::into);
        Quote { text: text.into(), guess: speaker.clone(), speaker, partial, block, confidence: 1.0 }
    }

    #[test]
    fn prefers_named_full_mid_length_and_skips_lede() {
        let qs = vec![
            q("We will open eight new tea rooms across the county this spring.", Some("Ada Quill"), false, 0),
            q("a nice cup of tea for everyone", Some("Ada Quill"), true, 2),
            q("Our bakers start work at four every morning to have bread ready.", None, false, 3),
            q(
                "Our bakers start work at four every morning to have bread ready.",
                Some("Ada Quill"),
                false,
                4,
            ),
            q("Yes.", Some("Ada Quill"), false, 5),
        ];
        assert_eq!(choose_pullquotes(&qs, 2), vec![3, 2]);
        assert_eq!(choose_pullquotes(&qs, 0), Vec::<usize>::new());
    }
}
