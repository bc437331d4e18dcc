//! Cue patterns on invented sentences, one per rule.

use super::super::names::tokens;
use super::*;

fn tail(s: &str) -> Option<Who<'_>> {
    let t = tokens(s);
    tail_cue(&t, false).map(|w| match w {
        Who::Name(v) => Who::Name(v.to_vec()),
        o => o,
    })
}

fn head(s: &str) -> Option<String> {
    let t = tokens(s);
    head_cue(&t, true).map(|w| format!("{w:?}"))
}

#[test]
fn tail_patterns() {
    assert_eq!(tail("said Ada Quill, a baker."), Some(Who::Name(vec!["Ada", "Quill"])));
    assert_eq!(tail("Quill said on Friday."), Some(Who::Name(vec!["Quill"])));
    assert_eq!(tail("Ada Quill, head baker at Crumb Ltd, said."), Some(Who::Name(vec!["Ada", "Quill"])));
    assert_eq!(tail("the bakery's owner, Ada Quill, said."), Some(Who::Name(vec!["Ada", "Quill"])));
    assert_eq!(tail("she told reporters."), Some(Who::Pronoun(Gender::Female)));
    assert_eq!(tail("a spokesman said."), Some(Who::Nobody));
    assert_eq!(tail("a shopkeeper on Market Street said."), Some(Who::Nobody));
    assert_eq!(tail("officials said."), Some(Who::Nobody));
    assert_eq!(tail("the Tea Ministry said."), Some(Who::Name(vec!["Tea", "Ministry"])));
    assert_eq!(tail("according to Ada Quill."), Some(Who::Name(vec!["Ada", "Quill"])));
    assert_eq!(tail("a déclaré Jules Forge."), Some(Who::Name(vec!["Jules", "Forge"])));
    assert_eq!(tail("explique-t-il."), Some(Who::Pronoun(Gender::Male)));
    assert_eq!(tail("and the crowd cheered."), None);
    assert_eq!(tail("the actress said."), Some(Who::Pronoun(Gender::Female)));
    assert_eq!(tail("said the congressman."), Some(Who::Pronoun(Gender::Male)));
    // A role, not a he: whoever the article named as spokesman, if anyone.
    assert_eq!(tail("the spokesman said."), Some(Who::Role("spokesman")));
    let t = tokens("except in the west, Quill said.");
    assert_eq!(closing_cue(&t), Some(Who::Name(vec!["Quill"])));
    let t = tokens("in the west, said Ada Quill, a baker in Dunmore.");
    assert_eq!(closing_cue(&t), Some(Who::Name(vec!["Ada", "Quill"])));
}

#[test]
fn head_patterns() {
    assert_eq!(head("Ada Quill said:"), Some("Name([\"Ada\", \"Quill\"])".into()));
    assert_eq!(head("In a note, the Tea Ministry wrote:"), Some("Name([\"Tea\", \"Ministry\"])".into()));
    assert_eq!(head("Quill called the plan"), Some("Name([\"Quill\"])".into()));
    assert_eq!(head("Ada Quill:"), Some("Name([\"Ada\", \"Quill\"])".into()));
    assert_eq!(head("Selon Jules Forge,"), Some("Name([\"Jules\", \"Forge\"])".into()));
    assert_eq!(head("Adding:"), Some("Clause".into()));
    assert_eq!(head("The menu lists a"), None);
    assert_eq!(head("Ada Quill echoed the point:"), Some("Name([\"Ada\", \"Quill\"])".into()));
    assert_eq!(head("But she chose her words:"), Some("Pronoun(Female)".into()));
    // The one remembered or quoted speaks through the participle.
    assert_eq!(head("Ada Quill recalled her own father telling her:"), Some("Nobody".into()));
    assert_eq!(head("Ada Quill recalled him saying:"), Some("Nobody".into()));
    assert_eq!(head("Quill quoted Ned Pike as saying"), Some("Name([\"Ned\", \"Pike\"])".into()));
    assert_eq!(head("Sgt. Ned Pike of Kent Police said:"), Some("Name([\"Ned\", \"Pike\"])".into()));
    assert_eq!(head("Kent Police said:"), Some("Nobody".into()));
    // Not after a comma: the subject goes on speaking.
    assert_eq!(head("Ada Quill recalled the storm, saying"), Some("Name([\"Ada\", \"Quill\"])".into()));
}

#[test]
fn closing_cue_after_a_determiner() {
    let t = tokens("behind most delays, the Port Authority says.");
    assert_eq!(closing_cue(&t), Some(Who::Name(vec!["Port", "Authority"])));
}

