cli-content-errors = The lesson content has { $count ->
        [one] one problem
       *[other] { $count } problems
    }; see each line above.
cli-smoke-ok = Smoke test: first frame after { $ms } ms; { $screens } screens drawn.
cli-window-failed = The app window could not be opened. The computer needs OpenGL 2.0 or newer; update the graphics driver and try again.
cli-data-dir-failed = The data folder { $path } could not be created. Choose another folder with --data-dir.
cli-export-done = Records of { $learners ->
    [one] { $learners } learner
   *[other] { $learners } learners
} exported to { $path }.
cli-export-write-failed = The file { $path } could not be written. If the file is open (for example in Excel), close it and try again; otherwise choose another folder or check that the disk has free space.
