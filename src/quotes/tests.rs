//! End-to-end fixtures for `extract`: invented sentences, one per rule. They
//! check the model's best guess; whether it is confident enough to be shown
//! is the threshold's business (see `shown_only_when_confident`).

use super::{Quote, blocks, extract};

pub(super) fn run(md: &str) -> Vec<(String, Option<String>, bool)> {
    extract(&blocks(md))
        .into_iter()
        .map(|q| (q.text, q.guess.filter(|_| q.confidence >= RULE_BAR), q.partial))
        .collect()
}

/// A low bar for naming, below the shown threshold: these fixtures check that
/// the right person leads (or nobody does), not how sure the model is.
const RULE_BAR: f32 = 0.4;

#[test]
fn shown_only_when_confident() {
    let qs = extract(&blocks(
        "\u{201c}Stay home tonight,\u{201d} said Ivo Brant, the harbour master.\n\nRepairs go on. \u{201c}We never asked for this,\u{201d} a neighbour said of the works near Ned Pike's farm.\n",
    ));
    assert_eq!(qs.len(), 2);
    for q in &qs {
        assert!((0.0..=1.0).contains(&q.confidence));
        assert_eq!(q.speaker.is_some(), q.confidence >= super::MIN_CONFIDENCE, "{q:?}");
    }
    assert_eq!(qs[0].speaker.as_deref(), Some("Ivo Brant"));
    assert_eq!(qs[1].speaker, None);
}

fn said(text: &str, who: Option<&str>) -> (String, Option<String>, bool) {
    (text.into(), who.map(Into::into), false)
}

#[test]
fn said_after_and_before_with_surname_and_pronoun() {
    let md = "Ada Quill runs the tea shop on Elm Row.\n\n\"We open at dawn,\" Quill said.\n\n\"Nobody else does,\" she added.\n";
    assert_eq!(
        run(md),
        [said("We open at dawn", Some("Ada Quill")), said("Nobody else does", Some("Ada Quill"))]
    );
}

#[test]
fn split_quote_gives_both_halves_the_speaker() {
    let md = "“The kettle,” said Ben Stout, a plumber, “was never the problem.”";
    assert_eq!(
        run(md),
        [said("The kettle", Some("Ben Stout")), said("was never the problem.", Some("Ben Stout"))]
    );
}

#[test]
fn colon_and_according_to() {
    let md = "Mayor Lena Rusk said: “The bridge reopens in May.”\n\nAccording to Lena Rusk, “the tolls will stay low for everyone.”";
    let got = run(md);
    assert_eq!(got[0], said("The bridge reopens in May.", Some("Lena Rusk")));
    assert_eq!(got[1].1.as_deref(), Some("Lena Rusk"));
}

#[test]
fn a_quote_over_two_paragraphs_is_one_per_paragraph_with_one_speaker() {
    // Labelled news (PolNeAR's annotators, our fixture writers) marks each
    // paragraph of such a quote as a quote of its own.
    let md = "Tom Vale said: “We tried the east road first.\n\n“Then the west road. Both were shut.”\n\nThe roads reopened.";
    let q = extract(&blocks(md));
    let texts: Vec<_> = q.iter().map(|q| (q.text.as_str(), q.block)).collect();
    assert_eq!(texts, [("We tried the east road first.", 0), ("Then the west road. Both were shut.", 1)]);
    assert_eq!(q[0].guess.as_deref(), Some("Tom Vale"));
    assert_eq!((q[1].guess.as_deref(), q[1].confidence), (q[0].guess.as_deref(), q[0].confidence));
}

#[test]
fn partial_quote_is_marked() {
    let md = "Ada Quill called the new tax “a slow poison for small shops”.";
    assert_eq!(run(md), [("a slow poison for small shops".into(), Some("Ada Quill".into()), true)]);
}

#[test]
fn unnamed_speakers_get_none() {
    let md =
        "“The pipes froze twice this week,” a spokesman said.\n\n“Crews are working late,” officials said.";
    assert_eq!(
        run(md),
        [said("The pipes froze twice this week", None), said("Crews are working late", None)]
    );
}

#[test]
fn organisations_speak() {
    let md = "“Deliveries resume on Monday after the storm,” Crumbly Bakeries Ltd said in a statement.";
    assert_eq!(run(md), [said("Deliveries resume on Monday after the storm", Some("Crumbly Bakeries Ltd"))]);
}

#[test]
fn scare_quotes_titles_and_apostrophes_are_skipped() {
    let md = "The so-called “smart” kettle topped the “Most Wanted” list in the ’90s, and Jones’ shop sold the novel “Winter Tea” all year.";
    assert_eq!(run(md), Vec::<(String, Option<String>, bool)>::new());
}

#[test]
fn stray_mark_does_not_swallow_the_article() {
    let md = "The shop’s sign read “Open until late\n\n“We close at nine,” Ada Quill said.";
    let q = run(md);
    assert_eq!(q.last(), Some(&said("We close at nine", Some("Ada Quill"))));
}

