# Practice simulation (src/ui/simulation.rs)
sim-banner = Simulation — not a real website
sim-heading = Practice simulation: { $title }
sim-task-title = Task
sim-task-data = Information to use
sim-mistake-count = { $count ->
    [one] 1 mistake
   *[other] { $count } mistakes
}
sim-hint-button = Hint
sim-hints-title = Hints for this step
sim-leave = Leave the practice
sim-leave-question = Leave now? The result of this practice will not be saved.
sim-leave-confirm = Leave
sim-leave-cancel = Stay and continue
sim-feedback-title = Not quite, please check:
sim-feedback-field = Field "{ $label }": { $feedback }
sim-field-wrong = This field is not right yet; see the note above.
sim-choose = Choose…
sim-date-placeholder = dd/mm/yyyy
sim-address-bar = Address: { $address }
sim-unit = Unit: { $unit }
sim-empty-value = (empty)
sim-checked = Ticked
sim-unchecked = Not ticked
sim-channel-sms = SMS from { $from }
sim-channel-app = Notification from { $from }
sim-channel-call = Incoming call from { $from }
sim-channel-email = E-mail from { $from }
sim-done-title = Practice completed
sim-summary-time = Time taken: { $minutes } min { $seconds } s
sim-summary-mistakes = { $count ->
    [one] 1 mistake in total
   *[other] { $count } mistakes in total
}
sim-summary-hints = { $count ->
    [one] 1 hint used
   *[other] { $count } hints used
}
sim-summary-perfect = No mistakes at all. Well done!
sim-summary-list = Mistakes made and the rules to remember
sim-mistake-trap = Pressed "{ $action }" (screen "{ $screen }")
sim-mistake-value = Field "{ $field }" had "{ $value }" (screen "{ $screen }")
sim-rule = Rule: { $rule }
sim-back = Back to the module
