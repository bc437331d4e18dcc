//! The site's icons. Browsers ask every site for `/favicon.ico`; without one
//! every page view logs a 404 in the reader's console. Phones ask for
//! `/apple-touch-icon.png` when a reader saves the site to the home screen.
//! Both are drawn from the site's icon source (`static/favicon.svg`, an SVG
//! `brand.logo`, or `static/favicon.png`) when it has one, else built in; a
//! site's own `static/favicon.ico` or `static/apple-touch-icon.png` is
//! published as it is instead.

use resvg::{tiny_skia, usvg};

use crate::config::Settings;
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

/// Pixels of the icons drawn: the tab icon and the touch icon.
const ICON_SIZE: u32 = 32;
const TOUCH_SIZE: u32 = 180;

/// The icons the site does not copy its own of: drawn from its icon source
/// when that can be drawn, else the built-in ones.
pub fn page(assets: &[Asset], settings: &Settings) -> Vec<Page> {
    let has = |path: &str| assets.iter().any(|a| a.rel == path);
    let drawn = source(assets, settings)
        .and_then(|a| Some((a.rel.to_ascii_lowercase().ends_with(".svg"), std::fs::read(&a.source).ok()?)))
        .and_then(|(svg, bytes)| drawn_icons(svg, &bytes, paper(settings)));
    let (ico, touch) = drawn.unwrap_or_else(|| (ICON.to_vec(), TOUCH_ICON.to_vec()));
    [(PATH, ico), (TOUCH_PATH, touch)]
        .into_iter()
        .filter(|(path, _)| !has(path))
        .map(|(path, bytes)| Page { path: path.into(), bytes })
        .collect()
}

/// The file the icons are drawn from: `static/favicon.svg`, else an SVG
/// `brand.logo`, else `static/favicon.png`.
pub fn source<'a>(assets: &'a [Asset], settings: &Settings) -> Option<&'a Asset> {
    let find = |rel: &str| assets.iter().find(|a| a.rel == rel);
    let brand = &settings.config.brand;
    find("favicon.svg")
        .or_else(|| brand.logo_rel().filter(|_| brand.logo_is_svg()).and_then(find))
        .or_else(|| find("favicon.png"))
}

/// The icon source's path, size and modification time.
pub type SourceKey = (String, u64, Option<std::time::SystemTime>);

/// What decides the icons, for the key of a rebuild: which the site has of
/// its own, and the source's path, size and modification time.
pub fn own(assets: &[Asset], settings: &Settings) -> (bool, bool, Option<SourceKey>) {
    let has = |path: &str| assets.iter().any(|a| a.rel == path);
    let source = source(assets, settings).map(|a| {
        let meta = std::fs::metadata(&a.source).ok();
        (a.rel.clone(), meta.as_ref().map_or(0, |m| m.len()), meta.and_then(|m| m.modified().ok()))
    });
    (has(PATH), has(TOUCH_PATH), source)
}

/// The touch icon's background: phones show a transparent one on black.
fn paper(settings: &Settings) -> tiny_skia::Color {
    let dark = settings.config.brand.scheme == crate::config::brand::Scheme::Dark;
    let hex = if dark { crate::config::colour::DARK_PAPER } else { crate::config::colour::LIGHT_PAPER };
    let v = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(255);
    tiny_skia::Color::from_rgba8(v(1), v(3), v(5), 255)
}

/// The ICO and the touch-icon PNG drawn from an SVG or PNG; `None` when it
/// cannot be read (the built-in icons are used then).
fn drawn_icons(svg: bool, bytes: &[u8], paper: tiny_skia::Color) -> Option<(Vec<u8>, Vec<u8>)> {
    let image = if svg {
        Image::Svg(Box::new(usvg::Tree::from_data(bytes, &usvg::Options::default()).ok()?))
    } else {
        Image::Png(tiny_skia::Pixmap::decode_png(bytes).ok()?)
    };
    let icon = image.draw(ICON_SIZE, 0.0, None)?.encode_png().ok()?;
    let touch = image.draw(TOUCH_SIZE, 0.1, Some(paper))?.encode_png().ok()?;
    let mut dir = ico::IconDir::new(ico::ResourceType::Icon);
    let entry =
        ico::IconImage::read_png(std::io::Cursor::new(icon)).and_then(|i| ico::IconDirEntry::encode(&i));
    dir.add_entry(entry.ok()?);
    let mut ico = Vec::new();
    dir.write(&mut ico).ok()?;
    Some((ico, touch))
}

