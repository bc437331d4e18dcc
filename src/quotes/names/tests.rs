use super::*;

fn char_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// The plain definition `tokens` must agree with.
/// A piece of dashes alone starts the lead of the word after it.
fn tokens_by_definition(s: &str) -> Vec<(&str, &str, &str)> {
    let mut out = Vec::new();
    let mut dash = None;
    for raw in s.split(char::is_whitespace).flat_map(|w| w.split_inclusive('\u{2014}')) {
        let at = raw.as_ptr() as usize - s.as_ptr() as usize;
        if raw.contains(char::is_alphanumeric) {
            let a = raw.find(char::is_alphanumeric).unwrap_or(raw.len());
            let b = raw.rfind(char::is_alphanumeric).map_or(a, |i| i + char_len(raw, i)).max(a);
            out.push((&s[dash.take().unwrap_or(at)..at + a], &raw[a..b], &raw[b..]));
        } else if !raw.is_empty() && raw.chars().all(is_dash) {
            dash = dash.or(Some(at));
        }
    }
    out
}

#[test]
fn tokens_split_words_from_punctuation() {
    let cases = [
        "\u{201c}We open at dawn,\u{201d} Quill said.",
        "Roe\u{2014}who\u{2014}left \u{2014} early\u{2014}",
        "  (Mr. O'Neil-Smith's) \u{00e9}t\u{00e9} 42% \t\n\u{3000}\u{4eac}\u{90fd}!! \u{2026} -- \"\"",
        "",
        "\u{2014}\u{2014}",
    ];
    for s in cases {
        let got: Vec<_> = tokens(s).iter().map(|t| (t.lead, t.word, t.trail)).collect();
        assert_eq!(got, tokens_by_definition(s), "{s:?}");
    }
    let t = tokens("\u{201c}Yes,\u{201d} Roe\u{2014}who");
    assert_eq!((t[0].lead, t[0].word, t[0].trail), ("\u{201c}", "Yes", ",\u{201d}"));
    assert_eq!((t[1].word, t[1].trail, t[2].word), ("Roe", "\u{2014}", "who"));
}

#[test]
fn tokens_agree_with_the_definition_on_random_text() {
    let pieces = [
        "a", "Z", "9", " ", "\t", "\n", ".", ",", "\u{2014}", "\u{201c}", "\u{201d}", "'", "\u{00e9}",
        "\u{3000}", "\u{4eac}", "-", "!",
    ];
    for s in crate::testing::random_texts(0x9e37_79b9_7f4a_7c15, &pieces) {
        let got: Vec<_> = tokens(&s).iter().map(|t| (t.lead, t.word, t.trail)).collect();
        assert_eq!(got, tokens_by_definition(&s), "{s:?}");
    }
}

#[test]
fn first_sentence_is_the_tokens_up_to_the_first_sentence_end() {
    let pieces = ["a", "Mr", "Z", "9", " ", ".", ",", "?", "\u{2026}", "\u{2014}", "\u{201d}", "é", "!"];
    for s in crate::testing::random_texts(0x51ce, &pieces) {
        let all = tokens(&s);
        let end = all.iter().position(ends_sentence).map_or(all.len(), |k| k + 1);
        let got: Vec<_> = first_sentence(&s).iter().map(|t| (t.lead, t.word, t.trail)).collect();
        let want: Vec<_> = all[..end].iter().map(|t| (t.lead, t.word, t.trail)).collect();
        assert_eq!(got, want, "{s:?}");
    }
}

#[test]
fn last_sentence_is_the_tokens_after_the_last_sentence_end() {
    let pieces = [
        "a", "Mr", "Z", "9", " ", "  ", "\t", "\u{a0}", "\u{3000}", ".", ",", "?", "\u{2026}", "\u{2014}",
        "\u{201d}", "é", "!", "3.5", "U.S.",
    ];
    for s in crate::testing::random_texts(0x1a57, &pieces) {
        let all = tokens(&s);
        let start = all.iter().rposition(ends_sentence).map_or(0, |k| k + 1);
        let got: Vec<_> = last_sentence(&s).iter().map(|t| (t.lead, t.word, t.trail)).collect();
        let want: Vec<_> = all[start..].iter().map(|t| (t.lead, t.word, t.trail)).collect();
        assert_eq!(got, want, "{s:?}");
    }
}

