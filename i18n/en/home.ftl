home-title = Choose a module
home-intro = Each module has short lessons and a quiz. Study them in order or pick the one you need.
home-minutes = About { $minutes } minutes
home-lesson-count = { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
}
home-open = Open module
home-status-not-started = Not started
home-open-again = Continue the module
welcome-title = Welcome to Kỹ Năng Số
welcome-body = This app teaches you to use online public services: reporting on the province's system, birth registration, paying fees online, signing in with VNeID and staying safe online. It works without the Internet.
welcome-step-name = Type your full name so this computer can keep your progress.
welcome-step-learn = Choose a module, read its short lessons and do the practice simulations.
welcome-step-quiz = Take the quiz at the end of the module. Passing it completes the module.
welcome-start = Start
welcome-privacy = Your results stay on this computer. A trainer can collect them to make the roster.
