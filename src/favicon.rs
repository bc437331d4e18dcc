//! The site's icons. Browsers ask every site for `/favicon.ico`; without one
//! every page view logs a 404 in the reader's console. Phones ask for
//! `/apple-touch-icon.png` when a reader saves the site to the home screen.
//! A site's own `static/favicon.ico` and `static/apple-touch-icon.png`
//! replace the built-in ones.

use crate::content::Asset;
use crate::render::Page;

/// The built-in icon: a 32x32 PNG in an ICO container. It lives in `src/`,
/// not `templates/`: the sample site at the repository root reads that
/// folder as its template overrides, every file as text.
pub const ICON: &[u8] = include_bytes!("favicon.ico");

/// Where the icon goes, relative to the output root.
pub const PATH: &str = "favicon.ico";

/// The built-in touch icon: the same mark, 180x180 as phones want it.
pub const TOUCH_ICON: &[u8] = include_bytes!("apple-touch-icon.png");

/// Where the touch icon goes (the built-in templates link it).
pub const TOUCH_PATH: &str = crate::render::look::TOUCH_ICON;

/// The built-in icons the site does not copy its own of.
pub fn page(assets: &[Asset]) -> impl Iterator<Item = Page> + use<> {
    let has = |path: &str| assets.iter().any(|a| a.rel == path);
    [(PATH, ICON), (TOUCH_PATH, TOUCH_ICON)]
        .into_iter()
        .filter(|(path, _)| !has(path))
        .map(|(path, bytes)| Page { path: path.into(), bytes: bytes.to_vec() })
        .collect::<Vec<_>>()
        .into_iter()
}

/// Which built-in icons the site replaces with its own, for the key of a rebuild.
pub fn own(assets: &[Asset]) -> (bool, bool) {
    let has = |path: &str| assets.iter().any(|a| a.rel == path);
    (has(PATH), has(TOUCH_PATH))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_is_an_ico_holding_a_png() {
        assert_eq!(&ICON[..4], [0, 0, 1, 0], "ICO header, one image");
        assert_eq!(&ICON[22..26], b"\x89PNG");
        assert_eq!(&TOUCH_ICON[..4], b"\x89PNG");
        assert_eq!(&TOUCH_ICON[16..24], [0, 0, 0, 180, 0, 0, 0, 180], "180x180");
        let own = Asset { source: "static/favicon.ico".into(), rel: PATH.into() };
        let paths: Vec<String> = page(&[own]).map(|p| p.path).collect();
        assert_eq!(paths, [TOUCH_PATH]);
        assert_eq!(page(&[]).map(|p| p.bytes.len()).collect::<Vec<_>>(), [ICON.len(), TOUCH_ICON.len()]);
    }
}