#[test]
fn french_guillemets_and_verbs() {
    let md = "« Nous allons reconstruire le pont », a déclaré Jules Forge.\n\n« Le chantier durera deux ans », explique-t-il.";
    assert_eq!(
        run(md),
        [
            said("Nous allons reconstruire le pont", Some("Jules Forge")),
            said("Le chantier durera deux ans", Some("Jules Forge"))
        ]
    );
}

#[test]
fn uncued_follow_up_continues_the_speaker() {
    let md = "“The ferry leaves at six,” said Mia Tarn.\n\n“It comes back at ten.”";
    assert_eq!(run(md)[1], said("It comes back at ten.", Some("Mia Tarn")));
}

#[test]
fn block_index_points_at_the_paragraph() {
    let q: Vec<Quote> = extract(&blocks("Intro text.\n\n“Fresh bread every day,” Ada Quill said."));
    assert_eq!(q[0].block, 1);
}

#[test]
fn pronoun_resolves_to_a_person_of_its_gender() {
    let md = "Mrs Quill and Tom Vale run the depot.\n\n\"The vans are late again,\" she said.\n\n\"We will hire more drivers,\" he said.";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Quill"));
    assert_eq!(got[1].1.as_deref(), Some("Tom Vale"));
}

#[test]
fn pronoun_with_only_the_other_gender_in_reach_names_nobody() {
    let md = "Tom Vale opened the depot in March.\n\n\"It has been a hard winter,\" she said.";
    let q = &extract(&blocks(md))[0];
    assert_eq!(q.speaker, None, "{q:?}");
    assert!(q.confidence < 0.5, "{q:?}");
}

#[test]
fn gender_from_a_pronoun_after_the_name() {
    let md = "Rin Osk closed her bakery on Friday. Tom Marr, a customer, was there.\n\n\"I could not keep up with the rent,\" she said.";
    assert_eq!(run(md)[0].1.as_deref(), Some("Rin Osk"));
}

#[test]
fn quotes_carried_on_from_a_pronoun_are_marked_so() {
    let feature = super::FEATURES.iter().position(|f| *f == "carried_pron").unwrap();
    let carried = |cue: &str| {
        let md = format!(
            "Ada Quill and Una Bell run the ferry.\n\n\u{201c}The tide decides,\u{201d} {cue}. \u{201c}We only follow it.\u{201d}"
        );
        let found = super::extract_with_candidates(&blocks(&md));
        let (q, cands) = &found[1];
        let c = cands.iter().find(|c| Some(&c.name) == q.guess.as_ref()).unwrap();
        (c.name.clone(), c.x[feature])
    };
    assert_eq!(carried("Ada Quill said"), ("Ada Quill".to_string(), 0.0));
    assert_eq!(carried("she said"), ("Una Bell".to_string(), 1.0));
}

#[test]
fn a_first_name_alone_is_a_person_who_may_speak() {
    // Without Susan as a candidate, the quote went on to her father.
    let md = "Fisherman Alan Dunne has worked the quay since he was a boy. \"They never talk about us,\" he said.\n\n\
              His daughter, Susan, who runs the stall, agreed. \"If the boats go, the stall goes.\"";
    let qs = extract(&blocks(md));
    assert_eq!(qs[0].speaker.as_deref(), Some("Alan Dunne"), "the role word is not part of the name");
    assert_ne!(qs[1].speaker.as_deref(), Some("Alan Dunne"));
}

#[test]
fn hearer_and_employer_are_not_speakers() {
    let md = "Ada Quill runs the mill.\n\n\"Repairs will take a week,\" a spokesman for Quillcorp said.\n\nAda Quill was warned that \"the dam may not hold this winter\".\n\nCity Transit officers stood by, saying \"move along please now\" to everyone.";
    // The model leans to the hearer of "was warned" (the rules name nobody) but
    // not enough to print her: the shown speakers are what a reader sees.
    let shown: Vec<_> = extract(&blocks(md)).into_iter().map(|q| q.speaker).collect();
    assert_eq!(shown, [None, None, None]);
}

#[test]
fn person_before_with_the_organisation_speaks() {
    let md =
        "\"The square stays closed until noon,\" Chief Ola Brant with the Dunmore Police Department said.";
    assert_eq!(run(md)[0].1.as_deref(), Some("Ola Brant"));
}

#[test]
fn reopened_paragraph_with_its_own_cue_is_a_new_quote() {
    let md = "Tom Vale said: \"The ferry is late again today.\n\n\"Nobody told us why,\" he added. \"Not a word.\"";
    let got = run(md);
    assert_eq!(got[0].0, "The ferry is late again today.");
    assert_eq!(got[1].0, "Nobody told us why");
}

#[test]
fn dropped_closing_mark_before_a_new_opener() {
    let md = "\"At first,\" Ada Quill said, \"we had one oven for the whole street. “Now we have four and a queue.";
    let texts: Vec<String> = run(md).into_iter().map(|q| q.0).collect();
    assert_eq!(texts, ["At first", "we had one oven for the whole street.", "Now we have four and a queue."]);
}