fn name(s: &str) -> Option<String> {
    let t = tokens(s);
    name_at(&t, 0).map(|(w, _)| join(&w, true))
}

#[test]
fn name_runs() {
    assert_eq!(name("Dr. Ada Quill, a chemist"), Some("Ada Quill".into()));
    assert_eq!(name("Sen. Bo R. Tamm said"), Some("Bo R. Tamm".into()));
    assert_eq!(name("Ministry of Tea Affairs said"), Some("Ministry of Tea Affairs".into()));
    assert_eq!(name("Jules de la Forge a dit"), Some("Jules de la Forge".into()));
    assert_eq!(name("Dr Rashid al-Mansouri, a physician"), Some("Rashid al-Mansouri".into()));
    assert_eq!(name("Gráinne Ó Súilleabháin said"), Some("Gráinne Ó Súilleabháin".into()));
    assert_eq!(name("Estmere Chamber of Commerce said"), Some("Estmere Chamber of Commerce".into()));
    assert_eq!(name("Veldonian Ministry of Justice said"), Some("Veldonian Ministry of Justice".into()));
    assert_eq!(name("Jane Roe of Justice Watch said"), Some("Jane Roe".into()));
    assert_eq!(name("Representative Peter T. King, Republican"), Some("Peter T. King".into()));
    assert_eq!(name("Quillcorp's CEO said"), Some("Quillcorp".into()));
    assert_eq!(name("Lumen's Data Lab said"), Some("Lumen's Data Lab".into()));
    assert_eq!(name("The company said"), None);
    assert_eq!(name("Marine Le Pen told reporters"), Some("Marine Le Pen".into()));
    assert_eq!(name("Le Pen told reporters"), Some("Le Pen".into()));
    assert_eq!(name("Le gouvernement a dit"), None);
    assert_eq!(name("Palm Beach - Roe said"), Some("Palm Beach".into()));
    assert_eq!(name("Palm Beach \u{2014} Roe said"), Some("Palm Beach".into()));
    assert_eq!(name("Harbour Master Ned Pike said"), Some("Ned Pike".into()));
    assert_eq!(name("Co-owner Ivy Marsh said"), Some("Ivy Marsh".into()));
    assert_eq!(name("Nine-year-old Pia Lund said"), Some("Pia Lund".into()));
    assert_eq!(name("Kent Gov. Al Dorn said"), Some("Al Dorn".into()));
    assert_eq!(name("OAKTON Mayor Una Bell won"), Some("Una Bell".into()));
    assert_eq!(name("Junior Max Ode said"), Some("Max Ode".into()));
    assert_eq!(name("Justice Alliance said"), Some("Justice Alliance".into()));
    // A word before a common first name describes the person.
    assert_eq!(name("Fisherman Alan Dunne said"), Some("Alan Dunne".into()));
    assert_eq!(name("W. Neil Tamm said"), Some("W. Neil Tamm".into()));
    assert_eq!(name("Jo Ann Tamm said"), Some("Jo Ann Tamm".into()));
    assert_eq!(name("Organiser Bethan Tamm said"), Some("Bethan Tamm".into()));
    assert_eq!(name("Paul Allen Tamm said"), Some("Paul Allen Tamm".into()));
    assert_eq!(name("PC Lys Fenner said"), Some("Lys Fenner".into()));
}

#[test]
fn an_owner_before_a_bodys_word_is_part_of_its_name() {
    let of = |s: &str| name(s).map(|n| n.replace('\u{2019}', "'"));
    assert_eq!(of("Orrin Bay Children\u{2019}s Hospital said"), Some("Orrin Bay Children's Hospital".into()));
    assert_eq!(of("Guild of Cider Makers said"), Some("Guild of Cider Makers".into()));
    assert_eq!(of("Apple Growers\u{2019} Guild said"), Some("Apple Growers Guild".into()));
    assert_eq!(of("Nursing Staff Association said"), Some("Nursing Staff Association".into()));
    // A first name shows the owner is a person, whose party is named apart.
    assert_eq!(of("Marguerite Tamm's National Renewal slipped"), Some("Marguerite Tamm".into()));
}

