# The trainer area (src/ui/trainer): PIN, roster, learner page, exports, imports.

nav-trainer = Trainer
trainer-title = Trainer area

trainer-pin-setup-title = Set the trainer PIN
trainer-pin-setup-body = The trainer area shows the roster and exports and imports records. Choose a PIN of 6 to 8 digits and keep it from learners.
trainer-pin-enter-body = This area is for trainers only. Enter the trainer PIN.
trainer-pin = PIN
trainer-pin-current = Current PIN
trainer-pin-new = New PIN
trainer-pin-again = New PIN again
trainer-pin-save = Save PIN
trainer-pin-open = Open the trainer area
trainer-pin-wrong = Wrong PIN. { $tries } tries left.
trainer-pin-locked = Wrong PIN { $wrong } times. Wait { $wait }, then try again.
trainer-wait = { $minutes ->
        [0] { $seconds ->
            [one] 1 second
           *[other] { $seconds } seconds
        }
       *[other] { $seconds ->
            [0] { $minutes ->
                [one] 1 minute
               *[other] { $minutes } minutes
            }
           *[other] { $minutes } min { $seconds } s
        }
    }
trainer-pin-checking = Checking the PIN, please wait a moment…
trainer-pin-saving = Saving the PIN, please wait a moment…
trainer-pin-short = The trainer PIN in use is too short and easy to guess. Go to "Change PIN" and choose a new PIN of at least { $digits } digits.
trainer-pin-unreadable-title = The trainer PIN cannot be read
trainer-pin-unreadable-body = The settings file on this PC is damaged, so the PIN cannot be read. To protect the records, the trainer area stays closed and no new PIN can be set here. The learners' results are not affected.
trainer-pin-unreadable-steps = To reset the PIN, someone who can open the files on this PC should: 1. Close the app. 2. Open settings.json in the data folder (shown below) with Notepad or another text editor. 3. Delete the whole line containing "trainer_pin" and save the file. 4. Open the app again and set a new PIN.
trainer-data-folder = Data folder: { $folder }
trainer-pin-error-format = A new PIN must be { $min } to { $max } digits (0 to 9). Please type it again.
trainer-pin-error-mismatch = The two new PINs are not the same. Please type them again.
trainer-pin-error-hash = The PIN could not be set. Please try again.
trainer-pin-error-save = The PIN works for now but could not be saved on this PC. Check that the data folder can be written, then change the PIN again.
trainer-pin-changed = The new PIN is saved.
trainer-lock = Lock the trainer area

trainer-tab-roster = Roster
trainer-tab-export = Export records
trainer-tab-import = Import records
trainer-page-menu = Page
trainer-tab-pin = Change PIN

trainer-filter-unit = Filter by unit
trainer-filter-status = Filter by status
trainer-filter-all-units = All units
trainer-filter-all-statuses = All statuses
trainer-search = Find a learner
trainer-search-hint = Type a name or unit, with or without diacritics
trainer-roster-summary = { $learners } learners · showing { $rows } rows. Click a column title to sort, a learner's name for details.
trainer-roster-empty = There are no learners on this PC yet.
trainer-roster-no-match = No learner matches the filters. Choose another unit or status, or clear the search box.
trainer-no-name = (no name yet)
trainer-records-unavailable = The learning records could not be opened, so the roster cannot be shown.

trainer-back = Back to the roster
trainer-learner-gone = This learner is no longer on the roster (deleted or merged into another profile).
trainer-edit-title = Edit learner details
trainer-edit-save = Save changes
trainer-edit-unchanged = Nothing was changed.
trainer-renamed = Saved the details of { $name }.
trainer-merge-title = Merge a duplicate profile
trainer-merge-body = If one person has two profiles (for example from two PCs), find the other one and merge it into this profile. The results of both are kept.
trainer-merge-search = Find the profile to merge
trainer-merge-candidate = Merge profile: { $name }
trainer-merge-none = No other profile matches.
trainer-merge-confirm-title = Merge { $from } into { $into }?
trainer-merge-confirm-body = The results of { $from } will count for { $into }, and { $from } will leave the roster.
trainer-merge-confirm = Merge
trainer-merged = Merged { $from } into { $into }.
trainer-delete = Delete learner
trainer-delete-confirm-title = Delete { $name }?
trainer-delete-confirm-body = { $name } will leave the roster and the exported records. If this is only a duplicate profile, use "Merge a duplicate profile" to keep the results.
trainer-delete-confirm = Delete
trainer-deleted = Deleted { $name }.
trainer-cancel = Cancel
trainer-learner-unknown = This learner was not found; the profile may just have been deleted or merged. Open the roster again.
trainer-same-profile = These two profiles are already one. Choose another profile to merge.

trainer-export-body = Choose a file type. Excel and CSV hold the roster; PDF holds certificates for learners who completed at least one module; JSON is for importing on another PC; xAPI is for a learning record store.
trainer-export-path = Save to (folder or file)
trainer-export-path-hint = Leave empty to be asked where to save
trainer-export-xlsx = Excel (XLSX)
trainer-export-csv = CSV
trainer-export-pdf = Certificates (PDF)
trainer-export-json = Records for another PC (JSON)
trainer-export-xapi = xAPI
trainer-export-running = Exporting…
trainer-export-done = Exported the records to { $path }.
trainer-export-failed-start = The export could not start. Please try again.
trainer-export-save-title = Save the exported records
trainer-home-page = Home page of the training organisation (used in xAPI records)
trainer-home-page-hint = For example: https://training.example.gov.vn
trainer-home-page-save = Save address
trainer-home-page-saved = The home page address is saved.
trainer-home-page-invalid = The address must start with http:// or https://. Please type it again.
trainer-settings-save-failed = The settings could not be saved on this PC. Check that the data folder can be written, then try again.

trainer-import-body = Import JSON files made with "Export records" on other PCs. Choose files, or a whole folder (a USB stick, for example): every .json file in it is imported. Importing the same file twice adds nothing twice.
trainer-import-pick-files = Choose files…
trainer-import-pick-folder = Choose a folder…
trainer-import-path = Or type the path of a file or folder
trainer-import-path-hint = For example: E:\
trainer-import-start = Start the import
trainer-import-running = Reading files…
trainer-import-file-done = { $name }: imported { $imported } new records, { $present } already present.
trainer-import-not-found = The file or folder { $path } was not found. Check the path.
trainer-import-no-files = The folder { $path } has no .json file. Choose another folder.
trainer-import-pick-title = Choose Kỹ Năng Số record files
trainer-export-no-place = No place to save was chosen, so nothing was exported. If no save dialog appeared, type a folder in "Save to" and click again.
trainer-import-none-chosen = No file was chosen, so nothing was imported. If no dialog appeared, type the path in the box below and click "Start the import".
# Deleted learners, above the roster: a folded list with a button each.
trainer-deleted-list = Deleted learners ({ $count })
trainer-deleted-help = The learning records of these learners are kept. Click "Restore" to bring a learner back to the list.
trainer-restore = Restore
trainer-restored = Learner { $name } was restored.
trainer-pin-keys-hint = Press Enter to go on, Esc to go back to learning.