#[test]
fn titles_nicknames_names_and_placards_are_skipped() {
    let md = "In her book “Bread for Everyone,” Ada Quill wrote about ovens.\n\nLocals dubbed him “the Loaf” for years.\n\nA man who gave his name only as “Rolo” told me he was cold.\n\nMarchers held placards: “MORE BREAD,” “FAIR PAY.”";
    assert_eq!(run(md), Vec::<(String, Option<String>, bool)>::new());
}

#[test]
fn roles_before_a_name_are_not_part_of_it() {
    let md = "“The pier held,” Ferry Master Ned Pike said.\n\n“We sold out by noon,” said bakery owner Ivy Marsh.\n\n“Lunch is too early,” shop steward Al Dorn said.\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Ned Pike"));
    assert_eq!(got[1].1.as_deref(), Some("Ivy Marsh"));
    assert_eq!(got[2].1.as_deref(), Some("Al Dorn"));
}

#[test]
fn surname_prefers_the_person_over_their_business() {
    let md = "Ivy Marsh of Marsh Orchard Farm brought pears.\n\n“The frost missed us,” Marsh said.\n";
    assert_eq!(run(md)[0].1.as_deref(), Some("Ivy Marsh"));
}

#[test]
fn streets_are_not_people_for_pronouns() {
    let md = "Nurse Pia Lund said.\n\nLund, who lives near Quarry Lane, walked past Elm Road.\n\n“It was dark all night,” she said.\n";
    assert_eq!(run(md)[0].1.as_deref(), Some("Pia Lund"));
}

#[test]
fn captions_and_pictures_do_not_interrupt_a_speaker() {
    let md = "“The nets came up empty,” says Oren Vask, a trawler skipper.\n\n![a boat](boat.jpg)\n\n- Oren Vask on his deck at dawn\n\n“We went out again the next day and the day after.”\n";
    assert_eq!(run(md)[1].1.as_deref(), Some("Oren Vask"));
}

#[test]
fn according_to_later_in_the_sentence_and_fuller_names() {
    let md = "The reasons “remain unclear for now” in most cases, according to the Harbour Safety Board.\n\nHis cousin, Lia Mae Tor, came too.\n\n“It was a long drive,” Lia Tor said.\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Harbour Safety Board"));
    assert_eq!(got[1].1.as_deref(), Some("Lia Mae Tor"));
}

#[test]
fn role_before_a_colon_and_titled_organisations() {
    let md = "Former ferry captain Ned Pike took the other side: “The tides were never the problem.”\n\n“We never asked for this,” a member of the Justice Alliance told the hall.\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Ned Pike"));
    assert_eq!(got[1].1, None);
}

#[test]
fn two_quotes_in_one_sentence_share_the_cue_after_the_second() {
    let md = "Ferries remain vital, but “cargo, bikes and kayaks” and the night service “will matter more each year,” according to a Tidewater Analytics report.\n\nThe rent survey suggests “the young families are hurt most” outside the old town, Ivo Brant said.\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Tidewater Analytics"));
    assert_eq!(got[1].1.as_deref(), Some("Tidewater Analytics"));
    assert_eq!(got[2].1.as_deref(), Some("Ivo Brant"));
}

#[test]
fn finite_verb_before_a_participle_and_far_split_verbs() {
    let md = "“Rain is coming,” veteran forecaster Una Bell wrote on Sunday, adding that if the wind turns, “the harbour will close by noon.”\n\nOla Brant had insisted that the plan was sound, calling it a cheaper, “simpler and safer” route.\n";
    let got = run(md);
    assert_eq!(got[1].1.as_deref(), Some("Una Bell"));
    assert_eq!(got[2].1.as_deref(), Some("Ola Brant"));
    assert!(got[2].2);
}

#[test]
fn a_quote_inside_new_narrative_does_not_carry_the_last_speaker() {
    let md = "“The ferry is late again,” Ada Quill said.\n\nComplaints piled up – “fix the timetable now,” one reader wrote in – and the board met.\n\nDuring the storm, Ivo Brant stepped outside and posted this note: “Stay home tonight.”\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Ada Quill"));
    assert_eq!(got[1].1, None);
    assert_eq!(got[2].1.as_deref(), Some("Ivo Brant"));
}

#[test]
fn sentence_openers_are_not_names() {
    let md = "Maybe Quill was right. Does Quill care? Ada Quill runs the ferry.\n\n“We sail at noon,” Quill said.\n\n“Don’t get wet,” instructed Ivo Brant, the harbour master.\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Ada Quill"));
    assert_eq!(got[1].1.as_deref(), Some("Ivo Brant"));
}

#[test]
fn words_on_a_placard_are_not_speech() {
    let md = "Marchers waved a placard that read “Save the ferry, sink the tolls!” as Ada Quill spoke.\n\n“We will not stop,” Quill said.\n";
    let got = run(md);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("Ada Quill"));
}

#[test]
fn every_item_of_a_list_of_placards_is_not_speech() {
    let md = "Marchers carried signs reading \u{201c}No cuts\u{201d}, \u{201c}Fund the ferry\u{201d} and \u{201c}Tolls out.\u{201d}\n\n\
              \u{201c}We will win,\u{201d} Ada Quill said, and \u{201c}we will not stop until the pier is rebuilt.\u{201d}\n";
    let got = run(md);
    let texts: Vec<&str> = got.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(texts, ["We will win", "we will not stop until the pier is rebuilt."]);
    assert!(got.iter().all(|q| q.1.as_deref() == Some("Ada Quill")), "{got:?}");
}

