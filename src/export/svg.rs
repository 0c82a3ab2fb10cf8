//! A small SVG writer: shapes and text with their attributes, nothing else.
//!
//! Every `<text>` names the bundled font family first ([`crate::fonts::SVG_FAMILY`]),
//! so words stay searchable and editable in slides and render with the bundled
//! fonts. Text is XML-escaped; numbers are written with at most two decimals.

use std::fmt::Write as _;

use crate::fonts;

/// Dark text on the white print page.
pub const INK: &str = "#1a1a1a";
/// Secondary text (subtitles, sources, ticks).
pub const MUTED: &str = "#555555";
/// Axis lines.
pub const AXIS: &str = "#444444";
/// Grid lines.
pub const GRID: &str = "#e3e3e3";
/// Event markers.
pub const MARKER: &str = "#707070";
/// Annotation bands (a span of years with a statement about it).
pub const BAND: &str = "#004d38";

/// Where a text line is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// How a line of text looks.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle<'a> {
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    pub fill: &'a str,
    pub anchor: Anchor,
    /// A class naming the text's role (`title`, `subtitle`, `source`, …).
    pub class: &'a str,
}

impl<'a> TextStyle<'a> {
    /// Regular dark text of `size` px, anchored at its start.
    #[must_use]
    pub fn new(size: f64, class: &'a str) -> TextStyle<'a> {
        TextStyle {
            size,
            bold: false,
            italic: false,
            fill: INK,
            anchor: Anchor::Start,
            class,
        }
    }

    /// The same, bold.
    #[must_use]
    pub fn bold(self) -> Self {
        TextStyle { bold: true, ..self }
    }

    /// The same, italic.
    #[must_use]
    pub fn italic(self, italic: bool) -> Self {
        TextStyle { italic, ..self }
    }

    /// The same, in another colour.
    #[must_use]
    pub fn fill(self, fill: &'a str) -> Self {
        TextStyle { fill, ..self }
    }

    /// The same, anchored elsewhere.
    #[must_use]
    pub fn anchor(self, anchor: Anchor) -> Self {
        TextStyle { anchor, ..self }
    }
}

/// A stroke: colour, width, and an optional dash pattern.
#[derive(Debug, Clone, Copy)]
pub struct Stroke<'a> {
    pub colour: &'a str,
    pub width: f64,
    pub dash: Option<&'a str>,
}

/// The box a line of text covers on the page: its advance width measured with the
/// bundled fonts, from 0.78 em above the baseline (capitals and accents) to 0.22 em
/// below it (descenders), turned with the text when it is rotated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextBox {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl TextBox {
    /// The box of `text` set at (`x`, `y`) with this size, weight and anchor, rotated by
    /// `degrees` around its anchor point.
    #[must_use]
    pub fn of(
        (x, y): (f64, f64),
        text: &str,
        (size, bold): (f64, bool),
        anchor: Anchor,
        degrees: f64,
    ) -> TextBox {
        let w = fonts::text_width(text, size, bold);
        let left = match anchor {
            Anchor::Start => 0.0,
            Anchor::Middle => -w / 2.0,
            Anchor::End => -w,
        };
        let corners = [
            (left, -0.78 * size),
            (left + w, -0.78 * size),
            (left, 0.22 * size),
            (left + w, 0.22 * size),
        ];
        let (sin, cos) = degrees.to_radians().sin_cos();
        let turned = corners.map(|(dx, dy)| (x + dx * cos - dy * sin, y + dx * sin + dy * cos));
        let xs = turned.map(|(px, _)| px);
        let ys = turned.map(|(_, py)| py);
        TextBox {
            x0: xs.iter().copied().fold(f64::INFINITY, f64::min),
            y0: ys.iter().copied().fold(f64::INFINITY, f64::min),
            x1: xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
            y1: ys.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        }
    }

    /// True when the two boxes share more than a hair (0.5 px) of area.
    #[must_use]
    pub fn intersects(&self, other: &TextBox) -> bool {
        const HAIR: f64 = 0.5;
        self.x0 + HAIR < other.x1
            && other.x0 + HAIR < self.x1
            && self.y0 + HAIR < other.y1
            && other.y0 + HAIR < self.y1
    }
}

/// An SVG document being written; it remembers where its text is, so optional
/// labels can be left out where they would cover other text.
#[derive(Debug)]
pub struct Svg {
    out: String,
    clips: usize,
    texts: Vec<TextBox>,
}

