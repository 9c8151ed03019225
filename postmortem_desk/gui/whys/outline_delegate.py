"""Edit a why's text in place in the outline, where Tab and Shift+Tab keep shaping the tree."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

ModelIndex = QModelIndex | QPersistentModelIndex


class WhyTextDelegate(QStyledItemDelegate):
    """Give the outline's text column a line editor the language coach can watch.

    Signals:
        editor_created(QLineEdit): a new inline editor exists (register it with the coach).
        structure_key_pressed(int): Tab or Shift+Tab was pressed while editing; the text was
            saved and the editor closed, and the view should act on the key.
    """

    editor_created = Signal(QLineEdit)
    structure_key_pressed = Signal(int)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        """Return a line editor for a why's text."""
        editor = QLineEdit(parent)
        editor.setObjectName("whyInlineEditor")
        editor.setAccessibleName("Text of the why")
        editor.setPlaceholderText("What made that possible?")
        editor.setFrame(False)
        self.editor_created.emit(editor)
        return editor

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """Draw the text wrapped over as many lines as it needs."""
        wrapped = QStyleOptionViewItem(option)
        wrapped.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        wrapped.textElideMode = Qt.TextElideMode.ElideNone
        super().paint(painter, wrapped, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        """Make a row tall enough for its wrapped text at the column's width."""
        view = self.parent()
        if not isinstance(view, QTreeView):
            return super().sizeHint(option, index)
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        width = view.columnWidth(index.column()) - view.indentation() * (depth + 1)
        wrapped = QStyleOptionViewItem(option)
        self.initStyleOption(wrapped, index)
        if wrapped.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            width -= wrapped.decorationSize.width() + 12
        text = wrapped.text
        metrics = wrapped.fontMetrics
        bounds = metrics.boundingRect(
            QRect(0, 0, max(60, width - 16), 100_000),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        return QSize(max(80, width), max(bounds.height() + 14, 30))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save and close on Tab or Shift+Tab, then hand the key to the outline."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            key = Qt.Key.Key_Backtab if event.key() == Qt.Key.Key_Backtab else Qt.Key.Key_Tab
            self.commitData.emit(watched)
            self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
            self.structure_key_pressed.emit(int(key.value))
            return True
        return super().eventFilter(watched, event)