#[test]
fn a_spaced_dash_parts_names_and_capitalised_particles_join_them() {
    let md = "At the ferry office in Port Vell - Quill said little. \u{201c}I never saw the ledger, and I will say so in court,\u{201d} Quill said.\n\nThe party leader, Odile Le Marec, spoke next. \u{201c}The harbour belongs to everyone who works in it,\u{201d} Le Marec told reporters.\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Quill"));
    assert_eq!(got[1].1.as_deref(), Some("Odile Le Marec"));
}

#[test]
fn roles_parties_regions_signatures_and_introductions() {
    let md = "The board met on Monday.\n\n\
\"We cut the fares,\" former Ohio governor Ada Quill said.\n\n\
\"The plan is dead,\" state Sen. Ivo Brant (D) said about halfway through.\n\n\
Sen. Ned Pike, R-Wis., said in an opinion piece before the hearing, \"The office cut the budget.\"\n\n\
\"Rates will rise,\" Dr. Uma Reyes, a cardiologist at Mercy Hospital in Dayton, Ohio, said.\n\n\
\"Build the road.\" \u{2014} Lev Sato\n\n\
Ola Brandt, a retired farmer who voted for both parties, said of the field:\n\n\
\"There is only one choice. He owes nobody.\"\n\n\
A man who gave his name only as \"Perry\" stood by. \"We walked all night,\" \"Perry\" said.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    let want = ["Ada Quill", "Ivo Brant", "Ned Pike", "Uma Reyes", "Lev Sato", "Ola Brandt", "Perry"];
    assert_eq!(got, want.map(|w| Some(w.to_string())));
}

#[test]
fn sentence_adverbs_and_middle_initials_do_not_change_who_speaks() {
    let md = "FBI Director Ivo B. Brant said the review was over.\n\n\
\"The bureau will send the files,\" FBI General Counsel Ivo A. Pike wrote in a letter.\n\n\
\"We love the farmers,\" Quill said. First Quill spoke of the wall.\n\n\
\"We love the bakers,\" Quill said.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got, ["Ivo A. Pike", "Quill", "Quill"].map(|w| Some(w.to_string())));
}

#[test]
fn a_title_case_headline_lends_no_name() {
    // "Responds" runs into the name in the headline; the body names her in full.
    let md = "Ada Quill Responds After Council Vote\n\nThe council voted on Monday to close the old bridge.\n\n\u{201c}We will rebuild it within a year,\u{201d} said Ada Quill, who chairs the works committee.\n";
    assert_eq!(run(md), vec![said("We will rebuild it within a year", Some("Ada Quill"))]);
}

#[test]
fn an_honorific_in_the_cue_keeps_the_name_to_its_gender() {
    let md = "Hillary Quill and her husband, Bill Quill, opened the mill in 1990.\n\n\u{201c}We never looked back,\u{201d} Mrs. Quill said.\n\n\u{201c}Not once,\u{201d} said Mr. Quill.\n";
    assert_eq!(
        run(md),
        vec![said("We never looked back", Some("Hillary Quill")), said("Not once", Some("Bill Quill"))]
    );
}

#[test]
fn a_title_in_quote_marks_does_not_cut_the_sentence_before_a_quote() {
    let md = "Ivo Brant hosted the cooking show for a decade.\n\nAda Quill, a contestant on the show \u{201c}The Long Table,\u{201d} who later ran its kitchen alongside Brant, said the host was \u{201c}always kind and generous to every cook.\u{201d}\n";
    let found = run(md);
    let quote = found.iter().find(|q| q.0.starts_with("always kind")).expect("the quote");
    assert_eq!(quote.1.as_deref(), Some("Ada Quill"));
}

#[test]
fn a_surname_finds_a_name_with_a_suffix() {
    let md = "Robert E. Lane Jr., who farms below the dam, welcomed the news.\n\n\
\u{201c}My father fought for this for thirty years,\u{201d} Lane said.\n\n\
\u{201c}It keeps the money in the valley,\u{201d} he said.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    // Shown without the suffix, as later mentions and most reports name him ...
    assert_eq!(got, [Some("Robert E. Lane".to_string()), Some("Robert E. Lane".to_string())]);
    // ... unless his father of the same name is in the story too.
    let md = "Robert E. Lane Sr. founded the farm; his son Robert E. Lane Jr. runs it.\n\n\
\u{201c}We never sold an acre,\u{201d} said Robert E. Lane Jr.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got, [Some("Robert E. Lane Jr".to_string())]);
}

#[test]
fn a_place_or_party_before_a_role_is_no_speaker() {
    let md = "Sen. Ivo Brant, R-Texas, led the opposition.\n\n\
\"He is wrong, but he is a friend,\" the Texas Republican said.\n\n\
Police Scotland said in a statement: \u{201c}A number of roads remain closed.\u{201d}\n\n\
Committee chairman Cllr Ada Quill opened the debate.\n\n\
Cllr Quill said later: \u{201c}I understand the strength of feeling.\u{201d}\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_ne!(got[0].as_deref(), Some("Texas"));
    assert_eq!(got[1..], [Some("Police Scotland".to_string()), Some("Ada Quill".to_string())]);
}

