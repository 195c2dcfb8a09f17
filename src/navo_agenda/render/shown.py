"""What `show KEY` prints on a terminal for an agenda item, a commitment or a document (a
meeting is render/meeting.py's); each kind's renderer is imported when it is needed."""

from datetime import date

from rich.console import RenderableType

from navo_agenda.details import CommitmentDetail, DocumentDetail, ItemDetail


def shown_view(
    found: ItemDetail | CommitmentDetail | DocumentDetail, *, today: date
) -> RenderableType:
    if isinstance(found, ItemDetail):
        from navo_agenda.render.item import item_detail

        return item_detail(found, today=today)
    if isinstance(found, CommitmentDetail):
        from navo_agenda.render.commitment import commitment_detail

        return commitment_detail(found, today=today)
    from navo_agenda.render.document import document_detail

    return document_detail(found)
