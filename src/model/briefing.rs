//! The briefing paragraph as `query::briefing` builds it (issue 13): sentences whose
//! parts are words or citations of the briefing's sources, and the notes; written out
//! as plain text (citations in brackets), Markdown (numbered references and a list
//! of sources) and HTML (the rich text the clipboard offers: citations as links).

use std::fmt::Write as _;

/// One piece of a sentence: words, or a reference to one of the briefing's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    /// An index into [`Briefing::sources`].
    Cite(usize),
}

/// A source cited by the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// How the paragraph names it: "IOM DTM, round 132", "Al-Mada".
    pub short: String,
    /// "Publisher: title (date)".
    pub full: String,
    pub url: String,
    pub source_id: String,
}

/// The paragraph, its sources and its notes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Briefing {
    pub sentences: Vec<Vec<Part>>,
    pub sources: Vec<Cited>,
    pub notes: Vec<String>,
}

impl Briefing {
    /// The paragraph with each citation in brackets after its figure, then "Notes: …".
    #[must_use]
    pub fn plain(&self) -> String {
        let mut out = self.paragraph_text();
        if let Some(notes) = self.notes_line() {
            let _ = write!(out, "\n\n{notes}");
        }
        out.push('\n');
        out
    }

    /// "Notes: …", the caveats that apply, as one line; none when none apply.
    #[must_use]
    pub fn notes_line(&self) -> Option<String> {
        (!self.notes.is_empty()).then(|| format!("Notes: {}", self.notes.join(" ")))
    }

    /// The paragraph with numbered references, the sources as a numbered list (with
    /// their URLs) and the notes.
    #[must_use]
    pub fn markdown(&self) -> String {
        let mut out = self.paragraph(|i| format!(" [{}]", i + 1));
        if !self.notes.is_empty() {
            let _ = write!(out, "\n\n**Notes.** {}", self.notes.join(" "));
        }
        out.push_str("\n\n**Sources**\n\n");
        for (i, s) in self.sources.iter().enumerate() {
            if s.url.is_empty() {
                let _ = writeln!(out, "{}. {} \u{2014} {}", i + 1, s.short, s.full);
            } else {
                let _ = writeln!(
                    out,
                    "{}. {} \u{2014} {} <{}>",
                    i + 1,
                    s.short,
                    s.full,
                    s.url
                );
            }
        }
        out
    }

    /// The paragraph as HTML for the clipboard's rich text: each citation a link to
    /// its source after its figure, the notes, then the sources as a numbered list.
    #[must_use]
    pub fn html(&self) -> String {
        let mut out = String::from("<p>");
        out.push_str(&self.paragraph_with(html_escape, |i| {
            let s = &self.sources[i];
            if s.url.is_empty() {
                format!(" ({})", html_escape(&s.short))
            } else {
                format!(
                    " (<a href=\"{}\">{}</a>)",
                    html_escape(&s.url),
                    html_escape(&s.short)
                )
            }
        }));
        out.push_str("</p>\n");
        if !self.notes.is_empty() {
            let _ = writeln!(
                out,
                "<p><i>Notes.</i> {}</p>",
                html_escape(&self.notes.join(" "))
            );
        }
        out.push_str("<p><b>Sources</b></p>\n<ol>\n");
        for s in &self.sources {
            if s.url.is_empty() {
                let _ = writeln!(out, "<li>{}</li>", html_escape(&s.full));
            } else {
                let _ = writeln!(
                    out,
                    "<li>{} <a href=\"{}\">{}</a></li>",
                    html_escape(&s.full),
                    html_escape(&s.url),
                    html_escape(&s.url)
                );
            }
        }
        out.push_str("</ol>\n");
        out
    }

    /// The paragraph alone, citations in brackets, without the notes.
    #[must_use]
    pub fn paragraph_text(&self) -> String {
        self.paragraph(|i| format!(" ({})", self.sources[i].short))
    }