#[test]
fn kin_and_age_keep_namesakes_apart() {
    // The son is named by his first name after a word for kin, and "the
    // younger Mr Brant" is neither Brant in full: the father is not shown.
    let md = "Ivo Brant, 63, has fished here since he was a teenager.\n\n\
Mr Brant\u{2019}s son, Amrit, 27, said the family were relieved.\n\n\
\u{201c}Dad just wants to get back to normal,\u{201d} he said.\n\n\
\u{201c}I came home because there was a future here,\u{201d} the younger Mr Brant said.\n";
    let shown: Vec<_> = extract(&blocks(md)).into_iter().map(|q| q.speaker).collect();
    assert_eq!(shown.len(), 2);
    assert!(shown.iter().all(|w| w.as_deref() != Some("Ivo Brant")), "{shown:?}");
}

#[test]
fn a_nickname_in_quote_marks_is_part_of_the_name() {
    let md = "Patrol captain Ivo \u{201c}Tommo\u{201d} Brant said the water was clear.\n\n\
\u{201c}We had four boards out,\u{201d} Brant said.\n\n\
Ada \"The Hammer\" Quill agreed. \"Not yet,\" Quill said.\n";
    let found = run(md);
    let got: Vec<_> = found.iter().map(|(t, who, _)| (t.as_str(), who.as_deref())).collect();
    assert_eq!(got, [("We had four boards out", Some("Ivo Brant")), ("Not yet", Some("Ada Quill"))]);
}

#[test]
fn a_lede_quote_is_owned_by_so_says_in_the_next_paragraph() {
    let md = "\u{201c}Nobody here wants to close a single school.\u{201d}\n\n\
So says Gov. Ada Quill, whose budget has split her own party.\n\n\
\u{201c}We will not pretend,\u{201d} said Ivo Brant, who leads the opposition.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got, [Some("Ada Quill".to_string()), Some("Ivo Brant".to_string())]);
}

#[test]
fn an_unnamed_subject_or_an_answer_is_not_given_to_someone_named_before() {
    // "She" is the daughter just described, not the director named before her;
    // an uncued answer to a question is not the asker's.
    let md = "Ada Quill filmed the marsh for four winters.\n\n\
Ivo Brant has not seen the film. His daughter has seen it twice.\n\n\
\u{201c}I sound like a seagull,\u{201d} she said.\n\n\
\u{201c}Then why did nobody understand that?\u{201d} asked Una Roe, a committee member.\n\n\
\u{201c}You would have to ask them.\u{201d}\n";
    let shown: Vec<_> = extract(&blocks(md)).into_iter().map(|q| q.speaker).collect();
    assert_eq!(shown.len(), 3);
    assert_ne!(shown[0].as_deref(), Some("Ada Quill"));
    assert_eq!(shown[1].as_deref(), Some("Una Roe"));
    assert_ne!(shown[2].as_deref(), Some("Una Roe"));
}

#[test]
fn a_bare_surname_means_the_subject_not_the_kin_and_a_first_name_opens_a_sentence() {
    let md = "Theo Vardan learned politics on the ferry. His father, Nikos Vardan, ran the boat.\n\n\
\u{201c}Every argument in this city happened on that boat,\u{201d} Vardan said.\n\n\
The talks were chaired by Ada Quill, a conciliator. She said both sides would return.\n\n\
\u{201c}There is more common ground than it seems,\u{201d} she said.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got, [Some("Theo Vardan".to_string()), Some("Ada Quill".to_string())]);
}

#[test]
fn a_name_between_a_pronoun_cue_and_its_quote_is_what_was_said() {
    // "He said Brant and his plan ..." names Brant as the topic; "he" is still Vale.
    let md = "Ivo Brant wants a second pier.\n\n\
Tom Vale chairs the ferry board. He said Brant and his plan \u{201c}would sink the harbour budget in a year.\u{201d}\n";
    assert_eq!(run(md)[0].1.as_deref(), Some("Tom Vale"));
}

#[test]
fn teams_and_groups_of_people_are_not_a_person() {
    let md = "Kingsmere Rovers lost again on Saturday.\n\n\
\u{201c}We were second to every ball,\u{201d} he said.\n\n\
Leaders of European Jews met in Vienna.\n\n\
\u{201c}Nobody here is surprised,\u{201d} she said.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got, [None, None]);
}

#[test]
fn abbreviated_titles_do_not_end_a_sentence_or_join_a_name() {
    let md = "\u{201c}We promised these people a tram,\u{201d} said Coun. Ada Quill, who represents Ward 4.\n\n\
\u{201c}Hold the line,\u{201d} said Maj. Ivo Brant of the county guard.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got, [Some("Ada Quill".to_string()), Some("Ivo Brant".to_string())]);
}

