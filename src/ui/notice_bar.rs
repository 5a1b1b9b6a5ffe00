//! The message bar under the top bar: the outcome of the last thing done (a module completed, a
//! journal that could not be written), until dismissed. No state of its own: the message is the app's.

use crate::app::Notice;
use crate::command::Command;
use crate::ui::{Commands, NoticeKind, ScreenCtx, UiExt};

/// Draws the bar when there is a message.
pub fn show(ui: &mut egui::Ui, ctx: &ScreenCtx, notice: Option<&Notice>, out: &mut Commands) {
    let Some(notice) = notice else {
        return;
    };
    egui::Panel::top("notice").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let kind = if notice.is_error {
                NoticeKind::Bad
            } else {
                NoticeKind::Good
            };
            ui.tone_label(kind, &notice.text);
            if ui.button(ctx.t.dismiss()).clicked() {
                out.push(Command::DismissNotice);
            }
        });
    });
}
