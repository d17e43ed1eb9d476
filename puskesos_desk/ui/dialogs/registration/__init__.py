"""Parts of the registration dialog: the choice lists, the household form, the member editor and its table."""
