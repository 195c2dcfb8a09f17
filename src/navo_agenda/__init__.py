"""navo-agenda: NATO ministerial meetings as the Dutch government reports them to Parliament."""

__version__ = "0.1.0"
