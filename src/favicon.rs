//! The site's icon. Browsers ask every site for `/favicon.ico`; without one
//! every page view logs a 404 in the reader's console. A site's own
//! `static/favicon.ico` replaces this one.

use crate::content::Asset;
use crate::render::Page;

/// The built-in icon: a 32x32 PNG in an ICO container. It lives in `src/`,
/// not `templates/`: the sample site at the repository root reads that
/// folder as its template overrides, every file as text.
pub const ICON: &[u8] = include_bytes!("favicon.ico");

/// Where the icon goes, relative to the output root.
pub const PATH: &str = "favicon.ico";

/// The built-in icon, unless the site copies its own.
pub fn page(assets: &[Asset]) -> Option<Page> {
    (!own(assets)).then(|| Page { path: PATH.into(), bytes: ICON.to_vec() })
}

/// Whether the site has its own icon among the files it copies.
pub fn own(assets: &[Asset]) -> bool {
    assets.iter().any(|a| a.rel == PATH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_is_an_ico_holding_a_png() {
        assert_eq!(&ICON[..4], [0, 0, 1, 0], "ICO header, one image");
        assert_eq!(&ICON[22..26], b"\x89PNG");
        let own = Asset { source: "static/favicon.ico".into(), rel: PATH.into() };
        assert!(page(&[own]).is_none());
        assert_eq!(page(&[]).map(|p| p.bytes.len()), Some(ICON.len()));
    }
}