#[test]
fn a_single_name_with_an_age_or_a_pronoun_after_its_verb_is_a_person() {
    // People known by one name, common in dispatches: no first-name list knows them.
    let md = "Tarvik Osmund runs the aid depot.\n\n\
Zuleyka, a 34-year-old farmer who uses only one name, said she woke at 2 a.m.\n\n\
\u{201c}I could not find my goats,\u{201d} she said.\n\n\
Ivo Brant counted the boats. Orlaith said her family would stay.\n\n\
\u{201c}Where else would we go?\u{201d} she said.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got, [Some("Zuleyka".to_string()), Some("Orlaith".to_string())]);
}

#[test]
fn a_month_can_be_a_first_name_and_a_named_boat_is_no_one() {
    let md = "Leo Quill, a fiddler, died on Friday in June.\n\n\
\u{201c}He played to the end,\u{201d} June Quill said Saturday.\n\n\
In his last weeks, June said, he asked for reels.\n\n\
\u{201c}So it will be reels,\u{201d} she said.\n\n\
Ada Brant, 34, captains the Mary Ellen now.\n\n\
Tom Brant fixed the nets. The Mary Ellen left at dawn.\n\n\
\u{201c}We see the fish every day,\u{201d} she said.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(
        got,
        [Some("June Quill".to_string()), Some("June Quill".to_string()), Some("Ada Brant".to_string())]
    );
}

#[test]
fn a_sign_that_reads_is_not_speech_and_plural_subjects_cue_a_fragment() {
    let md = "A hand-painted sign behind the old bar now reads \u{2018}Be kind or be gone\u{2019}.\n\n\
The authors acknowledge that the older records carry \u{201c}real gaps.\u{201d}\n";
    let got = run(md);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "real gaps.");
}

#[test]
fn a_bare_surname_stays_with_the_subject_after_a_relative_speaks() {
    let md = "Ada Quill has made her quietest album yet.\n\n\
Her mother, Rosa Quill, reads a poem on one track.\n\n\
\u{201c}I am not a singer,\u{201d} Rosa Quill said by phone.\n\n\
\u{201c}She did eleven takes,\u{201d} Quill said. \u{201c}That is where the title comes from.\u{201d}\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got[0].as_deref(), Some("Rosa Quill"));
    assert_eq!(got[1].as_deref(), Some("Ada Quill"));
}

#[test]
fn a_name_for_a_thing_is_no_quote_unless_a_person_gave_it() {
    let md = "It is a burn-off plan that locals have taken to calling \u{201c}the paper burn\u{201d}.\n\n\
The school was rated \u{201c}good\u{201d} at its last inspection.\n\n\
Ada Quill railed against what she calls the \u{201c}harbour cartel\u{201d} on Monday.\n";
    let got = run(md);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "harbour cartel");
}

#[test]
fn children_aged_in_words_and_a_team_before_a_role_are_no_speakers() {
    let md = "Tom Vale runs the club. Freya, ten, said she felt sorry for the younger ones.\n\n\
\u{201c}They will miss the play,\u{201d} she said.\n\n\
According to the Ravens coach, \u{201c}the pack was magnificent.\u{201d}\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got, [Some("Freya".to_string()), None]);
}

#[test]
fn an_uncued_quote_after_an_unnamed_person_acts_is_not_carried() {
    let md = "\u{201c}She never listens,\u{201d} Mrs Quill says, folding dough.\n\n\
Her daughter, overhearing, laughs. \u{201c}That is the truest thing said about me.\u{201d}\n";
    let shown: Vec<_> = extract(&blocks(md)).into_iter().map(|q| q.speaker).collect();
    assert_eq!(shown, [Some("Quill".to_string()), None]);
}

#[test]
fn an_honorific_skips_a_namesake_whose_apposition_gives_the_other_gender() {
    let md = "Senator Ada Quill hired a firm run by Orrin Quill, the younger brother of her husband.\n\n\
Ms. Quill spoke to reporters outside the chamber.\n\n\
\u{201c}I hired people I trust,\u{201d} she said.\n";
    let got: Vec<_> = run(md).into_iter().map(|(_, who, _)| who).collect();
    assert_eq!(got, [Some("Ada Quill".to_string())]);
}

#[test]
fn a_speaker_described_or_left_unnamed_on_purpose_gets_no_name() {
    let md = "Ada Quill chairs the hospital board.\n\n\
At the main entrance, a woman whose mother had surgery said the care was fine. \u{201c}The nurses seem competent,\u{201d} she said.\n\n\
Tom Vale runs the depot. One driver, who asked not to be named, said his route was cut. \u{201c}Nobody told us,\u{201d} he said.\n";
    let shown: Vec<_> = extract(&blocks(md)).into_iter().map(|q| q.speaker).collect();
    assert_eq!(shown, [None, None]);
}

#[test]
fn the_one_who_replies_is_not_the_one_who_asked() {
    let md = "The inquest heard from Ada Quill, a pharmacist who saw the crash from the kerb.\n\n\
\u{201c}Where was the cyclist when the lorry moved?\u{201d} Dr. Una Roe asked.\n\n\
\u{201c}He was beside the cab, in the painted lane,\u{201d} she replied.\n";
    let shown: Vec<_> = extract(&blocks(md)).into_iter().map(|q| q.speaker).collect();
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].as_deref(), Some("Una Roe"));
    assert_ne!(shown[1].as_deref(), Some("Una Roe"));
}

