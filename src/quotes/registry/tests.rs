use super::*;

#[test]
fn surname_resolves_to_latest_full_name() {
    let mut r = Registry::default();
    r.add((0, 0), &["Ada", "Quill"], None);
    r.add((2, 0), &["Ben", "Quill"], None);
    assert_eq!(r.fullest(&["Quill"], (1, 0)), ["Ada", "Quill"]);
    assert_eq!(r.fullest(&["Quill"], (3, 0)), ["Ben", "Quill"]);
    assert_eq!(r.fullest(&["Zed"], (3, 0)), ["Zed"]);
    r.add((4, 0), &["Quill", "Tea", "Rooms"], None);
    assert_eq!(r.fullest(&["Quill"], (5, 0)), ["Ben", "Quill"]);
    // A team named for a person holds the surname too; the person goes first,
    // and the team only where no person has the name.
    r.add((6, 0), &["Team", "Quill"], None);
    assert_eq!(r.fullest(&["Quill"], (7, 0)), ["Ben", "Quill"]);
    r.add((8, 0), &["Team", "Brant"], None);
    assert_eq!(r.fullest(&["Brant"], (9, 0)), ["Team", "Brant"]);
}

#[test]
fn accents_and_transliterations_are_one_surname() {
    let mut r = Registry::default();
    r.add((0, 0), &["Gerhard", "Müller"], None);
    r.add((0, 40), &["José", "Núñez"], None);
    assert_eq!(r.fullest(&["Mueller"], (1, 0)), ["Gerhard", "Müller"]);
    assert_eq!(r.fullest(&["Muller"], (1, 0)), ["Gerhard", "Müller"]);
    assert_eq!(r.fullest(&["Nunez"], (1, 0)), ["José", "Núñez"]);
    assert!(same_word("Zoë", "Zoe"));
    assert!(!same_word("Muller", "Miller"));
}

#[test]
fn a_shared_surname_goes_to_the_one_reported_speaking() {
    let mut r = Registry::default();
    let m = |at, words: &[&str], speaks| Mention {
        at,
        words: words.iter().map(|w| w.to_string()).collect(),
        antecedent: true,
        speaks,
        ..Mention::default()
    };
    r.push(m((0, 0), &["Ada", "Quill"], true));
    r.push(m((2, 0), &["Ben", "Quill"], false));
    assert_eq!(r.fullest(&["Quill"], (3, 0)), ["Ada", "Quill"]);
    r.push(m((4, 0), &["Ben", "Quill"], true));
    assert_eq!(r.fullest(&["Quill"], (5, 0)), ["Ben", "Quill"]);
}

#[test]
fn an_honorific_keeps_a_surname_to_a_person_of_its_gender() {
    let mut r = Registry::default();
    r.add((0, 0), &["Hillary", "Quill"], None);
    r.add((2, 0), &["Bill", "Quill"], None);
    let at = (3, 0);
    assert_eq!(r.fullest(&["Quill"], at), ["Bill", "Quill"]);
    assert_eq!(r.fullest_of(&["Quill"], at, Some(Gender::Female)), ["Hillary", "Quill"]);
    assert_eq!(r.fullest_of(&["Quill"], at, Some(Gender::Male)), ["Bill", "Quill"]);
    // Nobody of that gender: the surname stays as it is.
    r.add((4, 0), &["Ada", "Voss"], None);
    assert_eq!(r.fullest_of(&["Voss"], (5, 0), Some(Gender::Male)), ["Voss"]);
}

#[test]
fn a_shared_surname_goes_to_the_one_named_most() {
    let mut r = Registry::default();
    for block in 0..3 {
        r.add((block, 0), &["Chris", "Murphy"], None);
    }
    r.add((3, 0), &["Anne", "Marie", "Murphy"], None);
    assert_eq!(r.fullest(&["Murphy"], (4, 0)), ["Chris", "Murphy"]);
    // Named as often, the latest is taken.
    r.add((5, 0), &["Anne", "Marie", "Murphy"], None);
    r.add((6, 0), &["Anne", "Marie", "Murphy"], None);
    assert_eq!(r.fullest(&["Murphy"], (7, 0)), ["Anne", "Marie", "Murphy"]);
}

#[test]
fn the_most_named_surname_counts_every_form() {
    let mut r = Registry::default();
    assert_eq!(r.most_named(), 0);
    r.add((0, 0), &["Ada", "Quill"], None);
    r.add((1, 0), &["Ben", "Roe"], None);
    r.add((2, 0), &["Quill"], None);
    r.add((3, 0), &["Ms.", "Quill"], None);
    assert_eq!(r.most_named(), 3);
}