/// A number as an attribute: at most two decimals, no trailing zeros.
#[must_use]
pub fn num(x: f64) -> String {
    let x = if x.is_finite() { x } else { 0.0 };
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// Escapes text for XML content and attributes. The minus sign (U+2212), which the
/// bundled Noto Sans lacks, is written as an en dash, which it has.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{2212}' => out.push('\u{2013}'),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

impl Svg {
    /// A white page of `width` × `height` px.
    #[must_use]
    pub fn new(width: f64, height: f64) -> Svg {
        let (w, h) = (num(width), num(height));
        let mut out = String::with_capacity(64 * 1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n\
             <rect class=\"page\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n"
        );
        Svg {
            out,
            clips: 0,
            texts: Vec::new(),
        }
    }

    /// Opens a group with a class and, if given, the series it draws.
    pub fn open_group(&mut self, class: &str, series: Option<&str>, clip: Option<&str>) {
        let _ = write!(self.out, "<g class=\"{}\"", escape(class));
        if let Some(s) = series {
            let _ = write!(self.out, " data-series=\"{}\"", escape(s));
        }
        if let Some(c) = clip {
            let _ = write!(self.out, " clip-path=\"url(#{c})\"");
        }
        self.out.push_str(">\n");
    }

    /// Closes the last group.
    pub fn close_group(&mut self) {
        self.out.push_str("</g>\n");
    }

    /// Defines a rectangular clip path and returns its id.
    pub fn clip_rect(&mut self, x: f64, y: f64, w: f64, h: f64) -> String {
        self.clips += 1;
        let id = format!("clip{}", self.clips);
        let _ = writeln!(
            self.out,
            "<clipPath id=\"{id}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0))
        );
        id
    }

    /// A rectangle, filled, optionally outlined.
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, stroke: Option<Stroke>) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0))
        );
        self.stroke_attrs(stroke);
        self.out.push_str("/>\n");
    }

    /// A rectangle filled with a translucent colour.
    pub fn rect_translucent(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, opacity: f64) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" fill-opacity=\"{}\"/>",
            num(x),
            num(y),
            num(w.max(0.0)),
            num(h.max(0.0)),
            num(opacity)
        );
    }

    /// A straight line.
    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: Stroke) {
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"",
            num(x1),
            num(y1),
            num(x2),
            num(y2)
        );
        self.stroke_attrs(Some(stroke));
        self.out.push_str("/>\n");
    }

    /// A line through points.
    pub fn polyline(&mut self, points: &[(f64, f64)], stroke: Stroke) {
        self.out.push_str("<polyline points=\"");
        for (i, (x, y)) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            let _ = write!(self.out, "{},{}", num(*x), num(*y));
        }
        self.out
            .push_str("\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\"");
        self.stroke_attrs(Some(stroke));
        self.out.push_str("/>\n");
    }

    /// A closed polygon, filled.
    pub fn polygon(&mut self, points: &[(f64, f64)], fill: &str, stroke: Option<Stroke>) {
        self.out.push_str("<polygon points=\"");
        for (i, (x, y)) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            let _ = write!(self.out, "{},{}", num(*x), num(*y));
        }
        let _ = write!(self.out, "\" fill=\"{fill}\"");
        self.stroke_attrs(stroke);
        self.out.push_str("/>\n");
    }

    /// A path (its `d` written with [`num`]'s numbers), filled even–odd so holes stay
    /// open, with a class and `data-*` attributes (`("pcode", "IQG15")`).
    pub fn path(
        &mut self,
        class: &str,
        data: &[(&str, &str)],
        d: &str,
        fill: &str,
        stroke: Option<Stroke>,
    ) {
        let _ = write!(self.out, "<path class=\"{}\"", escape(class));
        for (name, value) in data {
            let _ = write!(self.out, " data-{name}=\"{}\"", escape(value));
        }
        let _ = write!(
            self.out,
            " d=\"{}\" fill=\"{fill}\" fill-rule=\"evenodd\"",
            escape(d)
        );
        self.stroke_attrs(stroke);
        self.out.push_str("/>\n");
    }

    /// A filled circle.
    pub fn circle(&mut self, cx: f64, cy: f64, r: f64, fill: &str) {
        let _ = writeln!(
            self.out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"/>",
            num(cx),
            num(cy),
            num(r)
        );
    }

    /// A hollow circle: a white disc with a coloured ring (a continuation's points).
    pub fn ring(&mut self, cx: f64, cy: f64, r: f64, colour: &str, width: f64) {
        let _ = writeln!(
            self.out,
            "<circle class=\"ring\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#ffffff\" stroke=\"{colour}\" stroke-width=\"{}\"/>",
            num(cx),
            num(cy),
            num(r),
            num(width)
        );
    }

    /// One line of text with its baseline at `y`.
    pub fn text(&mut self, x: f64, y: f64, text: &str, style: TextStyle) {
        self.text_rotated(x, y, text, style, 0.0);
    }

    /// One line of text, unless it would cover text already on the page; says whether
    /// it was written. For labels a reader can do without (value labels).
    pub fn text_if_free(&mut self, x: f64, y: f64, text: &str, style: TextStyle) -> bool {
        let b = TextBox::of((x, y), text, (style.size, style.bold), style.anchor, 0.0);
        if self.texts.iter().any(|t| t.intersects(&b)) {
            return false;
        }
        self.text(x, y, text, style);
        true
    }

    /// One line of text, rotated by `degrees` around its anchor.
    pub fn text_rotated(&mut self, x: f64, y: f64, text: &str, style: TextStyle, degrees: f64) {
        if !text.trim().is_empty() {
            self.texts.push(TextBox::of(
                (x, y),
                text,
                (style.size, style.bold),
                style.anchor,
                degrees,
            ));
        }
        let anchor = match style.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let _ = write!(
            self.out,
            "<text class=\"{}\" x=\"{}\" y=\"{}\" font-family=\"{}\" font-size=\"{}\" fill=\"{}\" text-anchor=\"{anchor}\"",
            style.class,
            num(x),
            num(y),
            fonts::SVG_FAMILY,
            num(style.size),
            style.fill
        );
        if style.bold {
            self.out.push_str(" font-weight=\"bold\"");
        }
        if style.italic {
            self.out.push_str(" font-style=\"italic\"");
        }
        if degrees != 0.0 {
            let _ = write!(
                self.out,
                " transform=\"rotate({} {} {})\"",
                num(degrees),
                num(x),
                num(y)
            );
        }
        let _ = writeln!(self.out, ">{}</text>", escape(text));
    }

    fn stroke_attrs(&mut self, stroke: Option<Stroke>) {
        if let Some(s) = stroke {
            let _ = write!(
                self.out,
                " stroke=\"{}\" stroke-width=\"{}\"",
                s.colour,
                num(s.width)
            );
            if let Some(d) = s.dash {
                let _ = write!(self.out, " stroke-dasharray=\"{d}\"");
            }
        }
    }

    /// The finished document.
    #[must_use]
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>\n");
        self.out
    }
}

