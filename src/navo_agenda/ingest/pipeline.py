"""From a letter's text to the proposal, each step in its own module (see __init__.py)."""

from navo_agenda.ingest.body import lay_out
from navo_agenda.ingest.commitments import find_commitments
from navo_agenda.ingest.letter import read_letter
from navo_agenda.ingest.meetings import meeting_records, signing_mentions
from navo_agenda.ingest.mentions import find_mentions
from navo_agenda.ingest.proposal import Proposal, ReferenceRecord
from navo_agenda.ingest.references import find_references, signed_document
from navo_agenda.ingest.repair import repair
from navo_agenda.ingest.structure import find_structure, with_positions
from navo_agenda.ingest.text import Source


def propose(source: Source) -> Proposal:
    text = repair(source.text)
    letter = read_letter(text, lay_out(text))
    layout = lay_out(text, letter.title)
    footnotes = [line for line in layout.closing if line[:1].isdigit()]
    found = find_references(layout.units, footnotes, letter.dated)
    references: list[ReferenceRecord] = list(found.records)
    cited = dict(found.cited)
    signings = signing_mentions(layout.units, letter.dated)
    for mention in signings:
        key = f"r{len(references) + 1}"
        references.append(signed_document(key, mention.unit.text, mention.resolved))
        cited[mention.unit.number] = (*cited.get(mention.unit.number, ()), key)
    mentions = find_mentions(layout.units, found.masks, letter.dated) + signings
    mentions.sort(key=lambda mention: (mention.unit.number, mention.start))
    meetings = meeting_records(mentions, letter.dated, cited)
    structure = find_structure(layout, meetings, cited)
    role = letter.sender.split(",")[0] if letter.sender else None
    commitments = find_commitments(
        layout.units, meetings, structure.placing, letter.dated, role, found.masks, cited
    )
    items = with_positions(structure.items, commitments.records, commitments.sections)
    return Proposal(
        source=source.name,
        format=source.format,
        letter=letter,
        references=tuple(references),
        meetings=meetings.records,
        items=tuple(items),
        commitments=tuple(commitments.records),
    )