#[test]
fn gender_from_a_pronoun_opening_the_next_sentence() {
    let gender = |text: &str, name: &[&str]| {
        let reg = register_names(&[text.to_string()], std::iter::empty(), |_| false);
        reg.gender_of(&name.iter().map(|w| w.to_string()).collect::<Vec<_>>())
    };
    let maya = ["Maya", "Lund"];
    assert_eq!(
        gender("Class president Maya Lund spoke last. She described pupils asleep.", &maya),
        Some(Gender::Female)
    );
    // Someone else in the sentence: the pronoun may be theirs.
    assert_eq!(gender("Maya Lund thanked Tom Vale. He said nothing.", &maya), None);
    assert_eq!(gender("Maya Lund spoke last. Pupils agreed. He said nothing.", &maya), None);
}

#[test]
fn a_first_name_alone_tells_its_gender_unless_it_is_a_surname() {
    let reg = register_names(
        &["Her husband, Donald, kept the boat and, she says, her sanity.".to_string()],
        std::iter::empty(),
        |_| false,
    );
    assert_eq!(reg.gender_of(&["Donald".to_string()]), Some(Gender::Male));
    let reg = register_names(
        &["Ann Grant spoke. Grant said she was tired.".to_string()],
        std::iter::empty(),
        |_| false,
    );
    assert_eq!(reg.gender_of(&["Grant".to_string()]), Some(Gender::Female));
}

#[test]
fn a_first_name_alone_is_a_person_unless_it_is_as_often_a_place() {
    assert!(is_person(&["Susan"]));
    assert!(!is_person(&["Virginia"]));
    assert!(!is_person(&["Quill"]));
    assert!(is_person(&["Ada", "Quill"]));
}

#[test]
fn a_group_of_people_is_not_a_person() {
    assert!(!is_person(&["African", "American"]));
    assert!(!is_person(&["Pacific", "Islander"]));
    assert!(!is_person(&["Texas", "Democrat"]));
    assert!(is_person(&["Americo", "Paredes"]));
}

/// The names of an article of these paragraphs, none of them quoted.
fn registry_of(paragraphs: &[&str]) -> Registry {
    let blocks: Vec<String> = paragraphs.iter().map(|p| p.to_string()).collect();
    register_names(&blocks, std::iter::empty(), |_| false)
}

#[test]
fn a_generational_suffix_is_no_surname() {
    let reg = registry_of(&[
        "Robert E. Lane Jr., who farms below the dam, spoke first.",
        "Donald Roe Jr. and his father Donald Roe came.",
        "Lane and Roe left.",
    ]);
    let at = (2, 0);
    // "Lane" stands for the son's full name; "Donald Roe" is not his son.
    assert_eq!(reg.fullest(&["Lane"], at), ["Robert", "E", "Lane", "Jr"]);
    assert_eq!(reg.fullest(&["Donald", "Roe"], at), ["Donald", "Roe"]);
    assert!(is_person(&["Joseph", "R", "Murray", "II"]));
}

#[test]
fn a_first_name_opening_a_sentence_is_a_mention_once_its_full_name_is_known() {
    let reg = registry_of(&["His daughter, Mathilde Collet, came home.", "Mathilde, for her part, stayed."]);
    assert_eq!(reg.before((2, 0), 1).count(), 1);
    assert_eq!(reg.fullest(&["Mathilde"], (2, 0)), ["Mathilde", "Collet"]);
}

#[test]
fn a_lone_name_with_an_age_is_a_person_wherever_it_stands() {
    let reg = registry_of(&[
        "Hamid, 43, a teacher, has been digging since Saturday.",
        "Hamid turned the shoe over. He did not speak.",
    ]);
    let hamid = vec!["Hamid".to_string()];
    assert!(reg.shown_as_person(&hamid));
    assert_eq!(reg.before((2, 0), 0).filter(|m| m.words == hamid).count(), 2);
    assert_eq!(reg.last_person((2, 0), 0, Gender::Male), Some(hamid));
}

#[test]
fn a_name_after_a_preposition_of_place_is_no_antecedent() {
    let reg = registry_of(&["Tomas Brannock stood beside Old Margaret, the loom."]);
    let antecedents: Vec<_> =
        reg.before((1, 0), 0).filter(|m| m.antecedent).map(|m| m.words.join(" ")).collect();
    assert_eq!(antecedents, ["Tomas Brannock"]);
}

