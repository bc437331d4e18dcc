//! CSS colours as `brand.accent` takes them, and WCAG contrast between two.
//! Parsing is csscolorparser's (named colours, hex, rgb(), hsl(), hwb(),
//! lab(), oklch()...); the contrast formula is WCAG 2's.

/// The built-in stylesheet's light page background (`--paper`).
pub const LIGHT_PAPER: &str = "#fffdf8";
/// The built-in stylesheet's dark page background (`--dark-paper`).
pub const DARK_PAPER: &str = "#161412";

/// A colour as written in `site.yaml`, with its sRGB value.
#[derive(Debug, Clone, PartialEq)]
pub struct Colour {
    /// As written, for messages.
    pub written: String,
    rgba: [f32; 4],
}

impl Colour {
    /// Parses any CSS colour; `None` for anything a browser would not take.
    pub fn parse(text: &str) -> Option<Colour> {
        let c = csscolorparser::parse(text.trim()).ok()?;
        Some(Colour { written: text.trim().to_string(), rgba: c.clamp().to_array() })
    }

    /// The colour for the stylesheet: `#rrggbb`, or `#rrggbbaa` when translucent.
    pub fn css(&self) -> String {
        let [r, g, b, a] = self.rgba8();
        if a == 255 { format!("#{r:02x}{g:02x}{b:02x}") } else { format!("#{r:02x}{g:02x}{b:02x}{a:02x}") }
    }

    fn rgba8(&self) -> [u8; 4] {
        self.rgba.map(|v| (v * 255.0).round() as u8)
    }

    /// This colour laid over `paper` (as a translucent link is seen).
    fn over(&self, paper: &Colour) -> [f32; 3] {
        let a = self.rgba[3];
        std::array::from_fn(|i| self.rgba[i] * a + paper.rgba[i] * (1.0 - a))
    }

    /// WCAG relative luminance of `rgb`.
    fn luminance(rgb: [f32; 3]) -> f32 {
        let lin = |c: f32| if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
        0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
    }
}

/// The light page background.
pub fn light_paper() -> Colour {
    Colour::parse(LIGHT_PAPER).expect("a hex colour")
}

/// The dark page background.
pub fn dark_paper() -> Colour {
    Colour::parse(DARK_PAPER).expect("a hex colour")
}

/// WCAG 2 contrast ratio (1 to 21) of `ink` on `paper`.
pub fn contrast(ink: &Colour, paper: &Colour) -> f32 {
    let p = paper.rgba[..3].try_into().unwrap_or([1.0; 3]);
    let (a, b) = (Colour::luminance(ink.over(paper)), Colour::luminance(p));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `c`, or `c` mixed with white in steps of 5% until it reads (4.5:1) on
/// `paper`: a dark brand red becomes a pink that keeps its hue.
pub fn readable_on(c: &Colour, paper: &Colour) -> Colour {
    let mut rgba = c.rgba;
    rgba[3] = 1.0;
    let mut out = Colour { written: c.written.clone(), rgba };
    for step in 0..=20 {
        let t = step as f32 / 20.0;
        out.rgba = [0, 1, 2, 3].map(|i| if i == 3 { 1.0 } else { c.rgba[i] + (1.0 - c.rgba[i]) * t });
        if contrast(&out, paper) >= 4.5 {
            break;
        }
    }
    out.written = out.css();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Colour {
        Colour::parse(s).unwrap_or_else(|| panic!("{s}"))
    }

    #[test]
    fn every_css_form_parses() {
        for (text, hex) in [
            ("darkred", "#8b0000"),
            ("#abc", "#aabbcc"),
            ("#8a1c1c", "#8a1c1c"),
            ("#8a1c1c80", "#8a1c1c80"),
            ("rgb(138, 28, 28)", "#8a1c1c"),
            ("rgb(138 28 28 / 50%)", "#8a1c1c80"),
            ("hsl(0 100% 50%)", "#ff0000"),
            ("hwb(0 0% 0%)", "#ff0000"),
            ("oklch(62.8% 0.2577 29.23)", "#ff0000"),
            ("lab(54.29 80.8 69.89)", "#ff0000"),
        ] {
            assert_eq!(c(text).css(), hex, "{text}");
        }
        for bad in ["#12345", "reddish", "rgb(1,2)", ""] {
            assert!(Colour::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag_figures() {
        let ratio = |a: &str, b: &str| (contrast(&c(a), &c(b)) * 100.0).round() / 100.0;
        assert_eq!(ratio("#000", "#fff"), 21.0);
        assert_eq!(ratio("#fff", "#fff"), 1.0);
        // WebAIM's checker gives 4.54:1 for #767676 on white.
        assert_eq!(ratio("#767676", "#ffffff"), 4.54);
        // Black at 128/255 over white is grey #7f7f7f (4.0:1; #808080 is 3.95:1).
        assert_eq!(ratio("#00000080", "#ffffff"), 4.0);
    }

    #[test]
    fn the_stylesheet_uses_these_backgrounds() {
        let css = include_str!("../../templates/style.css");
        assert!(css.contains(&format!("--paper: {LIGHT_PAPER};")), "light background out of step");
        assert!(css.contains(&format!("--dark-paper: {DARK_PAPER};")), "dark background out of step");
    }

    #[test]
    fn readable_on_lightens_only_as_far_as_needed() {
        let dark = dark_paper();
        let pink = readable_on(&c("#8a1c1c"), &dark);
        assert!(contrast(&pink, &dark) >= 4.5);
        let already = readable_on(&c("#ffcc00"), &dark);
        assert_eq!(already.css(), "#ffcc00");
    }
}