#[test]
fn the_elder_and_the_younger_namesake_speak_as_themselves() {
    let md = "Kostas Demos, 68, opened his bakery in 1986. His son, Nikos Demos, opened a rival across the road.\n\n\
\u{201c}I don\u{2019}t look,\u{201d} the elder Demos said.\n\n\
Across the street, the younger Demos laughed. \u{201c}He looks every morning,\u{201d} he said.\n";
    let got: Vec<_> = extract(&blocks(md)).into_iter().map(|q| q.guess).collect();
    assert_eq!(got, [Some("Kostas Demos".to_string()), Some("Nikos Demos".to_string())]);
}

#[test]
fn a_role_speaks_for_the_one_the_article_tied_to_it() {
    let md = "County Engineer Howard Lisle presented the report. Maria Pruitt, who chairs the board, questioned him about the wells.\n\n\u{201c}The data does not show the landfill is leaking,\u{201d} the engineer said.\n\nKestrel Dynamics said in a statement that it would close two plants.\n\n\u{201c}We regret the impact on our people,\u{201d} the statement said.\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Howard Lisle"));
    assert_eq!(got[1].1.as_deref(), Some("Kestrel Dynamics"));
    // The latest engineer is someone the article does not name.
    let md = "County Engineer Howard Lisle spoke first. Then an engineer from the state office stood up.\n\n\u{201c}The data does not show the landfill is leaking,\u{201d} the engineer said.\n";
    assert_eq!(run(md)[0].1, None);
}

#[test]
fn after_a_reply_an_uncued_paragraph_is_the_askers() {
    let md = "Ada Quill cross-examined the witness, Ned Pike, for an hour.\n\n\u{201c}So you do not know who made the transfers?\u{201d} Quill asked.\n\n\u{201c}I know whose log-in was used,\u{201d} Pike replied.\n\n\u{201c}That is not what I asked.\u{201d}\n";
    let got = run(md);
    assert_eq!(got[1].1.as_deref(), Some("Ned Pike"));
    assert_eq!(got[2].1.as_deref(), Some("Ada Quill"));
}

#[test]
fn councillor_and_aunty_are_titles_before_a_name() {
    let md = "Shire mayor Tony Papadakis opened the hall. Lorraine Mason, a Wiradjuri elder, spoke after him.\n\n\u{201c}We need the state at the table,\u{201d} Cr Papadakis said.\n\n\u{201c}Country needs the right kind of fire,\u{201d} Aunty Lorraine said.\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Tony Papadakis"));
    assert_eq!(got[1].1.as_deref(), Some("Lorraine Mason"));
}

#[test]
fn the_agent_of_a_passive_is_who_she_means_past_a_short_phrase() {
    let md = "Jamie Rees, 17, sat on the design panel.\n\nThe ward was opened on Thursday afternoon by Iris Vaughan, 88. Asked about it, she said it was \u{201c}a far cry from the old huts\u{201d} of her youth.\n";
    assert_eq!(run(md)[0].1.as_deref(), Some("Iris Vaughan"));
}

#[test]
fn a_first_name_is_the_person_not_the_restaurant_named_for_her() {
    let md = "Sofia Papadakis opened her own place in 2015.\n\nAcross the road at Taverna Sofia, her sister tells it differently. \u{201c}Eleni thinks I followed her here,\u{201d} Sofia said.\n";
    assert_eq!(run(md)[0].1.as_deref(), Some("Sofia Papadakis"));
}

#[test]
fn dismissed_as_frames_a_partial_quote_as_its_subjects_words() {
    let md = "Eleanor Whitcombe and Rajesh Menon met in the last debate.\n\nWhitcombe replied that her government had approved 140,000 homes, a figure Menon dismissed as \u{201c}planning permissions, not front doors\u{201d}.\n";
    let q = &extract(&blocks(md))[0];
    assert_eq!(q.guess.as_deref(), Some("Rajesh Menon"));
}

#[test]
fn a_role_word_starting_with_an_accented_letter_reads_without_a_panic() {
    let got = run(
        "\u{201c}We won,\u{201d} said the \u{e9}lite.\n\n\u{201c}We lost,\u{201d} the \u{e9}migr\u{e9} said.\n",
    );
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|q| q.1.is_none()), "{got:?}");
}

#[test]
fn a_title_picks_the_bearer_of_its_gender_after_the_other_was_quoted() {
    // Isobel is quoted first, so her full name is added again as a speaker;
    // the added mention keeps her gender, and "Mr Quarrie" stays her father.
    let md = "Tobiah Quarrie, who is 86, still opens the forge at six.\n\n\
His daughter, Isobel Quarrie, a headteacher, calls him \u{201c}the most patient man alive\u{201d}.\n\n\
\u{201c}I told her she can keep the sign,\u{201d} Mr Quarrie said.\n";
    let got = run(md);
    assert_eq!(got[1].1.as_deref(), Some("Tobiah Quarrie"), "{got:?}");
}

