app-name = Kỹ Năng Số
nav-home = Home
nav-settings = Settings
nav-language = Language
error-settings-save = The settings could not be saved. Check that the data folder can be written; next time the app will use the old settings.
error-content = The lesson content is damaged, so the app cannot open. Reinstall Kỹ Năng Số or tell your trainer.
dismiss = Close message
form-keys-hint = Press Enter to save, Esc to cancel.
