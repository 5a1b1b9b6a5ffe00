# Files from outside and the data folder on the command line (src/durable.rs, src/cli_records.rs,
# src/trainer/transfer.rs, src/content/source.rs).

cli-import-unreadable = The file { $name } could not be read.
cli-import-not-a-file = { $name } is not an ordinary file (it may be a folder or a device), so it was not read. Choose a .json file exported on another PC.
cli-import-rejected = The file { $name } was not imported: { $reason }
# A file was refused and nothing at all changed.
cli-import-refused = { $reason } Nothing was changed.
# A file was refused while other files of the same import were taken.
cli-import-skipped = { $reason } No records from this file were imported.
cli-no-records = No learning records were found in the folder { $path }, so nothing was exported. Check the data folder given after --data-dir.
cli-data-dir-missing = The folder { $path } does not exist. Check the data folder given after --data-dir. Nothing was changed.
cli-data-dir-not-records = The folder { $path } is not a Kỹ Năng Số data folder. Choose the data folder, or an empty folder to start a new one. Nothing was changed.
cli-journal-unreadable = The learning records in the folder { $path } could not be read. Check the disk and the data folder, then try again. Nothing was changed.
cli-journal-open-failed = The learning records in the folder { $path } could not be opened. Check that the data folder can be read and written, then try again. Nothing was changed.
cli-journal-locked = Kỹ Năng Số is open on this computer, so nothing could be imported. Close the app and run the command again. Nothing was changed.
cli-journal-torn-moved = The last line of the results journal was damaged (perhaps by a power cut) and was set aside in the file { $file }; every other result is intact.
cli-journal-torn-skipped = The last line of the results journal is damaged (perhaps by a power cut), so it was not exported; every other result was. Open the app once to set that line aside.
cli-journal-bad-lines = { $count ->
    [one] { $count } damaged line in the results journal was skipped; it is kept unchanged in the file.
   *[other] { $count } damaged lines in the results journal were skipped; they are kept unchanged in the file.
}
cli-smoke-no-frame = Smoke test: the window drew no frame within 60 seconds.

export-target-in-data-folder = Nothing was exported to { $path }: that place is in the Kỹ Năng Số data folder, where the learning records are kept. Choose another folder, such as Documents or a USB stick. Nothing was changed.
export-target-no-folder = The folder for { $path } does not exist. Choose another folder.
export-target-is-folder = { $path } is a folder. Add the name of the file to save, for example roster.xlsx.

content-not-a-file = { $file } is not an ordinary file (it may be a folder or a device), so it was not read.
content-outside-folder = { $file } is outside the lesson folder, so it was not read. Put the file inside the module's folder.
content-too-large = The file { $file } is larger than { $limit } MB, so it was not read.
content-unreadable = The file { $file } could not be read (it may be a broken link, or reading it is not allowed).
