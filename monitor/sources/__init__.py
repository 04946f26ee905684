"""Sources: where entries come from (RSS/Atom feeds, Google News searches) and when to poll."""
