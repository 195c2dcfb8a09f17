"""Rendering: records in, Rich renderables or JSON-ready data out. Nothing here queries."""
