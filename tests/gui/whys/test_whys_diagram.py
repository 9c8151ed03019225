"""The whys diagram: fits its area, wraps, marks factors, selects, and themes for the projector."""

from __future__ import annotations

import itertools

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from postmortem_desk.domain.enums import FactorCategory
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.style import palette
from postmortem_desk.gui.widgets.whys_diagram import DiagramTheme, WhysDiagram
from postmortem_desk.services.whys_layout import Orientation

PROJECTOR = DiagramTheme.high_contrast(28)


@pytest.fixture
def diagram(qtbot, controller: PostmortemController) -> WhysDiagram:  # type: ignore[no-untyped-def]
    widget = WhysDiagram()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.set_bundle(controller.bundle)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def grab(widget: WhysDiagram) -> QImage:
    return widget.grab().toImage()


def ids_by_text(controller: PostmortemController) -> dict[str, int]:
    return {n.text[:20]: n.id or 0 for n in controller.bundle.why_nodes}


def test_the_facilitator_theme_comes_from_the_app_palette() -> None:
    theme = DiagramTheme.facilitator()
    assert theme.background == palette()["surface"]
    assert theme.text == palette()["text"]
    assert theme.selected == palette()["accent"]
    with pytest.raises(AttributeError):
        theme.font_px = 30  # type: ignore[misc]


def test_every_node_is_drawn_without_overlaps_inside_the_widget(diagram: WhysDiagram) -> None:
    layout = diagram.tree_layout()
    assert layout is not None
    assert len(layout.boxes) == 8
    for a, b in itertools.combinations(layout.boxes.values(), 2):
        assert not a.overlaps(b)
    assert not diagram.is_scrolling()
    area = diagram.rect()
    for node_id in layout.boxes:
        assert area.contains(diagram.node_rect(node_id).toRect())


def test_long_text_wraps_to_the_themes_box_width(diagram: WhysDiagram, controller) -> None:  # type: ignore[no-untyped-def]
    node_id = ids_by_text(controller)["Migration 0187 built"]
    lines = diagram.lines_of(node_id)
    assert len(lines) > 1
    assert " ".join(lines) == controller.bundle.why_nodes[2].text
    rect = diagram.node_rect(node_id)
    assert rect.width() <= diagram.theme().max_box_em * diagram.font_px() + 60


def test_a_small_area_shrinks_the_type_then_scrolls(qtbot, diagram: WhysDiagram) -> None:  # type: ignore[no-untyped-def]
    big = diagram.font_px()
    assert big == diagram.theme().font_px
    diagram.resize(560, 520)
    qtbot.waitUntil(lambda: diagram.font_px() < big)
    diagram.resize(260, 200)
    qtbot.waitUntil(diagram.is_scrolling)
    assert diagram.font_px() == diagram.theme().min_font_px


def test_zooming_changes_the_type_and_fit_restores_it(diagram: WhysDiagram) -> None:
    fitted = diagram.font_px()
    diagram.zoom_in()
    assert diagram.font_px() > fitted
    diagram.zoom_out()
    diagram.zoom_out()
    assert diagram.font_px() < fitted
    diagram.zoom_to_fit()
    assert diagram.font_px() == fitted


def test_factors_get_their_category_fill(diagram: WhysDiagram, controller) -> None:  # type: ignore[no-untyped-def]
    theme = diagram.theme()
    node_id = ids_by_text(controller)["The migration review"]
    rect = diagram.node_rect(node_id)
    image = grab(diagram)
    inside = image.pixelColor(QPoint(round(rect.center().x()), round(rect.bottom() - 3)))
    assert inside == QColor(theme.factor_fills[FactorCategory.PROCESS])
    plain = diagram.node_rect(ids_by_text(controller)["Every orders-db conn"])
    plain_inside = image.pixelColor(QPoint(round(plain.center().x()), round(plain.bottom() - 3)))
    assert plain_inside == QColor(theme.node_fill)


def test_clicking_a_node_selects_it_and_says_so(qtbot, diagram: WhysDiagram, controller) -> None:  # type: ignore[no-untyped-def]
    node_id = ids_by_text(controller)["The migration linter"]
    centre = diagram.node_rect(node_id).center().toPoint()
    canvas = diagram.findChild(QWidget, "whysDiagramCanvas")
    assert canvas is not None
    with qtbot.waitSignal(diagram.node_clicked) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.mapFrom(diagram, centre))
    assert blocker.args == [node_id]
    assert diagram.selected() == node_id
    image = grab(diagram)
    rect = diagram.node_rect(node_id)
    edge = image.pixelColor(QPoint(round(rect.center().x()), round(rect.top() - 3)))
    assert edge == QColor(diagram.theme().selected)


def test_arrow_keys_walk_the_tree(qtbot, diagram: WhysDiagram, controller) -> None:  # type: ignore[no-untyped-def]
    ids = ids_by_text(controller)
    diagram.set_orientation(Orientation.LEFT_TO_RIGHT)
    diagram.setFocus()
    diagram.set_selected(ids["Checkout requests ti"])
    with qtbot.waitSignal(diagram.node_clicked) as blocker:
        qtbot.keyClick(diagram, Qt.Key.Key_Right)
    assert blocker.args == [ids["Every orders-db conn"]]
    qtbot.keyClick(diagram, Qt.Key.Key_Down)
    assert diagram.selected() == ids["Mitigation took 68 m"]
    qtbot.keyClick(diagram, Qt.Key.Key_Left)
    assert diagram.selected() == ids["Checkout requests ti"]


def test_the_diagram_follows_a_changed_bundle(diagram: WhysDiagram, controller) -> None:  # type: ignore[no-untyped-def]
    ids = ids_by_text(controller)
    whys = controller.services.whys
    new = whys.add_node(
        controller.postmortem_id, text="A new branch", parent_id=ids["Every orders-db conn"]
    )
    whys.delete_node(ids["Mitigation took 68 m"])
    diagram.set_selected(ids["Mitigation took 68 m"])
    diagram.set_bundle(controller.services.postmortems.load(controller.postmortem_id))
    layout = diagram.tree_layout()
    assert layout is not None
    assert new.id in layout.boxes
    assert ids["Mitigation took 68 m"] not in layout.boxes
    assert diagram.selected() is None


def test_the_projector_theme_draws_large_high_contrast_type(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    widget = WhysDiagram(theme=PROJECTOR)
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    widget.set_bundle(controller.bundle)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.font_px() == 28
    assert not widget.is_scrolling()
    image = grab(widget)
    assert image.pixelColor(QPoint(3, 3)) == QColor("#0B0F1A")
    layout = widget.tree_layout()
    assert layout is not None
    for a, b in itertools.combinations(layout.boxes.values(), 2):
        assert not a.overlaps(b)


def test_set_theme_redraws_with_the_new_colours(qtbot, diagram: WhysDiagram) -> None:  # type: ignore[no-untyped-def]
    diagram.set_theme(PROJECTOR)
    assert diagram.theme() is PROJECTOR
    assert grab(diagram).pixelColor(QPoint(3, 3)) == QColor("#0B0F1A")


def test_an_empty_tree_says_how_to_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    from postmortem_desk.domain.models import Postmortem
    from postmortem_desk.services.bundle import PostmortemBundle

    widget = WhysDiagram()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.set_bundle(PostmortemBundle(postmortem=Postmortem(id=1, title="Empty")))
    assert widget.accessibleDescription() == "No whys yet."
    layout = widget.tree_layout()
    assert layout is not None
    assert layout.boxes == {}
