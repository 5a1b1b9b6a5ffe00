//! Files compiled into the binary that are not lessons: the fonts.

/// Noto Sans Regular (SIL OFL 1.1, see `assets/fonts/OFL.txt`): covers every Vietnamese letter.
pub static FONT_REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub static FONT_BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");
