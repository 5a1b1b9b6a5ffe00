# Fair graded quizzes, practice and review (issue 14)

review-check-missing-tests = Question "{ $id }" does not say what it tests ("tests": "skill", "fact" or "recall").
review-check-missing-lesson = Question "{ $id }" does not say which lesson it belongs to ("lesson").
review-check-lesson-not-graded = Lesson "{ $id }" has no skill or fact question, so a graded quiz cannot cover it.
review-check-draw-below-lessons = Each attempt draws { $draw } questions but the module has { $lessons } lessons; a graded quiz takes at least one question from each lesson.

review-wrong-again = Practise the wrong answers again
review-section = Practice
review-due = Questions to review: { $count }
review-due-none = No questions to review.
review-start = Review wrong answers
review-due-info = Questions answered wrong in the quiz are asked again. Two right answers in a row and a question needs no more review.
review-practice-info = Practise { $count } recall questions (document numbers, dates). Not graded; does not count towards the module.
review-practice-start = Practise recall questions
review-title = Review wrong answers
review-practice-title = Practice
review-not-graded = Not graded: a question answered wrong comes back after a few others.
review-progress = Done { $done }/{ $total }
review-again-later = This question will come back after a few others.
review-next = Next question
review-finished = You have finished the review.
review-finished-practice = You have answered every recall question right.
review-nothing = There is nothing to practise.
review-back = Back to the module page
review-no-learner = Choose a learner to have the practice recorded.