#[test]
fn subject_after_introductory_phrases() {
    let subj = |s: &str| {
        let t = tokens(s);
        sentence_subject(&t).map(|w| format!("{w:?}"))
    };
    assert_eq!(
        subj("On Friday, during the harbour vote, Ada Quill stood up and wrote"),
        Some("Name([\"Ada\", \"Quill\"])".into())
    );
    assert_eq!(subj("Pacing the stage, Ada Quill turned, saying"), Some("Name([\"Ada\", \"Quill\"])".into()));
    assert_eq!(subj("Speaking in Dunmore, Kent, she left, adding"), Some("Pronoun(Female)".into()));
    // A place after a comma in the introduction is not the subject.
    assert_eq!(subj("At a fair in Dunmore, Kent, the mayor left, saying"), None);
    assert_eq!(
        subj("Kelpco's Kent sales chief, Ivo Brant, wrote, adding"),
        Some("Name([\"Ivo\", \"Brant\"])".into())
    );
    // Two people as one subject: neither alone said it.
    assert_eq!(subj("Ada Quill and Ivo Brant issued a statement, calling it"), Some("Nobody".into()));
}

#[test]
fn as_clause_names_the_source() {
    assert_eq!(tail("as the Dunmore Gazette put it on Monday."), Some(Who::Name(vec!["Dunmore", "Gazette"])));
    assert_eq!(tail("as Ada Quill wrote,"), Some(Who::Name(vec!["Ada", "Quill"])));
    assert_eq!(tail("as the tide turned, the crowd left."), None);
}

#[test]
fn the_role_holder_speaks_not_whose_role_it_is() {
    assert_eq!(tail("said Kelpco campaign spokesman Ivo Brant."), Some(Who::Name(vec!["Ivo", "Brant"])));
    assert_eq!(tail("according to Kelpco board chair Ada Quill."), Some(Who::Name(vec!["Ada", "Quill"])));
    // Without a person after the role words, the name stays.
    assert_eq!(tail("said Quill on Friday."), Some(Who::Name(vec!["Quill"])));
}

#[test]
fn lists_and_second_verbs_inside_the_subject() {
    assert_eq!(
        tail("Ada Quill, a professor of ports, planning and transport, said."),
        Some(Who::Name(vec!["Ada", "Quill"]))
    );
    assert_eq!(tail("Ada Quill, wearing a hat and pins, said."), Some(Who::Name(vec!["Ada", "Quill"])));
    assert_eq!(tail("Ms. Quill smiled and said."), Some(Who::Name(vec!["Quill"])));
    assert_eq!(tail("Quill muttered."), Some(Who::Name(vec!["Quill"])));
    assert_eq!(tail("she laughed and replied."), Some(Who::Pronoun(Gender::Female)));
    // A list that names the subject's own clause is not skipped.
    assert_eq!(tail("the mayor, a baker, said."), Some(Who::Role("mayor")));
    assert_eq!(tail("and the crowd cheered and said."), None);
}

#[test]
fn capitalised_verbs_inside_names_are_not_cues() {
    let h = "Ada Quill said the ruling of the judge, Ivo Brant of the United States District Court, was";
    assert_eq!(head(h), Some("Name([\"Ada\", \"Quill\"])".into()));
    assert!(!is_speech_verb("States") && is_speech_verb("states") && is_speech_verb("Said"));
}

#[test]
fn a_place_inside_a_relative_clause_is_not_the_subject() {
    assert_eq!(
        tail("Ada Quill, who lives outside the county town, Dunmore, said."),
        Some(Who::Name(vec!["Ada", "Quill"]))
    );
    assert_eq!(tail("the bakery's owner, Ada Quill, said."), Some(Who::Name(vec!["Ada", "Quill"])));
}

#[test]
fn capitalised_roles_and_nested_organisations() {
    assert_eq!(
        tail("said Dunmore-based Republican strategist Ivo Brant."),
        Some(Who::Name(vec!["Ivo", "Brant"]))
    );
    assert_eq!(
        tail("said undecided Republican voter Ada Quill of Dunmore."),
        Some(Who::Name(vec!["Ada", "Quill"]))
    );
    assert_eq!(
        tail("Ivo Brant of the Kelp Center for Tide Studies wrote."),
        Some(Who::Name(vec!["Ivo", "Brant"]))
    );
    assert_eq!(tail("a fellow of the Kelp Center wrote."), Some(Who::Nobody));
}

#[test]
fn the_holder_of_a_possessive_role_speaks() {
    assert_eq!(
        tail("said Brant's deputy campaign manager, Ada Quill, who ran the last race."),
        Some(Who::Name(vec!["Ada", "Quill"]))
    );
    assert_eq!(tail("said Ivo Brant's lawyer Ada Quill."), Some(Who::Name(vec!["Ada", "Quill"])));
    // A comma after the owner's name leaves the owner speaking.
    assert_eq!(tail("said Ivo Brant, the mayor."), Some(Who::Name(vec!["Ivo", "Brant"])));
    // The unnamed spokesman speaks, not the governor, title or none.
    assert_eq!(tail("a spokesman for Gov. Ivo Brant said."), Some(Who::Nobody));
    assert_eq!(tail("a spokesman for Ivo Brant said."), Some(Who::Nobody));
    assert_eq!(tail("a lawyer representing Ivo Brant said."), Some(Who::Nobody));
    assert_eq!(tail("said Ivo Brant's lawyer."), Some(Who::Nobody));
    assert_eq!(tail("said Ivo Brant's lawyer on Monday."), Some(Who::Nobody));
}