#[test]
fn a_name_after_kin_or_a_close_tie_is_a_person() {
    let reg = registry_of(&["Beside him worked his neighbour, Ilyan.", "Later came his son, Amrit."]);
    assert!(reg.shown_as_person(&["Ilyan".to_string()]));
    assert!(reg.shown_as_person(&["Amrit".to_string()]));
    // A tie gives no gender; kin does.
    assert_eq!(reg.gender_of(&["Amrit".to_string()]), Some(Gender::Male));
    assert_eq!(reg.gender_of(&["Ilyan".to_string()]), None);
}

#[test]
fn kin_in_the_apposition_leaves_the_surname_to_the_one_the_story_is_about() {
    let reg = registry_of(&[
        "Alan Quarrie has managed the club for 22 years.",
        "Few knew him better than Jamie Quarrie, his nephew, who captained the side.",
        "The club will name a stand for Quarrie.",
    ]);
    assert_eq!(reg.fullest(&["Quarrie"], (2, 0)), ["Alan", "Quarrie"]);
}

#[test]
fn a_first_name_opening_a_sentence_is_a_name_unless_it_is_also_a_word() {
    let reg = registry_of(&["Tomasz had brought a trumpet.", "Grant funding fell."]);
    let named: Vec<_> = reg.before((2, 0), 0).map(|m| m.words.join(" ")).collect();
    assert_eq!(named, ["Tomasz"]);
}

#[test]
fn a_name_after_a_short_opening_phrase_is_the_subject() {
    let reg = registry_of(&[
        "Her father, Luis, shrugs.",
        "In a statement, Jo Roe said no.",
        "The mayor met Tom, Ann Doe and others.",
    ]);
    let opening: Vec<_> = reg.before((3, 0), 0).filter(|m| m.opens).map(|m| m.words.join(" ")).collect();
    assert_eq!(opening, ["Jo Roe", "Luis"]);
}

#[test]
fn a_name_does_not_end_in_a_bare_letter() {
    assert!(!is_person(&["Row", "F"]));
    assert!(!is_person(&["Plan", "B"]));
    assert!(is_person(&["Jo", "Roe"]));
}

#[test]
fn a_street_is_no_person_unless_a_first_name_opens_it() {
    assert!(!is_person(&["Harrow", "Lane"]));
    assert!(is_person(&["Diane", "Lane"]));
}

#[test]
fn namesakes_are_told_apart_by_what_the_article_says_of_their_age() {
    let reg = registry_of(&[
        "Kostas Roe, 68, opened the shop in 1986.",
        "His son, Nikos Roe, opened another across the road. Eleni Roe works the till.",
    ]);
    let at = (2, 0);
    let name = |elder| reg.by_age(&["Roe"], at, elder, None).map(|w| w.join(" "));
    assert_eq!(name(true).as_deref(), Some("Kostas Roe"));
    assert_eq!(name(false).as_deref(), Some("Nikos Roe"));
    // One age alone tells no one apart.
    let one = registry_of(&["Kostas Roe, 68, opened the shop.", "Eleni Roe works the till."]);
    assert_eq!(one.by_age(&["Roe"], at, true, None), None);
}

#[test]
fn an_age_is_no_kinship_when_a_surname_is_shared() {
    let reg = registry_of(&[
        "The justices allowed an appeal by Dorota Roe, 58, a school cleaner.",
        "Her daughter, Katarzyna Roe, 31, a nurse, held her hand.",
    ]);
    assert_eq!(reg.fullest(&["Roe"], (2, 0)), ["Dorota", "Roe"]);
}

#[test]
fn an_acronym_stands_for_the_name_it_abbreviates() {
    let reg = registry_of(&["Lage Landen Rail cancelled 400 trains.", "LLR said it would respond."]);
    assert_eq!(reg.fullest(&["LLR"], (2, 0)), ["Lage", "Landen", "Rail"]);
    assert_eq!(reg.fullest(&["BBC"], (2, 0)), ["BBC"]);
    // Defined in brackets, it stands for words the name scan reads as two runs.
    let reg = registry_of(&[
        "Members of the Transport and Allied Workers' Union (TAWU) walked out.",
        "In a statement, TAWU said the offer was too low.",
    ]);
    let union = ["Transport", "and", "Allied", "Workers", "Union"];
    assert_eq!(reg.fullest(&["TAWU"], (2, 0)), union);
}