#[test]
fn groups_gerunds_and_counts_lead_into_a_name() {
    assert_eq!(name("Harbourites Ned Pike and Ivy Marsh"), Some("Harbourites Ned Pike".into()));
    assert_eq!(name("Oaktonians Ned Pike and Ivy Marsh"), Some("Ned Pike".into()));
    assert_eq!(name("Quoting Pike, she left"), Some("Pike".into()));
    // A count is no first name; the scan finds "Pike" at the next word.
    assert_eq!(name("Six Pike voters said"), None);
    assert_eq!(name("Hans Ode said"), Some("Hans Ode".into()));
    assert_eq!(name("Sterling Ode said"), Some("Sterling Ode".into()));
}

#[test]
fn a_full_stop_inside_brackets_or_after_a_state_goes_on() {
    let ends = |s: &str| tokens(s).iter().filter(|t| ends_sentence(t)).count();
    assert_eq!(ends("Sen. Ivy Marsh (D-Ore.) has said no."), 1);
    assert_eq!(ends("Ned Pike of Salem, Mass., said no."), 1);
    assert_eq!(ends("She left. He stayed."), 2);
}

#[test]
fn the_object_of_an_office_is_not_part_of_the_name() {
    let t =
        tokens("Secretary of State Ann Roe said, and Chief of Staff Roe agreed. The Bank of England spoke.");
    let at = |w: &str| t.iter().position(|k| k.word == w).expect("word");
    assert_eq!(name_at(&t, at("State")).map(|n| n.0), Some(vec!["Ann", "Roe"]));
    assert_eq!(name_at(&t, at("Staff")).map(|n| n.0), Some(vec!["Roe"]));
    // "Bank" is no title: England stays a name of its own.
    assert_eq!(name_at(&t, at("England")).map(|n| n.0), Some(vec!["England"]));
}

#[test]
fn sentence_adverbs_open_no_name() {
    assert!(is_stop("Interestingly") && is_stop("Reportedly") && is_stop("Additionally"));
    assert!(!is_stop("Kimberly") && !is_stop("Connolly") && !is_stop("Beverly") && !is_stop("Emily"));
    let t = tokens("Interestingly Blocher said the party must be careful.");
    assert!(name_at(&t, 0).is_none_or(|n| !n.0.contains(&"Interestingly")));
    assert_eq!(name_at(&t, 1).map(|n| n.0), Some(vec!["Blocher"]));
}

#[test]
fn nicknames_sit_between_a_first_name_and_a_surname() {
    assert!(nickname_within("Tommo", "Jake", "Thompson"));
    assert!(nickname_within("The Hammer", "Tony", "Ruiz,"));
    // A quoted title after a name, or a word before a verb, is no nickname.
    assert!(!nickname_within("Tommo", "Jake", "said"));
    assert!(!nickname_within("the best", "Jake", "Thompson"));
    assert!(!nickname_within("Tommo", "Mr", "Thompson"));
}

#[test]
fn a_hyphenated_given_name_ending_in_ing_is_no_gerund() {
    let t = tokens("Mei-Ling Cho, a hydrologist, said");
    assert_eq!(name_at(&t, 0).map(|(w, _)| w), Some(vec!["Mei-Ling", "Cho"]));
    let t = tokens("Asserting Clinton's record");
    assert_eq!(name_at(&t, 0).map(|(w, _)| w), Some(vec!["Clinton"]));
}

#[test]
fn letters_after_a_name_are_no_part_of_it() {
    assert_eq!(name("Rebecca Holloway KC told the jury"), Some("Rebecca Holloway".into()));
    assert_eq!(name("Owen Price MP said"), Some("Owen Price".into()));
    let t = tokens("Rebecca Holloway KC told the jury");
    assert_eq!(name_at(&t, 0).map(|(_, end)| t[end].word), Some("told"));
}
