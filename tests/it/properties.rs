//! Property tests (proptest): slugs, dates and front-matter splitting hold
//! their promises for generated input, not only for the examples we thought of.
//! Case counts stay modest so CI stays fast; `fuzz/` goes further.

use dateline::content::{Format, split};
use dateline::dates;
use dateline::slug::slugify;
use jiff::tz::TimeZone;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        // Tests write only into temporary folders: no regression files in
        // the source tree (a failure prints its minimal input instead).
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn slugs_are_never_paths_and_are_stable(text in any::<String>()) {
        let slug = slugify(&text);
        prop_assert!(!slug.contains(['/', '\\', '.', '%']), "{text:?} -> {slug:?}");
        prop_assert_eq!(slugify(&slug), slug.clone());
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'));
    }

    #[test]
    fn hostile_looking_slugs(text in "[./\\\\%a-z0-9 ]{0,40}") {
        let slug = slugify(&text);
        prop_assert!(!slug.contains(['/', '\\', '.', '%']));
        prop_assert!(slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }

    #[test]
    fn dates_round_trip_through_every_written_form(
        (y, m, d) in (1000i16..=9999, 1i8..=12, 1i8..=28),
        (h, min, s) in (0i8..=23, 0i8..=59, 0i8..=59),
        offset_minutes in -14 * 60i32..=14 * 60,
        style in 0usize..4,
    ) {
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let (oh, om) = (offset_minutes.abs() / 60, offset_minutes.abs() % 60);
        let text = match style {
            0 => format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}{sign}{oh:02}:{om:02}"),
            1 => format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}:{s:02} {sign}{oh:02}{om:02}"),
            2 => format!("{y:04}-{m}-{d} {h}:{min:02}:{s:02} {sign}{oh:02}{om:02}"),
            _ => format!("{y:04}-{m:02}-{d:02}t{h:02}:{min:02}:{s:02}{sign}{oh:02}{om:02}"),
        };
        let z = dates::parse(&text, &TimeZone::UTC).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        let civil = jiff::civil::datetime(y, m, d, h, min, s, 0);
        let expected = civil.to_zoned_datetime(TimeZone::UTC).expect("zoned").timestamp().as_second()
            - i64::from(offset_minutes) * 60;
        prop_assert_eq!(z.timestamp().as_second(), expected, "{}", text);
        let back = dates::parse(&dates::rfc3339(&z), &TimeZone::UTC).expect("rfc3339 parses");
        prop_assert_eq!(back.timestamp(), z.timestamp());
    }

    #[test]
    fn date_parsing_never_panics(text in "[0-9T:+\\- Zz.,a-z]{0,40}") {
        let _ = dates::parse(&text, &TimeZone::UTC);
        let _ = dates::from_file_name(&text);
        let _ = dates::format(&text, "%B %-d, %Y");
    }

    #[test]
    fn splitting_never_panics(text in any::<String>()) {
        if let Ok(parts) = split(&text) {
            prop_assert!(text.ends_with(parts.body));
            prop_assert!(parts.front_line < parts.body_line);
        }
    }

    #[test]
    fn front_and_body_reassemble(
        blank in proptest::collection::vec(prop_oneof!["", " ", "\t"], 0..3),
        toml in any::<bool>(),
        crlf in any::<bool>(),
        front in proptest::collection::vec("[a-z]{1,8}: [^\\r\\n]{0,20}", 0..6),
        body in "[^\\r]{0,200}",
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let fence = if toml { "+++" } else { "---" };
        // A front line that is itself a fence would end the block early.
        prop_assume!(front.iter().all(|l| l.trim_end() != fence && l.trim_end() != "..."));
        let lead: String = blank.iter().map(|b| format!("{b}{nl}")).collect();
        let front_text: String = front.iter().map(|l| format!("{l}{nl}")).collect();
        let text = format!("{lead}{fence}{nl}{front_text}{fence}{nl}{body}");
        let parts = split(&text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(parts.format, if toml { Format::Toml } else { Format::Yaml });
        prop_assert_eq!(parts.front, front_text.as_str());
        prop_assert_eq!(parts.body, body.as_str());
        prop_assert_eq!(format!("{lead}{fence}{nl}{}{fence}{nl}{}", parts.front, parts.body), text.clone());
        prop_assert_eq!(parts.front_line, blank.len() + 2);
        prop_assert_eq!(parts.body_line, blank.len() + front.len() + 3);
    }
}
