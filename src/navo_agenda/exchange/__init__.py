"""Taking the agenda elsewhere and bringing it back: export and import in JSON, CSV, ICS and
Markdown. Formats render or parse; they never print, and importing writes through the
store inside the caller's transaction, after the whole file has been checked."""