#[test]
fn a_particle_is_one_word_in_either_case() {
    let reg = registry_of(&[
        "Annelise van der Hoek, the director, Isabel de la Fuente and Dr Rashid al-Mansouri gave evidence.",
        "Van der Hoek, 58, denies the charges. Al-Mansouri said little. De la Fuente said monitors would stay.",
    ]);
    assert_eq!(reg.fullest(&["Van", "der", "Hoek"], (2, 0)), ["Annelise", "van", "der", "Hoek"]);
    assert_eq!(reg.fullest(&["De", "la", "Fuente"], (2, 0)), ["Isabel", "de", "la", "Fuente"]);
    assert_eq!(reg.fullest(&["Al-Mansouri"], (2, 0)), ["Rashid", "al-Mansouri"]);
    assert_eq!(reg.fullest(&["al-Mansouri"], (2, 0)), ["Rashid", "al-Mansouri"]);
    assert!(same_word("Van", "van") && same_word("el-Sayed", "El-Sayed"));
    assert!(!same_word("Vance", "vance") && !same_word("Alan", "alan"));
}

#[test]
fn a_child_does_not_take_the_bare_surname_from_the_parent_who_speaks() {
    let reg = registry_of(&[
        "The boy, Theo Roe, a second-grader, was not hurt.",
        "Theo’s mother, Anneliese Roe, said she had seen the truck.",
    ]);
    assert_eq!(reg.fullest(&["Roe"], (2, 0)), ["Anneliese", "Roe"]);
}

#[test]
fn the_one_asked_whether_is_the_next_he_or_she() {
    let reg = registry_of(&["Siobhan Gall asked Cathy Mensah whether she had thought of resigning."]);
    assert_eq!(
        reg.last_person((1, 0), 0, Gender::Female),
        Some(vec!["Cathy".to_string(), "Mensah".to_string()])
    );
    let told = registry_of(&["Siobhan Gall told Cathy Mensah that the vote was lost."]);
    assert_eq!(
        told.last_person((1, 0), 0, Gender::Female),
        Some(vec!["Siobhan".to_string(), "Gall".to_string()])
    );
}

#[test]
fn surnames_of_a_gender_are_listed_once_each_before_the_quote() {
    let mut r = Registry::default();
    r.add((0, 0), &["Ada", "Quill"], None);
    r.add((0, 20), &["Ben", "Roe"], None);
    r.add((1, 0), &["Carl", "Pike"], None);
    r.add((1, 30), &["Roe"], None);
    r.add((3, 0), &["Dan", "Lee"], None);
    // Before block 2: Ben Roe and Carl Pike are men, latest first; Ada Quill is a
    // woman; a bare "Roe" tells no gender and Dan Lee comes later.
    assert_eq!(r.surnames_of_gender((2, 0), Gender::Male, 9), ["Pike", "Roe"]);
    assert_eq!(r.surnames_of_gender((2, 0), Gender::Male, 1), ["Pike"]);
    assert_eq!(r.surnames_of_gender((2, 0), Gender::Female, 9), ["Quill"]);
}

#[test]
fn kin_given_with_the_full_name_decides_over_titles_on_the_surname() {
    let reg = registry_of(&[
        "Tobiah Quarrie still opens the forge.",
        "His daughter, Isobel Quarrie, teaches.",
        "Ms Quarrie laughed. Mr Quarrie did not.",
    ]);
    let isobel = ["Isobel".to_string(), "Quarrie".to_string()];
    assert_eq!(reg.gender_of(&isobel), Some(Gender::Female));
    // Without a title or kin word of its own, the surname's mixed titles leave it open.
    let reg =
        registry_of(&["Tobiah Quarrie still opens the forge.", "Ms Quarrie laughed. Mr Quarrie did not."]);
    assert_eq!(reg.gender_of(&["Tobiah".to_string(), "Quarrie".to_string()]), None);
}

#[test]
fn names_after_the_last_quote_s_next_paragraph_are_not_read() {
    let blocks: Vec<String> =
        ["Ada Quill spoke.", "She said yes.", "Ben Roe spoke.", "Cal Moss spoke."].map(String::from).to_vec();
    let reg = register_names(&blocks, [(1, 4, 7)].into_iter(), |_| false);
    assert_eq!(reg.fullest(&["Roe"], (3, 0)), ["Ben", "Roe"]);
    assert_eq!(reg.fullest(&["Moss"], (3, 0)), ["Moss"]);
}