#[test]
fn a_police_rank_abbreviated_is_no_part_of_the_name() {
    let md = "Detective Inspector Rhona Gillick said the raid was planned.\n\n\
DI Gillick said officers were checking two other thefts.\n\n\
\u{201c}Someone knows who these men are,\u{201d} Gillick added.\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Rhona Gillick"), "{got:?}");
}

#[test]
fn a_person_owning_a_party_is_named_apart_from_it() {
    let md = "Imelda Varga\u{2019}s National Renewal slipped to third on Sunday.\n\n\
Varga, whose party lost four seats, did not appear. Instead she wrote in a post: \u{201c}We will be back.\u{201d}\n";
    let got = run(md);
    assert_eq!(got[0].1.as_deref(), Some("Imelda Varga"), "{got:?}");
}

#[test]
fn a_pronoun_opening_a_paragraph_after_sentences_about_a_role_is_its_holder() {
    // The prosecutor is the latest woman named, but the paragraph before the
    // quote is about the judge ("the judge noted … She said …").
    let md = "Judge Ines Marrow of the district court said the deception left her no choice.\n\n\
\u{201c}This was persistent,\u{201d} said Tova Lind, the prosecutor.\n\n\
In her sentencing remarks, the judge noted that Roe had been widely respected. \
She said letters described a generous neighbour.\n\n\
\u{201c}That is what makes this so damaging,\u{201d} she said.\n";
    let got = run(md);
    assert_eq!(got[1].1.as_deref(), Some("Ines Marrow"), "{got:?}");
}

#[test]
fn a_pronoun_after_a_sentence_opening_with_a_role_is_its_holder() {
    let md = "The mayor, Ruth Ellery, chaired the meeting.\n\n\
Ana Voss walked out before the vote. Ms Voss said she \u{201c}could not in conscience\u{201d} back it.\n\n\
The mayor was unmoved. \u{201c}I respect her position,\u{201d} she said.\n";
    let got = run(md);
    assert_eq!(got[1].1.as_deref(), Some("Ruth Ellery"), "{got:?}");
}

#[test]
fn a_pronoun_the_subject_before_may_mean_instead_is_marked_disputed() {
    // The latest woman is Haddad, but the sentence's subject is Ortiz: news
    // means the subject, machine-resolved labels the latest.
    let disputed = |s: &str| {
        let md = format!(
            "Amira Haddad waited nine hours for a bed. Janelle Ortiz leads the nurses\u{2019} union.\n\n\
             {s} \u{201c}Ask anyone out here,\u{201d} she said.\n"
        );
        let k = super::attribution::FEATURES.iter().position(|f| *f == "rule_disputed").unwrap();
        let found = super::extract_with_candidates(&blocks(&md));
        found[0].1.iter().any(|c| c.x[k] > 0.0)
    };
    assert!(disputed("Ortiz, standing a few feet away, said Haddad\u{2019}s experience was common."));
    assert!(!disputed("Ortiz, standing a few feet away, said her experience was common."));
}

#[test]
fn a_named_subject_in_the_quote_s_paragraph_outranks_one_described_before() {
    let md = "Gina Vale and Teresa Vale run the shop. Their mother, they both say, settles every row.\n\n\
Teresa Vale, overhearing from the till, rolled her eyes. \u{201c}That is how it works,\u{201d} she said.\n";
    // "Their mother" no longer makes the he/she nobody's.
    let q = &extract(&blocks(md))[0];
    assert_eq!(q.guess.as_deref(), Some("Teresa Vale"), "{q:?}");
    assert!(q.confidence >= RULE_BAR, "{q:?}");
}

#[test]
fn particles_and_acronyms_give_the_full_name() {
    let q = run(
        "The agency will not organise returns. Isabel de la Fuente, its representative, said there was no deadline.\n\nDe la Fuente said monitors would stay. \u{201c}We are not going to encourage anyone to go back,\u{201d} she said.\n\nKhalid bin Saeed al-Mansouri, the minister, spoke next. Al-Mansouri said: \u{201c}We want safe passage for everyone.\u{201d}\n\nMembers of the Transport and Allied Workers' Union (TAWU) walked out. In a statement, TAWU said: \u{201c}Drivers are not asking for the moon.\u{201d}\n",
    );
    assert_eq!(q[0].1.as_deref(), Some("Isabel de la Fuente"));
    assert_eq!(q[1].1.as_deref(), Some("Khalid bin Saeed al-Mansouri"));
    assert_eq!(q[2].1.as_deref(), Some("Transport and Allied Workers Union"));
}

#[test]
fn the_spokeswoman_is_the_one_the_article_named() {
    let q = run(
        "The council owns the land. Jo Marr, a spokeswoman for Fenbridge District Council, said the authority was pleased.\n\n\u{201c}This is the partnership we want to see,\u{201d} the spokeswoman said.\n\nA spokesman for Lumora Robotics said the firm was hiring. \u{201c}We have not looked back,\u{201d} the spokesman said.\n",
    );
    assert_eq!(q[0].1.as_deref(), Some("Jo Marr"));
    assert_eq!(q[1].1, None);
}
