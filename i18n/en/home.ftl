home-title = Choose a module
home-intro = Each module has short lessons and a quiz. Study them in order or pick the one you need.
home-minutes = About { $minutes } minutes
home-lesson-count = { $count ->
    [one] { $count } lesson
   *[other] { $count } lessons
}
home-open = Open module
home-status-not-started = Not started