    fn paragraph(&self, cite: impl Fn(usize) -> String) -> String {
        self.paragraph_with(str::to_string, cite)
    }

    /// The sentences, each ending with a full stop, words passed through `words`.
    fn paragraph_with(
        &self,
        words: impl Fn(&str) -> String,
        cite: impl Fn(usize) -> String,
    ) -> String {
        let mut out = String::new();
        for run in self.runs() {
            match run {
                Run::Words(t) => out.push_str(&words(t)),
                Run::Cite(i, _) => out.push_str(&cite(i)),
                Run::Stop => out.push('.'),
                Run::Space => out.push(' '),
            }
        }
        out
    }

    /// The paragraph as the pieces every form writes, in order: each sentence's words
    /// and citations, the full stop a sentence does not end with, and a space between
    /// sentences. The one place the paragraph is put together (text, Markdown, HTML,
    /// the panel).
    #[must_use]
    pub fn runs(&self) -> Vec<Run<'_>> {
        let mut runs = Vec::new();
        for (n, parts) in self.sentences.iter().enumerate() {
            if n > 0 {
                runs.push(Run::Space);
            }
            let mut ends_with_stop = false;
            for part in parts {
                match part {
                    Part::Text(t) => {
                        runs.push(Run::Words(t));
                        ends_with_stop = t.ends_with('.');
                    }
                    Part::Cite(i) => {
                        if let Some(source) = self.sources.get(*i) {
                            runs.push(Run::Cite(*i, source));
                            ends_with_stop = false;
                        }
                    }
                }
            }
            if !ends_with_stop {
                runs.push(Run::Stop);
            }
        }
        runs
    }
}

/// A piece of the briefing paragraph ([`Briefing::runs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run<'a> {
    Words(&'a str),
    /// A citation: the source's index (its reference number less one) and the source.
    Cite(usize, &'a Cited),
    /// The full stop a sentence lacks.
    Stop,
    /// Between two sentences.
    Space,
}

/// Text as HTML: `&`, `<`, `>` and `"` escaped.
fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Briefing {
        Briefing {
            sentences: vec![
                vec![
                    Part::Text("Iraq had 997,334 IDPs".into()),
                    Part::Cite(0),
                    Part::Text(", R&D <test>".into()),
                ],
                vec![Part::Text("Appeals were 90% funded".into()), Part::Cite(1)],
            ],
            sources: vec![
                Cited {
                    short: "IOM DTM, round 132".into(),
                    full: "IOM: Iraq Master List (2024)".into(),
                    url: "https://dtm.iom.int/iraq?a=1&b=2".into(),
                    source_id: "dtm".into(),
                },
                Cited {
                    short: "OCHA FTS".into(),
                    full: "OCHA: FTS".into(),
                    url: String::new(),
                    source_id: "fts".into(),
                },
            ],
            notes: vec!["A note.".into()],
        }
    }

    #[test]
    fn the_html_links_each_citation_and_escapes_the_words() {
        assert_eq!(
            sample().html(),
            "<p>Iraq had 997,334 IDPs (<a href=\"https://dtm.iom.int/iraq?a=1&amp;b=2\">IOM DTM, round 132</a>), R&amp;D &lt;test&gt;. \
             Appeals were 90% funded (OCHA FTS).</p>\n\
             <p><i>Notes.</i> A note.</p>\n\
             <p><b>Sources</b></p>\n<ol>\n\
             <li>IOM: Iraq Master List (2024) <a href=\"https://dtm.iom.int/iraq?a=1&amp;b=2\">https://dtm.iom.int/iraq?a=1&amp;b=2</a></li>\n\
             <li>OCHA: FTS</li>\n</ol>\n"
        );
    }

    #[test]
    fn the_plain_paragraph_puts_citations_in_brackets() {
        assert_eq!(
            sample().paragraph_text(),
            "Iraq had 997,334 IDPs (IOM DTM, round 132), R&D <test>. Appeals were 90% funded (OCHA FTS)."
        );
    }
}
