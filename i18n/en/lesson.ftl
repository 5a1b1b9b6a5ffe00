lesson-position = Lesson { $current }/{ $total }
lesson-prev = « Previous lesson
lesson-next = Next lesson »
lesson-back-to-module = Back to the module
lesson-keys-hint = Press the left or right arrow key to move between lessons.
lesson-image-missing = The picture { $name } cannot be shown.
lesson-link-hint = This address is for reading only; the app does not open web pages.
