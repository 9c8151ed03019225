"""The whys tree model: a valid Qt tree over the demo's nodes that follows every change."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from postmortem_desk.domain.enums import FactorCategory
from postmortem_desk.gui.controller import PostmortemController
from postmortem_desk.gui.whys.evidence_picker import EventFilterModel, EventPickerModel
from postmortem_desk.gui.whys.whys_tree_model import (
    CATEGORY_ROLE,
    EMPTY_TEXT,
    EVIDENCE_COLUMN,
    FACTOR_COLUMN,
    ID_ROLE,
    IS_FACTOR_ROLE,
    TEXT_COLUMN,
    WhysTreeModel,
)


def loaded(controller: PostmortemController) -> WhysTreeModel:
    model = WhysTreeModel()
    model.set_bundle(controller.bundle)
    return model


def test_the_model_passes_qt_model_tester(qtmodeltester, controller: PostmortemController) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(loaded(controller))


def test_the_model_stays_valid_through_edits(  # type: ignore[no-untyped-def]
    qtmodeltester, controller: PostmortemController
) -> None:
    model = loaded(controller)
    qtmodeltester.check(model, force_py=True)
    whys = controller.services.whys
    root = model.children_of(None)[0]
    whys.add_node(controller.postmortem_id, text="A second problem")
    model.set_bundle(controller.bundle)
    whys.add_node(controller.postmortem_id, text="Another answer", parent_id=root)
    model.set_bundle(controller.bundle)
    whys.delete_node(model.children_of(root)[0])
    model.set_bundle(controller.bundle)
    assert model.rowCount() == 2
    assert model.rowCount(model.index_of(root)) == 2


def test_the_tree_follows_parents_and_positions(controller: PostmortemController) -> None:
    model = loaded(controller)
    assert model.rowCount() == 1
    root = model.index(0, TEXT_COLUMN)
    assert root.data().startswith("Checkout requests timed out")
    assert model.rowCount(root) == 2
    pool = model.index(0, TEXT_COLUMN, root)
    assert pool.data().startswith("Every orders-db connection")
    lock = model.index(0, TEXT_COLUMN, pool)
    assert [model.index(r, 0, lock).data()[:20] for r in range(model.rowCount(lock))] == [
        "The migration review",
        "The migration linter",
    ]
    assert model.parent(lock) == pool
    assert model.parent(root) == QModelIndex()
    assert model.depth_of(lock.data(ID_ROLE)) == 2


def test_factor_and_evidence_show_in_their_columns_and_roles(
    controller: PostmortemController,
) -> None:
    model = loaded(controller)
    by_text = {n.text[:20]: n.id for n in controller.bundle.why_nodes}
    review = model.index_of(by_text["The migration review"])
    assert review.data(IS_FACTOR_ROLE) is True
    assert review.data(CATEGORY_ROLE) == FactorCategory.PROCESS.value
    assert review.siblingAtColumn(FACTOR_COLUMN).data() == "Process"
    pool = model.index_of(by_text["Every orders-db conn"])
    assert pool.siblingAtColumn(EVIDENCE_COLUMN).data() == "1 event"
    assert "Evidence: 1 timeline event" in pool.data(Qt.ItemDataRole.ToolTipRole)
    assert "Contributing factor, Process" in review.data(Qt.ItemDataRole.AccessibleTextRole)


def test_only_the_text_column_is_editable_and_edits_are_announced_not_written(
    qtbot, controller: PostmortemController
) -> None:  # type: ignore[no-untyped-def]
    model = loaded(controller)
    root = model.index(0, TEXT_COLUMN)
    assert model.flags(root) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(root.siblingAtColumn(FACTOR_COLUMN)) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(model.text_edited) as blocker:
        assert model.setData(root, "  Checkout failed  ")
    assert blocker.args == [root.data(ID_ROLE), "Checkout failed"]
    assert controller.services.postmortems.load(controller.postmortem_id).why_nodes


def test_a_data_only_change_keeps_indexes_alive(controller: PostmortemController) -> None:
    model = loaded(controller)
    from PySide6.QtCore import QPersistentModelIndex

    node_id = model.children_of(None)[0]
    persistent = QPersistentModelIndex(model.index_of(node_id))
    controller.services.whys.update_node(node_id, text="")
    model.set_bundle(controller.services.postmortems.load(controller.postmortem_id))
    assert persistent.isValid()
    assert persistent.data() == EMPTY_TEXT
    assert persistent.data(Qt.ItemDataRole.EditRole) == ""


def test_the_event_picker_models_pass_the_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, controller: PostmortemController
) -> None:
    bundle = controller.bundle
    model = EventPickerModel()
    linked = {bundle.events[0].id or 0}
    model.set_events(bundle.events, offset_minutes=0, linked=linked)
    qtmodeltester.check(model)
    proxy = EventFilterModel()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("lock")
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()
    assert not model.flags(model.index(model.row_of(bundle.events[0].id or 0), 0)) & (
        Qt.ItemFlag.ItemIsSelectable
    )
