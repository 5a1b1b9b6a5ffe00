# Fair graded quizzes, practice and review (issue 14)

review-check-missing-tests = Question "{ $id }" does not say what it tests ("tests": "skill", "fact" or "recall").
review-check-missing-lesson = Question "{ $id }" does not say which lesson it belongs to ("lesson").
review-check-lesson-not-graded = Lesson "{ $id }" has no skill or fact question, so a graded quiz cannot cover it.
review-check-draw-below-lessons = Each attempt draws { $draw } questions but the module has { $lessons } lessons; a graded quiz takes at least one question from each lesson.