/// Splits `text` into lines no wider than `width` at `size` px, breaking at spaces
/// (a word wider than the line gets a line of its own).
#[must_use]
pub fn wrap(text: &str, width: f64, size: f64, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || fonts::text_width(&candidate, size, bold) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_text_is_escaped() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(1.256), "1.26");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(escape("A & B <\"x\">"), "A &amp; B &lt;&quot;x&quot;&gt;");
        assert_eq!(escape("\u{2212}67%"), "\u{2013}67%");
    }

    #[test]
    fn text_names_the_bundled_font_first() {
        let mut svg = Svg::new(100.0, 50.0);
        svg.text(
            1.0,
            2.0,
            "Ninewa & Dahuk",
            TextStyle::new(12.0, "title").bold(),
        );
        let out = svg.finish();
        assert!(out.contains("font-family=\"Noto Sans, Noto Sans Arabic, sans-serif\""));
        assert!(out.contains(">Ninewa &amp; Dahuk</text>"));
        assert!(out.contains("font-weight=\"bold\""));
    }

    #[test]
    fn text_boxes_follow_anchor_and_rotation_and_optional_text_keeps_clear() {
        let b = TextBox::of((100.0, 50.0), "Ninewa", (10.0, false), Anchor::End, 0.0);
        let w = fonts::text_width("Ninewa", 10.0, false);
        assert!((b.x1 - 100.0).abs() < 1e-9 && (b.x0 - (100.0 - w)).abs() < 1e-9);
        assert!((b.y0 - 42.2).abs() < 1e-9 && (b.y1 - 52.2).abs() < 1e-9);
        let up = TextBox::of(
            (10.0, 100.0),
            "Ninewa",
            (10.0, false),
            Anchor::Middle,
            -90.0,
        );
        assert!((up.y1 - up.y0 - w).abs() < 1e-6 && (up.x1 - up.x0 - 10.0).abs() < 1e-6);
        let mut svg = Svg::new(200.0, 100.0);
        svg.text(10.0, 20.0, "first", TextStyle::new(10.0, "a"));
        assert!(!svg.text_if_free(12.0, 22.0, "second", TextStyle::new(10.0, "b")));
        assert!(svg.text_if_free(12.0, 40.0, "third", TextStyle::new(10.0, "b")));
        let out = svg.finish();
        assert!(out.contains(">third<") && !out.contains(">second<"));
    }

    #[test]
    fn wrapping_breaks_at_spaces_within_the_width() {
        let lines = wrap("one two three four five six", 60.0, 10.0, false);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), "one two three four five six");
        assert!(wrap("", 60.0, 10.0, false).is_empty());
        assert_eq!(wrap("unbreakable", 1.0, 10.0, false), ["unbreakable"]);
    }
}
