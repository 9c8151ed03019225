"""The look the Prepare and Roles pages share: a few style rules and role properties."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from postmortem_desk.gui.style import colour


def set_role(widget: QWidget, role: str) -> None:
    """Change a style role property and let the style sheet see it."""
    if widget.property("role") != role:
        widget.setProperty("role", role)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def repolish_roles(root: QWidget) -> None:
    """Restyle every widget with a role property.

    The scroll area polishes its contents while ``setupUi`` runs, before ``retranslateUi`` sets
    the roles, so the style sheet would otherwise miss them.
    """
    for widget in root.findChildren(QWidget):
        if widget.property("role"):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


def page_style_sheet() -> str:
    """Return the few rules the Prepare and Roles pages add to the application's style.

    Spin boxes hide their arrow buttons here (``NoButtons`` leaves a styled spin box a text
    field one pixel wide); flat buttons need a visible focus frame for keyboard users.
    """
    accent = colour("accent").name()
    return (
        "QSpinBox::up-button, QSpinBox::down-button { width: 0px; border: none; }\n"
        f'QPushButton[role="flat"]:focus {{ border: 2px solid {accent}; border-radius: 6px; '
        "padding: 4px 8px; }\n"
        'QPushButton[compact="true"] { padding: 3px 12px; min-height: 0px; }\n'
        'QPushButton[compact="true"]:focus { padding: 2px 11px; }\n'
    )
