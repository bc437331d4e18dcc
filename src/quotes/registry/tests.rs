use super::*;

#[test]
fn surname_resolves_to_latest_full_name() {
    let mut r = Registry::default();
    r.add((0, 0), &["Ada", "Quill"], true);
    r.add((2, 0), &["Ben", "Quill"], true);
    assert_eq!(r.fullest(&["Quill"], (1, 0)), ["Ada", "Quill"]);
    assert_eq!(r.fullest(&["Quill"], (3, 0)), ["Ben", "Quill"]);
    assert_eq!(r.fullest(&["Zed"], (3, 0)), ["Zed"]);
    r.add((4, 0), &["Quill", "Tea", "Rooms"], true);
    assert_eq!(r.fullest(&["Quill"], (5, 0)), ["Ben", "Quill"]);
}

#[test]
fn accents_and_transliterations_are_one_surname() {
    let mut r = Registry::default();
    r.add((0, 0), &["Gerhard", "Müller"], true);
    r.add((0, 40), &["José", "Núñez"], true);
    assert_eq!(r.fullest(&["Mueller"], (1, 0)), ["Gerhard", "Müller"]);
    assert_eq!(r.fullest(&["Muller"], (1, 0)), ["Gerhard", "Müller"]);
    assert_eq!(r.fullest(&["Nunez"], (1, 0)), ["José", "Núñez"]);
    assert!(same_word("Zoë", "Zoe"));
    assert!(!same_word("Muller", "Miller"));
}
