"""Table models of the Prepare step: evidence links and attendees."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal

from postmortem_desk.domain.enums import RoleKind
from postmortem_desk.domain.models import EvidenceLink, Participant
from postmortem_desk.gui.models.row_table import ModelIndex, RowTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
URL_ROLE = Qt.ItemDataRole.UserRole + 3


def link_place(url: str) -> str:
    """Return where a link points, shortly: the host and the start of the path."""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    path = parts.path.rstrip("/")
    if len(path) > 28:
        path = path[:27] + "\u2026"
    return f"{parts.netloc}{path}"


class EvidenceLinkModel(RowTableModel[EvidenceLink]):
    """The postmortem's evidence links: title, kind and where each one points."""

    COLUMNS = ("Title", "Kind", "Link")

    def set_links(self, links: list[EvidenceLink]) -> None:
        """Show ``links``; rows keep their order of creation."""
        self.beginResetModel()
        self._rows = list(links)
        self.endResetModel()

    def link_at(self, row: int) -> EvidenceLink:
        """Return the link shown in ``row``."""
        return self._rows[row]

    def row_of(self, link_id: int) -> int:
        """Return the row of a link, or -1."""
        return self._row_where(lambda link: link.id == link_id)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, the full URL as tooltip, and the link's id and URL."""
        link = self._row_for(index)
        if link is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (link.title, link.kind.label, link_place(link.url))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{link.url}\nEnter or double-click opens it in the browser"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{link.title}, {link.kind.label}, {link.url}"
        if role == ID_ROLE:
            return link.id
        if role == URL_ROLE:
            return link.url
        return None


class AttendeeModel(RowTableModel[Participant]):
    """The participants with an Invited checkbox, their team and the roles they hold.

    Signals:
        invited_toggled(str, bool): the user ticked or cleared a person's Invited box (by name).
    """

    COLUMNS = ("Invited", "Name", "Team", "Roles")
    INVITED_COLUMN = 0
    invited_toggled = Signal(str, bool)

    def __init__(self) -> None:
        super().__init__()
        self._roles: dict[int, list[RoleKind]] = {}

    def set_people(self, people: list[Participant], roles: dict[int, list[RoleKind]]) -> None:
        """Show ``people`` with the roles each holds (by participant id)."""
        self.beginResetModel()
        self._rows = list(people)
        self._roles = dict(roles)
        self.endResetModel()

    def person_at(self, row: int) -> Participant:
        """Return the participant shown in ``row``."""
        return self._rows[row]

    def row_of(self, name: str) -> int:
        """Return the row of the person called ``name``, or -1."""
        return self._row_where(lambda person: person.name == name)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Let the Invited column be ticked."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.INVITED_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text or check state, and the person's id and name."""
        person = self._row_for(index)
        if person is None:
            return None
        column = index.column()
        roles = [r.label for r in self._roles.get(person.id or 0, []) if r != RoleKind.ATTENDEE]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.INVITED_COLUMN:
                return None
            return (None, person.name, person.team, ", ".join(roles))[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == self.INVITED_COLUMN:
            return Qt.CheckState.Checked if person.invited else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.AccessibleTextRole:
            invited = "invited" if person.invited else "not invited"
            return f"{person.name}, {invited}"
        if role == Qt.ItemDataRole.ToolTipRole and column == self.INVITED_COLUMN:
            return "Space ticks or clears the invitation"
        if role == ID_ROLE:
            return person.id
        if role == NAME_ROLE:
            return person.name
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ask for a change of the Invited box; the table shows it once it is saved."""
        if (
            not index.isValid()
            or index.column() != self.INVITED_COLUMN
            or role != Qt.ItemDataRole.CheckStateRole
        ):
            return False
        person = self._rows[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked != person.invited:
            self.invited_toggled.emit(person.name, checked)
        return True
