content-no-modules = No module found (folders must be named like 01-module-name).
content-bad-folder = A module folder must be named like 01-module-name (two digits, a dash, lowercase ASCII).
content-not-utf8 = The file is not UTF-8 text.
content-json = The JSON is wrong: { $detail }.
content-not-nfc = This line is not Unicode NFC; normalise the text to NFC.
content-bad-id = The id "{ $id }" may only hold lowercase ASCII letters, digits and dashes.
content-duplicate-id = The id "{ $id }" is used twice.
content-duplicate-order = The order { $order } is already used by another module.
content-missing-file = The file { $name } does not exist.
content-missing-image = The picture { $name } does not exist.
content-image-not-svg = The picture { $name } must be an SVG file.
content-bad-svg = The picture { $name } cannot be drawn: { $detail }.
content-lesson-h1 = Lessons do not use a level-1 heading (#); the title comes from module.json.
content-no-sources = The last section (##) of a lesson must be "Căn cứ pháp lý và nguồn".
content-empty-text = The field { $field } is empty.
content-no-correct = The question "{ $id }" has no correct answer.
content-correct-range = The question "{ $id }" points to a correct answer outside its options.
content-too-few = The question "{ $id }" needs at least two options, steps or pairs.
content-duplicate-choice = The question "{ $id }" has two identical options.
content-unknown-lesson = This module has no lesson with the id "{ $id }".
content-bad-pass-mark = The pass mark { $mark } must be between 1 and 100.
content-bad-draw = Each attempt draws { $draw } questions but the bank has { $have } skill and fact questions (recall questions are not graded).
content-simulation = Practice simulation: { $detail }

# Problems in a practice simulation's scenario, shown after content-simulation. The ids, labels and values
# are the author's; "kind" and "when" are the file's own spellings (number, decimal_point).
content-sim-bad-id = { $what ->
        [screen] the screen id
        [field] the field id
        [action] the button id
       *[other] the id
    } "{ $id }" may only hold lowercase ASCII letters, digits and dashes
content-sim-id-mismatch = the id "{ $found }" in the file differs from the id "{ $listed }" in module.json
content-sim-empty-text = the field "{ $key }" is empty
content-sim-task-row = a row of the task's data has no "label" or no "value"
content-sim-no-screens = the scenario has no screens
content-sim-unknown-start = the start screen "{ $start }" is not among the "screens"
content-sim-duplicate-screen = the screen id "{ $screen }" is used twice
content-sim-no-end = no screen is an end screen ("end": true)
content-sim-screen-no-title = the screen "{ $screen }" has no "title"
content-sim-screen-no-hints = the screen "{ $screen }" needs at least one hint ("hints")
content-sim-empty-hint = the screen "{ $screen }" has an empty hint
content-sim-end-actions = the end screen "{ $screen }" must not have buttons ("actions")
content-sim-duplicate-field = the field id "{ $field }" is already used elsewhere in the scenario
content-sim-duplicate-label = the label "{ $label }" is used twice on the screen "{ $screen }"
content-sim-duplicate-action = the button id "{ $action }" is used twice on the screen "{ $screen }"
content-sim-empty-paragraph = the screen "{ $screen }" has an empty paragraph
content-sim-message-incomplete = a message has no "from" or no "text"
content-sim-row-unknown-field = the row "{ $label }" refers to the field "{ $field }", which the scenario does not have
content-sim-row-value-or-field = the row "{ $label }" needs exactly one of "value" or "field"
content-sim-unknown-placed = the screen "{ $screen }" has no button "{ $action }"
content-sim-placed-twice = the button "{ $action }" is placed twice
content-sim-field-no-label = the field "{ $field }" has no "label"
content-sim-choice-needs-options = the choice field "{ $field }" needs at least two "options" (and no "files")
content-sim-file-needs-files = the attachment field "{ $field }" needs at least two files in "files" (and no "options")
content-sim-field-no-choices = the field "{ $field }" of kind { $kind } takes no "options" or "files"
content-sim-bad-choices = the field "{ $field }" has two identical choices or an empty one
content-sim-unit-not-number = only a number field has a "unit" (the field "{ $field }")
content-sim-bad-preset = the preset value "{ $value }" does not fit the field "{ $field }"
content-sim-action-no-label = the button "{ $action }" has no "label"
content-sim-unknown-target = the button "{ $action }" leads to the screen "{ $to }", which the scenario does not have
content-sim-trap-with-checks = the trap button "{ $action }" must not have "checks"
content-sim-trap-incomplete = the trap button "{ $action }" needs "feedback" and "rule"
content-sim-to-or-trap = the button "{ $action }" needs exactly one of "to" or "trap"
content-sim-check-unknown-field = the button "{ $action }" checks the field "{ $field }", which is not on the screen "{ $screen }"
content-sim-check-incomplete = the check of the field "{ $field }" needs "feedback" and "rule"
content-sim-expect-shape = the "expect" of the field "{ $field }" must be true/false for a checkbox and text for other fields
content-sim-expect-impossible = the "expect" of the field "{ $field }" is not a valid answer for a field of kind { $kind }
content-sim-case-no-feedback = a case of the field "{ $field }" has no "feedback"
content-sim-case-is-right = the case "{ $value }" of the field "{ $field }" is in fact a right answer
content-sim-case-not-a-choice = the case "{ $value }" is not one of the choices of the field "{ $field }"
content-sim-when-not-for-kind = "when": "{ $when }" cannot be used for a field of kind { $kind }
content-sim-case-value-or-when = each case of the field "{ $field }" needs exactly one of "value" or "when"
content-sim-unpassable = the button "{ $action }" can never be passed: its checks contradict each other
content-sim-cannot-finish = the scenario cannot be completed: no way leads from the start screen to an end screen
content-sim-unreachable = no way leads to the screen "{ $screen }"
content-sim-dead-end = a learner gets stuck on the screen "{ $screen }": no end screen can be reached from it
