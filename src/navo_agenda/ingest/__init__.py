"""Reading a letter to Parliament and proposing what it says as records (`navo-agenda ingest`).

The pipeline reads the file (text.py), repairs what PDF extraction does to text (repair.py),
lays the letter out in header, headings, paragraphs and signature (body.py), and then finds,
each in its own module, the letter's own facts (letter.py), the documents it cites
(references.py), the meetings it names (meetings.py), its agenda items (structure.py) and its
commitments (commitments.py). proposal.py holds the records, pipeline.py strings it together,
matching.py finds what the database already has, saving.py writes the rest.

Nothing here imports Typer, Rich or the ORM: the CLI and the renderers sit on top of it.
"""
