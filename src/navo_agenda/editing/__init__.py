"""Use cases that change the agenda: add, edit and remove meetings, items, commitments and
documents. Each validates every value before it writes anything, and runs inside the
caller's write transaction, so a failed command changes nothing."""
