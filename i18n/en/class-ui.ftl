# Classes in the trainer area (src/ui/trainer/classes): the list, the form, the learners of a class,
# the class dashboard and its report.

trainer-tab-classes = Classes

class-back-to-list = Back to the classes
class-gone = This class is no longer on this PC.
class-tab-overview = Overview
class-tab-learners = Each learner's progress
class-tab-questions = Questions to teach again
class-no-learners = The class has no learners yet. Press "Add or remove learners" to add some.
class-manage-learners = Add or remove learners
class-edit = Edit the class

class-completion-title = Completed, per module
class-bar-label = { $number }. { $title }
class-bar-caption = { $done }/{ $total } learners · { $percent }%
class-help-title = Needs help ({ $count })
class-help-body = Learners who have not started, or who took a module's quiz twice or more without passing.
class-help-none = No learner needs help.
class-help-not-started = — not started
class-help-failed = — not passed after 2 tries: { $modules }
class-scores-title = Scores
class-scores-body = Learners by their best quiz score; each column is a range of scores (%).
class-scores-none = No learner has taken a quiz yet.
class-pass-mark = Pass mark { $mark }%
class-histogram-summary = { $module }: { $count } learners took the quiz. { $bins }

class-mark-needs-help = Needs help
class-cell-score = { $score }% · { $status }
class-cell-label = { $name }, { $module }: { $status }
class-grid-name = Learner
class-grid-module = Module { $number }
class-grid-progress = Modules done
class-grid-progress-hint = Sort by progress
class-grid-done = { $done }/{ $total }

class-questions-intro = The questions the class answered, the hardest (fewest right) first. Teach the first few again.
class-questions-none = No learner of the class has taken a quiz yet.
class-questions-module = Module
class-questions-all-modules = All modules
class-questions-none-in-module = Nobody has taken this module's quiz yet.
class-questions-show-all = Show all { $count } questions
class-questions-fewer = Show only the { $count } hardest
class-question-share = { $rank }. { $percent }% right ({ $correct }/{ $answered })
class-question-right = Correct answer:
class-question-top-wrong = Wrong answer chosen most ({ $count } learners):
class-question-no-wrong = Nobody answered this question wrong.
class-question-explanation = Explanation:

classes-title = Classes
classes-intro = A training class is a group of learners who study together. Press a class's name to see the class's progress, the questions to teach again, and to export the class report.
classes-new = New class
classes-empty = There is no class on this PC yet. Press "New class" to start.
classes-this-pc-badge = (this PC)
classes-completed = { $done }/{ $total } learners completed every module

class-form-new-title = New class
class-form-edit-title = Edit the class
class-form-help = Dates as day/month/year, e.g. 12/03/2026. The end date may be left empty.
class-form-name = Class name
class-form-name-hint = E.g. Digital skills class, March
class-form-unit = Unit (commune/ward)
class-form-unit-hint = E.g. Yên Khánh commune
class-form-starts = Start date
class-form-ends = End date
class-form-date-hint = day/month/year
class-form-trainer = Trainer
class-form-save = Save the class

class-back-to-dashboard = Back to the class { $name }
class-learners-title = Learners of the class { $name }
class-pick-title = Pick from the roster
class-pick-search = Find learners to add
class-pick-none = No other learner matches the search.
class-pick-add = Add the { $count } ticked learners to the class
class-paste-title = Paste a list of names from Excel
class-paste-help = In Excel, select the column of names, press Ctrl+C, then click the box below and press Ctrl+V. One person a line. Then press "Check the list".
class-paste-box = Names, one person a line
class-paste-check = Check the list
class-paste-empty = The list has no names. Paste a list of names, one person a line.
class-paste-add = Add { $count } learners to the class
class-review-summary = Same name as a learner already here: { $known } · Already in the class: { $members } · New learners: { $new } · Lines left out: { $skipped }
class-review-same-name = A learner named "{ $name }" is already on this PC. Is this the same person?
class-review-same = The same person: { $name }
class-review-same-unit = The same person: { $name } — { $unit }
class-review-new = Someone else: add a new learner
class-review-new-list = New learners to be added ({ $count })
class-review-members = Already in the class, not added again: { $names }
class-review-skipped = These lines are not added:
class-members-title = Learners in the class ({ $count })
class-remove = Remove { $name } from the class
classes-dates = { $starts } – { $ends }
classes-dates-from = from { $starts }
class-trainer-line = Trainer: { $name }
class-learner-count = { $count } learners
classes-this-pc = This PC is in the class: { $name }
classes-this-pc-none = This PC is in no class. Open a class and press "Put this PC in this class" so that learners added on this PC join it.
classes-this-pc-set = Put this PC in this class
classes-this-pc-clear = Take this PC out of its class
classes-this-pc-help = When the PC is in a class, every learner added on this PC joins that class.

class-report-xlsx = Class report (Excel)
class-report-pdf = Class report (PDF)
class-report-save-title = Save the class report
class-report-running = Writing the class report…
class-report-done = The class report is saved in { $path }.
class-report-no-place = No place was chosen, so the report was not written. Press the report button again and choose where to save it.

class-error-name = Type the class's name.
class-error-long = Each box takes at most { $max } characters. Make it shorter.
class-error-no-start = Type the class's start date as day/month/year, e.g. 12/03/2026.
class-error-date = A date is not right. Type dates as day/month/year, e.g. 12/03/2026.
class-error-ends-before = The end date is before the start date. Correct one of them.
class-created = The class { $name } is created.
class-saved = The class { $name } is saved.
class-unchanged = Nothing about the class changed.
class-joined = { $count } learners added to the class.
class-left = { $name } is no longer in the class. Their results are kept.
class-pc-set = From now on, learners added on this PC join the class { $name }.
class-pc-cleared = This PC is no longer in a class.
class-paste-too-many = The list has { $lines } names, more than the { $max } one paste may hold. Paste it in several parts.
class-review-repeat = Line { $line }: "{ $name }" repeats a name above.
class-review-bad = Line { $line }: "{ $name }" — { $why }
class-questions-counting = Counting again with the latest quizzes…
class-questions-failed = The records could not be read, so the questions cannot be analysed now. Try opening the class again.
class-question-wrong-unknown = Which wrong answers were chosen is not known (results from an older version of the app).