enum Image {
    Svg(Box<usvg::Tree>),
    Png(tiny_skia::Pixmap),
}

impl Image {
    /// A `size`-pixel square with the image fitted inside a margin of
    /// `pad` (a share of the side) and centred, over `background`.
    fn draw(&self, size: u32, pad: f32, background: Option<tiny_skia::Color>) -> Option<tiny_skia::Pixmap> {
        let mut out = tiny_skia::Pixmap::new(size, size)?;
        if let Some(c) = background {
            out.fill(c);
        }
        let (w, h) = match self {
            Image::Svg(t) => (t.size().width(), t.size().height()),
            Image::Png(p) => (p.width() as f32, p.height() as f32),
        };
        let room = size as f32 * (1.0 - 2.0 * pad);
        let scale = room / w.max(h);
        let (x, y) = ((size as f32 - w * scale) / 2.0, (size as f32 - h * scale) / 2.0);
        let at = tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, x, y);
        match self {
            Image::Svg(t) => resvg::render(t, at, &mut out.as_mut()),
            Image::Png(p) => {
                let paint = tiny_skia::PixmapPaint {
                    quality: tiny_skia::FilterQuality::Bicubic,
                    ..Default::default()
                };
                out.draw_pixmap(0, 0, p.as_ref(), &paint, at, None);
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn settings(logo: Option<&str>) -> Settings {
        let mut c = Config::default();
        c.brand.logo = logo.map(str::to_string);
        Settings::new(c).unwrap()
    }

    #[test]
    fn the_built_in_icons_are_an_ico_and_a_touch_png() {
        assert_eq!(&ICON[..4], [0, 0, 1, 0], "ICO header, one image");
        assert_eq!(&ICON[22..26], b"\x89PNG");
        assert_eq!(&TOUCH_ICON[..4], b"\x89PNG");
        assert_eq!(&TOUCH_ICON[16..24], [0, 0, 0, 180, 0, 0, 0, 180], "180x180");
        let s = settings(None);
        let own = Asset { source: "static/favicon.ico".into(), rel: PATH.into() };
        let paths: Vec<String> = page(&[own], &s).into_iter().map(|p| p.path).collect();
        assert_eq!(paths, [TOUCH_PATH]);
        let sizes: Vec<usize> = page(&[], &s).iter().map(|p| p.bytes.len()).collect();
        assert_eq!(sizes, [ICON.len(), TOUCH_ICON.len()]);
    }

    #[test]
    fn icons_are_drawn_from_an_svg_logo() {
        let dir = tempfile::tempdir().unwrap();
        let logo = dir.path().join("logo.svg");
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="200" height="100" fill="#0f4c81"/></svg>"##;
        std::fs::write(&logo, svg).unwrap();
        let assets = [Asset { source: logo, rel: "logo.svg".into() }];
        let pages = page(&assets, &settings(Some("logo.svg")));
        let ico = ico::IconDir::read(std::io::Cursor::new(&pages[0].bytes)).unwrap();
        let image = ico.entries()[0].decode().unwrap();
        assert_eq!((image.width(), image.height()), (32, 32));
        // The wide logo is centred: blue across the middle, clear above it.
        let px = |x: u32, y: u32| &image.rgba_data()[((y * 32 + x) * 4) as usize..][..4];
        assert_eq!(px(16, 16), [0x0f, 0x4c, 0x81, 255]);
        assert_eq!(px(16, 2)[3], 0);
        let touch = tiny_skia::Pixmap::decode_png(&pages[1].bytes).unwrap();
        assert_eq!((touch.width(), touch.height()), (180, 180));
        let corner = touch.pixel(0, 0).unwrap();
        assert_eq!((corner.red(), corner.green(), corner.blue(), corner.alpha()), (0xff, 0xfd, 0xf8, 255));
    }

    #[test]
    fn an_unreadable_source_falls_back_to_the_built_in_icons() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("favicon.svg");
        std::fs::write(&bad, "not svg").unwrap();
        let pages = page(&[Asset { source: bad, rel: "favicon.svg".into() }], &settings(None));
        assert_eq!(pages[0].bytes, ICON);
        assert_eq!(pages[1].bytes, TOUCH_ICON);
    }
}
