# Trainer notes (src/ui/trainer/notes.rs): each module's trainer.md in the trainer area.

trainer-tab-notes = Trainer notes
trainer-notes-title = Trainer notes
trainer-notes-body = A plan for a 90-minute session, the mistakes learners make most often, discussion questions and what to demonstrate in the practice simulation. Learners do not see this page.
trainer-notes-module = Module:
trainer-notes-module-choice = { $number }. { $title }
trainer-notes-none = This module has no trainer notes yet.
