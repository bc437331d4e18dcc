use super::*;

#[test]
fn roles_run_into_a_name_are_not_shown() {
    let blocks = ["The political editor of the paper wrote to us again.".to_string()];
    let facts = Facts::of(&blocks);
    let w = ["Washington", "Political", "Editor", "Matthew", "Boyle"];
    assert_eq!(display_words(&w, &facts), ["Matthew", "Boyle"]);
    assert_eq!(
        display_words(&["Debbie", "Wasserman", "Schultz"], &facts),
        ["Debbie", "Wasserman", "Schultz"]
    );
    assert_eq!(display_words(&["Ann", "Roe"], &facts), ["Ann", "Roe"]);
    assert_eq!(display_words(&["Texas-based", "Matt", "Mack"], &facts), ["Matt", "Mack"]);
    assert_eq!(display_words(&["Ana", "Ocasio-Cortez"], &facts), ["Ana", "Ocasio-Cortez"]);
    // "editor" is written in lower case, but a name does not start with "of".
    let org = ["Harbour", "Editor", "of", "Record"];
    assert_eq!(display_words(&org, &facts), org);
}

#[test]
fn a_body_s_name_keeps_its_common_words() {
    let blocks = ["Fire can start while the vehicle is parked.".to_string()];
    let facts = Facts::of(&blocks);
    let office = ["National", "Vehicle", "Safety", "Office"];
    assert_eq!(display_words(&office, &facts), office);
    assert_eq!(display_words(&["Vehicle", "Editor", "Jo", "Roe"], &facts), ["Jo", "Roe"]);
}

use crate::quotes::{blocks, extract_with_candidates};

fn feature(c: &Candidate, name: &str) -> f32 {
    c.x[FEATURES.iter().position(|f| *f == name).expect("a feature of that name")]
}

#[test]
fn candidates_carry_the_rules_answer_and_the_names_around_the_quote() {
    let md = "Ben Roe, the harbour master, waited at the pier on Monday.\n\n\
              \u{201c}Roe will not stop this,\u{201d} said Ada Quill, standing beside him.\n";
    let found = extract_with_candidates(&blocks(md));
    let (quote, cands) = &found[0];
    let names: Vec<&str> = cands.iter().map(|c| c.name.as_str()).collect();
    assert!(names.contains(&"Ada Quill") && names.contains(&"Ben Roe"), "{names:?}");
    let ada = cands.iter().find(|c| c.name == "Ada Quill").expect("Ada Quill");
    let ben = cands.iter().find(|c| c.name == "Ben Roe").expect("Ben Roe");
    // The rules name the subject of "said"; she stands after the quote with the verb.
    assert_eq!(feature(ada, "rule"), 1.0);
    assert_eq!(feature(ada, "in_tail"), 1.0);
    assert_eq!(feature(ada, "tail_verb"), 1.0);
    // He was named just before, and inside the quote: not likely its speaker.
    assert_eq!(feature(ben, "in_quote"), 1.0);
    assert_eq!(feature(ben, "rule"), 0.0);
    assert_eq!(quote.guess.as_deref(), Some("Ada Quill"));
    assert!(cands.iter().all(|c| c.x[0] == 1.0), "every candidate has the bias term");
}

#[test]
fn the_last_reported_speaker_and_subject_are_marked_for_a_pronoun_cue() {
    let md = "Dana Quill said that Robin Vale had ignored the council for a year.\n\n\
              \u{201c}We asked twice and heard nothing,\u{201d} she said.\n";
    let found = extract_with_candidates(&blocks(md));
    let cands = &found[0].1;
    let dana = cands.iter().find(|c| c.name == "Dana Quill").expect("Dana Quill");
    let robin = cands.iter().find(|c| c.name == "Robin Vale").expect("Robin Vale");
    for f in ["spoke_last", "spoke_near", "subject_last", "spoke_last_pron", "subject_last_pron"] {
        assert_eq!((feature(dana, f), feature(robin, f)), (1.0, 0.0), "{f}");
    }
}

#[test]
fn a_quote_with_nobody_named_near_it_has_no_candidates() {
    let md = "The harbour was quiet.\n\n\u{201c}The boats stay in until the wind drops,\u{201d} a spokesman said.\n";
    let found = extract_with_candidates(&blocks(md));
    assert_eq!(found.len(), 1);
    assert!(found[0].1.is_empty(), "{:?}", found[0].1);
    assert_eq!(found[0].0.speaker, None);
    assert_eq!(found[0].0.confidence, 0.0);
}

#[test]
fn a_surname_two_people_share_is_marked() {
    let md = "Ada Quill and Ben Quill run the mill; Ivo Brant runs the shop.\n\n\
              \u{201c}We grind on Mondays,\u{201d} Quill said, and Brant agreed.\n";
    let found = extract_with_candidates(&blocks(md));
    let cands = &found[0].1;
    let quill = cands.iter().find(|c| c.name.ends_with("Quill")).expect("a Quill");
    let brant = cands.iter().find(|c| c.name == "Ivo Brant").expect("Ivo Brant");
    assert_eq!((feature(quill, "namesake"), feature(brant, "namesake")), (1.0, 0.0));
}

#[test]
fn a_name_after_a_or_an_is_a_kind_not_a_candidate() {
    let t = crate::quotes::names::tokens("Ada Quill, who won an Oscar and met a Kennedy, said");
    let names: Vec<Vec<&str>> = names_in(&t).into_iter().map(|(w, _, _)| w).collect();
    assert_eq!(names, [vec!["Ada", "Quill"]]);
}

#[test]
fn a_he_counts_the_other_men_named_before_it_and_so_does_its_chain() {
    let md = "Ben Roe arrived. Carl Pike followed. Dan Lee came last. Ada Quill was late.\n\n\
              \u{201c}We will fix it,\u{201d} he said. \u{201c}Soon.\u{201d}\n\n\
              \u{201c}I was stuck in traffic,\u{201d} she said.\n";
    let found = extract_with_candidates(&blocks(md));
    let rivals = |q: usize, name: &str| {
        let c = found[q].1.iter().find(|c| c.name == name).expect("a candidate of that name");
        feature(c, "rivals_of_gender")
    };
    // Two other men for the he and for the quote it carries on; no other woman for the she.
    assert!((rivals(0, "Dan Lee") - 3f32.ln()).abs() < 1e-6, "{}", rivals(0, "Dan Lee"));
    assert!((rivals(1, "Dan Lee") - 3f32.ln()).abs() < 1e-6);
    assert_eq!(rivals(2, "Ada Quill"), 0.0);
}
