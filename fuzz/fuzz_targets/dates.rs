//! Dates: parsing any text never panics, and every date read formats back
//! to text that reads as the same time, to the second.
#![no_main]

use dateline::dates;
use jiff::tz::TimeZone;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = dates::from_file_name(text);
    let _ = dates::from_folders(text.split('/'));
    let _ = dates::format(text, "%B %-d, %Y %H:%M");
    for tz in [TimeZone::UTC, TimeZone::get("America/New_York").expect("zone")] {
        if let Ok(z) = dates::parse(text, &tz) {
            let back = dates::parse(&dates::rfc3339(&z), &tz).expect("round trip");
            // RFC 3339 here is written to the second: compare the civil time
            // without its fraction (an instant's `as_second` truncates toward
            // zero, which differs before 1970).
            let whole = z.datetime().with().subsec_nanosecond(0).build().expect("civil");
            assert_eq!(back.datetime(), whole, "{text:?}");
            assert_eq!(back.offset(), z.offset(), "{text:?}");
        }
    }
});