#[test]
fn according_to_after_a_speech_verb_leaves_the_speaker() {
    assert_eq!(tail("Brant said, according to Quill."), Some(Who::Name(vec!["Brant"])));
    assert_eq!(tail("according to Ada Quill."), Some(Who::Name(vec!["Ada", "Quill"])));
}

#[test]
fn ages_states_and_relative_clauses_inside_an_apposition() {
    let ada = Some("Name([\"Ada\", \"Quill\"])".to_string());
    assert_eq!(head("Ada Quill, 45, a baker from Dunmore, said:"), ada);
    assert_eq!(head("Ada Quill of Durham, N.C., said:"), ada);
    assert_eq!(head("Ada Quill, 30, of Raleigh, N.C., who drove four hours to vote, said:"), ada);
    assert_eq!(head("Ada Quill, who bakes in Dunmore, said:"), ada);
}

#[test]
fn roles_with_places_and_party_tags_before_the_verb() {
    let quill = Some(Who::Name(vec!["Ada", "Quill"]));
    assert_eq!(tail("former Ohio governor Ada Quill said."), quill);
    assert_eq!(tail("state Sen. Ada Quill (D) said about halfway through."), quill);
    assert_eq!(tail("Rep. Ada Quill (R-Ohio) told reporters."), quill);
    assert_eq!(tail("the Acme campaign manager said."), Some(Who::Nobody));
    let t = tokens("Sen. Ada Quill, R-Wis., said in an opinion piece before a 2014 hearing,");
    assert_eq!(head_cue(&t, false), Some(Who::Name(vec!["Ada", "Quill"])));
}

#[test]
fn a_region_after_a_place_is_read_past() {
    let quill = Some(Who::Name(vec!["Ada", "Quill"]));
    assert_eq!(tail("Dr. Ada Quill, a cardiologist at Mercy Hospital in Dayton, Ohio, said."), quill);
    assert_eq!(tail("Ada Quill, 62, of Lyon, France, told the paper."), quill);
    assert_eq!(tail("Ada Quill, of Nantes, New Mexico, said."), quill);
    assert_eq!(tail("Quill, however, said."), Some(Who::Name(vec!["Quill"])));
}

#[test]
fn a_dash_then_a_name_signs_the_quote() {
    let quill = Some(Who::Name(vec!["Ada", "Quill"]));
    assert_eq!(tail("— Ada Quill"), quill);
    assert_eq!(tail("\u{2014}Ada Quill, a baker in Dunmore"), quill);
    assert_eq!(tail("-- Ada Quill"), quill);
    assert_eq!(tail("— and the crowd cheered"), None);
}

#[test]
fn middle_initials_after_a_title_run() {
    let baker = Some(Who::Name(vec!["James", "A", "Baker"]));
    assert_eq!(tail("FBI General Counsel James A. Baker wrote in a letter."), baker);
}

#[test]
fn a_name_inside_an_apposition_or_before_a_role_is_not_the_subject() {
    assert_eq!(
        tail("wrote the American ambassador at the time, Ada Quill."),
        Some(Who::Name(vec!["Ada", "Quill"]))
    );
    let t =
        tokens("Ada Quill, the editor in chief of the town's newspaper, The Gazette, said every mayor was");
    assert_eq!(head_cue(&t, true), Some(Who::Name(vec!["Ada", "Quill"])));
    assert_eq!(tail("the bakery's owner, Ada Quill, said."), Some(Who::Name(vec!["Ada", "Quill"])));
}

#[test]
fn two_people_saying_the_words_name_neither() {
    assert_eq!(head("Quill and 24-year-old Ivo Brant explained that").as_deref(), Some("Nobody"));
    assert_eq!(head("Ada Quill and Ivo Brant told reporters that").as_deref(), Some("Nobody"));
    // A comma ends the pair: "on the radio and elsewhere, Brant said".
    assert_eq!(
        head("On the Radio and elsewhere, Ivo Brant said that").as_deref(),
        Some(r#"Name(["Ivo", "Brant"])"#)
    );
}

#[test]
fn so_says_names_the_speaker_after_it() {
    let t = tokens("So says Gov. Ada Quill, whose plan failed.");
    assert!(matches!(so_says(&t), Some(Who::Name(w)) if w == ["Ada", "Quill"]));
    assert!(so_says(&tokens("So the plan failed.")).is_none());
}

#[test]
fn an_opening_participle_is_no_name_before_an_apposition() {
    let t = tokens("Intervening, the housing minister, Fiona Gallagher-Byrne, asked whether he would");
    assert_eq!(head_cue(&t, true), Some(Who::Name(vec!["Fiona", "Gallagher-Byrne"])));
}

#[test]
fn a_relative_clause_with_commas_of_its_own_is_passed_over() {
    assert_eq!(
        tail("Anjali Deshpande, whose husband, Vikram, 47, was among those killed, said."),
        Some(Who::Name(vec!["Anjali", "Deshpande"]))
    );
}

#[test]
fn a_role_may_be_an_owner_s() {
    assert_eq!(tail("the commission\u{2019}s chair said."), Some(Who::Role("chair")));
    assert_eq!(tail("said the club's captain."), Some(Who::Role("captain")));
}
