//! The "Briefing text" panel (issue 13): the paragraph for the filters and years on
//! screen, built by `query::briefing` from the headline figures, each with its
//! citation; its notes; the numbered sources with their links (opened in the system
//! browser only when clicked). It copies the paragraph as plain text, as rich text
//! (HTML: the citations are links, for a note or an e-mail) and as Markdown, and
//! says whether the briefing sheet carries it. Its table is the list of sources.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText, Ui};

use super::frame::{Heading, frame_ui};
use super::{Mode, Panel, PanelCx};
use crate::domain::Choices;
use crate::model::{Briefing, Dashboard, PanelId, Run};
use crate::ui::command::Command;
use crate::ui::table_view::TableView;

/// The panel's title.
pub const TITLE: &str = "Briefing text";

/// The briefing panel.
#[derive(Debug, Default)]
pub struct BriefingPanel {
    pub mode: Mode,
    pub table: TableView,
}

impl Panel for BriefingPanel {
    fn id(&self) -> PanelId {
        PanelId::Briefing
    }

    fn mode(&self) -> Mode {
        self.mode
    }

    fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
    }

    fn title<'a>(&self, _dash: &'a Dashboard) -> &'a str {
        TITLE
    }

    fn ui(&mut self, ui: &mut Ui, dash: &Dashboard, choices: &mut Choices, cx: &mut PanelCx<'_>) {
        let Self { mode, table } = self;
        let current = *mode;
        let presenting = cx.presenting;
        let height = cx.plot.height;
        let subtitle = format!(
            "{} \u{b7} {} \u{b7} from the figures the cards show, each with its source",
            dash.place, dash.years
        );
        let heading = Heading {
            title: TITLE,
            subtitle: &subtitle,
            subtitle_italic: false,
            source_line: "",
        };
        let b = &dash.briefing;
        let mut asked = Vec::new();
        let commands = frame_ui(
            ui,
            PanelId::Briefing,
            presenting,
            &heading,
            mode,
            |_| {},
            |ui| match current {
                Mode::Chart => {
                    if !presenting {
                        ui.horizontal_wrapped(|ui| copy_controls_ui(ui, b, choices, &mut asked));
                    }
                    text_ui(ui, b, presenting);
                }
                Mode::Table => {
                    table.ui(
                        ui,
                        "briefing-sources",
                        (&dash.briefing_table, &dash.briefing_csv),
                        height,
                        presenting,
                    );
                }
            },
        );
        cx.commands.extend(commands);
        cx.commands.extend(asked);
    }
}

/// The copy buttons and the sheet's switch.
fn copy_controls_ui(ui: &mut Ui, b: &Briefing, choices: &mut Choices, asked: &mut Vec<Command>) {
    let empty = b.sentences.is_empty();
    if ui
        .add_enabled(!empty, egui::Button::new("Copy text").small())
        .on_hover_text("The paragraph and its notes, each citation in brackets after its figure")
        .clicked()
    {
        ui.ctx().copy_text(b.plain());
    }
    if ui
        .add_enabled(!empty, egui::Button::new("Copy rich text").small())
        .on_hover_text(
            "For a note or an e-mail: the citations are links, and the sources follow as a numbered list",
        )
        .clicked()
    {
        asked.push(Command::CopyBriefingRich);
    }
    if ui
        .add_enabled(!empty, egui::Button::new("Copy Markdown").small())
        .on_hover_text("Numbered references, then the sources with their links")
        .clicked()
    {
        ui.ctx().copy_text(b.markdown());
    }
    ui.checkbox(&mut choices.sheet_text, "On the briefing sheet")
        .on_hover_text("The briefing sheet carries this paragraph and its notes under the cards");
}

/// The paragraph (citations in a quieter style), the notes and the numbered sources.
fn text_ui(ui: &mut Ui, b: &Briefing, presenting: bool) {
    if b.sentences.is_empty() {
        ui.label("No headline figure for these filters: nothing to write.");
        return;
    }
    let size = if presenting { 20.0 } else { 15.0 };
    let visuals = ui.visuals();
    let words = TextFormat {
        font_id: FontId::proportional(size),
        color: visuals.strong_text_color(),
        ..TextFormat::default()
    };
    let cited = TextFormat {
        font_id: FontId::proportional(size * 0.85),
        color: visuals.weak_text_color(),
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    for run in b.runs() {
        match run {
            Run::Words(t) => job.append(t, 0.0, words.clone()),
            Run::Cite(_, s) => job.append(&format!(" ({})", s.short), 0.0, cited.clone()),
            Run::Stop => job.append(".", 0.0, words.clone()),
            Run::Space => job.append(" ", 0.0, words.clone()),
        }
    }
    job.wrap.max_width = ui.available_width();
    ui.add_space(4.0);
    ui.label(job);
    if let Some(notes) = b.notes_line() {
        ui.add_space(6.0);
        ui.label(RichText::new(notes).small());
    }
    ui.add_space(6.0);
    ui.label(RichText::new("Sources").strong());
    for (i, s) in b.sources.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            ui.label(RichText::new(format!("{}. {}:", i + 1, s.short)).small());
            if s.url.is_empty() {
                ui.label(RichText::new(&s.full).small().weak());
            } else {
                // Opened in the system browser only when clicked; never fetched here.
                ui.hyperlink_to(RichText::new(&s.full).small(), &s.url)
                    .on_hover_text(&s.url);
            }
        });
    }
}
