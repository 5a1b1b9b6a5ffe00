# Exports (src/export): roster columns, status words (ui-terms), certificates, and why an exchange file
# cannot be imported.

export-col-name = Name
export-col-unit = Unit
export-col-position = Position
export-col-module = Module
export-col-status = Status
export-col-lessons = Lessons viewed
export-col-best-score = Best score
export-col-attempts = Attempts
export-col-completed-on = Completion date
export-col-learner-id = Learner ID
export-col-module-id = Module ID
export-status-not-started = Not started
export-status-in-progress = In progress
export-status-completed = Completed
export-sheet-name = Roster

export-cert-title = CERTIFICATE
export-cert-subtitle = Completion of the Kỹ Năng Số (Digital Skills) programme
export-cert-awarded-to = This certifies that the learner
export-cert-unit = Unit: { $unit }
export-cert-position = Position: { $position }
export-cert-completed = has completed the following modules:
export-cert-col-number = No.
export-cert-col-module = Module
export-cert-col-score = Score
export-cert-col-date = Completed on
export-cert-score = { $percent }/100
export-cert-issued = Issued on { $date }
export-cert-signature = TRAINER
export-cert-signature-hint = (signature and full name)
export-cert-code = Certificate code: { $code }
export-cert-code-note = The certificate code is computed from the learner's records, so it can be checked again with the Kỹ Năng Số app.
export-cert-continued = (continued)

export-error = The export file could not be made. Try again; if it still fails, tell the trainer.

exchange-error-too-large = The file is larger than { $limit } MB, so it is not a Kỹ Năng Số records file.
exchange-error-not-json = The file is damaged or is not a Kỹ Năng Số records file.
exchange-error-truncated = The file was not copied completely (it is cut short). Copy it again from the original PC and import it again.
exchange-error-wrong-format = This is not a Kỹ Năng Số records file. Choose a file made with "Export records" as JSON.
exchange-error-version-newer = The file was made by a newer version of Kỹ Năng Số. Update the app and import it again.
exchange-error-damaged = The start of the file is damaged. Export the file again on the original PC.
exchange-error-bad-event = Record { $number } in the file is damaged. Export the file again on the original PC.
exchange-error-bad-time = Record { $number } in the file has an impossible date (before 1970 or after 2199). Set the clock of the original PC right and export the file again.
# An import took events dated more than a day after today: the other PC's clock is wrong.
import-future-dated = { $count } records are dated later than today: the clock of the PC that exported the file may be wrong. These records were imported, but their completion dates may be wrong.
# Learners with a completed module but no name on this PC (only their results were imported).
export-nameless-left-out = { $count } learners have no name, so no certificate was made for them. Import the file that holds their profiles, or give them a name in the roster, then export again.
# An import held events whose id is already here with other content: the one here is kept.
import-conflicts = { $count } records have the same id as records already on this PC but other content. This PC keeps its own; the others were set aside in the file { $file } in the data folder for checking.
