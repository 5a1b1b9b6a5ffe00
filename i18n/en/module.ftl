module-audience = For: { $audience }
module-lessons = Lessons
module-lesson-minutes = { $minutes } min
module-quiz = Quiz
module-quiz-info = { $draw } questions per attempt; { $pass }% correct to pass.
