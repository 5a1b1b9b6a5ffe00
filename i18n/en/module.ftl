module-audience = For: { $audience }
module-lessons = Lessons
module-lesson-minutes = { $minutes } min
module-read = Read lesson { $number }
module-quiz = Quiz
module-quiz-info = { $draw } questions per attempt; { $pass }% correct to pass.
