"""The five-whys tree as an item model: problem statements at the top, answers beneath."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from postmortem_desk.domain.models import WhyNode
from postmortem_desk.gui.style import colour
from postmortem_desk.gui.widgets.whys_diagram import DiagramTheme
from postmortem_desk.services.bundle import PostmortemBundle

ModelIndex = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_FACTOR_ROLE = Qt.ItemDataRole.UserRole + 2
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 3
EVIDENCE_COUNT_ROLE = Qt.ItemDataRole.UserRole + 4

TEXT_COLUMN = 0
FACTOR_COLUMN = 1
EVIDENCE_COLUMN = 2
COLUMNS = ("Why", "Factor", "Evidence")
EMPTY_TEXT = "(empty: press F2 to write the answer)"
_FACTOR_THEME = DiagramTheme.facilitator()


class WhysTreeModel(QAbstractItemModel):
    """One item per why node; children are the answers to "what made that possible?".

    The model never writes: an edit of the text column is announced with ``text_edited`` and
    the page turns it into an undoable service call, after which ``set_bundle`` shows it.

    Signals:
        text_edited(int, str): the user typed new text for a node (node id, text).
    """

    text_edited = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self._nodes: dict[int, WhyNode] = {}
        self._children: dict[int | None, list[int]] = {None: []}
        self._evidence: dict[int, int] = {}

    # --- Loading ----------------------------------------------------------------------------

    def set_bundle(self, bundle: PostmortemBundle) -> None:
        """Show the why nodes of ``bundle``; keep indexes alive when only data changed."""
        nodes = {node.id: node for node in bundle.why_nodes if node.id is not None}
        children: dict[int | None, list[int]] = {None: []}
        for parent, kids in bundle.why_children().items():
            known_parent = parent if parent in nodes else None
            children.setdefault(known_parent, []).extend(k.id for k in kids if k.id is not None)
        evidence: dict[int, int] = {}
        for link in bundle.why_evidence:
            evidence[link.why_node_id] = evidence.get(link.why_node_id, 0) + 1
        if children == self._children and nodes.keys() == self._nodes.keys():
            self._nodes = nodes
            self._evidence = evidence
            self._emit_all_changed(None)
            return
        self.beginResetModel()
        self._nodes = nodes
        self._children = children
        self._evidence = evidence
        self.endResetModel()

    def _emit_all_changed(self, parent_id: int | None) -> None:
        kids = self._children.get(parent_id, [])
        if not kids:
            return
        parent = self.index_of(parent_id) if parent_id is not None else QModelIndex()
        self.dataChanged.emit(
            self.index(0, 0, parent), self.index(len(kids) - 1, len(COLUMNS) - 1, parent)
        )
        for kid in kids:
            self._emit_all_changed(kid)

    # --- Lookups ----------------------------------------------------------------------------

    def node(self, node_id: int) -> WhyNode | None:
        """Return a node by id, if the model holds it."""
        return self._nodes.get(node_id)

    def node_at(self, index: ModelIndex) -> WhyNode | None:
        """Return the node an index points at."""
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def children_of(self, node_id: int | None) -> list[int]:
        """Return the ids of a node's answers (None: the problem statements), in order."""
        return list(self._children.get(node_id, []))

    def parent_of(self, node_id: int) -> int | None:
        """Return the id of a node's parent, or None for a problem statement."""
        node = self._nodes.get(node_id)
        if node is None or node.parent_id not in self._nodes:
            return None
        return node.parent_id

    def row_of(self, node_id: int) -> int:
        """Return a node's row among its siblings, or -1."""
        siblings = self._children.get(self.parent_of(node_id), [])
        return siblings.index(node_id) if node_id in siblings else -1

    def is_leaf(self, node_id: int) -> bool:
        """Tell whether a node has no answers yet."""
        return not self._children.get(node_id)

    def index_of(self, node_id: int, column: int = TEXT_COLUMN) -> QModelIndex:
        """Return the index of a node (invalid when the node is not in the model)."""
        row = self.row_of(node_id) if node_id in self._nodes else -1
        if row < 0:
            return QModelIndex()
        return self.createIndex(row, column, node_id)

    def depth_of(self, node_id: int) -> int:
        """Return how many answers deep a node is (0 for a problem statement)."""
        depth = 0
        current = self.parent_of(node_id)
        while current is not None and depth <= len(self._nodes):
            depth += 1
            current = self.parent_of(current)
        return depth

    # --- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Return the index of ``row`` under ``parent``."""
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != TEXT_COLUMN:
            return QModelIndex()
        parent_id = parent.internalId() if parent.isValid() else None
        kids = self._children.get(parent_id, [])
        if row >= len(kids):
            return QModelIndex()
        return self.createIndex(row, column, kids[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Return the index of a node's parent."""
        if not index.isValid():
            return QModelIndex()
        parent_id = self.parent_of(index.internalId())
        if parent_id is None:
            return QModelIndex()
        return self.index_of(parent_id)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return how many answers ``parent`` has."""
        if parent.isValid() and parent.column() != TEXT_COLUMN:
            return 0
        parent_id = parent.internalId() if parent.isValid() else None
        return len(self._children.get(parent_id, []))

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return len(COLUMNS)

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        """Tell whether ``parent`` has answers."""
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Name the columns."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Make the text column editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == TEXT_COLUMN:
            return base | Qt.ItemFlag.ItemIsEditable
        return base | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what the outline shows for one node and column."""
        node = self.node_at(index)
        if node is None or node.id is None:
            return None
        column = index.column()
        if role == ID_ROLE:
            return node.id
        if role == IS_FACTOR_ROLE:
            return node.is_factor
        if role == CATEGORY_ROLE:
            return node.category.value if node.category else None
        if role == EVIDENCE_COUNT_ROLE:
            return self._evidence.get(node.id, 0)
        if role == Qt.ItemDataRole.EditRole and column == TEXT_COLUMN:
            return node.text
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT_COLUMN:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == TEXT_COLUMN and not node.text:
                return colour("muted")
            if column != TEXT_COLUMN:
                return colour("muted")
        if role == Qt.ItemDataRole.FontRole and column == TEXT_COLUMN and node.parent_id is None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and node.is_factor and column != EVIDENCE_COLUMN:
            return QColor(_FACTOR_THEME.accent_for(node))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(node)
        return None

    def _display(self, node: WhyNode, column: int) -> str:
        assert node.id is not None
        if column == TEXT_COLUMN:
            return node.text or EMPTY_TEXT
        if column == FACTOR_COLUMN:
            if not node.is_factor:
                return ""
            return node.category.label if node.category else "Factor"
        count = self._evidence.get(node.id, 0)
        return f"{count} event{'s' if count != 1 else ''}" if count else ""

    def _tooltip(self, node: WhyNode) -> str:
        assert node.id is not None
        parts = [node.text or "(empty)"]
        if node.is_factor:
            category = node.category.label if node.category else "no category yet"
            parts.append(f"Contributing factor: {category}")
        count = self._evidence.get(node.id, 0)
        if count:
            parts.append(f"Evidence: {count} timeline event{'s' if count != 1 else ''}")
        return "\n".join(parts)

    def _accessible(self, node: WhyNode) -> str:
        assert node.id is not None
        kind = "Problem statement" if node.parent_id is None else "Why"
        text = node.text or "empty"
        if node.is_factor:
            category = node.category.label if node.category else "no category"
            return f"{kind}: {text}. Contributing factor, {category}."
        return f"{kind}: {text}"

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Announce an edit of a node's text; the page saves it."""
        node = self.node_at(index)
        if node is None or node.id is None or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() != TEXT_COLUMN:
            return False
        text = str(value).strip()
        if text == node.text:
            return True
        self.text_edited.emit(node.id, text)
        return True
